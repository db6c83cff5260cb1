// Retrofitting (Faruqui et al. 2015): word vectors learned from the archive are pulled towards the vectors of
// their synonyms in the Dutch lexicon (merged/nl-synsets.tsv, optionally merged/nl-relations.tsv), so a word
// and its synonym end up close even when the archive never uses them in the same contexts. Lexicon words the
// archive lacks but that link to archive words get vectors too: a query word never seen in the archive lands
// near its synonyms. Without the lexicon files nothing changes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embedderDefaults } from '../../lib/config.ts';
import { normalizeInPlace } from './linalg.ts';

/** Undirected weighted word graph: word -> neighbour -> edge weight (the best over all links). */
export type WordGraph = Map<string, Map<string, number>>;

export interface LexiconGraphOptions {
  /** Weight of a synonym edge at full source confidence. */
  synonymWeight: number;
  /** Weight of a relation edge (hypernym, derivation, similar_to, ...) at full confidence; 0 skips the file. */
  relationWeight: number;
  /** Relation types used when relationWeight > 0. */
  relations: ReadonlySet<string>;
  /** Synsets with more lemmas than this are skipped: huge synsets are mostly polysemy noise. */
  maxSynsetSize: number;
}


/** Source confidence per the lexicon README: ODWN / Wiktionary ~1.0, OmegaWiki-only 0.6, Google-translate-only 0.2. */
function sourceConfidence(sources: string): number {
  const tags = sources.split(',');
  if (tags.some((t) => t === 'odwn' || t === 'wikt' || t === 'odwn-wiktionary' || t === 'cldr')) return 1;
  if (tags.includes('odwn-omegawiki')) return 0.6;
  return 0.2;
}

/**
 * The synonym (and relation) graph of the lexicon in `dir`, over terms as `term` maps lemmas (the embedder's
 * tokeniser, so "Coördinatie" meets the archive's "coordinatie"); `term` returns null for lemmas to skip.
 * Empty when the files are absent.
 */
export function lexiconGraph(dir: string, term: (lemma: string) => string | null, opts: LexiconGraphOptions = embedderDefaults.retrofit): WordGraph {
  const graph: WordGraph = new Map();
  const synPath = join(dir, 'merged/nl-synsets.tsv');
  if (!existsSync(synPath)) return graph;
  const members = new Map<string, Map<string, number>>(); // synset -> term -> confidence
  for (const line of readFileSync(synPath, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [synset, lemma, sources] = line.split('\t');
    if (!synset || !lemma || !sources || lemma.includes(' ')) continue;
    const t = term(lemma);
    if (!t) continue;
    let m = members.get(synset);
    if (!m) members.set(synset, (m = new Map()));
    m.set(t, Math.max(m.get(t) ?? 0, sourceConfidence(sources)));
  }
  const link = (a: string, b: string, w: number) => {
    if (a === b || w <= 0) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let n = graph.get(x);
      if (!n) graph.set(x, (n = new Map()));
      if ((n.get(y) ?? 0) < w) n.set(y, w);
    }
  };
  for (const m of members.values()) {
    if (m.size < 2 || m.size > opts.maxSynsetSize) continue;
    const list = [...m];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) link(list[i]![0], list[j]![0], opts.synonymWeight * Math.min(list[i]![1], list[j]![1]));
  }
  const relPath = join(dir, 'merged/nl-relations.tsv');
  if (opts.relationWeight > 0 && existsSync(relPath)) {
    for (const line of readFileSync(relPath, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [a, rel, b] = line.split('\t');
      if (!a || !b || !rel || !opts.relations.has(rel)) continue;
      const ma = members.get(a);
      const mb = members.get(b);
      if (!ma || !mb || ma.size > opts.maxSynsetSize || mb.size > opts.maxSynsetSize) continue;
      for (const [x, cx] of ma) for (const [y, cy] of mb) link(x, y, opts.relationWeight * Math.min(cx, cy));
    }
  }
  return graph;
}

export interface RetrofitOptions {
  /** Weight of a word's own archive vector against the summed edge weights of its neighbours. */
  selfWeight: number;
  iterations: number;
  /** Add lexicon words the archive lacks when they link to at least this many archive words (0: add none). */
  addMinLinks: number;
}


/**
 * Retrofits unit word vectors (`words.length` x `dim`, row-major) to the graph and returns the (possibly
 * longer) word list with unit vectors: archive words first, in their order, then added lexicon words
 * (sorted, for determinism). Added words have no archive vector of their own (self weight 0).
 */
export function retrofit(
  words: string[],
  vectors: Float32Array,
  dim: number,
  graph: WordGraph,
  opts: RetrofitOptions = embedderDefaults.retrofit,
): { words: string[]; vectors: Float32Array } {
  const index = new Map(words.map((w, i) => [w, i]));
  const added: string[] = [];
  if (opts.addMinLinks > 0) {
    for (const [w, n] of graph) {
      if (index.has(w)) continue;
      let links = 0;
      for (const x of n.keys()) if (index.has(x)) links++;
      if (links >= opts.addMinLinks) added.push(w);
    }
    added.sort();
  }
  const all = words.concat(added);
  const allIndex = new Map(all.map((w, i) => [w, i]));
  const n = all.length;
  const base = new Float32Array(n * dim);
  base.set(vectors.subarray(0, words.length * dim));
  // Neighbour lists in index space (only words that have vectors), sorted for a deterministic sum order.
  const nbrs: { ids: Int32Array; w: Float64Array }[] = all.map((word) => {
    const list = [...(graph.get(word) ?? [])].flatMap(([x, w]) => {
      const j = allIndex.get(x);
      return j === undefined ? [] : [[j, w] as const];
    });
    list.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(list, (e) => e[0]), w: Float64Array.from(list, (e) => e[1]) };
  });
  let cur = Float32Array.from(base);
  // Added words start at the weighted mean of their archive neighbours.
  for (let i = words.length; i < n; i++) {
    const { ids, w } = nbrs[i]!;
    const row = cur.subarray(i * dim, (i + 1) * dim);
    for (let k = 0; k < ids.length; k++) {
      if (ids[k]! >= words.length) continue;
      const o = ids[k]! * dim;
      for (let j = 0; j < dim; j++) row[j]! += w[k]! * base[o + j]!;
    }
    normalizeInPlace(row);
  }
  const acc = new Float64Array(dim);
  for (let it = 0; it < opts.iterations; it++) {
    const next = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) {
      const { ids, w } = nbrs[i]!;
      const row = next.subarray(i * dim, (i + 1) * dim);
      if (ids.length === 0) {
        row.set(cur.subarray(i * dim, (i + 1) * dim));
        continue;
      }
      const self = i < words.length ? opts.selfWeight : 0;
      let total = self;
      for (let j = 0; j < dim; j++) acc[j] = self * base[i * dim + j]!;
      for (let k = 0; k < ids.length; k++) {
        const o = ids[k]! * dim;
        total += w[k]!;
        for (let j = 0; j < dim; j++) acc[j]! += w[k]! * cur[o + j]!;
      }
      for (let j = 0; j < dim; j++) row[j] = acc[j]! / total;
    }
    cur = next;
  }
  for (let i = 0; i < n; i++) normalizeInPlace(cur.subarray(i * dim, (i + 1) * dim));
  return { words: all, vectors: cur };
}
