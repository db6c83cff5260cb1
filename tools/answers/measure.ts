// The answer figures of EVAL.md ("Answers") in one run over every set: the strategy beside the naive baseline, the
// abstention threshold calibrated on all sets pooled, and the ablation (each piece switched off). Every variant runs
// without abstaining and records its confidence, so any threshold is applied afterwards on the same answers.
//
//   node bin/run-ts.js tools/answers/measure.ts --set dev=/tmp/ra-eval/answers-dev:/work/shared/eval/dev.jsonl \
//     --set pdf-nl=DIR:eval/sets/pdf-nl.jsonl --set programmas-nl=DIR:eval/sets/programmas-nl.jsonl [--ablate] [--json F]
//   node bin/run-ts.js tools/answers/measure.ts --sets all --suffix=-x   # every set of tools/retrieval/ablation.ts but
//     LegalQA, against the archives cached there (dev-x, pdf-x, prog-x)
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openArchive } from '../../archive/archive.ts';
import { answerDefaults, type AnswerTuning } from '../../lib/config.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { runAnswerEval, type AnswerReport, type AnswerTarget } from '../../eval/answers.ts';
import { ablationTargets, firstSentencesBaseline, neverAbstaining, strategyTarget } from '../../eval/answer-targets.ts';
import { bestThreshold, calibrate, calibrationPoints } from '../../eval/calibrate.ts';
import { fmt, formatTable } from '../../eval/table.ts';
import { formatCalibration } from '../../eval/report-answers.ts';
import { analyserRules, namedSets } from '../retrieval/ablation.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true }, sets: { type: 'string' }, suffix: { type: 'string', default: '-x' },
    ablate: { type: 'boolean' }, json: { type: 'string' }, only: { type: 'string' }, tune: { type: 'string' },
    analyser: { type: 'string' },
  },
});
// --tune '{"features":{"proximity":false}}': overrides of answerDefaults for every variant (a sweep without code edits).
const base = merge(answerDefaults, values.tune ? JSON.parse(values.tune) : {}) as AnswerTuning;
const sets = namedSets(values.set, values.sets, values.suffix!);

const reports: Record<string, AnswerReport> = {};
for (const set of sets) {
  // --analyser glued=false: other analyser rules re-analyse the archive in place when they differ from its own (use a copy).
  const archive = await openArchive({ dataDir: set.dir, analyser: analyserRules(values.analyser) });
  const questions = loadQuestions(set.qrels).filter((q) => !values.only || values.only.split(',').includes(q.id));
  const targets: AnswerTarget[] = [strategyTarget(archive, 'ours', { tuning: neverAbstaining(base) }), firstSentencesBaseline(archive)];
  if (values.ablate) targets.push(...ablationTargets(archive, neverAbstaining(base)));
  process.stderr.write(`${set.name}: ${questions.length} questions, ${targets.length} targets\n`);
  reports[set.name] = await runAnswerEval(targets, questions);
  await archive.close();
}

const all = Object.values(reports);
const pooled = calibrate(calibrationPoints(all, 'ours', base.abstention));
const best = bestThreshold(pooled);
const threshold = base.abstention.threshold;
process.stdout.write(`Pooled over ${sets.map((s) => s.name).join(', ')}\n\n${formatCalibration(pooled, best)}\n`);
process.stdout.write(`Configured threshold ${threshold}; best pooled F1 at ${best?.threshold}\n\n`);

// carries|ans: the share of answered answerable questions whose answer carries (what abstention keeps).
const header = ['set', 'target', 'carries', 'answered', 'carries|ans', 'abst P', 'abst R', 'abst F1', 'carries (no abst.)', 'sent/ans', 'chars/ans', 'p50 ms'];
const rows: string[][] = [];
for (const [name, report] of Object.entries(reports)) {
  for (const [target, m] of Object.entries(report.targets)) {
    const isBaseline = target.startsWith('baseline:');
    const at = isBaseline ? null : calibrate(calibrationPoints([report], target, base.abstention), [threshold])[0];
    rows.push([
      name, target,
      fmt(at ? at.carries : m.carries), fmt(at ? at.answered : m.answered),
      fmt(at ? (at.answered > 0 ? at.carries / at.answered : null) : m.carriesWhenAnswered), fmt(at ? at.precision : m.abstention.precision),
      fmt(at ? at.recall : m.abstention.recall), fmt(at ? at.f1 : m.abstention.f1), fmt(m.carries),
      m.sentencesPerAnswer.toFixed(1), m.charsPerAnswer.toFixed(0), m.latencyMs.p50.toFixed(1),
    ]);
  }
}
process.stdout.write(`At threshold ${threshold}\n\n${formatTable(header, rows, ['left', 'left'])}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ threshold, pooled, reports }, null, 2)}\n`);

function merge(a: unknown, b: unknown): unknown {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
  return out;
}
