// The staff page in real headless Chromium against the real server and archive over the bundled corpus: asking,
// shared searches in the address, documents (upload of several files, delete), reading lists (made, shared
// read-only, exported to Markdown and Word), the layout at 360 px and an axe-core accessibility run.
// Screenshots go to test-artifacts/ (git-ignored).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { ARTIFACTS, CHROMIUM, haveChromium, openTab, servedPage } from './chromium.ts';

const KEY = 'browser-key-4d2e';
if (!haveChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

/** A title of one unbroken run (as file names and PDF properties give them): it must not widen the page. */
const LONG_TITLE = 'Verkiezingsprogramma_2022-2026_definitief_versie_na_ledenvergadering_met_amendementen_en_moties_verwerkt_DEF';
const shot = (name: string) => resolve(ARTIFACTS, name);

describe.skipIf(!haveChromium)('staff page in Chromium', () => {
  const s = servedPage(KEY);

  /** A fresh tab (its own sessionStorage); page errors and failed requests are collected and must stay empty. */
  const open = (url = s.base): Promise<Page> => openTab(s.browser, url, s.failures);

  async function enterKey(page: Page): Promise<void> {
    await page.locator('#beheer summary').click();
    await page.getByLabel('API-sleutel').fill(KEY);
    await page.getByRole('button', { name: 'Gebruik sleutel' }).click();
    await expect.poll(() => page.locator('#sleutel-staat').innerText()).toContain('sleutel');
  }

  const status = (page: Page) => page.locator('#status').innerText();

  /** axe-core run in the page: the serious and critical violations, as "rule (nodes)". */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run();
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  it('asks a question, shows a cited answer and opens a citation on its page', async () => {
    const page = await open();
    await page.getByLabel('Uw vraag').fill('Wat is wethouderssocialisme?');
    await page.keyboard.press('Enter');
    const firstCite = page.locator('#antwoord-tekst button.cite').first();
    await firstCite.waitFor();
    expect(await page.locator('#antwoord-tekst').innerText()).toMatch(/wethouderssocialisme/i);
    expect(await page.locator('#bronnen li').count()).toBeGreaterThan(0);
    expect(await page.locator('#passages mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('page-answer.png'), fullPage: true });

    await firstCite.click();
    const quote = page.locator('dialog[open] mark.quote');
    await quote.waitFor();
    const citation = await page.evaluate(() => document.querySelector('#bronnen blockquote')?.textContent ?? '');
    expect((await quote.innerText()).replace(/\s+/g, ' ').trim()).toBe(citation.replace(/\s+/g, ' ').trim());
    // The corpus's text files have no pages: the source names the quote's paragraph, and the viewer numbers the
    // paragraphs so that the quote stands in the one named.
    const where = await page.locator('#bronnen li').first().locator('.source-pages').innerText();
    const [, n] = where.match(/alinea (\d+)/) ?? [];
    expect(n, where).toBeDefined();
    expect(await quote.evaluate((m) => m.closest('p')?.dataset.n)).toBe(n);
    expect(await page.locator('#doc-pagina').innerText()).toMatch(/^Hele tekst/);
    await page.screenshot({ path: shot('page-citation.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    // Sentences from one document are one source with a quote each, not the same title again and again.
    await page.getByLabel('Uw vraag').fill('Wat drijft PvdA-wethouders?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#antwoord-tekst').innerText()).not.toMatch(/wethouderssocialisme het in beweging/);
    const cites = await page.locator('#antwoord-tekst button.cite').count();
    const titles = await page.locator('#bronnen li .source-title').allInnerTexts();
    expect(cites).toBeGreaterThan(titles.length);
    expect(new Set(titles).size).toBe(titles.length);
    expect(await page.locator('#bronnen .source-quote').count()).toBe(cites);
    for (const where of await page.locator('#bronnen .source-quote .source-pages').allInnerTexts()) expect(where).toMatch(/^alinea \d+$/);
    expect(await page.locator('#status').innerText()).toMatch(/^Antwoord gevonden in 1 bron;/);
    await page.close();
  });

  it('says which years the archive holds when a question names a source in a year it lacks', async () => {
    // The corpus has the PvdA's 2014 report and the CLB's 2018 plan (organisation "Centrum voor Lokaal Bestuur (PvdA)").
    const page = await open();
    await page.getByLabel('Uw vraag').fill('Wat vond de PvdA in 1990 van wethouders?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#antwoord.abstained').count()).toBe(1);
    expect(await page.locator('#antwoord-tekst').innerText()).toBe(
      'Hierover staat niets in het archief. Het archief heeft van PvdA geen stuk uit 1990, wel uit 2014 en 2018.',
    );
    expect(await page.locator('#passages li.passage').count()).toBeGreaterThan(0);
    expect(await page.locator('#bronnen').isVisible()).toBe(false); // no answer, no list of sources
    await page.close();
  });

  it('puts the search in the address: a shared link restores it, back and forward walk the searches', async () => {
    const doc = s.h.archive.listDocuments().find((d) => d.organisation)!;
    const shared = `${s.base}/?vraag=${encodeURIComponent('Wat doet de gemeenteraad?')}&modus=lexical&organisatie=${encodeURIComponent(doc.organisation!)}`;
    const page = await open(shared);
    await expect.poll(() => page.locator('#passages li.passage').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Uw vraag').inputValue()).toBe('Wat doet de gemeenteraad?');
    expect(await page.locator('#modus').inputValue()).toBe('lexical');
    expect(await page.locator('#filter-organisatie').inputValue()).toBe(doc.organisation);
    expect(await page.locator('#antwoord').isHidden()).toBe(true);
    const metas = await page.locator('#passages .passage .meta').allInnerTexts();
    expect(metas.every((m) => m.includes(doc.organisation!))).toBe(true);

    // A second search is a new entry in the history; back restores the first, forward the second.
    await page.getByLabel('Uw vraag').fill('Wat is wethouderssocialisme?');
    await page.locator('#modus').selectOption('antwoord');
    await page.locator('#filters-wissen').click();
    await page.getByRole('button', { name: 'Vraag', exact: true }).click();
    await page.locator('#antwoord-tekst button.cite').first().waitFor();
    expect(new URL(page.url()).searchParams.get('vraag')).toBe('Wat is wethouderssocialisme?');
    await page.goBack();
    await expect.poll(() => page.getByLabel('Uw vraag').inputValue()).toBe('Wat doet de gemeenteraad?');
    await expect.poll(() => page.locator('#antwoord').isHidden()).toBe(true);
    expect(await page.locator('#filter-organisatie').inputValue()).toBe(doc.organisation);
    await page.goForward();
    await expect.poll(() => page.getByLabel('Uw vraag').inputValue()).toBe('Wat is wethouderssocialisme?');
    await page.locator('#antwoord-tekst button.cite').first().waitFor();
    await page.close();
  });

  it('speaks Dutch about bad input and empty filtered results', async () => {
    const page = await open();
    await page.getByLabel('Uw vraag').fill('Wat is wethouderssocialisme?');
    await page.locator('#filters summary').click();
    await page.getByLabel('Jaar vanaf').fill('2020');
    await page.getByLabel('Jaar tot en met').fill('2010');
    await page.getByRole('button', { name: 'Vraag', exact: true }).click();
    await expect.poll(() => status(page)).toBe('“Jaar vanaf” ligt na “Jaar tot en met”.');

    await page.getByLabel('Jaar vanaf').fill('1800');
    await page.getByLabel('Jaar tot en met').fill('1801');
    await page.getByRole('button', { name: 'Vraag', exact: true }).click();
    await expect.poll(() => status(page)).toContain('Binnen de gekozen filters is niets gevonden');

    // Errors the API returns reach the page as Dutch text chosen by their code, never the API's English message.
    // (A string, so the test runner leaves the page's own import alone.)
    const texts = await page.evaluate(`(async () => {
      const { api } = await import('/dom.js');
      const out = [];
      for (const [path, body] of [['/api/search', { query: ' ' }], ['/api/search', { query: 'x', filters: { yearFrom: 2020, yearTo: 2010 } }], ['/api/documents/onbekend', undefined]]) {
        await api(path, body).catch((e) => out.push(e.message));
      }
      return out;
    })()`);
    expect(texts).toEqual([
      'Typ een vraag van hoogstens 1000 tekens.',
      'Controleer de jaartallen: tussen 1800 en 2100, en “Jaar vanaf” niet na “Jaar tot en met”.',
      'Dit document staat niet (meer) in het archief.',
    ]);
    await page.close();
  });

  it('uploads several files (chosen and dropped) with an outcome per file, filters and deletes documents', async () => {
    const page = await open(`${s.base}/?weergave=documenten`);
    await expect.poll(() => page.locator('#documenten li').count()).toBe(5);
    expect(await page.locator('#dropzone').isHidden()).toBe(true);
    await enterKey(page);
    await page.locator('#dropzone').waitFor();

    const text = (topic: string) => `${topic}\n\nDe gemeente Zwaluwdam werkt in 2024 aan ${topic.toLowerCase()}. Het college legt het plan aan de raad voor.\n`;
    await page.locator('#bestanden').setInputFiles([
      { name: 'kademuren.txt', mimeType: 'text/plain', buffer: Buffer.from(text('Herstel van de kademuren')) },
      { name: 'LEESMIJ', mimeType: 'application/octet-stream', buffer: Buffer.from(text('Beleid voor grondwaterbeheer')) },
      { name: 'inhoud.txt', mimeType: 'text/plain', buffer: Buffer.from(`${LONG_TITLE}\n\nDe puntjeslijn van de inhoudsopgave loopt door tot de rand van de pagina en verder: ${'.'.repeat(200)}\n`) },
      { name: 'leeg.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await expect.poll(() => page.locator('#uploads li[data-status]').count(), { timeout: 30_000 }).toBe(4);
    const rows = await page.locator('#uploads li').allInnerTexts();
    const rowOf = (name: string) => rows.find((r) => r.includes(name)) ?? '';
    expect(rowOf('kademuren.txt')).toContain('Toegevoegd');
    expect(rowOf('LEESMIJ')).toContain('Toegevoegd');
    expect(rowOf('leeg.txt')).toContain('Overgeslagen: Het bestand is leeg.');
    await expect.poll(() => page.locator('#documenten li').count()).toBe(8);

    // Dropped files go the same way; the same bytes again are "unchanged".
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Herstel van de kademuren\n\nDe gemeente Zwaluwdam werkt in 2024 aan herstel van de kademuren. Het college legt het plan aan de raad voor.\n'], 'kademuren.txt', { type: 'text/plain' }));
      document.getElementById('dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.locator('#uploads li[data-status="unchanged"]').count()).toBe(1);
    expect(await page.locator('#uploads li[data-status="unchanged"]').innerText()).toContain('Ongewijzigd');

    // The documents view takes the search filters: only the 2024 documents.
    await page.locator('#filters summary').click();
    await page.getByLabel('Jaar vanaf').fill('2024');
    await page.getByLabel('Jaar vanaf').press('Tab');
    await expect.poll(() => page.locator('#documenten-telling').innerText()).toMatch(/^\d van de 8 documenten binnen de gekozen filters\.$/);
    expect(new URL(page.url()).searchParams.get('van')).toBe('2024');
    await page.screenshot({ path: shot('page-documents.png'), fullPage: true });

    // Delete with confirmation: dismissing keeps the document, accepting removes it.
    const card = page.locator('#documenten li', { hasText: 'grondwaterbeheer' });
    page.once('dialog', (d) => void d.dismiss());
    await card.getByRole('button', { name: /^Verwijder/ }).click();
    expect(await card.count()).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: /^Verwijder/ }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect(await status(page)).toMatch(/is verwijderd\.$/);
    expect(s.h.archive.listDocuments().some((d) => d.title.includes('grondwaterbeheer'))).toBe(false);

    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shot('page-documents-360.png'), fullPage: true });
    await page.close();
  });

  it('keeps long unbroken titles inside their column, and works at 360 px', async () => {
    const page = await open(`${s.base}/?vraag=${encodeURIComponent('puntjeslijn inhoudsopgave')}&modus=lexical`);
    const card = page.locator('#passages li.passage', { hasText: 'puntjeslijn' }).first();
    await card.waitFor();
    const [cardBox, mainBox] = [await card.boundingBox(), await page.locator('main').boundingBox()];
    expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(mainBox!.x + mainBox!.width + 1);
    expect(await card.locator('h3').getAttribute('title')).toBe(LONG_TITLE);

    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shot('page-360.png'), fullPage: true });
    await page.close();
  });

  it('makes a reading list, collects a passage and an answer sentence, notes, reorders, shares and exports it', async () => {
    const page = await open();
    await enterKey(page);
    await page.getByPlaceholder('Naam van een nieuwe lijst').fill('Leergang week 1');
    await page.getByRole('button', { name: 'Maak lijst' }).click();
    await expect.poll(() => page.locator('#leeslijst-naam-kop').innerText()).toBe('Leergang week 1');

    await page.getByLabel('Uw vraag').fill('Wat is wethouderssocialisme?');
    await page.keyboard.press('Enter');
    await page.locator('#bronnen li').first().waitFor();
    await page.locator('#passages button.collect').first().click();
    await expect.poll(() => page.locator('#leeslijst-aantal').innerText()).toBe('1');
    await page.locator('#bronnen button.collect').first().click();
    await expect.poll(() => page.locator('#leeslijst-aantal').innerText()).toBe('2');
    expect(await page.locator('#passages button.collect').first().getAttribute('aria-pressed')).toBe('true');

    const items = page.locator('#leeslijst li.reading-item');
    await items.nth(1).getByLabel('Notitie').fill('Bespreken in de groep.');
    await items.nth(1).getByLabel('Notitie').press('Tab');
    await expect.poll(() => status(page)).toBe('Notitie bewaard.');
    // Move the answer sentence up; the keyboard stays on the moved item.
    await items.nth(1).getByRole('button', { name: /^Omhoog/ }).click();
    await expect.poll(() => items.nth(0).locator('.kind').innerText()).toMatch(/^Antwoordzin/);
    expect(await page.evaluate(() => document.activeElement?.closest('li.reading-item') === document.querySelector('#leeslijst li.reading-item'))).toBe(true);
    await page.locator('aside .reading').screenshot({ path: shot('page-reading-list.png') });

    // The share link opens the list read-only in a tab without the key.
    const link = await page.locator('#deellink').inputValue();
    expect(link).toMatch(/\/\?leeslijst=[A-Za-z0-9_-]{22}$/);
    const reader = await open(link);
    await expect.poll(() => reader.locator('#leeslijst li.reading-item').count()).toBe(2);
    expect(await reader.locator('#leeslijst-naam-kop').innerText()).toBe('Leergang week 1');
    expect(await reader.locator('#leeslijst textarea').count()).toBe(0);
    expect(await reader.locator('#leeslijst button', { hasText: 'Verwijder' }).count()).toBe(0);
    expect(await reader.locator('#leeslijst .note').innerText()).toBe('Notitie: Bespreken in de groep.');

    const [md] = await Promise.all([reader.waitForEvent('download'), reader.locator('#export-md').click()]);
    expect(md.suggestedFilename()).toBe('Leergang-week-1.md');
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toMatch(/^# Leergang week 1\n/);
    expect(markdown).toContain('**Vraag:** Wat is wethouderssocialisme?');
    expect(markdown).toContain('**Notitie:** Bespreken in de groep.');
    expect(markdown).toMatch(/\n\[\^1\]: .+, alinea \d/);
    expect(markdown).toMatch(/\n\[\^2\]: .+, alinea \d/);

    const [word] = await Promise.all([reader.waitForEvent('download'), reader.locator('#export-docx').click()]);
    expect(word.suggestedFilename()).toBe('Leergang-week-1.docx');
    const zip = unzipSync(new Uint8Array(readFileSync((await word.path())!)));
    const body = strFromU8(zip['word/document.xml']);
    const notes = strFromU8(zip['word/footnotes.xml']);
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    const list = (await (await fetch(link.replace('/?leeslijst=', '/api/reading-lists/'))).json()).list;
    for (const item of list.items) {
      expect(notes).toContain(item.source.title.replace(/&/g, '&amp;'));
      expect(notes).toContain(item.source.place);
    }
    await reader.screenshot({ path: shot('page-shared-list.png'), fullPage: true });
    expect(await axeViolations(reader)).toEqual([]);
    await reader.close();
    await page.close();
  });

  it('has no serious or critical axe-core violations in the search and documents views', async () => {
    const page = await open(`${s.base}/?vraag=${encodeURIComponent('Wat is wethouderssocialisme?')}`);
    await enterKey(page);
    await page.locator('#antwoord-tekst button.cite').first().waitFor();
    await expect.poll(() => page.locator('#leeslijst li.reading-item').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#nav-documenten').click();
    await page.locator('#dropzone').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // On a fresh load the keyboard reaches the skip link first, and it leads to the content.
    await page.reload();
    await page.locator('#documenten li').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await page.close();
    expect(s.failures).toEqual([]);
  });
});
