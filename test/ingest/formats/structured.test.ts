import { afterEach, describe, expect, it } from 'vitest';
import { sniffContainer } from '../../../ingest/formats/sniff.ts';
import { parseDocx } from '../../../ingest/formats/docx.ts';
import { parseOdt } from '../../../ingest/formats/odt.ts';
import { parseHtml } from '../../../ingest/formats/html.ts';
import { FormatError, LIMITS, type FormatErrorKind } from '../../../ingest/formats/structured.ts';
import {
  AGENDA_PAGE, DOC_BLOCKS, DOC_INFO, h, li, p, NEWS_CHROME, NEWS_PAGE, OLD_PAGE, buildDocx, buildOdt, docxParts, enc, odtParts, oleFile,
  WORD_HTML_PAGE, windows1252, withDeclaredSize, wordParagraph, zipParts,
} from './fixtures.ts';

/** Run `parse`, expect a FormatError of `kind` whose message matches `message`, within `ms`. */
async function expectFormatError(parse: () => Promise<unknown>, kind: FormatErrorKind, message: RegExp, ms = 2000) {
  const start = performance.now();
  const err = await parse().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FormatError);
  expect((err as FormatError).kind).toBe(kind);
  expect((err as FormatError).message).toMatch(message);
  expect(performance.now() - start).toBeLessThan(ms);
}

describe('parseDocx', () => {
  it('reads headings (Title, "heading 1", Dutch style id Kop2), paragraphs, lists, tables, footnotes and core properties', async () => {
    const doc = await parseDocx(buildDocx());
    expect(doc.blocks).toEqual(DOC_BLOCKS);
    expect(doc.info).toEqual(DOC_INFO);
  });

  it('without a Title, "heading 1" is level 1; no empty blocks', async () => {
    const body = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Besluit</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>';
    expect((await parseDocx(buildDocx(body))).blocks).toEqual([h(1, 'Besluit')]);
  });

  it('custom heading styles count by what they are based on or their outline level; "body text" level does not', async () => {
    const styles = ['KopGemeente', 'Huisstijl2', 'Opvallend', 'Lus'];
    const doc = await parseDocx(buildDocx(styles.map((s) => wordParagraph(`Tekst in ${s}`, s)).join('')));
    expect(doc.blocks).toEqual([h(1, 'Tekst in KopGemeente'), h(2, 'Tekst in Huisstijl2'), p('Tekst in Opvallend'), p('Tekst in Lus')]);
  });
});

describe('parseOdt', () => {
  it('reads text:h levels, the Title style, lists (nested too), tables, notes and meta.xml', async () => {
    const doc = await parseOdt(buildOdt());
    const expected = [...DOC_BLOCKS];
    expected.splice(5, 0, li('Subidee: buurtcoaches'));
    expect(doc.blocks).toEqual(expected);
    expect(doc.info).toEqual(DOC_INFO); // initial-creator, not the last editor; date as written (no UTC shift)
  });

  it('leaves out comments, the table of contents and tracked deletions', async () => {
    const text = (await parseOdt(buildOdt())).blocks.map((b) => b.text).join('\n');
    expect(text).not.toContain('Interne opmerking');
    expect(text).not.toContain('Inleiding 1');
    const tracked = '<text:tracked-changes><text:changed-region><text:deletion><text:p>geschrapt</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>blijft</text:p>';
    expect((await parseOdt(buildOdt(tracked))).blocks).toEqual([p('blijft')]);
  });
});

