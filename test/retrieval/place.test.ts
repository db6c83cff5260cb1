// Where a citation says its quote sits: pages for paged documents, paragraphs for text files without pages (the
// bundled corpus and every programme of programmas-nl are such files), numbered as the page viewer numbers them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { ask } from '../../answer/ask.ts';
import { readingListMarkdown } from '../../api/export/markdown.ts';
import { placeLabel } from '../../retrieval/place.ts';
import { paragraphStarts } from '../../ingest/paragraphs.ts';
import { ordinalAt } from '../../lib/sorted.ts';
import { corpusDir } from '../ingest/helpers.ts';
import { tmp } from '../reliability/fixtures.ts';

describe('paragraphs and place labels', () => {
  it('numbers the blocks between blank lines, a blank line holding spaces included', () => {
    const text = 'Kop\n\nEerste alinea,\nnog steeds de eerste.\n \n\nTweede alinea.\n\nDerde.';
    const starts = paragraphStarts(text);
    expect(starts.map((s) => text.slice(s, s + 5))).toEqual(['Kop\n\n', 'Eerst', 'Tweed', 'Derde']);
    expect(ordinalAt(starts, text.indexOf('nog steeds'))).toBe(2);
    expect(ordinalAt(starts, text.indexOf('Derde'))).toBe(4);
    expect(ordinalAt(starts, 0)).toBe(1);
  });

  it('cuts a text without blank lines into paragraphs at sentence starts, so that its citations still point somewhere', () => {
    const sentence = (i: number) => `Zin ${i} van de partij gaat over het wonen, het werk en de zorg in ons land, zoals de heer K.F. Jansen schreef. `;
    const text = `Kop\n\n${Array.from({ length: 200 }, (_, i) => sentence(i + 1)).join('')}`;
    const starts = paragraphStarts(text);
    expect(starts.length).toBeGreaterThan(10);
    // Every cut opens a sentence ("Zin …", never "Jansen schreef"), and none runs past 1,500 characters by more than half a paragraph and a sentence.
    for (const s of starts.slice(2)) expect(text.slice(s, s + 4)).toBe('Zin ');
    starts.forEach((s, i) => expect((starts[i + 1] ?? text.length) - s).toBeLessThan(1500 + 750 + 150));
    // A text with ordinary paragraphs keeps them as they are.
    expect(paragraphStarts(text.slice(0, 3000))).toEqual([0, 5]);
  });

  it('names pages, sections with their heading and paragraph, and paragraphs of a text without pages', () => {
    expect(placeLabel({ kind: 'page', pageFirst: 3, pageLast: 3 })).toBe('p. 3');
    expect(placeLabel({ kind: 'page', pageFirst: 3, pageLast: 4 })).toBe('p. 3–4');
    expect(placeLabel({ kind: 'section', pageFirst: 2, pageLast: 2, paragraphFirst: 3, paragraphLast: 3, heading: 'Inleiding' })).toBe('sectie 2 (Inleiding), alinea 3');
    expect(placeLabel({ kind: 'paragraph', pageFirst: 1, pageLast: 1, paragraphFirst: 212, paragraphLast: 213 })).toBe('alinea 212–213');
  });
});

