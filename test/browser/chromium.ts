// Headless Chromium for the browser tests: launched from the system's package, one fresh tab per check with page
// errors and failed requests collected (a test ends by expecting none).
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startHarness, type Harness } from '../api/harness.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
/** Screenshots (git-ignored). */
export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

/** What a describe block's tests drive: the real server over the bundled corpus and a browser (set in beforeAll). */
export interface PageSession {
  h: Harness;
  browser: Browser;
  base: string;
  /** Page errors and failed requests of every tab opened with `openTab`; a block ends by expecting none. */
  failures: string[];
}

/** Starts the server (after `prepare` added documents) and the browser before the block's tests, closes both after. */
export function servedPage(apiKey: string, prepare?: (h: Harness) => Promise<unknown>): PageSession {
  const s = { failures: [] as string[] } as PageSession;
  beforeAll(async () => {
    s.h = await startHarness({ apiKey });
    await prepare?.(s.h);
    s.base = await s.h.app.listen({ port: 0, host: '127.0.0.1' });
    s.browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.h?.close();
  });
  return s;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh tab (its own sessionStorage) at `url`, once the page has loaded the documents into its filters. */
export async function openTab(browser: Browser, url: string, failures: string[], viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on('pageerror', (e) => failures.push(e.message));
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(url);
  await expect.poll(() => page.locator('#filter-document option').count()).toBeGreaterThan(1);
  return page;
}

/** Enters an API key under "Beheer" and waits until the page has taken it up (right or wrong). */
export async function enterKey(page: Page, key: string): Promise<void> {
  if (!(await page.locator('#beheer').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#beheer summary').click();
  await page.getByLabel('API-sleutel').fill(key);
  await page.getByRole('button', { name: 'Gebruik sleutel' }).click();
  await expect.poll(() => page.locator('#sleutel-staat').innerText()).toContain('sleutel');
}

/** Asks a question in the search view and waits until the search has finished. */
export async function ask(page: Page, question: string): Promise<void> {
  await page.getByLabel('Uw vraag').fill(question);
  await page.getByRole('button', { name: 'Vraag', exact: true }).click();
  await settled(page);
}

/** Waits until no search is under way. */
export async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.getElementById('resultaten')!.getAttribute('aria-busy') === 'false'
    && !/^Bezig/.test(document.getElementById('status')!.textContent ?? ''))).toBe(true);
}
