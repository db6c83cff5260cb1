// The archive's state and the lifecycle of its derived indexes: opened from the store (the source of truth), brought
// up to date with it after a crash or a change of rules, rebuilt, saved.
import { resolve } from 'node:path';
import { ArchiveError } from '../lib/errors.ts';
import { archiveDefaults, lexiconDir as defaultLexiconDir, type passageDefaults } from '../lib/config.ts';
import { log } from '../lib/log.ts';
import { Store, type PassageRef } from '../store/store.ts';
import { createAnalyser, type Analyser, type AnalyserRules } from '../language/analyser.ts';
import { countWords } from '../language/vocabulary.ts';
import { loadWordVectors } from '../language/word-vectors.ts';
import type { Embedder, EmbedderIdentity } from '../index/types.ts';
import { LexicalIndex } from '../index/lexical-index.ts';
import { readLexicalFile, saveLexicalFile } from '../index/lexical-file.ts';
import { loadEmbedder } from '../index/embedders/load.ts';
import { VectorIndexThread } from '../index/vector-thread.ts';
import type { RetrievalContext } from '../retrieval/signals.ts';
import type { RetrieveTuning } from '../retrieval/retrieve.ts';

export interface OpenArchiveOptions {
  dataDir: string;
  /** `EMBEDDER` env by default: builtin | e5 | auto. */
  embedder?: 'builtin' | 'e5' | 'auto';
  /** A Dutch lexicon folder (LEXICON_DIR's layout, README); null disables the lexicon. Default: lexiconDir(). */
  lexiconDir?: string | null;
  /** Passage splitting parameters (the eval sweep varies them). */
  passage?: Partial<typeof passageDefaults>;
  /** Analyser rules over lib/config.ts (ablations; a change re-analyses the stored passages). */
  analyser?: Partial<AnalyserRules>;
}

/** Everything an open archive holds. Writes replace `analyser` (new vocabulary) and `lexical` (reindex). */
export interface ArchiveState extends RetrievalContext {
  dataDir: string;
  /** The archive's own word counts: compound splitting trusts words the archive uses on their own. */
  vocabulary: Map<string, number>;
  lexDir: string | null;
  analyserRules: Partial<AnalyserRules>;
  embedderNote: string;
  passageOpts: Partial<typeof passageDefaults>;
  tuning: RetrieveTuning;
  /** The vector index has changes not yet saved. */
  dirty: boolean;
  /** Why dense search is refused (vectors of another embedder), or null. */
  denseBlocked: string | null;
  /** The store generation the in-memory views and indexes reflect (another process may have moved the store on). */
  syncedGeneration: number;
  /** The store's data_version when last checked: a cheap "did anyone else write?" test. */
  seenDataVersion: number;
  /** The store's terms epoch the lexical index's terms are of (set when it is loaded): a re-analysis, here or in another
   *  process, moves the store's on, and the next sync reloads. */
  termsEpoch: number;
  /** How the lexical index was last loaded (from its saved file or built from the stored terms) and in how long, and
   *  what the saved file reflects as far as this process knows (null: unknown). */
  lexicalMeta: { from: 'file' | 'store'; ms: number; savedTag: string | null };
  /** Makes the embedder anew from its saved state (after another process fitted or re-indexed it). */
  reloadEmbedder: () => Promise<void>;
}

const VECTOR_DIR = 'vectors';
const LEXICAL_DIR = 'lexical';

