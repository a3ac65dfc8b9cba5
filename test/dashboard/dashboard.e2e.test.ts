import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../src/config/index.js';
import { createNeo4jDriver, writeDocumentGraph } from '../../src/graph/index.js';
import { createDocumentQueue, DOCUMENTS_QUEUE } from '../../src/queue/index.js';
import { startWorkerProcess, stopWorkerProcess } from '../../src/services/index.js';
import { openDashboard, screenshot } from '../support/browser.js';
import {
  buildGraphFixture,
  buildOfficerChanges,
  type GraphFixture,
  removeGraphFixture,
  writeGraphFixture,
} from '../support/graph-fixture.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const samples = path.join(projectRoot, 'samples');
const ADMIN_KEY = 'dashboard-e2e-admin-key';
// 华辰精密 (603871): a pledge announcement and a broker report rating it.
const COMPANY = { key: '603871', name: '华辰精密制造股份有限公司' };

describe('dashboard in headless Chromium', { timeout: 300_000 }, () => {
  const prefix = uniquePrefix();
  const config = testConfig({
    queuePrefix: prefix,
    host: '127.0.0.1',
    port: 0,
    apiKeys: [{ key: ADMIN_KEY, role: 'admin' }],
  });
  let worker: ChildProcess;
  let page: Page;
  let pageErrors: string[] = [];
  let closeDashboard: (() => Promise<void>) | undefined;
  // A hand-built graph beside the uploads, for pages whose content should not depend on the model.
  const fixture: GraphFixture = buildGraphFixture(prefix);
  const officer = buildOfficerChanges(fixture);
  const driver = createNeo4jDriver(config);

  before(async () => {
    await ensureTestServices(config);
    await writeGraphFixture(driver, config.neo4jDatabase, fixture);
    for (const doc of officer.documents) await writeDocumentGraph(driver, config.neo4jDatabase, doc);
    worker = startWorkerProcess(config, { WORKER_CONCURRENCY: '2' });
    ({ page, pageErrors, close: closeDashboard } = await openDashboard(config));
    // A Content-Security-Policy violation is a console error, not a page error.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) {
        pageErrors.push(message.text());
      }
    });
  });

  after(async () => {
    await removeGraphFixture(driver, config.neo4jDatabase, prefix);
    await driver.close();
    await closeDashboard?.();
    if (worker) await stopWorkerProcess(worker);
    const queue = createDocumentQueue(config);
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('asks for a key, refuses a wrong one, and signs in with the right one', async () => {
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    assert.match(String(headers['content-security-policy']), /script-src 'self';.*frame-ancestors 'none'/);
    assert.equal(headers['x-frame-options'], 'DENY');
    await page.getByLabel('API key').fill('not-the-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('the API key is not valid').waitFor();
    await page.getByLabel('API key').fill(ADMIN_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Upload' }).waitFor();
  });

  it('uploads a PDF announcement and a research report and follows both jobs live to the end', async () => {
    await page.getByLabel('published on').fill('2025-04-28');
    await page
      .getByLabel('documents to upload')
      .setInputFiles([
        path.join(samples, 'ann-603871-pledge.pdf'),
        path.join(samples, 'rr-603871-glxd-q1-review.pdf'),
      ]);
    await page.getByRole('button', { name: /^Upload/ }).click();
    const rows = page.locator('[data-testid=jobs] tr');
    await rows.nth(1).waitFor();
    // Both rows reach "completed" through the event stream, without a reload.
    await page
      .locator('[data-testid=jobs] tr[data-state=completed], [data-testid=jobs] tr[data-state=failed]')
      .nth(1)
      .waitFor({ timeout: 240_000 });
    await screenshot(page, 'dashboard-jobs');
    assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-state'))), [
      'completed',
      'completed',
    ]);
    assert.match(
      (await rows.allInnerTexts()).join('\n'),
      /\d+ pages, \d+ sentences, \d+ entities, \d+ events/,
    );
  });

  it('shows the announcement text with the pledge marked, and details on click', async () => {
    await page.getByRole('link', { name: 'ann-603871-pledge.pdf' }).click();
    const trigger = page.locator('[data-testid=document-text] .span-trigger', { hasText: '质押' }).first();
    await trigger.waitFor();
    assert.ok((await page.locator('[data-testid=document-text] .span-entity').count()) > 0, 'entity marks');
    assert.match(String(await trigger.getAttribute('title')), /trigger of 质押 \(confidence \d+%\)/);
    await trigger.click();
    await page.locator('[data-testid=selected-spans]', { hasText: 'trigger of 质押' }).waitFor();
    await screenshot(page, 'dashboard-document');
  });

  it('opens the company page with its timeline, graph and rating history', async () => {
    await page.goto(`/companies/${COMPANY.key}`);
    await page.getByTestId('company-name').getByText(COMPANY.name).waitFor();

    const timeline = page.getByTestId('timeline-chart');
    await timeline.locator('canvas').waitFor();
    assert.match(String(await timeline.getAttribute('data-types')), /质押/);

    // One hop reaches the documents; their events are a second hop away.
    await page.getByLabel('hops').selectOption('2');
    const graph = page.locator('[data-testid=graph-view][data-hops="2"]');
    await graph.locator('canvas').first().waitFor();
    const nodes = await page
      .locator('[data-testid=graph-nodes] li')
      .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-label')}:${li.textContent}`));
    assert.ok(
      nodes.some((n) => n.startsWith(`Company:${COMPANY.name}`)),
      nodes.join(', '),
    );
    assert.ok(
      nodes.some((n) => n.startsWith('Event:质押')),
      nodes.join(', '),
    );
    assert.ok(
      nodes.some((n) => n.startsWith('Document:')),
      nodes.join(', '),
    );

    const ratings = page.getByTestId('rating-chart');
    await ratings.locator('canvas').waitFor();
    assert.match(String(await ratings.getAttribute('data-brokers')), /国联信达证券/);
    assert.match(String(await page.getByTestId('ratings').textContent()), /2025-04-28国联信达证券buy/);
    // The report's forecast table (百万元 in the PDF) by broker and report date, amounts in 亿元.
    assert.match(
      String(await page.getByTestId('forecasts').textContent()),
      /2025-04-28国联信达证券营业收入35\.12亿元.*归母净利润4\.02亿元/,
    );
    await screenshot(page, 'dashboard-company');
  });

  it('finds the pledge through event search and shows its provenance', async () => {
    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByLabel('event type').selectOption('质押');
    await page.getByLabel('document kind').selectOption('announcement');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.locator('[data-testid=events] tbody tr[data-event-type="质押"]').first();
    await row.locator('td').first().click();
    const detail = page.getByTestId('event-detail');
    // Whichever pledge comes first: its type heads the panel and its trigger is marked in its sentence.
    await detail.locator('h3', { hasText: '质押' }).waitFor();
    await detail.locator('blockquote mark.span-trigger').first().waitFor();
    assert.match(String(await detail.textContent()), /p\. \d+/);
    await screenshot(page, 'dashboard-events');
    // A search that finds nothing says so.
    await detail.getByRole('button', { name: 'close' }).click();
    await page.getByLabel('from').fill('1990-01-01');
    await page.getByLabel('to').fill('1990-01-02');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('events-empty').waitFor();
  });

  it('opens an organisation and a person with their graph and events', async () => {
    await page.goto(`/organizations/${encodeURIComponent(fixture.bank.key)}`);
    await page.getByTestId('entity-name').getByText(fixture.bank.name).waitFor();
    await page.getByTestId('graph-view').locator('canvas').first().waitFor();
    assert.match(String(await page.getByTestId('entity-events').textContent()), /质押PLEDGEE/);
    await page.getByTestId('entity-events').getByRole('button', { name: '质押' }).click();
    await page.getByTestId('event-detail').locator('h3', { hasText: '质押' }).waitFor();
    await screenshot(page, 'dashboard-organization');

    await page.goto(`/people/${encodeURIComponent(fixture.person.key)}`);
    await page.getByTestId('entity-name').getByText(fixture.person.name).waitFor();
    await page.getByTestId('graph-view').locator('canvas').first().waitFor();
  });

  it('shows a person with their company and positions over time', async () => {
    await page.goto(`/people/${encodeURIComponent(officer.person.key)}`);
    await page.getByTestId('entity-name').getByText(officer.person.name).waitFor();
    await page.getByTestId('entity-company').getByRole('link', { name: fixture.company.name }).waitFor();
    const rows = page.getByTestId('position-history').locator('tbody tr');
    await rows.nth(1).waitFor();
    const cells = async (i: number) =>
      (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual((await cells(0)).slice(0, 5), [
      '2024-01-05',
      '聘任',
      '总经理',
      '',
      fixture.company.name,
    ]);
    assert.deepEqual((await cells(1)).slice(0, 5), [
      '2024-06-30',
      '辞去',
      '总经理',
      '董事',
      fixture.company.name,
    ]);
    await rows
      .nth(1)
      .getByRole('link', { name: /关于高级管理人员变动的公告（2）/ })
      .click();
    await page.waitForURL(new RegExp(`/documents/${fixture.prefix}-officer-2$`));
    await screenshot(page, 'dashboard-person');
  });

  it('gives admins the queue board at /admin', async () => {
    await page.goto('/admin');
    await page.getByText(DOCUMENTS_QUEUE).first().waitFor();
    await screenshot(page, 'dashboard-admin');
    // The board's own changes carry the session cookie from this origin: Chromium's Origin and
    // Sec-Fetch-Site pass the check that refuses the same request from another site.
    const retry = await page.evaluate(
      async (queue) => (await fetch(`/admin/api/queues/${queue}/retry/failed`, { method: 'PUT' })).status,
      DOCUMENTS_QUEUE,
    );
    assert.equal(retry, 200);
  });

  it('serves the API docs under their content security policy', async () => {
    await page.goto('/docs');
    await page.getByText('finkg API').first().waitFor();
  });

  it('says so when an upload finds no worker running', async () => {
    await stopWorkerProcess(worker);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Upload' }).waitFor();
    await page.getByLabel('documents to upload').setInputFiles({
      name: 'news-no-worker.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('公司于近日与华东电力签署了采购合同，合同金额为3.4亿元。'),
    });
    await page.getByRole('button', { name: /^Upload/ }).click();
    await page.getByRole('alert').filter({ hasText: 'No worker is running' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'dashboard-no-worker');
  });

  it('ran without script errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
