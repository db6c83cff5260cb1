// Calibration of the abstention threshold: run the strategy without abstaining (threshold below every confidence),
// then for each candidate threshold count what abstaining below it would give — answered share and carries of the
// answerable questions, abstention precision/recall/F1 on the unanswerable ones. The default threshold is the one with
// the best F1 over all sets pooled (EVAL.md); ties go to the lower threshold (fewer answerable questions refused).
import { answerDefaults, type AnswerTuning } from '../lib/config.ts';
import { gatedOut } from '../answer/evidence.ts';
import { abstentionF1, type AbstentionF1, type AnswerReport } from './answers.ts';

export interface CalibrationRow extends AbstentionF1 {
  threshold: number;
  answered: number;
  carries: number;
}

interface Point {
  answerable: boolean;
  /** Whether the strategy could answer at all: it found a sentence, one with a topic word of the question and, where
   *  the answer type requires it, the type's cue (answer/evidence.ts gatedOut). */
  hadAnswer: boolean;
  carried: number;
  confidence: number;
}

/** The points of one target over one or more reports (sets pooled). */
export function calibrationPoints(reports: AnswerReport[], target: string, abstention: AnswerTuning['abstention'] = answerDefaults.abstention): Point[] {
  return reports.flatMap((r) =>
    r.questions.map((q) => {
      const t = q.targets[target];
      const gated = t.signals !== undefined && gatedOut({ answerType: t.answerType ?? 'open', signals: t.signals }, abstention);
      return { answerable: q.answerable, hadAnswer: t.answered && !gated, carried: t.carried, confidence: t.confidence ?? 0 };
    }),
  );
}

export function calibrate(points: Point[], thresholds = range(0, 1, 0.01)): CalibrationRow[] {
  const answerable = points.filter((p) => p.answerable);
  return thresholds.map((threshold) => {
    const answers = (p: Point) => p.hadAnswer && p.confidence >= threshold;
    const carried = answerable.reduce((s, p) => s + (answers(p) ? p.carried : 0), 0);
    return {
      threshold,
      answered: answerable.length === 0 ? 0 : answerable.filter(answers).length / answerable.length,
      carries: answerable.length === 0 ? 0 : carried / answerable.length,
      ...abstentionF1(points.map((p) => ({ answerable: p.answerable, abstained: !answers(p) }))),
    };
  });
}

/** The row with the best F1 (the lowest threshold among ties). */
export function bestThreshold(rows: CalibrationRow[]): CalibrationRow | null {
  let best: CalibrationRow | null = null;
  for (const r of rows) if (r.f1 !== null && (best === null || r.f1 > (best.f1 ?? -1))) best = r;
  return best;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 1000) / 1000);
  return out;
}
