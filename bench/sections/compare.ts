// Side by side on the same data: HNSW recall/speed on the archive's own vectors, LangChain's HNSWLib store,
// exact brute-force cosine in the hybrid, MiniSearch against our lexical index.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import MiniSearch from 'minisearch';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Archive } from '../../archive/api.ts';
import type { ScoredId } from '../../index/types.ts';
import { scaledEf, VectorIndex } from '../../index/vector-index.ts';
import { LexicalIndex } from '../../index/lexical-index.ts';
import { fuse } from '../../retrieval/fusion.ts';
import { queryTerms } from '../../retrieval/retrieve.ts';
import { hnswDefaults, rankingDefaults } from '../../lib/config.ts';

import { gc, load, memory, summarize, type Summary } from '../lib/stats.ts';

const K = 10;

export interface Vectors { ids: number[]; matrix: Float32Array; dim: number }

export function loadVectors(archive: Archive): Vectors {
  const list = [...archive.parts().store.vectors()];
  const dim = list[0]?.vector.length ?? 0;
  const matrix = new Float32Array(list.length * dim);
  list.forEach((v, i) => matrix.set(v.vector, i * dim));
  return { ids: list.map((v) => v.id), matrix, dim };
}

/** Exact top-k by dot product (vectors are unit length, so this is cosine). */
export function exactTopK(v: Vectors, q: Float32Array, k: number): ScoredId[] {
  const n = v.ids.length;
  const scores = new Float32Array(n);
  const { matrix, dim } = v;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * dim;
    for (let j = 0; j < dim; j++) s += matrix[o + j]! * q[j]!;
    scores[i] = s;
  }
  // Partial selection: keep a sorted top-k buffer.
  const top: ScoredId[] = [];
  let min = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (top.length < k || s > min) {
      top.push({ id: v.ids[i]!, score: s });
      if (top.length > k) {
        top.sort((a, b) => b.score - a.score);
        top.length = k;
      }
      if (top.length === k) min = Math.min(...top.map((t) => t.score));
    }
  }
  return top.sort((a, b) => b.score - a.score);
}

const recall = (got: number[], truth: ScoredId[]) => {
  const t = new Set(truth.map((x) => x.id));
  return got.filter((id) => t.has(id)).length / Math.max(1, truth.length);
};

export async function queryVectors(archive: Archive, queries: string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const q of queries) out.push(await archive.parts().embedder.embedQuery(q));
  return out;
}

/** efSearch as configured, and as used at this index size (vector-index.ts scaledEf grows it past 10k vectors). */
export interface HnswRow { efSearch: number; effectiveEf: number; recallAt10: number; qps: number; p50: number; p99: number }
export interface HnswQuality { vectors: number; dim: number; queries: number; buildMs: number; buildParams: typeof hnswDefaults; rows: HnswRow[]; load: string }

/** recall@10 of the archive's live index vs exact search, for several efSearch; plus a fresh build's time. */
export async function hnswQuality(archive: Archive, v: Vectors, qv: Float32Array[], efs = [32, 64, 128, 256]): Promise<HnswQuality> {
  const { vectors } = archive.parts();
  const truth = qv.map((q) => exactTopK(v, q, K));
  const rows: HnswRow[] = [];
  for (const ef of efs) {
    archive.setEfSearch(ef);
    const lat: number[] = [];
    let r = 0;
    const t0 = performance.now();
    for (const [i, q] of qv.entries()) {
      const s = performance.now();
      const got = (await vectors.search(q, K)).map((h) => h.id);
      lat.push(performance.now() - s);
      r += recall(got, truth[i]!);
    }
    const sec = (performance.now() - t0) / 1000;
    const sum = summarize(lat);
    rows.push({ efSearch: ef, effectiveEf: scaledEf(ef, vectors.size), recallAt10: r / qv.length, qps: qv.length / sec, p50: sum.p50, p99: sum.p99 });
  }
  archive.setEfSearch(hnswDefaults.efSearch);
  // Build time of the same index from scratch (what `reindex`/a rebuild at start-up costs).
  const dir = mkdtempSync(join(tmpdir(), 'bench-hnsw-'));
  const fresh = VectorIndex.create(dir, { name: 'bench', dimension: v.dim, version: '1' });
  const rows2d = Array.from({ length: v.ids.length }, (_, i) => v.matrix.subarray(i * v.dim, (i + 1) * v.dim));
  const t0 = performance.now();
  fresh.add(v.ids, rows2d);
  const buildMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  return { vectors: v.ids.length, dim: v.dim, queries: qv.length, buildMs, buildParams: hnswDefaults, rows, load: load() };
}

export interface LangchainCompare {
  ours: { buildMs: number; qps: number; p50: number; recallAt10: number; efSearch: number };
  langchainDefault: { buildMs: number; qps: number; p50: number; recallAt10: number; ef: number };
  langchainEf: { qps: number; p50: number; recallAt10: number; ef: number };
  load: string;
}

