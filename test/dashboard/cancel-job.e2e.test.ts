/**
 * An admin cancels an active job from the dashboard's job list, in headless Chromium, against the real
 * API and a worker reading a document that would hold it for minutes.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Dialog, Page } from 'playwright-core';
import type { RunningServer } from '../../src/api/server.js';
import { createNeo4jDriver } from '../../src/graph/index.js';
import { createDocumentQueue } from '../../src/queue/index.js';
import { startWorkerProcess, stopWorkerProcess } from '../../src/services/index.js';
import { openDashboard, screenshot } from '../support/browser.js';
import { operatorBombPdf } from '../support/pdf-fixtures.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const ADMIN_KEY = 'dashboard-cancel-admin-key';
const SUBMIT_KEY = 'dashboard-cancel-submit-key';

describe('cancelling an active job from the dashboard', { timeout: 300_000 }, () => {
  const config = testConfig({
    queuePrefix: uniquePrefix(),
    host: '127.0.0.1',
    port: 0,
    apiKeys: [
      { key: ADMIN_KEY, role: 'admin' },
      { key: SUBMIT_KEY, role: 'submit' },
    ],
  });
  const queue = createDocumentQueue(config);
  const driver = createNeo4jDriver(config);
  let server: RunningServer;
  let worker: ChildProcess;
  let page: Page;
  let pageErrors: string[] = [];
  let closeDashboard: (() => Promise<void>) | undefined;

  before(async () => {
    await ensureTestServices(config);
    // Far past the time the test needs: only the admin's cancel ends the slow document.
    worker = startWorkerProcess(config, { DOCUMENT_READ_SECONDS: '600', KNOWLEDGE_REFRESH_SECONDS: '0' });
    ({ server, page, pageErrors, close: closeDashboard } = await openDashboard(config, 900));
  });

  after(async () => {
    await closeDashboard?.();
    if (worker) await stopWorkerProcess(worker);
    await queue.obliterate({ force: true });
    await Promise.allSettled([queue.close(), driver.close()]);
  });

  async function signIn(key: string): Promise<void> {
    await page.goto('/');
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Upload' }).waitFor();
  }

  it('asks first, then stops the job: it fails once as cancelled by admin and writes nothing', async () => {
    await signIn(ADMIN_KEY);
    // A 20 KB PDF whose content stream expands to 20 MB of text operators: minutes of parsing.
    await page.getByLabel('documents to upload').setInputFiles({
      name: 'slow.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(operatorBombPdf(20 * 1024 * 1024 + 16_384)),
    });
    await page.getByRole('button', { name: /^Upload/ }).click();
    const row = page.locator('[data-testid=jobs] tr', { hasText: 'slow.pdf' });
    await row.and(page.locator('[data-state=active]')).waitFor({ timeout: 120_000 });
    const jobId = (await row.getAttribute('data-job')) as string;

    // Declining the confirmation leaves the job running.
    const dialogs: string[] = [];
    const answer = (accept: boolean) => (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    };
    page.once('dialog', answer(false));
    await row.getByRole('button', { name: 'cancel slow.pdf' }).click();
    await page.waitForTimeout(1000);
    assert.match(dialogs[0] ?? '', /Cancel the job of slow\.pdf\?.*not retried/);
    assert.equal(await (await queue.getJob(jobId))?.getState(), 'active');
    assert.equal(await page.getByTestId('cancel-outcome').count(), 0);

    page.once('dialog', answer(true));
    await row.getByRole('button', { name: 'cancel slow.pdf' }).click();
    await page
      .getByTestId('cancel-outcome')
      .filter({ hasText: 'Cancelled the job of slow.pdf: it failed and will not be retried.' })
      .waitFor({ timeout: 30_000 });
    await row.and(page.locator('[data-state=failed]')).waitFor();
    assert.match((await row.textContent()) ?? '', /cancelled by admin/);
    assert.equal(await row.getByRole('button', { name: 'cancel slow.pdf' }).count(), 0);
    await screenshot(page, 'dashboard-cancelled-job');

    const job = await queue.getJob(jobId);
    assert.equal(await job?.getState(), 'failed');
    assert.equal(job?.attemptsMade, 1, 'a cancelled job is not retried');
    const { records } = await driver.executeQuery('MATCH (d:Document {id: $id}) RETURN count(d) AS n', {
      id: job?.data.documentId,
    });
    assert.equal(Number(records[0]?.get('n')), 0, 'the cancelled document wrote nothing');
  });

  it('the worker goes on with the next upload', async () => {
    await page.getByLabel('documents to upload').setInputFiles({
      name: 'after-cancel.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('公司于近日与华东电力签署了采购合同，合同金额为3.4亿元。'),
    });
    await page.getByRole('button', { name: /^Upload/ }).click();
    await page
      .locator('[data-testid=jobs] tr[data-state=completed]', { hasText: 'after-cancel.txt' })
      .waitFor({ timeout: 120_000 });
  });

  it('offers no cancel button to a key below admin', async () => {
    await page.getByRole('button', { name: 'sign out' }).click();
    await signIn(SUBMIT_KEY);
    await page.getByLabel('documents to upload').setInputFiles({
      name: 'slow-again.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(operatorBombPdf(20 * 1024 * 1024 + 32_768)),
    });
    await page.getByRole('button', { name: /^Upload/ }).click();
    const row = page.locator('[data-testid=jobs] tr', { hasText: 'slow-again.pdf' });
    await row.and(page.locator('[data-state=active]')).waitFor({ timeout: 120_000 });
    assert.equal(await page.getByRole('button', { name: /^cancel / }).count(), 0);
    // The API says the same: cancelling is an admin's.
    const jobId = (await row.getAttribute('data-job')) as string;
    const status = await page.evaluate(
      async (id) => (await fetch(`/v1/jobs/${id}/cancel`, { method: 'POST' })).status,
      jobId,
    );
    assert.equal(status, 403);
    const byAdmin = await fetch(`${server.url}/v1/jobs/${jobId}/cancel`, {
      method: 'POST',
      headers: { 'x-api-key': ADMIN_KEY },
    });
    assert.equal(byAdmin.status, 200, await byAdmin.text());
  });

  it('ran without script errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
