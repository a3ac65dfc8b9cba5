import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../src/api/server.js';
import { type Config, projectRoot } from '../../src/config/index.js';

/** Debian's Chromium (scripts/setup.sh installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of browser tests, kept after the run for people to look at. */
export const SCREENSHOT_DIR = path.join(projectRoot, 'test-artifacts', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: run scripts/setup.sh (apt chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Headless, and quiet on the network: the tests must not reach anything beyond loopback.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The API serving the dashboard and a headless Chromium page on it, as the dashboard tests use them. */
export interface DashboardSession {
  server: RunningServer;
  page: Page;
  /** Uncaught errors of the page's scripts, in order. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openDashboard(config: Config, viewportHeight = 1000): Promise<DashboardSession> {
  const server = await startServer(config);
  const browser = await launchChromium().catch(async (error) => {
    await server.close();
    throw error;
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: viewportHeight },
    baseURL: server.url,
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    server,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