describe('places in a real archive (the bundled corpus: text files without pages)', () => {
  let data: string;
  let archive: Archive;
  beforeAll(async () => {
    data = tmp('place-data');
    const work = tmp('place-work');
    const paged = join(work, 'jaarverslag.txt');
    // pdftotext writes form feeds between pages: such a text has pages, and citations name them.
    writeFileSync(paged, 'Jaarverslag\n\nDe raad vergaderde elf keer over de begroting.\f\nDe rekenkamer onderzocht het parkeerbeleid van de gemeente.\n');
    archive = await openArchive({ dataDir: data, embedder: 'builtin' });
    await archive.ingestFiles([corpusDir!, paged]);
  }, 120_000);
  afterAll(async () => archive?.close());

  it('cites an answer sentence by the paragraph it stands in, as the page view numbers that paragraph', async () => {
    const r = await ask(archive, { question: 'Wat is wethouderssocialisme?' });
    expect(r.answered).toBe(true);
    if (!r.answered) return;
    for (const c of r.citations) {
      expect(c.pageKind).toBe('paragraph');
      const [, first] = c.place.match(/^alinea (\d+)(?:–\d+)?$/) ?? [];
      expect(first, c.place).toBeDefined();
      const page = archive.getPage(c.docId, 1)!;
      const numbered = page.paragraphs!;
      // The paragraph the viewer labels with that number holds the quote's start.
      expect(numbered[Number(first) - 1]).toBeLessThanOrEqual(c.start);
      expect(numbered[Number(first)] ?? Infinity).toBeGreaterThan(c.start);
      expect(archive.getDocumentText(c.docId)!.slice(c.start, c.end)).toBe(c.quote);
    }
    for (const h of r.hits) expect(h.place).toMatch(/^alinea \d+(–\d+)?$/);
  });

  it('cites a text with form feeds by its pages, and its page view has no paragraph numbers', async () => {
    const [hit] = await archive.search('rekenkamer parkeerbeleid', { mode: 'lexical', k: 1 });
    expect(hit.document.pageKind).toBe('page');
    expect(hit.place).toBe('p. 1–2'); // one passage holds both short pages
    expect(archive.getPage(hit.docId, 2)!.paragraphs).toBeUndefined();
  });

  it('gives the passages of a document their places too (CLI show, document API)', () => {
    const [doc] = archive.listDocuments().filter((d) => d.details.pageKind === 'paragraph');
    const passages = archive.getPassages(doc.id);
    expect(passages[0].place).toBe('alinea 1');
    expect(passages.at(-1)!.place).toMatch(/^alinea \d+/);
  });

  it('reads a store from before paragraphs were kept: text files as texts without pages, paragraphs filled in', async () => {
    const [doc] = archive.listDocuments().filter((d) => d.details.pageKind === 'paragraph');
    const before = archive.getPassages(doc.id).map((p) => p.place);
    await archive.close();
    const db = new Database(join(data, 'archive.sqlite'));
    db.prepare("UPDATE documents SET details = json_set(details, '$.pageKind', 'page') WHERE id = ?").run(doc.id);
    db.exec("ALTER TABLE documents DROP COLUMN paragraph_starts; UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    db.close();
    archive = await openArchive({ dataDir: data, embedder: 'builtin' });
    expect(archive.getDocument(doc.id)!.details.pageKind).toBe('paragraph');
    expect(archive.getPassages(doc.id).map((p) => p.place)).toEqual(before);
  });

  it('works the paragraphs out again in a store of schema 3 (before long blocks were cut)', async () => {
    const [doc] = archive.listDocuments().filter((d) => d.details.pageKind === 'paragraph');
    const before = archive.getPassages(doc.id).map((p) => p.place);
    await archive.close();
    const db = new Database(join(data, 'archive.sqlite'));
    db.exec("UPDATE documents SET paragraph_starts = '[0]'; UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    db.close();
    archive = await openArchive({ dataDir: data, embedder: 'builtin' });
    expect(archive.getPassages(doc.id).map((p) => p.place)).toEqual(before);
  });

  it('exports a collected answer sentence with its place', async () => {
    const r = await ask(archive, { question: 'Wat is wethouderssocialisme?' });
    if (!r.answered) throw new Error('no answer');
    const c = r.citations[0];
    const list = archive.readingLists.create('Leergang');
    archive.readingLists.addItem(list.id, { kind: 'answer', text: r.sentences[0].text, question: r.question, source: c });
    const md = readingListMarkdown(archive.readingLists.get(list.id)!);
    expect(md).toContain(`, ${c.place}.`);
    expect(c.place).toMatch(/^alinea /);
  });
});