export async function openState(opts: OpenArchiveOptions): Promise<ArchiveState> {
  const dataDir = resolve(opts.dataDir);
  const store = Store.open(dataDir);
  const lexDir = opts.lexiconDir === undefined ? defaultLexiconDir() : opts.lexiconDir;
  const vocabulary = storedVocabulary(store);
  // The embedder's tokens must not drift as the archive vocabulary grows: it gets an analyser of fixed rules.
  const stable = createAnalyser({ lexiconDir: lexDir });
  const preference = opts.embedder ?? (process.env.EMBEDDER as OpenArchiveOptions['embedder']) ?? 'auto';
  const load = () => loadEmbedder({ preference, stateDir: dataDir, tokenize: (t) => stable.passageTerms(t), lexiconDir: lexDir });
  const { embedder, note } = await load();
  // The vector index opens in its thread while this one reads the lexical index (programmas-nl: ~1.9 s beside ~2 s).
  const { thread: vectors, ready: vectorsReady } = VectorIndexThread.opening(resolve(dataDir, VECTOR_DIR), identityOf(embedder), (e) =>
    log.warn(`vector index: ${e.message}; rebuilding it from the store`),
  );
  const state: ArchiveState = {
    dataDir, store, vocabulary, lexDir, embedder, vectors,
    wordVectors: loadWordVectors(),
    analyser: createAnalyser({ lexiconDir: lexDir, vocabulary, rules: opts.analyser }),
    analyserRules: opts.analyser ?? {},
    embedderNote: note,
    lexical: new LexicalIndex(),
    refs: new Map(),
    docs: new Map(),
    passageOpts: opts.passage ?? {},
    tuning: {},
    dirty: false,
    denseBlocked: null,
    syncedGeneration: store.generation(),
    seenDataVersion: store.dataVersion(),
    termsEpoch: store.termsEpoch(),
    lexicalMeta: { from: 'store', ms: 0, savedTag: null },
    reloadEmbedder: async () => {
      const next = await load();
      state.embedder = next.embedder;
      state.embedderNote = next.note;
    },
  };
  try {
    await loadViews(state, vectorsReady);
  } catch (e) {
    await vectorsReady.catch(() => undefined);
    await vectors.close();
    store.close();
    throw e;
  }
  return state;
}

/** Builds the in-memory views from the store and brings the derived indexes up to date with it. */
async function loadViews(s: ArchiveState, vectorsReady: Promise<void>): Promise<void> {
  for (const d of s.store.listDocuments()) s.docs.set(d.id, d);
  const counts = s.store.counts();
  if (s.store.getMeta('analyser_version') !== termsVersion(s.analyser)) {
    if (counts.passages > 0) log.info('analyser rules changed: re-analysing stored passages');
    reanalyseTerms(s);
  }
  loadLexical(s);
  saveLexical(s);

  await vectorsReady;
  const stored = storedIdentity(s.store);
  const current = identityOf(s.embedder);
  if (stored && counts.vectors > 0 && !sameIdentity(stored, current)) {
    // Vectors from another embedder are not comparable: refuse dense search until `reindex`.
    s.denseBlocked = `the index was built with ${fmtIdentity(stored)}, the active embedder is ${fmtIdentity(current)}`;
    log.warn(`dense search disabled: ${s.denseBlocked}; run \`raadsarchief reindex\``);
    return;
  }
  // The index file is saved after store commits; a crash in between leaves it behind the store's generation.
  if (s.vectors.savedTag !== String(s.syncedGeneration) || s.vectors.size !== counts.vectors) {
    if (s.vectors.size > 0 || counts.vectors > 0) log.info('vector index out of date with the store: rebuilding from stored vectors');
    await rebuildVectorIndex(s);
  }
}

/** Re-analyses every stored passage with the current analyser, in one transaction that also records the rules, the
 *  archive's word count and a new terms epoch (every process, this one included, reloads its lexical index on it). The
 *  caller reloads this process's lexical index. */
export function reanalyseTerms(s: ArchiveState): void {
  const entries = [...s.store.passageTexts()].map((p) => ({ id: p.id, terms: termsOf(s, p.text) }));
  s.store.replaceTerms(entries, { analyser_version: termsVersion(s.analyser), terms_vocabulary: String(vocabularyTotal(s)) });
}

/** Compound parts come from the archive's own word counts, so the terms of passages analysed when the archive was
 *  small drift from those of a question analysed now: true once its words have grown by archiveDefaults.reanalyseGrowth
 *  since the stored terms were last made together (and for a store that never recorded it). */
