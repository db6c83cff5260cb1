// `raadsarchief eval --answers`: answer-level quality of the archive's answer strategy beside the naive baseline
// (terminal table, JSON, HTML); `--ablate` adds a row per piece switched off, `--calibrate` sweeps the abstention
// threshold. The work is eval/answers.ts runAnswerEval; this file only wires the archive to it.
import { writeFileSync } from 'node:fs';
import type { Archive } from '../archive/api.ts';
import { answerDefaults } from '../lib/config.ts';
import type { Question } from '../eval/types.ts';
import { runAnswerEval, type AnswerTarget } from '../eval/answers.ts';
import { ablationTargets, firstSentencesBaseline, neverAbstaining, strategyTarget } from '../eval/answer-targets.ts';
import { bestThreshold, calibrate, calibrationPoints } from '../eval/calibrate.ts';
import { formatAnswerReport, formatCalibration, renderAnswerHtml } from '../eval/report-answers.ts';

export interface AnswerEvalOptions {
  qrels: string;
  json?: string;
  html?: string;
  baselines: boolean;
  ablate?: boolean;
  calibrate?: boolean;
}

export async function runAnswerEvalCommand(archive: Archive, questions: Question[], o: AnswerEvalOptions): Promise<number> {
  const targets: AnswerTarget[] = [strategyTarget(archive, answerDefaults.strategy)];
  if (o.baselines) targets.push(firstSentencesBaseline(archive));
  if (o.ablate) targets.push(...ablationTargets(archive));
  if (o.calibrate) targets.push(strategyTarget(archive, 'never-abstaining', { tuning: neverAbstaining() }));
  const report = await runAnswerEval(targets, questions, {
    onProgress: (t, done, total) => process.stderr.isTTY && process.stderr.write(`\r${t}: ${done}/${total}\x1b[K`),
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  process.stdout.write(formatAnswerReport(report));
  const calibration = o.calibrate ? calibrate(calibrationPoints([report], 'never-abstaining')) : undefined;
  if (calibration) process.stdout.write(`\n${formatCalibration(calibration, bestThreshold(calibration))}`);
  if (o.json) writeFileSync(o.json, `${JSON.stringify(calibration ? { ...report, calibration } : report, null, 2)}\n`);
  if (o.html) writeFileSync(o.html, renderAnswerHtml(report, `Raadsarchief answers: ${o.qrels}`));
  return 0;
}
