// Hybrid with a pretrained embedder: the tiny generated E5 model (test/index/e5-tiny-model.ts) stands in for a real
// one, so the plumbing is tested for real: its dense list joins hybrid and it re-ranks every candidate ("encoder").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { writeTinyE5Model } from '../index/e5-tiny-model.ts';

let root: string;
let archive: Archive;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'encoder-'));
  const model = writeTinyE5Model(join(root, 'tiny-e5'));
  vi.stubEnv('EMBED_MODEL_DIR', model.dir);
  archive = await openArchive({ dataDir: join(root, 'data'), embedder: 'e5' });
  const texts = {
    'begroting.txt': 'De gemeenteraad stelt de begroting vast. De wethouder en de raad bespreken het besluit in de vergadering.',
    'weer.txt': 'Het weer is vandaag zonnig. Morgen regen en veel wind, zegt de bakker met brood.',
    'fiets.txt': 'De fiets van de wethouder staat bij de bakker. Een kort verhaal met veel woorden over de gemeente.',
  };
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(root, name), text);
  await archive.ingestFiles(Object.keys(texts).map((n) => join(root, n)));
}, 60_000);

afterAll(async () => {
  await archive?.close();
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('hybrid with a pretrained embedder', () => {
  it('fuses the dense list and re-ranks every candidate by the model', async () => {
    expect(archive.health().embedder.name).toBe('e5:tiny-e5-fp32');
    const hits = await archive.search('wie stelt de begroting vast?', { k: 3 });
    expect(hits[0].docId).toBe('begroting');
    expect(Object.keys(hits[0].signals)).toEqual(expect.arrayContaining(['lexical', 'dense', 'semantic', 'encoder']));
    // Every candidate has a stored vector, so the encoder scores all of them, including lexical-only ones.
    for (const h of hits) expect(h.signals.encoder).toBeDefined();
  });
});