describe('parseHtml', () => {
  it('keeps the article of a gemeente news page and drops menu, breadcrumbs, cookie bar, sidebar, footer, scripts', async () => {
    const doc = await parseHtml(enc(NEWS_PAGE));
    expect(doc.blocks).toEqual([
      h(1, 'Nieuwe aanpak jeugdzorg'), p('Gepubliceerd op 14 mei 2024'),
      p('De gemeenteraad heeft ingestemd met de coördinatie van de jeugdzorg door één regieteam.'),
      h(2, 'Wat verandert er?'), li('Eén loket voor alle ouders'), li('Nieuwe ideeën uit de wijken'),
      p('Jaar | Budget'), p('2024 | € 1,2 mln'), p('Wethouder De Boer: "Dit is een belangrijke stap."'),
    ]);
    const text = doc.blocks.map((b) => b.text).join('\n');
    for (const chrome of NEWS_CHROME) expect(text).not.toContain(chrome);
    expect(doc.info).toEqual({ title: 'Nieuwe aanpak jeugdzorg | Gemeente Zuidhaven', author: 'Redactie Gemeente Zuidhaven', created: '2024-05-14' });
  });

  it('decodes a Windows-1252 table-layout page, splits <br><br> paragraphs, keeps the data table, drops the menu cell', async () => {
    const doc = await parseHtml(windows1252(OLD_PAGE));
    expect(doc.blocks).toEqual([
      h(1, 'Vergaderschema gemeenteraad'), p('De raad vergadert in de raadszaal. Publiek is welkom bij één van de vergaderingen.'),
      p('Inspreken kan tot 24 uur vooraf, zie de “spreekregels” voor ideeën.'), p('Datum | Onderwerp'), p('12 maart | Coördinatie begroting'),
    ]);
  });

  it('keeps an ASP.NET page wrapped in one <form>, without its menu, breadcrumb and footer', async () => {
    const text = (await parseHtml(enc(AGENDA_PAGE))).blocks.map((b) => b.text);
    expect(text).toContain('2 | Coördinatie jeugdzorg | Aangenomen');
    expect(text).toContain('Amendement A1');
    expect(text.join('\n')).not.toMatch(/Kalender|Zoeken|Raadsinformatie|Powered by/);
  });

  it('reads Word "Save as web page" lists as list items without their bullets', async () => {
    const doc = await parseHtml(enc(WORD_HTML_PAGE));
    expect(doc.blocks).toEqual([h(1, 'Raadsvoorstel'), p('Geachte raad,'), li('Eerste punt'), li('Tweede punt')]);
  });

  it('decodes by BOM and by declared charset', async () => {
    const page = '<html><head><meta charset="utf-16"></head><body><p>coördinatie</p></body></html>';
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));
    expect((await parseHtml(utf16)).blocks).toEqual([p('coördinatie')]);
    const bom8 = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>één idee</p>')]));
    expect((await parseHtml(bom8)).blocks).toEqual([p('één idee')]);
  });
});

