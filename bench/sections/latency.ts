// Query latency through the library (archive.search) per mode, and where the time of a hybrid search goes.
import type { Archive } from '../../archive/api.ts';
import type { SearchMode, Hit } from '../../lib/types.ts';
import type { ScoredId } from '../../index/types.ts';
import { composeAnswer } from '../../answer/extractive.ts';
import { answerContext } from '../../answer/ask.ts';
import { fuse } from '../../retrieval/fusion.ts';
import { rankingDefaults } from '../../lib/config.ts';
import { instrument } from '../lib/instrument.ts';
import { load, summarize, type Summary } from '../lib/stats.ts';

export const MODES: SearchMode[] = ['lexical', 'dense', 'hybrid'];

export async function libraryLatency(archive: Archive, queries: string[], n: number, warmup = 20): Promise<Record<SearchMode, Summary> & { load: string }> {
  const out = {} as Record<SearchMode, Summary>;
  for (const mode of MODES) {
    for (let i = 0; i < warmup; i++) await archive.search(queries[i % queries.length]!, { mode, k: 10 });
    const lat: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await archive.search(queries[i % queries.length]!, { mode, k: 10 });
      lat.push(performance.now() - t0);
    }
    out[mode] = summarize(lat);
  }
  return { ...out, load: load() };
}

export interface Breakdown {
  total: Summary;
  queryAnalysis: Summary;
  lexical: Summary;
  embedQuery: Summary;
  hnsw: Summary;
  fusion: Summary;
  passageFetch: Summary;
  hitComposition: Summary;
  answer: Summary;
  load: string;
}

/**
 * Times the pieces of hybrid searches: query analysis (analyser.queryTerms), LexicalIndex.search,
 * embedder.embedQuery, the HNSW search (timed alone afterwards: in a search it runs in the vector thread beside the
 * lexical one), fusion (fuse on the same candidate lists, timed apart), hit
 * passage fetch (store.passagesByIds), hit composition (the rest: merging, highlighting, hit objects) and answer composition (composeAnswer on the hits).
 */
export async function breakdown(archive: Archive, queries: string[], n: number): Promise<Breakdown> {
  const { analyser, lexical, vectors } = archive.parts();
  const t = { analysis: [] as number[], lexical: [] as number[], embed: [] as number[], hnsw: [] as number[], fetch: [] as number[] };
  let lastLex: ScoredId[] = [];
  let lastDense: ScoredId[] = [];
  const undo = [
    instrument(analyser, 'queryTerms', t.analysis),
    instrument(lexical, 'search', t.lexical),
    instrument(archive.parts().embedder, 'embedQuery', t.embed),
    instrument(archive.parts().store, 'passagesByIds', t.fetch),
  ];
  // Capture the candidate lists to time fusion on exactly what the search fused.
  const lexSearch = lexical.search;
  const vecSearch = vectors.search;
  (lexical as { search: typeof lexSearch }).search = function (...a: Parameters<typeof lexSearch>) {
    return (lastLex = lexSearch.apply(this, a));
  };
  let lastDenseArgs: Parameters<typeof vecSearch> | null = null;
  (vectors as { search: typeof vecSearch }).search = async function (...a: Parameters<typeof vecSearch>) {
    lastDenseArgs = a;
    return (lastDense = await vecSearch.apply(this, a));
  };
  const total: number[] = [], fusion: number[] = [], answer: number[] = [];
  for (let i = 0; i < n; i++) {
    const q = queries[i % queries.length]!;
    const t0 = performance.now();
    const hits: Hit[] = await archive.search(q, { mode: 'hybrid', k: 10 });
    total.push(performance.now() - t0);
    if (lastDenseArgs) {
      const h0 = performance.now();
      await vecSearch.apply(vectors, lastDenseArgs);
      t.hnsw.push(performance.now() - h0);
    }
    const f0 = performance.now();
    fuse({ lexical: lastLex, dense: lastDense }, rankingDefaults.fusion);
    fusion.push(performance.now() - f0);
    const a0 = performance.now();
    composeAnswer(q, hits, answerContext(archive));
    answer.push(performance.now() - a0);
  }
  delete (lexical as Partial<{ search: unknown }>).search;
  delete (vectors as Partial<{ search: unknown }>).search;
  undo.reverse().forEach((u) => u());
  // queryTerms is called once by retrieve() (and possibly by highlighting); keep per-search sums.
  const perSearch = (a: number[]) => {
    if (a.length === n) return a;
    const k = a.length / n;
    return Array.from({ length: n }, (_, i) => a.slice(Math.round(i * k), Math.round((i + 1) * k)).reduce((s, x) => s + x, 0));
  };
  // Lexical and HNSW overlap: the longer of the two is on the search's path.
  const rest = total.map((x, i) => x - (perSearch(t.analysis)[i] ?? 0) - Math.max(perSearch(t.lexical)[i] ?? 0, t.hnsw[i] ?? 0) - (perSearch(t.embed)[i] ?? 0) - (perSearch(t.fetch)[i] ?? 0) - fusion[i]!);
  return {
    total: summarize(total),
    queryAnalysis: summarize(perSearch(t.analysis)),
    lexical: summarize(perSearch(t.lexical)),
    embedQuery: summarize(perSearch(t.embed)),
    hnsw: summarize(perSearch(t.hnsw)),
    fusion: summarize(fusion),
    passageFetch: summarize(perSearch(t.fetch)),
    hitComposition: summarize(rest),
    answer: summarize(answer),
    load: load(),
  };
}
