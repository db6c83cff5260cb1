// The passages of the sources a question names come first (retrieval/retrieve.ts namedFirst), at most three of them,
// counted among those the caller's filters leave in; every hit from a named source says so. A generated archive of
// five party programmes of one year (four of them named), each with the same topic words: only the naming tells them apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';

const PARTIES = ['VVD', 'CDA', 'SP', 'GroenLinks'];
const programme = (party: string) =>
  [
    `Verkiezingsprogramma ${party} 2021`,
    '',
    `${party} wil dat er meer betaalbare woningen komen voor starters en ouderen.`,
    `Volgens ${party} moet de huur van sociale woningen omlaag.`,
    `${party} wil dat de gemeente zelf grond koopt voor woningbouw.`,
    '',
    'Daarnaast willen we betere bussen en treinen op het platteland, en meer groen in de wijk.',
    'Ook de zorg voor ouderen in de buurt verdient aandacht, met wijkverpleging dichtbij.',
  ].join('\n');

let dir: string;
let archive: Archive;
const ids = new Map<string, string>();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raadsarchief-named-first-'));
  archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
  for (const p of [...PARTIES, 'PvdA']) {
    const out = await archive.ingestBytes(`${p}_2021.txt`, new TextEncoder().encode(programme(p)));
    ids.set(p, out.docId!);
  }
}, 120_000);
afterAll(async () => {
  await archive?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the sources a question names, ranked first', () => {
  const q = 'Wat willen de VVD, het CDA, de SP en GroenLinks in 2021 met woningen?';

  it('a question naming four sources has the first three take turns at the top; every named hit says so', async () => {
    const hits = await archive.search(q, { k: 10 });
    const top = new Set(hits.slice(0, 3).map((h) => h.docId));
    expect(top.size).toBe(3);
    for (const h of hits) expect(h.namedSource).toBe(h.docId !== ids.get('PvdA'));
  });

  it("a named source the caller's filters leave out takes none of the three places", async () => {
    const gl = ids.get('GroenLinks')!;
    const pvda = ids.get('PvdA')!;
    // Filtered to two sources the question names and one it does not: the named ones come first, GroenLinks included.
    const hits = await archive.search(q, { k: 10, filters: { documents: [ids.get('VVD')!, gl, pvda] } });
    const firstPvda = hits.findIndex((h) => h.docId === pvda);
    expect(hits.findIndex((h) => h.docId === gl)).toBeLessThan(firstPvda);
    expect(hits.slice(0, firstPvda).every((h) => h.namedSource === true)).toBe(true);
  });
});