export function termsDrifted(s: ArchiveState): boolean {
  const at = Number(s.store.getMeta('terms_vocabulary') ?? 0);
  const now = vocabularyTotal(s);
  return s.refs.size > 0 && now > at && now >= at * archiveDefaults.reanalyseGrowth;
}

function vocabularyTotal(s: ArchiveState): number {
  let total = 0;
  for (const c of s.vocabulary.values()) total += c;
  return total;
}

/** (Re)loads passage refs and the lexical index, in one snapshot of the store: the index from its saved file when that
 *  reflects the store as it is (same generation, terms epoch and passages), else built from the stored terms. */
export function loadLexical(s: ArchiveState): void {
  const t0 = performance.now();
  // Made aside and put in place whole: a failure leaves the views and their epoch as they were (the next sync retries).
  const loaded = s.store.snapshot(() => {
    const termsEpoch = s.store.termsEpoch();
    const refs = new Map<number, PassageRef>();
    for (const ref of s.store.passageRefs()) refs.set(ref.id, ref);
    const tag = lexicalTag(s.store.generation(), termsEpoch);
    const saved = savedLexical(s.dataDir, tag, refs);
    if (saved) return { termsEpoch, refs, lexical: saved, tag };
    const lexical = new LexicalIndex();
    for (const { id, terms } of s.store.passageTerms()) lexical.add(id, terms.length ? terms.split(' ') : []);
    return { termsEpoch, refs, lexical, tag: null };
  });
  Object.assign(s, { refs: loaded.refs, lexical: loaded.lexical, termsEpoch: loaded.termsEpoch });
  s.lexicalMeta = { from: loaded.tag ? 'file' : 'store', ms: performance.now() - t0, savedTag: loaded.tag ?? s.lexicalMeta.savedTag };
}

/** The saved lexical index when its tag and passages are the store's; a damaged file is reported and passed over. */
function savedLexical(dataDir: string, tag: string, refs: ReadonlyMap<number, PassageRef>): LexicalIndex | null {
  const read = readLexicalFile(resolve(dataDir, LEXICAL_DIR));
  if (read === null) return null;
  if ('problem' in read) {
    log.warn(`lexical index file: ${read.problem}; rebuilding it from the store`);
    return null;
  }
  // Its rows are distinct (readLexicalFile checks): as many as the refs, each one of them, is the refs exactly.
  if (read.tag !== tag || read.snapshot.ids.length !== refs.size || !read.snapshot.ids.every((id) => refs.has(id))) return null;
  return LexicalIndex.fromSnapshot(read.snapshot);
}

/** Saves the lexical index unless the file already holds what it reflects; a failure only costs the next open time.
 *  Called after a batch ingest, a reindex, an open that built it, and at close; after uploads and deletes only once
 *  they pause (archive.ts: snapshot and write take ~1 s at programmas-nl's 68,671 passages). */
export function saveLexical(s: ArchiveState): void {
  const tag = lexicalTag(s.syncedGeneration, s.termsEpoch);
  if (s.lexicalMeta.savedTag === tag) return;
  try {
    saveLexicalFile(resolve(s.dataDir, LEXICAL_DIR), s.lexical.snapshot(), tag);
    s.lexicalMeta.savedTag = tag;
  } catch (e) {
    log.warn(`lexical index not saved (${(e as Error).message}); the next open rebuilds it from the store`);
  }
}

function lexicalTag(generation: number, termsEpoch: number): string {
  return `generation ${generation}, terms epoch ${termsEpoch}`;
}

export async function rebuildVectorIndex(s: ArchiveState): Promise<void> {
  await s.vectors.reset(resolve(s.dataDir, VECTOR_DIR), identityOf(s.embedder));
  const batch: { id: number; vector: Float32Array }[] = [];
  const flush = () => {
    s.vectors.add(batch.map((b) => b.id), batch.map((b) => b.vector));
    batch.length = 0;
  };
  for (const v of s.store.vectors()) {
    batch.push(v);
    if (batch.length === 1024) flush();
  }
  if (batch.length) flush();
  await saveVectors(s);
}