/** Our VectorIndex (archive's live index, default efSearch) vs LangChain's HNSWLib on the same vectors. */
export async function compareLangchain(archive: Archive, v: Vectors, qv: Float32Array[], ourBuildMs: number): Promise<LangchainCompare> {
  const { vectors } = archive.parts();
  const truth = qv.map((q) => exactTopK(v, q, K));
  const measure = async (search: (q: Float32Array) => Promise<number[]> | number[]) => {
    const lat: number[] = [];
    let r = 0;
    const t0 = performance.now();
    for (let i = 0; i < qv.length; i++) {
      const s = performance.now();
      const got = await search(qv[i]!);
      lat.push(performance.now() - s);
      r += recall(got, truth[i]!);
    }
    return { qps: qv.length / ((performance.now() - t0) / 1000), p50: summarize(lat).p50, recallAt10: r / qv.length };
  };
  const ours = await measure(async (q) => (await vectors.search(q, K)).map((h) => h.id));

  const embeddings: EmbeddingsInterface = { embedQuery: async () => [], embedDocuments: async () => [] };
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: v.dim });
  const arrays = Array.from({ length: v.ids.length }, (_, i) => Array.from(v.matrix.subarray(i * v.dim, (i + 1) * v.dim)));
  const docs = v.ids.map((id) => new Document({ pageContent: '', metadata: { id } }));
  const t0 = performance.now();
  await store.addVectors(arrays, docs);
  const lcBuild = performance.now() - t0;
  const lcSearch = async (q: Float32Array) =>
    (await store.similaritySearchVectorWithScore(Array.from(q), K)).map(([d]) => (d.metadata as { id: number }).id);
  const lcDefault = await measure(lcSearch);
  store.index.setEf(hnswDefaults.efSearch);
  const lcEf = await measure(lcSearch);
  return {
    ours: { buildMs: ourBuildMs, ...ours, efSearch: hnswDefaults.efSearch },
    langchainDefault: { buildMs: lcBuild, ...lcDefault, ef: 10 },
    langchainEf: { ...lcEf, ef: hnswDefaults.efSearch },
    load: load(),
  };
}

export interface HybridCompare {
  ours: Summary;
  bruteForce: Summary;
  denseRecallAtCandidates: number;
  fusedTop10Agreement: number;
  candidates: number;
  load: string;
}

/** Our hybrid core (lexical + HNSW + fusion) vs the same with exact brute-force cosine; query embedding excluded
 *  (computed once per query beforehand), so the difference is the ANN index alone. */
export async function compareHybrid(archive: Archive, v: Vectors, queries: string[], qv: Float32Array[]): Promise<HybridCompare> {
  const { analyser, lexical, vectors } = archive.parts();
  const c = rankingDefaults.candidates;
  const ours: number[] = [], brute: number[] = [];
  let denseRecall = 0, agree = 0;
  for (const [i, q] of queries.entries()) {
    let t0 = performance.now();
    // As retrieve() does: the HNSW search runs in the vector thread while this thread does the lexical one.
    const dense = vectors.search(qv[i]!, c);
    const lexA = lexical.search(queryTerms(analyser, q), c);
    const denA = await dense;
    const fa = fuse({ lexical: lexA, dense: denA }, rankingDefaults.fusion).slice(0, K);
    ours.push(performance.now() - t0);
    t0 = performance.now();
    const lexB = lexical.search(queryTerms(analyser, q), c);
    const denB = exactTopK(v, qv[i]!, c);
    const fb = fuse({ lexical: lexB, dense: denB }, rankingDefaults.fusion).slice(0, K);
    brute.push(performance.now() - t0);
    denseRecall += recall(denA.map((d) => d.id), denB);
    agree += recall(fa.map((f) => f.id), fb.map((f) => ({ id: f.id, score: f.score })));
  }
  return {
    ours: summarize(ours),
    bruteForce: summarize(brute),
    denseRecallAtCandidates: denseRecall / queries.length,
    fusedTop10Agreement: agree / queries.length,
    candidates: c,
    load: load(),
  };
}

export interface LexicalCompare {
  passages: number;
  ours: { buildMs: number; heapMb: number; query: Summary };
  minisearch: { buildMs: number; heapMb: number; query: Summary };
  load: string;
}

/** Our lexical index (analysis + BM25+ index built from the passages) vs MiniSearch defaults over the same texts. */
export function compareLexical(archive: Archive, queries: string[], n: number): LexicalCompare {
  const { analyser, store } = archive.parts();
  const passages = [...store.passageTexts()];

  gc();
  let h0 = memory().heapUsedMb;
  let t0 = performance.now();
  const ours = new LexicalIndex();
  for (const p of passages) ours.add(p.id, analyser.passageTerms(p.text));
  const oursBuild = performance.now() - t0;
  gc();
  const oursHeap = memory().heapUsedMb - h0;

  h0 = memory().heapUsedMb;
  t0 = performance.now();
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], idField: 'id' });
  mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  const miniBuild = performance.now() - t0;
  gc();
  const miniHeap = memory().heapUsedMb - h0;

  const oursLat: number[] = [], miniLat: number[] = [];
  for (let i = 0; i < n; i++) {
    const q = queries[i % queries.length]!;
    let s = performance.now();
    ours.search(queryTerms(analyser, q), K);
    oursLat.push(performance.now() - s);
    s = performance.now();
    mini.search(q).slice(0, K);
    miniLat.push(performance.now() - s);
  }
  return {
    passages: passages.length,
    ours: { buildMs: oursBuild, heapMb: oursHeap, query: summarize(oursLat) },
    minisearch: { buildMs: miniBuild, heapMb: miniHeap, query: summarize(miniLat) },
    load: load(),
  };
}
