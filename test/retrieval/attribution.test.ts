// The "volgens …" phrase on the question forms staff use (eval/sets, typed here), and what it changes in a search of
// real programmes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attribution } from '../../retrieval/attribution.ts';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { pdfNlDir as PDF_NL } from '../ingest/helpers.ts';

if (!PDF_NL) console.warn('skipping the named-document search on real programmes: ../shared/external/pdf-nl is absent');

describe('attribution: the words', () => {
  const words = (q: string) => [...(attribution(q)?.words ?? [])];
  it('takes the "volgens …" phrase: a head word as typed, then names, acronyms and years', () => {
    expect(words('Hoeveel rente vroeg de microkredietverstrekker, volgens minister Koolmees in 2021?')).toEqual(['minister', 'koolmees', '2021']);
    expect(words('Wat is een practoraat, volgens de monitorrapportage 2023 van het Regionaal Investeringsfonds mbo?')).toEqual(['monitorrapportage', '2023', 'regionaal', 'investeringsfonds']);
    expect(words('Hoe hard mag je volgens JA21 en de ChristenUnie in 2023 op de snelweg rijden?')).toEqual(['ja21', 'christenunie', '2023']);
  });

  it('ends the phrase at the first word of the topic, and finds nothing without "volgens"', () => {
    expect(words('Wie moet volgens DS\'70 in 1971 de hoogste prioriteit krijgen?')).toEqual(['ds70', '1971']);
    expect(words('Waar moet een wethouder volgens de Wethoudersvereniging in de gemeente wonen?')).toEqual(['wethoudersvereniging']);
    expect(words('Wat zegt Pieter Hilhorst over eigen kracht?')).toEqual([]);
  });
});

describe('attribution', () => {
  it('gives the phrase as typed, a closing bracket included', () => {
    expect(attribution('Hoeveel verdient een wethouder volgens het Algemeen Ouderen Verbond (1994)?')?.phrase).toBe('volgens het Algemeen Ouderen Verbond (1994)');
    expect(attribution('Wat is wethouderssocialisme?')).toBeNull();
  });
});

describe.skipIf(!PDF_NL)('the named documents searched without the phrase (real 2023 programmes, ../shared/external/pdf-nl)', () => {
  let dir: string;
  let archive: Archive;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raadsarchief-attribution-'));
    archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await archive.ingestFiles(['vkp2023_piratenpartij.pdf', 'vkp2023_sp.pdf'].map((f) => join(PDF_NL!, f)));
  });
  afterAll(async () => {
    await archive?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the Piratenpartij passage that answers, which "Piratenpartij" pulled below its title pages', async () => {
    // pdf-nl question pn039 (eval/sets/pdf-nl.jsonl).
    const question = 'Moet de koninklijke familie volgens de Piratenpartij belasting gaan betalen?';
    const rank = async (searchAttribution: boolean) => {
      archive.tuning = { source: { searchAttribution } };
      const hits = await archive.search(question, { mode: 'hybrid', k: 50 });
      return hits.findIndex((h) => /koningshuis dienen net als ieder ander belasting/.test(h.text.replace(/\s+/g, ' '))) + 1 || Infinity;
    };
    const without = await rank(false);
    const withPhrase = await rank(true);
    archive.tuning = {};
    expect(without).toBeLessThan(withPhrase);
    expect(without).toBeLessThanOrEqual(30);
  });
});
