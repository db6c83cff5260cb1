// The staff page in real headless Chromium against the real server and archive over the bundled corpus.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, type Harness } from '../api/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!haveChromium)('staff page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    h = await startHarness();
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('asks a question, shows a cited answer, opens a citation and collects a passage', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(base);

    // Filters are filled from /api/documents.
    await expect.poll(() => page.locator('#filter-document option').count()).toBe(6);

    await page.getByLabel('Uw vraag').fill('Wat is wethouderssocialisme?');
    await page.keyboard.press('Enter');
    const firstCite = page.locator('#antwoord-tekst button.cite').first();
    await firstCite.waitFor();
    expect(await page.locator('#antwoord-tekst').innerText()).toMatch(/wethouderssocialisme/i);
    expect(await page.locator('#bronnen li').count()).toBeGreaterThan(0);
    expect(await page.locator('#passages li.passage').count()).toBeGreaterThan(0);
    expect(await page.locator('#passages mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(ARTIFACTS, 'page-answer.png'), fullPage: true });

    // Opening a citation shows its page with the quote highlighted.
    await firstCite.click();
    const quote = page.locator('dialog[open] mark.quote');
    await quote.waitFor();
    const citation = await page.evaluate(() => document.querySelector('#bronnen blockquote')?.textContent ?? '');
    expect((await quote.innerText()).replace(/\s+/g, ' ').trim()).toBe(citation.replace(/\s+/g, ' ').trim());
    await page.screenshot({ path: resolve(ARTIFACTS, 'page-citation.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    // Collect a passage and export the reading list as Markdown with a full citation.
    await page.locator('#passages button.collect').first().click();
    await expect.poll(() => page.locator('#leeslijst-aantal').innerText()).toBe('1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#exporteer').click()]);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Leeslijst Raadsarchief/);
    expect(markdown).toMatch(/\*\*Pagina's:\*\* \d/);
    expect(markdown).toMatch(/\n> \S/);
    await page.screenshot({ path: resolve(ARTIFACTS, 'page-reading-list.png'), fullPage: true });

    expect(failures).toEqual([]);
    await page.close();
  });
});
