// Crashes: SIGKILL during ingest (5 seeded kills here, 20 in `npm run soak`), and damaged derived files at start-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openArchive } from '../../archive/archive.ts';
import { consistencyProblems, corpusFiles, RUN_TS, tmp, writeCorpusPieces } from './fixtures.ts';
import { crashLoop } from './crash-harness.ts';

describe('SIGKILL during ingest', () => {
  it('leaves every document fully present or absent, store and index in agreement; the next ingest completes', async () => {
    const work = tmp('crash-work');
    const data = tmp('crash-data');
    try {
      const files = writeCorpusPieces(join(work, 'stukken'), 6000);
      const report = await crashLoop({
        rounds: 5, seed: 20240607, files, seedFiles: [corpusFiles()[4]], dataDir: data, workDir: work, via: 'mixed', log: (l) => console.log(l),
      });
      expect(report.problems).toEqual([]);
      expect(report.rounds).toHaveLength(5);
      expect(report.killsInjected).toBeGreaterThanOrEqual(3);
      expect(report.final.documents).toBe(report.final.expectedDocuments);
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('SIGKILL late in the first batch of an empty archive', () => {
  it('keeps every document committed before the kill; the re-run completes the rest', async () => {
    const work = tmp('kill-first');
    const data = tmp('kill-first-data');
    try {
      // ~2,400 passages in 300 files: enough for the first fit to come before the end of the batch.
      const files = manyNotes(join(work, 'notities'), 300);
      const child = spawn(process.execPath, [RUN_TS, join(import.meta.dirname, 'crash-child.ts'), data, ...files], {
        env: { ...process.env, EMBEDDER: 'builtin', DOTENV_CONFIG_QUIET: 'true' },
      });
      let out = '';
      // Killed as soon as it reports committed passages (the progress line counts passages after each commit), plus a bit.
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/progress \d+\/\d+ [1-9]\d*/.test(out)) setTimeout(() => child.kill('SIGKILL'), 300);
        });
        child.on('exit', () => resolve());
      });
      expect(out).not.toMatch(/^ingested/m);
      const a = await openArchive({ dataDir: data, embedder: 'builtin' });
      const kept = a.listDocuments().length;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(files.length);
      expect(consistencyProblems(a)).toEqual([]);
      const rerun = await a.ingestFiles(files);
      expect(rerun.filter((o) => o.status === 'unchanged')).toHaveLength(kept);
      expect(rerun.filter((o) => o.status === 'ingested')).toHaveLength(files.length - kept);
      expect(consistencyProblems(a)).toEqual([]);
      console.log(`killed after ${kept} of ${files.length} documents were committed; the re-run added the other ${files.length - kept}`);
      await a.close();
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  }, 240_000);
});

/** `n` distinct notes of about eight passages each, made from the corpus's paragraphs. */
function manyNotes(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const paragraphs = corpusFiles().flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/)).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 200);
  return Array.from({ length: n }, (_, i) => {
    const path = join(dir, `notitie-${String(i).padStart(3, '0')}.txt`);
    const body = Array.from({ length: 16 }, (_, j) => paragraphs[(i * 7 + j * 13) % paragraphs.length]);
    writeFileSync(path, `Notitie ${i}\n\n${body.join('\n\n')}\n`);
    return path;
  });
}

