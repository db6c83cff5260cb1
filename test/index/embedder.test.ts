import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../../tools/shared-dir.ts';
import { BuiltinEmbedder } from '../../index/embedders/builtin.ts';
import { loadEmbedder, BUILTIN_STATE_FILE } from '../../index/embedders/load.ts';
import { lexiconGraph, retrofit } from '../../index/embedders/retrofit.ts';

// Stand-in until the Dutch analyser is plugged in: the embedder takes any tokeniser.
const tokenize = (t: string) => t.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

const shared = sharedDir();
if (!shared) console.warn('skipping built-in embedder tests: ../shared (corpus) not found; set RAADSARCHIEF_SHARED');

describe.skipIf(!shared)('BuiltinEmbedder on the shared corpus', () => {
  let passages: string[] = [];
  let embedder: BuiltinEmbedder;
  const stateDir = mkdtempSync(join(tmpdir(), 'emb-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const dir = join(shared!, 'corpus');
    const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
    for (const f of readdirSync(dir).sort()) passages.push(...(await splitter.splitText(readFileSync(join(dir, f), 'utf8'))));
    embedder = new BuiltinEmbedder({ tokenize, statePath: join(stateDir, BUILTIN_STATE_FILE) });
    await embedder.fit(passages);
  }, 60_000);

  it('gives unit vectors of its dimension and a version that names the fit', async () => {
    expect(embedder.fitted).toBe(true);
    expect(embedder.version).toMatch(/^[0-9a-f]{16}$/);
    const [v] = await embedder.embedPassages([passages[0]!]);
    expect(v).toHaveLength(embedder.dimension);
    expect(dot(v!, v!)).toBeCloseTo(1, 4);
  });

  it('is deterministic: a second fit gives the same version and vectors', async () => {
    const again = new BuiltinEmbedder({ tokenize });
    await again.fit(passages);
    expect(again.version).toBe(embedder.version);
    expect(await again.embedQuery('wethouderssocialisme')).toEqual(await embedder.embedQuery('wethouderssocialisme'));
  }, 60_000);

  it('round-trips through serialize/load and through the loader', async () => {
    const back = BuiltinEmbedder.load(embedder.serialize(), tokenize);
    expect(back.version).toBe(embedder.version);
    expect(await back.embedPassages(passages.slice(0, 3))).toEqual(await embedder.embedPassages(passages.slice(0, 3)));
    const { embedder: loaded, note } = await loadEmbedder({ preference: 'auto', stateDir, tokenize, modelDir: join(stateDir, 'no-model') });
    expect(loaded.version).toBe(embedder.version);
    expect(note).toMatch(/builtin-sif .*fitted on this archive; E5 not loadable/);
  });

  it('folds in unseen text, including words it never saw (char 5-grams)', async () => {
    const v = await embedder.embedQuery('oriëntatiedagenprogramma');
    expect(dot(v, v)).toBeCloseTo(1, 4);
  });

  it('ranks a passage answering a paraphrased question in the top 10', async () => {
    // d018: "accent" / "vroeger" vs "nadruk" / "Vóór 2020": shares few words with its answer.
    const vecs = await embedder.embedPassages(passages);
    const q = await embedder.embedQuery('Waar lag vroeger het accent van de Wethoudersvereniging en hoe is dat veranderd?');
    const top = vecs.map((v, i) => ({ i, s: dot(q, v) })).sort((a, b) => b.s - a.s).slice(0, 10);
    expect(top.some(({ i }) => passages[i]!.replace(/\s+/g, ' ').includes('lag de nadruk vooral op ontwikkeling'))).toBe(true);
  });

  it('embeds 1,000 passages in well under two seconds', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => passages[i % passages.length]!);
    const t = performance.now();
    await embedder.embedPassages(batch);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('loadEmbedder without saved state or model', () => {
  it('returns an unfitted built-in embedder under auto and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emb-'));
    try {
      const { embedder, note } = await loadEmbedder({ preference: 'auto', stateDir: dir, tokenize, modelDir: '' });
      expect(embedder.name).toBe('builtin-sif');
      expect(note).toMatch(/not fitted yet.*no pretrained model/);
      await expect(embedder.embedQuery('x')).rejects.toMatchObject({ code: 'ERR_MODEL_UNAVAILABLE' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails under e5 when no model folder is usable', async () => {
    await expect(loadEmbedder({ preference: 'e5', stateDir: tmpdir(), tokenize, modelDir: join(tmpdir(), 'absent-model') })).rejects.toMatchObject({
      code: 'ERR_MODEL_UNAVAILABLE',
    });
  });
});

describe('retrofitting to lexicon synonyms', () => {
  const lexDir = mkdtempSync(join(tmpdir(), 'lex-'));
  mkdirSync(join(lexDir, 'merged'));
  writeFileSync(
    join(lexDir, 'merged/nl-synsets.tsv'),
    [
      '# synset\tlemma\tsources',
      '1-n\tsalaris\todwn,wikt',
      '1-n\tBezoldiging\todwn',
      '1-n\twedde\todwn-googletrans',
      '1-n\thet loon\todwn',
      '2-n\tgemeente\todwn',
      '2-n\tkommune\todwn',
      '',
    ].join('\n'),
  );
  afterAll(() => rmSync(lexDir, { recursive: true, force: true }));

  it('builds a weighted synonym graph over tokenised lemmas; none without the files', () => {
    const g = lexiconGraph(lexDir, (l) => tokenize(l)[0] ?? null);
    expect(g.get('salaris')?.get('bezoldiging')).toBe(1);
    expect(g.get('salaris')?.get('wedde')).toBeCloseTo(0.2); // Google-translate-only source
    expect(g.has('het loon')).toBe(false); // multi-word lemmas are skipped
    expect(lexiconGraph(join(lexDir, 'absent'), (l) => l).size).toBe(0);
  });

  it('pulls synonyms together and gives linked lexicon-only words a vector', () => {
    const words = ['salaris', 'bezoldiging', 'raad'];
    const vectors = new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const g = lexiconGraph(lexDir, (l) => tokenize(l)[0] ?? null);
    const out = retrofit(words, vectors, 3, g);
    expect(out.words.slice(0, 3)).toEqual(words);
    expect(out.words).toContain('wedde');
    expect(out.words).not.toContain('kommune'); // links to no archive word
    const vec = (w: string) => out.vectors.subarray(out.words.indexOf(w) * 3, out.words.indexOf(w) * 3 + 3);
    expect(dot(vec('salaris'), vec('bezoldiging'))).toBeGreaterThan(0.5);
    expect(dot(vec('raad'), vec('raad'))).toBeCloseTo(1, 5);
    expect(vec('raad')[2]).toBeCloseTo(1, 5); // no links: unchanged
    expect(dot(vec('wedde'), vec('salaris'))).toBeGreaterThan(0.9);
    expect(retrofit(words, vectors, 3, g)).toEqual(out);
  });

  it('lets a query word the archive never uses find passages that use its synonym', async () => {
    const texts = [
      ...Array.from({ length: 20 }, (_, i) => `Het salaris van de wethouder wordt jaarlijks verhoogd met ${i} procent volgens de regeling.`),
      ...Array.from({ length: 20 }, (_, i) => `De gemeenteraad vergadert over de begroting en het onderwijs in wijk ${i}.`),
      ...Array.from({ length: 20 }, (_, i) => `Het college besluit over de verkeersveiligheid en het parkeren op plein ${i}.`),
    ];
    const withLex = new BuiltinEmbedder({ tokenize, dimension: 8, lexiconDir: lexDir });
    const without = new BuiltinEmbedder({ tokenize, dimension: 8, lexiconDir: null });
    await withLex.fit(texts);
    await without.fit(texts);
    const rank = async (e: BuiltinEmbedder) => {
      const q = await e.embedQuery('bezoldiging');
      const vecs = await e.embedPassages([texts[0]!, texts[20]!, texts[40]!]);
      return vecs.map((v) => dot(q, v));
    };
    const [sal, raad, college] = await rank(withLex);
    expect(sal).toBeGreaterThan(raad!);
    expect(sal).toBeGreaterThan(college!);
    // Saved state carries the retrofitted vectors: loading needs no lexicon.
    const back = BuiltinEmbedder.load(withLex.serialize(), tokenize);
    expect(await back.embedQuery('bezoldiging')).toEqual(await withLex.embedQuery('bezoldiging'));
    expect(withLex.version).not.toBe(without.version);
  });
});