describe('sniffContainer', () => {
  const xlsx = zipParts({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', '_rels/.rels': '<Relationships/>' });

  it('recognises docx, odt and html by their bytes, whatever the file was called', () => {
    expect(sniffContainer(buildDocx())).toBe('docx');
    expect(sniffContainer(buildOdt())).toBe('odt');
    expect(sniffContainer(enc(NEWS_PAGE))).toBe('html');
    expect(sniffContainer(windows1252(OLD_PAGE))).toBe('html');
    expect(sniffContainer(enc('\ufeff \n<!-- saved from url=(0042) -->\n<HTML><body>x</body></HTML>'))).toBe('html');
    expect(sniffContainer(enc('<div><p>Een <a href="/x">fragment</a> zonder html-element.</p></div>'))).toBe('html');
  });

  it('finds a docx by its content types when the main part is not word/document.xml, and an odt by its manifest', () => {
    const parts = docxParts();
    parts['word/document2.xml'] = parts['word/document.xml'];
    delete parts['word/document.xml'];
    parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace('/word/document.xml', '/word/document2.xml');
    expect(sniffContainer(zipParts(parts))).toBe('docx');
    const { mimetype: _, ...noMimetype } = odtParts();
    expect(sniffContainer(zipParts(noMimetype))).toBe('odt');
  });

  it('rejects other zips (xlsx, ods, plain), PDFs, plain text and OLE files', () => {
    expect(sniffContainer(xlsx)).toBeNull();
    expect(sniffContainer(zipParts(odtParts(undefined, 'application/vnd.oasis.opendocument.spreadsheet'), ['mimetype']))).toBeNull();
    expect(sniffContainer(zipParts({ 'foto.jpg': 'x', 'notities.txt': 'tekst' }))).toBeNull();
    expect(sniffContainer(enc('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj'))).toBeNull();
    expect(sniffContainer(enc('Gewone tekst, a < b en c > d.'))).toBeNull();
    expect(sniffContainer(oleFile(['WordDocument']))).toBeNull();
    expect(sniffContainer(buildDocx().subarray(0, 200))).toBeNull(); // truncated: no central directory
  });

  it('is cheap: it does not inflate a bomb to sniff it', () => {
    const bomb = withDeclaredSize(zipParts({ 'word/document.xml': new Uint8Array(8 * 2 ** 20) }), 1000);
    const start = performance.now();
    expect(sniffContainer(bomb)).toBe('docx');
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('errors', () => {
  const saved = { ...LIMITS };
  afterEach(() => Object.assign(LIMITS, saved));

  it('corrupt and truncated archives', async () => {
    const docx = buildDocx();
    await expectFormatError(() => parseDocx(docx.subarray(0, docx.length - 40)), 'corrupt', /corrupt or truncated ZIP/);
    await expectFormatError(() => parseOdt(buildOdt().subarray(0, 300)), 'corrupt', /ZIP/);
    const garbled = docx.slice();
    garbled.fill(0x55, 60, 400); // inside word/document.xml's deflate data or headers
    await expectFormatError(() => parseDocx(garbled), 'corrupt', /ZIP|XML|inflate/);
    await expectFormatError(() => parseDocx(enc('gewone tekst')), 'corrupt', /no ZIP signature/);
  });

  it('a docx without document.xml, an xlsx given as docx, an ods given as odt', async () => {
    const { 'word/document.xml': _, ...parts } = docxParts();
    await expectFormatError(() => parseDocx(zipParts(parts)), 'corrupt', /no word\/document\.xml/);
    const xlsx = zipParts({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    await expectFormatError(() => parseDocx(xlsx), 'corrupt', /Excel or PowerPoint/);
    const ods = zipParts(odtParts('', 'application/vnd.oasis.opendocument.spreadsheet'), ['mimetype']);
    await expectFormatError(() => parseOdt(ods), 'unsupported', /spreadsheet, not a text document/);
  });

  it('malformed XML', async () => {
    await expectFormatError(() => parseDocx(buildDocx('<w:p><w:r><w:t>open</w:r></w:p>')), 'corrupt', /malformed XML in word\/document\.xml/);
    await expectFormatError(() => parseOdt(buildOdt('<text:p>open &nbsp; entity</text:p>')), 'corrupt', /malformed XML in content\.xml/);
  });

  it('encrypted Office files, old .doc files and encrypted OpenDocument files', async () => {
    await expectFormatError(() => parseDocx(oleFile(['EncryptionInfo', 'EncryptedPackage'])), 'encrypted', /password-protected/);
    await expectFormatError(() => parseDocx(oleFile(['WordDocument', '1Table'])), 'unsupported', /old binary Office format.*\.doc/);
    const parts = odtParts();
    parts['META-INF/manifest.xml'] = parts['META-INF/manifest.xml'].replace('/>', '><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>');
    await expectFormatError(() => parseOdt(zipParts(parts, ['mimetype'])), 'encrypted', /password-protected/);
  });

  it('documents nested deeper than the call stack', async () => {
    const n = 20_000;
    await expectFormatError(() => parseHtml(enc(`${'<div>'.repeat(n)}x`)), 'too-large', /nested too deeply/);
    const spans = `<text:p>${'<text:span>'.repeat(n)}x${'</text:span>'.repeat(n)}</text:p>`;
    await expectFormatError(() => parseOdt(buildOdt(spans)), 'too-large', /nested too deeply/);
  });

  it('zip bombs: a huge declared size, an entry that lies about its size, too much in total, too many entries', async () => {
    const zeros = new Uint8Array(20 * 2 ** 20); // inflates from ~20 KB
    const huge = withDeclaredSize(zipParts({ 'word/document.xml': zeros }), 300 * 2 ** 20);
    await expectFormatError(() => parseDocx(huge), 'too-large', /more than 200 MB/);
    const liar = withDeclaredSize(zipParts({ 'word/document.xml': zeros }), 1000);
    await expectFormatError(() => parseDocx(liar), 'too-large', /inflates beyond its declared 1000 bytes/, 1000);
    LIMITS.maxInflatedBytes = 2 ** 20;
    await expectFormatError(() => parseDocx(zipParts({ ...docxParts(), 'word/big.xml': new Uint8Array(2 ** 20) })), 'too-large', /more than 1 MB/);
    LIMITS.maxEntries = 5;
    await expectFormatError(() => parseDocx(buildDocx()), 'too-large', /more than 5 entries/);
  });
});
