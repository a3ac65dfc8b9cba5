/**
 * The dashboard's document list on a read past the graph's deadline, in headless Chromium against the
 * real API: a 504 is read again, and when every try timed out the list says so and offers another try,
 * instead of "internal server error".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { openDashboard, screenshot } from '../support/browser.js';
import { ensureTestServices, testConfig, uniquePrefix } from '../support/test-services.js';

const READER_KEY = 'dashboard-read-retries-key';
const TIMED_OUT = {
  status: 504,
  contentType: 'application/json',
  body: JSON.stringify({ error: 'timeout', message: 'the graph read passed its deadline; try again' }),
};

describe('a dashboard list read that times out', { timeout: 180_000 }, () => {
  const config = testConfig({
    queuePrefix: uniquePrefix(),
    host: '127.0.0.1',
    port: 0,
    apiKeys: [{ key: READER_KEY, role: 'admin' }],
  });
  let page: Page;
  let pageErrors: string[] = [];
  let closeDashboard: (() => Promise<void>) | undefined;

  before(async () => {
    await ensureTestServices(config);
    ({ page, pageErrors, close: closeDashboard } = await openDashboard(config, 900));
  });

  after(async () => {
    await closeDashboard?.();
  });

  /** Answers the document list's reads with `answer` (a 504, or on to the real API) and counts them. */
  async function routeList(answer: (n: number, route: Route) => Promise<void>): Promise<() => number> {
    let reads = 0;
    await page.unrouteAll();
    await page.route(
      (url) => url.pathname === '/v1/documents',
      (route) => (route.request().method() === 'GET' ? answer(++reads, route) : route.continue()),
    );
    return () => reads;
  }

  it('tries three times, then says the server took too long and offers another try', async () => {
    const reads = await routeList((_, route) => route.fulfill(TIMED_OUT));
    await page.goto('/');
    await page.getByLabel('API key').fill(READER_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByTestId('documents-error');
    await error.waitFor({ timeout: 30_000 });
    const text = (await error.textContent()) ?? '';
    assert.match(text, /took too long to answer \(tried 3 times: the graph read passed its deadline/);
    assert.doesNotMatch(text, /internal/i);
    assert.equal(reads(), 3, 'the read was tried twice more after its first 504');
    await screenshot(page, 'dashboard-documents-timed-out');

    // The next try reaches the real API after one more 504: the message goes and the list is read.
    const retried = await routeList((n, route) => (n === 1 ? route.fulfill(TIMED_OUT) : route.continue()));
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/documents' && r.status() === 200,
    );
    await error.getByRole('button', { name: 'Try again' }).click();
    await listed;
    await error.waitFor({ state: 'detached' });
    assert.ok(retried() >= 2, 'read again after the 504');
    assert.deepEqual(pageErrors, []);
  });
});