/** Starts an empty vector index for the current embedder (after a fit changed its identity). */
export async function resetVectorIndex(s: ArchiveState): Promise<void> {
  await s.vectors.reset(resolve(s.dataDir, VECTOR_DIR), identityOf(s.embedder));
}

/** Saves the vector index, tagged with the generation it reflects (not the store's, which another process may have
 *  moved on: the next open then sees the difference and rebuilds). */
export async function saveVectors(s: ArchiveState): Promise<void> {
  await s.vectors.save(String(s.syncedGeneration));
  s.dirty = false;
}

/** Saves what changed of the derived indexes, once a write is done. */
export async function saveIndexes(s: ArchiveState): Promise<void> {
  if (s.dirty) await saveVectors(s);
  saveLexical(s);
}

/** After this process's own commit: the views follow the store, unless another process committed in between (then the
 *  next sync picks up its changes; the diff by passage ids is idempotent). */
export function noteOwnCommit(s: ArchiveState, before: number): void {
  const now = s.store.generation();
  if (s.syncedGeneration === before && now === before + 1) s.syncedGeneration = now;
}

/** Drops passages from the in-memory views and indexes (their rows are already gone from the store). */
export function forget(s: ArchiveState, ids: number[]): void {
  for (const id of ids) {
    s.refs.delete(id);
    s.lexical.remove(id);
  }
  s.vectors.remove(ids);
  if (ids.length) s.dirty = true;
}

/** A passage's lexical terms come from its own text only. Adding the document title and heading path to every
 *  passage of a section made them all match the section's words alike: dev recall@5 0.793 -> 0.845 and LegalQA-NL
 *  nDCG@10 0.770 -> 0.778 (lexical) without them (EVAL.md). */
export function termsVersion(analyser: Analyser): string {
  return `${analyser.version}+text-only`;
}

export function termsOf(s: ArchiveState, text: string): string[] {
  return s.analyser.passageTerms(text);
}

/** Adds a batch's words to the archive vocabulary before its passages are analysed (and to the store's counts, unless
 *  another process already stored them). */
export function learnVocabulary(s: ArchiveState, texts: string[], opts: { persist: boolean } = { persist: true }): void {
  if (texts.length === 0) return;
  const added = countWords(texts);
  // A process that only follows another's commits (archive/sync.ts) counts the same texts the writer stored.
  if (opts.persist) s.store.addVocabulary(added);
  for (const [word, count] of added) s.vocabulary.set(word, (s.vocabulary.get(word) ?? 0) + count);
  s.analyser = createAnalyser({ lexiconDir: s.lexDir, vocabulary: s.vocabulary, rules: s.analyserRules });
}

export function identityOf(e: Embedder): EmbedderIdentity {
  return { name: e.name, dimension: e.dimension, version: e.version };
}

export function storedIdentity(store: Store): EmbedderIdentity | null {
  const raw = store.getMeta('embedder');
  return raw ? (JSON.parse(raw) as EmbedderIdentity) : null;
}

export function recordIdentity(s: ArchiveState): void {
  s.store.setMeta('embedder', JSON.stringify(identityOf(s.embedder)));
}

function sameIdentity(a: EmbedderIdentity, b: EmbedderIdentity): boolean {
  return a.name === b.name && a.dimension === b.dimension && a.version === b.version;
}

function fmtIdentity(i: EmbedderIdentity): string {
  return `${i.name} (${i.dimension} dims, version ${i.version})`;
}

/** The archive's word counts from the store; a store from before they were kept is counted once and saved. */
function storedVocabulary(store: Store): Map<string, number> {
  const saved = store.vocabulary();
  if (saved.size > 0 || store.counts().passages === 0) return saved;
  const counted = countWords((function* () {
    for (const p of store.passageTexts()) yield p.text;
  })());
  store.addVocabulary(counted);
  return counted;
}

/** Refuses a dense search or a write when the stored vectors belong to another embedder. */
export function assertDenseUsable(s: ArchiveState): void {
  if (s.denseBlocked) throw new ArchiveError('ERR_EMBEDDER_MISMATCH', s.denseBlocked);
}
