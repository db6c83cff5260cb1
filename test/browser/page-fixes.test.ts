// The staff page in real headless Chromium against the real server and archive over the bundled corpus (plus one text
// of three pages), for what a UX review found: collecting on a double click, the reading list on a laptop screen,
// filters that take effect, the way back from the documents view, a wrong API key, an abstention within filters and
// the keyboard in the page viewer.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, ask, enterKey, haveChromium, openTab, servedPage, settled } from './chromium.ts';

const KEY = 'browser-fixes-7c31';
/** A report whose pages are split by form feeds: the viewer turns its pages. */
const PAGED = 'Pagina een van het verslag.\n\nHet college bespreekt de begroting.\fPagina twee van het verslag.\n\n'
  + 'De raad neemt het besluit over de begroting aan.\fPagina drie van het verslag.\n\nDe vergadering wordt gesloten.\n';

describe.skipIf(!haveChromium)('staff page in Chromium: review fixes', () => {
  const s = servedPage(KEY, async (h) => {
    await h.archive.ingestBytes('verslag-pagina.txt', new TextEncoder().encode(PAGED));
    await h.archive.ingestBytes('weg-ermee.txt', new TextEncoder().encode('Notulen over de kademuren\n\nDe raad bespreekt het herstel van de kademuren in 2024.\n'));
  });

  const open = (url = s.base, viewport?: { width: number; height: number }) => openTab(s.browser, url, s.failures, viewport);
  const status = (page: Page) => page.locator('#status').innerText();
  const listsOnServer = async () => (await (await fetch(`${s.base}/api/reading-lists`, { headers: { 'x-api-key': KEY } })).json()).lists;
  const listOnServer = async (id: string) => (await (await fetch(`${s.base}/api/reading-lists/${id}`)).json()).list;
  const query = (page: Page) => new URL(page.url()).searchParams;

  it('collects a passage once on a double click, and one more click takes it off', async () => {
    const page = await open();
    await enterKey(page, KEY);
    expect(await listsOnServer()).toEqual([]);
    await ask(page, 'Wat is wethouderssocialisme?');
    // How each ranking found the passage, in words staff use, explained on hover.
    const scores = page.locator('#passages .scores').first();
    expect(await scores.innerText()).toMatch(/^gevonden via (woorden|betekenis) #\d+/);
    expect(await scores.getAttribute('title')).toMatch(/^Plaats van deze passage in elke zoeklijst/);
    const collect = page.locator('#passages button.collect').nth(2);
    // No list yet: the double click makes one "Mijn leeslijst" and puts the passage on it once.
    await collect.dblclick();
    await expect.poll(() => collect.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => status(page)).toMatch(/^Toegevoegd aan de leeslijst/);
    const lists = await listsOnServer();
    expect(lists.map((l: { name: string; itemCount: number }) => [l.name, l.itemCount])).toEqual([['Mijn leeslijst', 1]]);
    expect(await page.locator('#leeslijst-aantal').innerText()).toBe('1');

    await collect.click();
    await expect.poll(() => collect.getAttribute('aria-pressed')).toBe('false');
    expect(await collect.innerText()).toMatch(/^Verzamel\b/);
    expect(await page.locator('#leeslijst-aantal').innerText()).toBe('0');
    expect((await listOnServer(lists[0].id)).items).toEqual([]);
    await page.close();
  });

  it('keeps the reading list’s controls on a 1366×768 screen, and its items add no space below the footer', async () => {
    const page = await open(s.base, { width: 1366, height: 768 });
    await enterKey(page, KEY);
    await page.locator('#beheer summary').click(); // closed again, as after entering the key
    await page.getByPlaceholder('Naam van een nieuwe lijst').fill('Laptop');
    await page.getByRole('button', { name: 'Maak lijst' }).click();
    await expect.poll(() => page.locator('#leeslijst-naam-kop').innerText()).toBe('Laptop');
    await ask(page, 'Wat is wethouderssocialisme?');
    for (let i = 0; i < 6; i++) {
      await page.locator('#passages button.collect').nth(i).click();
      await expect.poll(() => page.locator('#leeslijst-aantal').innerText()).toBe(String(i + 1));
    }
    const inWindow = (id: string) => page.evaluate((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }, id);
    for (const y of [0, 1500, 100_000]) {
      await page.evaluate((y) => scrollTo(0, y), y);
      for (const id of ['export-md', 'export-docx', 'deellink', 'leeslijst-verwijderen']) expect(await inWindow(id), `${id} at ${y}`).toBe(true);
    }
    await page.screenshot({ path: resolve(ARTIFACTS, 'page-reading-list-1366.png') });
    // The page ends with the footer, also where the main column is short: nothing of the list's items (their visually
    // hidden words) hangs below it.
    await page.locator('#nav-documenten').click();
    await page.locator('#documenten li').first().waitFor();
    const [height, footerEnd] = await page.evaluate(() => [document.documentElement.scrollHeight,
      document.querySelector('footer')!.getBoundingClientRect().bottom + scrollY]);
    expect(height).toBeLessThanOrEqual(Math.ceil(footerEnd) + 1);
    await page.close();
  });

  it('runs the question again when filters change or are cleared, and keeps the address in step', async () => {
    const page = await open(`${s.base}/?vraag=${encodeURIComponent('Wat doet de gemeenteraad?')}&modus=lexical&organisatie=Wethoudersvereniging`);
    await expect.poll(() => page.locator('#passages li.passage').count()).toBeGreaterThan(0);
    const orgs = () => page.locator('#passages .passage .meta').allInnerTexts();
    expect((await orgs()).every((m) => m.startsWith('Wethoudersvereniging'))).toBe(true);

    await page.locator('#filters-wissen').click();
    await settled(page);
    expect(query(page).get('organisatie')).toBeNull();
    expect(query(page).get('vraag')).toBe('Wat doet de gemeenteraad?');
    expect(await page.locator('#filters-actief').innerText()).toBe('');
    expect((await orgs()).some((m) => !m.startsWith('Wethoudersvereniging'))).toBe(true);

    const clb = 'Centrum voor Lokaal Bestuur (PvdA)';
    await page.locator('#filter-organisatie').selectOption(clb);
    await settled(page);
    expect(query(page).get('organisatie')).toBe(clb);
    expect((await orgs()).every((m) => m.startsWith(clb))).toBe(true);
    await page.getByLabel('Jaar vanaf').fill('2030');
    await page.getByLabel('Jaar vanaf').press('Tab');
    await settled(page);
    expect(query(page).get('van')).toBe('2030');
    expect(await status(page)).toBe('Binnen de gekozen filters is niets gevonden. Verruim of wis de filters.');
    // Back walks the filters as it walks questions.
    await page.goBack();
    await expect.poll(() => page.getByLabel('Jaar vanaf').inputValue()).toBe('');
    await settled(page);
    expect(await page.locator('#passages li.passage').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('brings the question and its answer back when returning from the documents view', async () => {
    const page = await open();
    await ask(page, 'Wat is wethouderssocialisme?');
    await page.locator('#antwoord-tekst button.cite').first().waitFor();
    const answered = await status(page);
    expect(answered).toMatch(/^Antwoord gevonden in/);
    await page.locator('#nav-documenten').click();
    await page.locator('#documenten li').first().waitFor();
    expect(query(page).get('vraag')).toBeNull();
    await page.locator('#nav-zoeken').click();
    await settled(page);
    expect(await page.getByLabel('Uw vraag').inputValue()).toBe('Wat is wethouderssocialisme?');
    expect(query(page).get('vraag')).toBe('Wat is wethouderssocialisme?');
    expect(await page.locator('#antwoord-tekst button.cite').count()).toBeGreaterThan(0);
    expect(await status(page)).toBe(answered);

    // Without a question the status does not speak of an answer that is no longer shown.
    await page.getByLabel('Uw vraag').fill('');
    await page.locator('#nav-documenten').click();
    await page.locator('#nav-zoeken').click();
    await expect.poll(() => page.locator('#antwoord').isHidden()).toBe(true);
    expect(await status(page)).toMatch(/^\d+ documenten in het archief\.$/);
    await page.close();
  });

  it('says plainly that a mistyped API key is wrong, forgets it, and does not show the lists as empty', async () => {
    const page = await open();
    await enterKey(page, `${KEY}x`);
    await expect.poll(() => page.locator('#sleutel-staat').innerText()).toBe('(sleutel klopt niet)');
    expect(await status(page)).toBe('De API-sleutel klopt niet en is vergeten. Voer onder ‘Beheer’ de juiste sleutel in.');
    expect(await page.evaluate(() => sessionStorage.getItem('raadsarchief.api-sleutel'))).toBeNull();
    expect(await page.locator('#leeslijst-beheer').isHidden()).toBe(true);
    expect(await page.locator('#leeslijst-uitleg').innerText()).toMatch(/^Met de API-sleutel/);
    // The right key then shows the lists that were there all along.
    await enterKey(page, KEY);
    await expect.poll(() => page.locator('#leeslijst-keuze option').allInnerTexts()).toContain('Laptop (6)');
    expect(await page.locator('#sleutel-staat').innerText()).toBe('(sleutel ingevoerd)');
    await page.close();
  });

  it('says an abstention looked only within the filters, once, and searches without them on request', async () => {
    const page = await open();
    await page.locator('#filters summary').click();
    await page.locator('#filter-organisatie').selectOption('Wethoudersvereniging');
    await ask(page, 'Wat is wethouderssocialisme?');
    await expect.poll(() => page.locator('#antwoord.abstained').count()).toBe(1);
    expect(await page.locator('#antwoord-tekst').innerText()).toMatch(/^Hierover staat niets in het archief binnen de gekozen filters\./);
    expect(await status(page)).toBe('Geen antwoord binnen de gekozen filters; de meest verwante passages staan hieronder.');
    await page.getByRole('button', { name: 'Zoek zonder filters' }).click();
    await page.locator('#antwoord-tekst button.cite').first().waitFor();
    expect(query(page).get('organisatie')).toBeNull();
    expect(await page.locator('#filter-organisatie').inputValue()).toBe('');

    // Without filters the abstention is said once: in the answer, not again in the status.
    await ask(page, 'Wat kost een parkeervergunning in Utrecht?');
    await expect.poll(() => page.locator('#antwoord.abstained').count()).toBe(1);
    const said = `${await status(page)} ${await page.locator('#antwoord-tekst').innerText()}`;
    expect(said.match(/Hierover staat niets/g)).toHaveLength(1);
    await page.close();
  });

  it('keeps the keyboard in the page viewer on its first and last page', async () => {
    const page = await open(`${s.base}/?weergave=documenten`);
    await page.locator('#documenten li', { hasText: 'verslag-pagina.txt' }).getByRole('button', { name: /^Bekijk/ }).click();
    await expect.poll(() => page.locator('#doc-pagina').innerText()).toBe('Pagina 1 van 3');
    await page.locator('#doc-volgende').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#doc-pagina').innerText()).toBe('Pagina 2 van 3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#doc-pagina').innerText()).toBe('Pagina 3 van 3');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('doc-vorige');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#doc-pagina').innerText()).toBe('Pagina 2 van 3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#doc-pagina').innerText()).toBe('Pagina 1 van 3');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('doc-volgende');
    // The close button keeps its own size, not the header's height.
    const [close, head] = [await page.locator('#doc-sluiten').boundingBox(), await page.locator('.doc-head').boundingBox()];
    expect(close!.height).toBeLessThan(head!.height / 2);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('drops a document filter whose document is deleted, shows a shared list read-only, names files of organisationless sources', async () => {
    const page = await open(`${s.base}/?weergave=documenten`);
    await enterKey(page, KEY);
    await page.locator('#filters summary').click();
    await page.locator('#filter-document').selectOption('weg-ermee');
    await expect.poll(() => query(page).get('document')).toBe('weg-ermee');
    expect(await page.locator('#filters-actief').innerText()).toBe('(1 actief)');
    page.once('dialog', (d) => void d.accept());
    await page.locator('#documenten li').getByRole('button', { name: /^Verwijder/ }).click();
    await expect.poll(() => status(page)).toMatch(/is verwijderd\.$/);
    await expect.poll(() => page.locator('#filters-actief').innerText()).toBe('');
    expect(query(page).get('document')).toBeNull();

    // A source without an organisation is named by its file, in the reading list as in the results.
    await page.locator('#nav-zoeken').click();
    await page.getByPlaceholder('Naam van een nieuwe lijst').fill('Gedeeld');
    await page.getByRole('button', { name: 'Maak lijst' }).click();
    await expect.poll(() => page.locator('#leeslijst-naam-kop').innerText()).toBe('Gedeeld');
    await ask(page, 'Banningleergang');
    const card = page.locator('#passages li.passage', { hasText: '004_10e39ddcb2732d17.txt' }).first();
    await card.getByRole('button', { name: /^Verzamel/ }).click();
    await expect.poll(() => card.locator('button.collect').getAttribute('aria-pressed')).toBe('true');
    const item = page.locator('#leeslijst li.reading-item').last();
    expect(await item.locator('.meta').innerText()).toContain('004_10e39ddcb2732d17.txt');

    // Opened by its link without the key, the list can be read; the results say what is on it, no toggle.
    const listId = new URL(await page.locator('#deellink').inputValue()).searchParams.get('leeslijst');
    const reader = await open(`${page.url()}&leeslijst=${listId}`);
    await expect.poll(() => reader.locator('#passages li.passage').count()).toBeGreaterThan(0);
    const onList = reader.locator('#passages li.passage', { hasText: '004_10e39ddcb2732d17.txt' }).first().locator('button.collect');
    expect(await onList.innerText()).toMatch(/^Op de leeslijst/);
    expect(await onList.getAttribute('aria-disabled')).toBe('true');
    expect(await onList.getAttribute('aria-pressed')).toBeNull();
    await onList.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
    await expect.poll(() => status(reader)).toMatch(/^Deze leeslijst is alleen te lezen/);
    expect(await reader.locator('#leeslijst li.reading-item').count()).toBeGreaterThan(0);
    await reader.close();
    await page.close();
    expect(s.failures).toEqual([]);
  });

  it('says when a pasted question was cut at the field’s 1,000 characters', async () => {
    const page = await open();
    await page.getByLabel('Uw vraag').fill('wethouder '.repeat(150));
    expect(await status(page)).toBe('De vraag is ingekort tot 1000 tekens.');
    expect((await page.getByLabel('Uw vraag').inputValue()).length).toBe(1000);
    await page.close();
  });

  it('says so when a shared link names a list that is gone, and the start-up does not hide it', async () => {
    const page = await open(`${s.base}/?leeslijst=${'A'.repeat(22)}`);
    await expect.poll(() => status(page)).toMatch(/^De leeslijst kon niet worden geopend\. /);
    await new Promise((r) => setTimeout(r, 300));
    expect(await status(page)).toMatch(/^De leeslijst kon niet worden geopend\. /);
    await page.close();
  });
});
