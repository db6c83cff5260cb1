// Every tunable default in one place, each with the measurement that chose it (see EVAL.md / BENCHMARKS.md).
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';

/** Where the store and index live: --data, else RAADSARCHIEF_DATA, else ./data. */
export function dataDir(flag?: string): string {
  return resolve(flag ?? process.env.RAADSARCHIEF_DATA ?? 'data');
}

/** The optional Dutch lexicon folder (laid out like ../shared/lexicon). LEXICON_DIR wins; otherwise the
 *  team's shared folder beside the project root is used when present. null when there is none. */
export function lexiconDir(): string | null {
  const candidates = [process.env.LEXICON_DIR, resolve(import.meta.dirname, '../../shared/lexicon')];
  for (const c of candidates) if (c && existsSync(c)) return resolve(c);
  return null;
}

/** The team's shared folder (corpus, eval, external material), when present. */
export function sharedDir(): string | null {
  const dir = process.env.RAADSARCHIEF_SHARED ?? resolve(import.meta.dirname, '../../shared');
  return existsSync(dir) ? dir : null;
}

// ---- ingest -------------------------------------------------------------------------------------
export const ingestDefaults = {
  /** Files larger than this are refused before parsing. */
  maxFileBytes: 200 * 1024 * 1024,
  /** A PDF parse that takes longer than this is abandoned (pdf.js can spin on hostile files). */
  parseTimeoutMs: 60_000,
  /** A line that repeats (digits ignored) on at least this share of pages, and on >= 3 pages, is a running header/footer. */
  runningLineMinShare: 0.4,
};

// ---- passages -----------------------------------------------------------------------------------
export const passageDefaults = {
  /** Hard ceiling: citation-sized. */
  maxChars: 1500,
  /** Target size: chosen by the chunk-size sweep in EVAL.md. */
  targetChars: 800,
  /** Overlap carried from the end of one passage into the next (whole sentences). */
  overlapChars: 150,
};

// ---- lexical ------------------------------------------------------------------------------------
export const lexicalDefaults = {
  k1: 1.2,
  b: 0.75,
};

// ---- dense --------------------------------------------------------------------------------------
export const hnswDefaults = {
  M: 16,
  efConstruction: 200,
  efSearch: 64,
  initialCapacity: 1024,
};

// ---- ranking ------------------------------------------------------------------------------------
export const rankingDefaults = {
  mode: 'hybrid' as const,
  k: 10,
  maxK: 100,
  /** Candidates taken from each retriever before fusion. */
  candidates: 100,
  maxPerDocument: 3,
};

// ---- answers ------------------------------------------------------------------------------------
export const answerDefaults = {
  maxSentences: 3,
};