describe('damaged derived files at start-up are rebuilt from the store', () => {
  let reference: string;
  let denseBefore: number[][];
  let sidecarAfterFirstIngest: { identity: { version: string } };
  let fittedVersion: string;
  const Q = 'Wat is het strategisch doel van de Wethoudersvereniging?';

  beforeAll(async () => {
    reference = tmp('crash-ref');
    const a = await openArchive({ dataDir: reference, embedder: 'builtin' });
    await a.ingestFiles(corpusFiles());
    denseBefore = (await a.search(Q, { mode: 'dense', k: 5 })).map((h) => h.passageIds);
    fittedVersion = a.health().embedder.version;
    await a.close();
    sidecarAfterFirstIngest = JSON.parse(readFileSync(join(reference, 'vectors/hnsw.json'), 'utf8'));
  });
  afterAll(() => rmSync(reference, { recursive: true, force: true }));

  const damages: [string, (vectors: string) => void][] = [
    ['leftover temp files from a save that died before its rename (an hour ago: no live process owns them)', (v) => {
      writeFileSync(join(v, 'hnsw.bin.4242.tmp'), Buffer.alloc(5000, 7));
      writeFileSync(join(v, 'hnsw.json.4242.tmp'), '{"format": 1, "trunc');
      const old = new Date(Date.now() - 2 * 3600_000);
      for (const f of ['hnsw.bin.4242.tmp', 'hnsw.json.4242.tmp']) utimesSync(join(v, f), old, old);
    }],
    ['a garbage sidecar', (v) => writeFileSync(join(v, 'hnsw.json'), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b]))],
    ['a sidecar that is valid JSON but not a sidecar', (v) => writeFileSync(join(v, 'hnsw.json'), '[1, 2, 3]')],
    ['a sidecar whose count disagrees', (v) => {
      const s = JSON.parse(readFileSync(join(v, 'hnsw.json'), 'utf8'));
      writeFileSync(join(v, 'hnsw.json'), JSON.stringify({ ...s, count: s.count + 3 }));
    }],
    ['a sidecar from another embedder version', (v) => {
      const s = JSON.parse(readFileSync(join(v, 'hnsw.json'), 'utf8'));
      writeFileSync(join(v, 'hnsw.json'), JSON.stringify({ ...s, identity: { ...s.identity, version: 'ander' } }));
    }],
    ['a zero-length index file', (v) => writeFileSync(join(v, 'hnsw.bin'), '')],
    ['an index file of garbage with its sidecar patched to match', (v) => {
      const s = JSON.parse(readFileSync(join(v, 'hnsw.json'), 'utf8'));
      const junk = Buffer.alloc(s.indexBytes, 0x41);
      writeFileSync(join(v, 'hnsw.bin'), junk);
      writeFileSync(join(v, 'hnsw.json'), JSON.stringify({ ...s, indexSha256: createHash('sha256').update(junk).digest('hex') }));
    }],
    ['a missing index file', (v) => rmSync(join(v, 'hnsw.bin'))],
    ['a missing sidecar', (v) => rmSync(join(v, 'hnsw.json'))],
    ['no vectors folder at all', (v) => rmSync(v, { recursive: true })],
  ];

  it('a clean close leaves an index that the next open uses as is (its identity is the fitted embedder\'s)', async () => {
    expect(sidecarAfterFirstIngest.identity.version).toBe(fittedVersion);
  });

  it('a corrupt built-in embedder state: lexical search goes on, the next ingest refits and re-embeds everything', async () => {
    const dir = tmp('crash-embedder');
    const work = tmp('crash-embedder-work');
    try {
      cpSync(reference, dir, { recursive: true });
      writeFileSync(join(dir, 'embedder/builtin.msgpack'), Buffer.from('kapot'));
      const a = await openArchive({ dataDir: dir, embedder: 'builtin' });
      try {
        expect((await a.search(Q, { mode: 'lexical', k: 5 })).length).toBeGreaterThan(0);
        const extra = join(work, 'nieuw.txt');
        writeFileSync(extra, 'Nieuwe notitie\n\nDe gemeenteraad bespreekt het strategisch doel van de vereniging opnieuw.\n');
        const [o] = await a.ingestFiles([extra]);
        expect(o.status, o.reason).toBe('ingested');
        expect(consistencyProblems(a)).toEqual([]);
        expect((await a.search(Q, { mode: 'dense', k: 5 })).length).toBeGreaterThan(0);
      } finally {
        await a.close();
      }
      const b = await openArchive({ dataDir: dir, embedder: 'builtin' });
      expect(consistencyProblems(b)).toEqual([]);
      expect((await b.search(Q, { mode: 'hybrid', k: 5 })).length).toBeGreaterThan(0);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });

  for (const [what, damage] of damages) {
    it(`recovers from ${what}`, async () => {
      const dir = tmp('crash-damage');
      try {
        cpSync(reference, dir, { recursive: true });
        damage(join(dir, 'vectors'));
        const a = await openArchive({ dataDir: dir, embedder: 'builtin' });
        try {
          expect(consistencyProblems(a)).toEqual([]);
          expect(a.health().vectors).toBe(a.health().passages);
          expect(a.health().passages).toBeGreaterThan(0);
          expect((await a.search(Q, { mode: 'dense', k: 5 })).map((h) => h.passageIds)).toEqual(denseBefore);
        } finally {
          await a.close();
        }
        // After a clean close the files are whole again, without temp leftovers.
        const left = readdirSync(join(dir, 'vectors'));
        expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
        expect(existsSync(join(dir, 'vectors/hnsw.json'))).toBe(true);
        const again = await openArchive({ dataDir: dir, embedder: 'builtin' });
        expect(again.health().vectors).toBe(again.health().passages);
        await again.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
