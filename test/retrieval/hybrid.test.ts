// The default hybrid ranking over the bundled corpus: BM25, the documents a question names and the semantic re-ranking
// fused by name, the passages of the sources a question names first, and hits labelled when the question names its
// source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpusArchive } from '../corpus.ts';
import type { Archive } from '../../archive/api.ts';

let corpus: Awaited<ReturnType<typeof openCorpusArchive>>;
let archive: Archive;
beforeAll(async () => {
  corpus = await openCorpusArchive('hybrid');
  archive = corpus.archive;
}, 120_000);
afterAll(async () => corpus?.close());

describe('hybrid retrieval', () => {
  it('re-ranks lexical candidates by meaning: a paraphrase question finds its passage higher than BM25 alone', async () => {
    // dev d018: the passage says "Vóór 2020 lag de nadruk vooral op ontwikkeling" where the question says "vroeger" / "accent".
    const q = 'Waar lag vroeger het accent van de Wethoudersvereniging en hoe is dat veranderd?';
    const rank = (hits: { text: string }[]) => hits.findIndex((h) => /nadruk\s+vooral\s+op\s+ontwikkeling/i.test(h.text)) + 1;
    const lexical = await archive.search(q, { mode: 'lexical', k: 10 });
    const hybrid = await archive.search(q, { k: 10 });
    expect(rank(hybrid)).toBeGreaterThan(0);
    expect(rank(hybrid)).toBeLessThan(rank(lexical) || 11);
    expect(Object.keys(hybrid[0].signals)).toEqual(expect.arrayContaining(['lexical', 'semantic']));
    expect(hybrid[0].signals.dense).toBeUndefined();
    expect(hybrid[0].signals.encoder).toBeUndefined();
  });

  it('labels hits from the document a question names, and from others', async () => {
    // The named document's passages come first, the others follow.
    const hits = await archive.search('Wat doet de Wethoudersvereniging voor nieuwe wethouders?', { k: 100 });
    expect(hits[0].namedSource).toBe(true);
    expect(hits[0].document.organisation).toBe('Wethoudersvereniging');
    expect(hits[0].signals.source).toBeDefined();
    expect(hits.some((h) => h.namedSource === false)).toBe(true);
    const unnamed = await archive.search('Wat is wethouderssocialisme?', { k: 5 });
    expect(unnamed.every((h) => h.namedSource === undefined)).toBe(true);
  });

  it('ranks the passages of the source a question names first, each named source taking turns', async () => {
    // dev d007: without, other documents' passages about chairs and directors come second to fifth.
    const q = 'Wie zijn de voorzitter en de directeur van de Wethoudersvereniging?';
    const orgs = (hits: { document: { organisation: string | null } }[]) => hits.map((h) => h.document.organisation);
    expect(orgs(await archive.search(q, { k: 5 }))).toEqual(Array(5).fill('Wethoudersvereniging'));
    expect(orgs(await archive.search(q, { k: 5, namedFirst: false }))).not.toEqual(Array(5).fill('Wethoudersvereniging'));
    // Round 2 corpus hc017: two sources, both within the first three hits.
    const two = await archive.search('Waarom zetten zowel de PvdA als de Wethoudersvereniging in op intervisie voor wethouders?', { k: 3 });
    expect(new Set(two.map((h) => h.namedSource))).toEqual(new Set([true]));
    expect(new Set(orgs(two)).size).toBe(2);
    // The caller's filters still hold: the named source outside them adds nothing.
    const filtered = await archive.search(q, { k: 5, filters: { documents: ['003_c7bc46593598c111'] } });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h.docId === '003_c7bc46593598c111' && h.namedSource === false)).toBe(true);
    // A lexical search is BM25 alone, as asked.
    expect(orgs(await archive.search(q, { k: 5, mode: 'lexical' }))).not.toEqual(Array(5).fill('Wethoudersvereniging'));
  });
});
