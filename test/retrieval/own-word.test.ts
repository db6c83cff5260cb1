// A compound that spells a party's acronym names its programmes when they are the ones that use it
// (retrieval/signals.ts ownWords over the lexical index): "de Centrumdemocraten" are the CD, and "de
// christendemocraten", though it spells CD as well, are not. A generated archive of three programmes of one year.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';

const TEXTS: Record<string, string> = {
  'CD_1994.txt': [
    'Verkiezingsprogramma 1994',
    '',
    'De Centrumdemocraten willen dat asielzoekers in opvangcentra aan de grens worden opgevangen.',
    'Volgens de Centrumdemocraten moet de overheid zuinig zijn met gemeenschapsgeld.',
  ].join('\n'),
  'CDA_1994.txt': [
    'Verkiezingsprogramma 1994',
    '',
    'Als christendemocraten willen wij dat asielzoekers snel duidelijkheid krijgen over hun verblijf.',
    'Christendemocraten kiezen voor gespreide verantwoordelijkheid en een zorgzame samenleving.',
  ].join('\n'),
  'VVD_1994.txt': [
    'Verkiezingsprogramma 1994',
    '',
    'De VVD wil dat asielzoekers die geen vluchteling zijn snel terugkeren.',
    'Anders dan de christendemocraten en de Centrumdemocraten kiest de VVD voor lagere lasten.',
  ].join('\n'),
};

let dir: string;
let archive: Archive;
const ids = new Map<string, string>();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raadsarchief-own-word-'));
  archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
  for (const [name, text] of Object.entries(TEXTS)) ids.set(name, (await archive.ingestBytes(name, new TextEncoder().encode(text))).docId!);
}, 120_000);
afterAll(async () => {
  await archive?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a party's own word names its programmes", () => {
  it('"de Centrumdemocraten" name the CD: half of the passages that use the word are its own (the VVD\'s is the other)', () => {
    expect(archive.answerSources().namedSources('Wat wilden de Centrumdemocraten in 1994 met asielzoekers?')).toEqual([[ids.get('CD_1994.txt')]]);
  });
  it('"de Christendemocraten" spell CD too, but the CD does not use the word: not the CD', () => {
    expect(archive.answerSources().namedSources('Wat wilden de Christendemocraten in 1994 met asielzoekers?').flat()).not.toContain(ids.get('CD_1994.txt'));
  });
  it('a year the party has no programme of is told as missing, under the name as typed', () => {
    expect(archive.answerSources().missingSource('Wat wilden de Centrumdemocraten in 2002 met asielzoekers?')).toMatchObject({ source: 'Centrumdemocraten', years: [2002], held: [1994] });
  });
  it('the hits of the named programme come first and say so', async () => {
    const hits = await archive.search('Wat wilden de Centrumdemocraten met asielzoekers?', { k: 3 });
    expect(hits[0].docId).toBe(ids.get('CD_1994.txt'));
    expect(hits[0].namedSource).toBe(true);
  });
});
