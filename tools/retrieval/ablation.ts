// The retrieval ablation behind EVAL.md: every question set against archives built once (cached under
// /tmp/ra-eval/), each retrieval piece on and off, beside the eval's plain-BM25 baseline. Build time only: it reads
// the team's shared folder for the question sets and sources.
//   node bin/run-ts.js tools/retrieval/ablation.ts [--sets dev,legal,pdf,prog] [--variants a,b] [--json out.json]
import { cpSync, existsSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '../shared-dir.ts';
import { rankingDefaults } from '../../lib/config.ts';
import type { Archive } from '../../archive/api.ts';
import { openArchive } from '../../archive/archive.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { archiveTarget } from '../../eval/archive-target.ts';
import { runEval } from '../../eval/run.ts';
import { buildPlainBm25Baseline } from '../../eval/baselines/bm25-plain.ts';
import { baselineTexts } from '../../cli/eval.ts';
import type { RetrieveTuning } from '../../retrieval/retrieve.ts';
import type { EvalTarget, ModeReport } from '../../eval/types.ts';
import type { SearchMode } from '../../lib/types.ts';
import type { AnalyserRules } from '../../language/analyser.ts';
import { fmt, formatTable } from '../../eval/table.ts';
import { expandQuestion, mineAbbreviations, type Abbreviations } from './abbreviations.ts';

const shared = sharedDir() ?? '/work/shared';
const repo = resolve(import.meta.dirname, '../..');
/** Where the eval archives are built once (`<data><suffix>` per set, e.g. dev-x, pdf-x, prog-x). */
export const cache = process.env.RA_EVAL_DIR ?? '/tmp/ra-eval';

/** The question sets and the archive each one runs against (built by `raadsarchief ingest` into the cache). */
export const SETS: Record<string, { qrels: string; data: string; sources: string }> = {
  dev: { qrels: join(shared, 'eval/dev.jsonl'), data: 'dev', sources: join(repo, 'corpus') },
  legal: { qrels: join(shared, 'external/bench-nl/legalqa-nl/qrels.jsonl'), data: 'legal', sources: join(shared, 'external/bench-nl/legalqa-nl/corpus') },
  pdf: { qrels: join(repo, 'eval/sets/pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  prog: { qrels: join(repo, 'eval/sets/programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  // Written after the answer rules were tuned (eval/sets/README.md "Held-out sets"); the first pair was looked into in
  // the fourth session, the later rounds are only ever read in aggregate. Archives: <data><suffix> under the cache
  // (e.g. --suffix=-x with pdf-x, prog-x linked to existing archives).
  'heldout-pdf': { qrels: join(repo, 'eval/sets/heldout-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout-prog': { qrels: join(repo, 'eval/sets/heldout-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout2-corpus': { qrels: join(repo, 'eval/sets/heldout2-corpus.jsonl'), data: 'dev', sources: join(repo, 'corpus') },
  'heldout2-pdf': { qrels: join(repo, 'eval/sets/heldout2-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout2-prog': { qrels: join(repo, 'eval/sets/heldout2-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout3-pdf': { qrels: join(repo, 'eval/sets/heldout3-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout3-prog': { qrels: join(repo, 'eval/sets/heldout3-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout4-pdf': { qrels: join(repo, 'eval/sets/heldout4-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout4-prog': { qrels: join(repo, 'eval/sets/heldout4-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout5-pdf': { qrels: join(repo, 'eval/sets/heldout5-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout5-prog': { qrels: join(repo, 'eval/sets/heldout5-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout6-pdf': { qrels: join(repo, 'eval/sets/heldout6-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout6-prog': { qrels: join(repo, 'eval/sets/heldout6-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout7-pdf': { qrels: join(repo, 'eval/sets/heldout7-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout7-prog': { qrels: join(repo, 'eval/sets/heldout7-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout8-pdf': { qrels: join(repo, 'eval/sets/heldout8-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout8-prog': { qrels: join(repo, 'eval/sets/heldout8-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout9-pdf': { qrels: join(repo, 'eval/sets/heldout9-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout9-prog': { qrels: join(repo, 'eval/sets/heldout9-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout10-pdf': { qrels: join(repo, 'eval/sets/heldout10-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout10-prog': { qrels: join(repo, 'eval/sets/heldout10-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout11-pdf': { qrels: join(repo, 'eval/sets/heldout11-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout11-prog': { qrels: join(repo, 'eval/sets/heldout11-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout12-pdf': { qrels: join(repo, 'eval/sets/heldout12-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout12-prog': { qrels: join(repo, 'eval/sets/heldout12-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout13-pdf': { qrels: join(repo, 'eval/sets/heldout13-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout13-prog': { qrels: join(repo, 'eval/sets/heldout13-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout14-pdf': { qrels: join(repo, 'eval/sets/heldout14-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout14-prog': { qrels: join(repo, 'eval/sets/heldout14-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout15-pdf': { qrels: join(repo, 'eval/sets/heldout15-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout15-prog': { qrels: join(repo, 'eval/sets/heldout15-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout16-pdf': { qrels: join(repo, 'eval/sets/heldout16-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout16-prog': { qrels: join(repo, 'eval/sets/heldout16-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout17-pdf': { qrels: join(repo, 'eval/sets/heldout17-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout17-prog': { qrels: join(repo, 'eval/sets/heldout17-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout18-pdf': { qrels: join(repo, 'eval/sets/heldout18-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout18-prog': { qrels: join(repo, 'eval/sets/heldout18-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout19-pdf': { qrels: join(repo, 'eval/sets/heldout19-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout19-prog': { qrels: join(repo, 'eval/sets/heldout19-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout20-pdf': { qrels: join(repo, 'eval/sets/heldout20-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout20-prog': { qrels: join(repo, 'eval/sets/heldout20-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout21-pdf': { qrels: join(repo, 'eval/sets/heldout21-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout21-prog': { qrels: join(repo, 'eval/sets/heldout21-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout22-pdf': { qrels: join(repo, 'eval/sets/heldout22-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout22-prog': { qrels: join(repo, 'eval/sets/heldout22-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout23-pdf': { qrels: join(repo, 'eval/sets/heldout23-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout23-prog': { qrels: join(repo, 'eval/sets/heldout23-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout24-pdf': { qrels: join(repo, 'eval/sets/heldout24-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout24-prog': { qrels: join(repo, 'eval/sets/heldout24-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout25-pdf': { qrels: join(repo, 'eval/sets/heldout25-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout25-prog': { qrels: join(repo, 'eval/sets/heldout25-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout26-pdf': { qrels: join(repo, 'eval/sets/heldout26-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout26-prog': { qrels: join(repo, 'eval/sets/heldout26-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout27-pdf': { qrels: join(repo, 'eval/sets/heldout27-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout27-prog': { qrels: join(repo, 'eval/sets/heldout27-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout27-corpus': { qrels: join(repo, 'eval/sets/heldout27-corpus.jsonl'), data: 'dev', sources: join(repo, 'corpus') },
  'heldout28-pdf': { qrels: join(repo, 'eval/sets/heldout28-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout28-prog': { qrels: join(repo, 'eval/sets/heldout28-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout29-pdf': { qrels: join(repo, 'eval/sets/heldout29-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout29-prog': { qrels: join(repo, 'eval/sets/heldout29-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout29-corpus': { qrels: join(repo, 'eval/sets/heldout29-corpus.jsonl'), data: 'dev', sources: join(repo, 'corpus') },
  'heldout30-pdf': { qrels: join(repo, 'eval/sets/heldout30-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout30-prog': { qrels: join(repo, 'eval/sets/heldout30-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout31-pdf': { qrels: join(repo, 'eval/sets/heldout31-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout31-prog': { qrels: join(repo, 'eval/sets/heldout31-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout32-pdf': { qrels: join(repo, 'eval/sets/heldout32-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout32-prog': { qrels: join(repo, 'eval/sets/heldout32-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'heldout33-pdf': { qrels: join(repo, 'eval/sets/heldout33-pdf-nl.jsonl'), data: 'pdf', sources: join(shared, 'external/pdf-nl') },
  'heldout33-prog': { qrels: join(repo, 'eval/sets/heldout33-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
  'glued-prog': { qrels: join(repo, 'eval/sets/glued-programmas-nl.jsonl'), data: 'prog', sources: join(shared, 'external/programmas-nl') },
};

/** The sets a tool's arguments name: each `--set name=archiveDir:questions.jsonl` as given, then those `--sets` names
 *  ("all": every set with quotes, LegalQA being scored at document level) with their cached archive `<data><suffix>`. */
export function namedSets(specs: readonly string[] | undefined, list: string | undefined, suffix: string): { name: string; dir: string; qrels: string }[] {
  const given = (specs ?? []).map((spec) => {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(spec);
    if (!m) throw new Error(`--set name=archiveDir:questions.jsonl, got ${spec}`);
    return { name: m[1], dir: m[2], qrels: m[3] };
  });
  const names = list === 'all' ? Object.keys(SETS).filter((n) => n !== 'legal') : (list?.split(',') ?? []);
  const cached = names.map((name) => {
    if (!SETS[name]) throw new Error(`--sets: unknown set ${name} (known: ${Object.keys(SETS).join(', ')})`);
    return { name, dir: join(cache, SETS[name].data + suffix), qrels: SETS[name].qrels };
  });
  return [...given, ...cached];
}

/** `--analyser glued=false,compounds=true`: analyser rules (language/analyser.ts AnalyserRules) to override. */
export function analyserRules(spec: string | undefined): Partial<AnalyserRules> | undefined {
  if (!spec) return undefined;
  const value = (v: string) => (v === 'true' ? true : v === 'false' ? false : Number.isFinite(Number(v)) ? Number(v) : v);
  return Object.fromEntries(spec.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, value(v)])) as Partial<AnalyserRules>;
}

interface Variant {
  mode: SearchMode;
  tuning?: RetrieveTuning;
  /** Expand questions with archive-mined abbreviations (tools/retrieval/abbreviations.ts). */
  abbreviations?: boolean;
}

const convex = (weights: Record<string, number>): RetrieveTuning => ({ signals: Object.keys(weights), fusion: { method: 'convex', weights } });
/** The default's lexical, source and semantic weights with a dense list (and an encoder) beside them: the `default+…`
 *  rows follow lib/config.ts when its weights change. */
const DEFAULT_WEIGHTS = rankingDefaults.fusion.weights;
const withDense = (dense: number, extra: Record<string, number> = {}) =>
  convex({ lexical: DEFAULT_WEIGHTS.lexical!, dense, source: DEFAULT_WEIGHTS.source!, semantic: DEFAULT_WEIGHTS.semantic!, ...extra });

/** Each piece on and off. `default` is lib/config.ts as it stands; `lex+…` rows name the signals fused (weights as
 *  given); `default-…`/`default+…` change one thing of the default. */
export const VARIANTS: Record<string, Variant> = {
  lexical: { mode: 'lexical' },
  dense: { mode: 'dense' },
  default: { mode: 'hybrid' },
  'default+abbr': { mode: 'hybrid', abbreviations: true },
  // The named documents' passages ranked by the "volgens …" phrase's words too (as before the twelfth session).
  'default+attribution': { mode: 'hybrid', tuning: { source: { searchAttribution: true } } },
  'default+dense': { mode: 'hybrid', tuning: withDense(0.2) },
  // The dense list as candidates only: its passages reach the semantic re-ranker, its scores count nothing.
  'default+dense0': { mode: 'hybrid', tuning: withDense(0) },
  'default-lex.5': { mode: 'hybrid', tuning: convex({ lexical: 0.5, source: 0.3, semantic: 0.5 }) },
  // The fusion weights around the default's 0.15 / 0.85 (0.3 / 0.7 until the thirty-eighth session).
  'default-lex.3': { mode: 'hybrid', tuning: convex({ lexical: 0.3, source: 0.3, semantic: 0.7 }) },
  'default-lex.05': { mode: 'hybrid', tuning: convex({ lexical: 0.05, source: 0.3, semantic: 0.95 }) },
  'default-lex0': { mode: 'hybrid', tuning: convex({ lexical: 0, source: 0.3, semantic: 1 }) },
  'default+encoder': { mode: 'hybrid', tuning: withDense(0, { encoder: DEFAULT_WEIGHTS.encoder! }) },
  'default-exact': { mode: 'hybrid', tuning: { semantic: { minSimilarity: 1.01 } } },
  'default-t.35': { mode: 'hybrid', tuning: { semantic: { minSimilarity: 0.35 } } },
  'default-t.55': { mode: 'hybrid', tuning: { semantic: { minSimilarity: 0.55 } } },
  'default-noidf': { mode: 'hybrid', tuning: { semantic: { idfWeights: false } } },
  'default-c200': { mode: 'hybrid', tuning: { candidates: 200 } },
  // The passages of the sources the query names not ranked first (before the fourteenth session).
  'default-namedfirst': { mode: 'hybrid', tuning: { namedFirst: false } },
  'default+title': { mode: 'hybrid', tuning: { source: { useTitle: true } } },
  'lex+dense': { mode: 'hybrid', tuning: convex({ lexical: 0.8, dense: 0.2 }) },
  'lex+sem.3': { mode: 'hybrid', tuning: convex({ lexical: 0.7, semantic: 0.3 }) },
  'lex+sem.5': { mode: 'hybrid', tuning: convex({ lexical: 0.5, semantic: 0.5 }) },
  'lex+sem.7': { mode: 'hybrid', tuning: convex({ lexical: 0.3, semantic: 0.7 }) },
  'lex+dense+sem.5': { mode: 'hybrid', tuning: convex({ lexical: 0.4, dense: 0.1, semantic: 0.5 }) },
  'lex+sem.5-exact': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.5, semantic: 0.5 }), semantic: { minSimilarity: 1.01 } } },
  'lex+sem.5-t.35': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.5, semantic: 0.5 }), semantic: { minSimilarity: 0.35 } } },
  'lex+sem.5-t.55': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.5, semantic: 0.5 }), semantic: { minSimilarity: 0.55 } } },
  'lex+sem.5-noidf': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.5, semantic: 0.5 }), semantic: { idfWeights: false } } },
  'lex+sem.7-t.55': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.3, semantic: 0.7 }), semantic: { minSimilarity: 0.55 } } },
  'lex+sem.7-t.35': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.3, semantic: 0.7 }), semantic: { minSimilarity: 0.35 } } },
  'lex+dense+sem.7': { mode: 'hybrid', tuning: convex({ lexical: 0.25, dense: 0.05, semantic: 0.7 }) },
  'lex+sem.85': { mode: 'hybrid', tuning: convex({ lexical: 0.15, semantic: 0.85 }) },
  'lex+src': { mode: 'hybrid', tuning: convex({ lexical: 0.8, source: 0.2 }) },
  'lex+src+sem.7': { mode: 'hybrid', tuning: convex({ lexical: 0.25, source: 0.15, semantic: 0.6 }) },
  'lex+src.1+sem.7': { mode: 'hybrid', tuning: convex({ lexical: 0.25, source: 0.1, semantic: 0.65 }) },
  'lex+src.3+sem.7': { mode: 'hybrid', tuning: convex({ lexical: 0.2, source: 0.3, semantic: 0.5 }) },
  'lex+srcT+sem.7': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.25, source: 0.15, semantic: 0.6 }), source: { useTitle: true } } },
  'lex+dense0+sem.7': { mode: 'hybrid', tuning: convex({ lexical: 0.3, dense: 0, semantic: 0.7 }) },
  'lex+sem.7+src.15': { mode: 'hybrid', tuning: convex({ lexical: 0.3, semantic: 0.7, source: 0.15 }) },
  'lex+sem.7+src.3': { mode: 'hybrid', tuning: convex({ lexical: 0.3, semantic: 0.7, source: 0.3 }) },
  'lex+sem.7+src.5': { mode: 'hybrid', tuning: convex({ lexical: 0.3, semantic: 0.7, source: 0.5 }) },
  'lex+sem.7+src.8': { mode: 'hybrid', tuning: convex({ lexical: 0.3, semantic: 0.7, source: 0.8 }) },
  'lex+src.3': { mode: 'hybrid', tuning: convex({ lexical: 1, source: 0.3 }) },
  'lex+sem.5-c200': { mode: 'hybrid', tuning: { ...convex({ lexical: 0.5, semantic: 0.5 }), candidates: 200 } },
};

/** The rows of EVAL.md's ablation table. */
const MAIN = ['lexical', 'dense', 'lex+dense', 'lex+src.3', 'lex+sem.7', 'default', 'default-namedfirst', 'default+dense', 'default-exact', 'default-t.35', 'default-t.55', 'default-noidf', 'default-c200', 'default+title', 'default+abbr'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sets: { type: 'string', default: 'dev,legal,pdf,prog' }, variants: { type: 'string' }, json: { type: 'string' }, suffix: { type: 'string', default: '-m' }, analyser: { type: 'string' }, lexicon: { type: 'string' }, baseline: { type: 'boolean', default: true } },
    allowNegative: true,
  });
  const variantNames = values.variants ? values.variants.split(',') : MAIN;
  const out: Record<string, Record<string, ModeReport>> = {};
  for (const set of values.sets!.split(',')) {
    const spec = SETS[set];
    let dataDir = join(cache, spec.data + values.suffix);
    if (!existsSync(dataDir)) throw new Error(`no archive at ${dataDir}: ingest ${spec.sources} into it first`);
    // Other analyser rules or a lexicon re-analyse the stored passages: on a copy, so the cached archive stays as built.
    const analyser = analyserRules(values.analyser);
    if (analyser || values.lexicon) {
      const copy = `${dataDir}-copy`;
      rmSync(copy, { recursive: true, force: true });
      // The cache's names may be symlinks to the archives: copy what they point to, never the link.
      cpSync(realpathSync(dataDir), copy, { recursive: true });
      dataDir = copy;
    }
    const archive = await openArchive({ dataDir, embedder: 'builtin', analyser, lexiconDir: values.lexicon ?? null });
    try {
      out[set] = await runSet(archive, spec.qrels, variantNames, values.baseline!);
    } finally {
      await archive.close();
    }
    process.stdout.write(`\n## ${set}\n${table(out[set])}\n`);
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
}

async function runSet(archive: Archive, qrels: string, variants: string[], baseline: boolean): Promise<Record<string, ModeReport>> {
  const questions = loadQuestions(qrels);
  const docLevel = questions.every((q) => q.relevant.every((r) => r.quote === undefined));
  const result: Record<string, ModeReport> = {};
  if (baseline) {
    const target: EvalTarget = await buildPlainBm25Baseline(baselineTexts(archive), { chunk: !docLevel });
    Object.assign(result, (await runEval([target], questions)).modes);
  }
  let abbr: Abbreviations | null = null;
  for (const name of variants) {
    const v = VARIANTS[name];
    if (!v) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(', ')}`);
    archive.tuning = v.tuning ?? {};
    const target = archiveTarget(archive, v.mode);
    if (v.abbreviations) {
      abbr ??= mineAbbreviations(archive.listDocuments().map((d) => archive.getDocumentText(d.id) ?? ''));
      const mined = abbr;
      const search = target.search;
      target.search = (q, k) => search(expandQuestion(q, mined), k);
    }
    const report = await runEval([{ ...target, name }], questions);
    result[name] = report.modes[name];
  }
  archive.tuning = {};
  return result;
}

function table(modes: Record<string, ModeReport>): string {
  const types = [...new Set(Object.values(modes).flatMap((m) => Object.keys(m.byType)))].sort();
  return formatTable(
    ['variant', 'R@5', 'MRR@10', 'nDCG@10', 'p50 ms', ...types.map((t) => `${t} R@5`)],
    Object.entries(modes).map(([name, m]) => [
      name, fmt(m['recall@5']), fmt(m['mrr@10']), fmt(m['ndcg@10']), m.latencyMs.p50.toFixed(1),
      ...types.map((t) => (m.byType[t] ? `${fmt(m.byType[t]['recall@5'])} (${m.byType[t].count})` : '')),
    ]),
    ['left'],
  );
}

if (process.argv[1]?.endsWith("ablation.ts")) await main();
