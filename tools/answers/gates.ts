// Would a second abstention gate help? Replays the answers of a measure.ts run (--json F: every answer recorded
// without abstaining, with its signals) under the configured abstention and then each gate on top of it: a minimum on
// one signal. Prints carries / answered / abstention F1 per set. A question counts as carried when any of its quotes
// is; measure.ts counts each quote of a multi-quote question, so its figures for pdf-nl and programmas-nl are lower.
//
//   node bin/run-ts.js tools/answers/gates.ts /tmp/m.json
import { readFileSync } from 'node:fs';
import { answerDefaults } from '../../lib/config.ts';
import { confidenceOf, gatedOut } from '../../answer/evidence.ts';

type Signals = Record<string, number>;
interface Question { answerable: boolean; targets: { ours: { answered: boolean; carried: number; signals?: Signals; answerType?: string } } }
const { reports } = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { reports: Record<string, { questions: Question[] }> };

const { threshold } = answerDefaults.abstention;
const gates: [string, (s: Signals) => boolean][] = [
  ['configured', () => true],
  ['cue > 0', (s) => s.cue > 0],
  ['idfMass ≥ 0.8', (s) => s.idfMass >= 0.8],
  ['lexical ≥ 0.3', (s) => s.lexical >= 0.3],
  ['topic ≥ 0.5', (s) => s.topic >= 0.5],
  ['sentence ≥ 0.4', (s) => s.sentence >= 0.4],
];

for (const [label, gate] of gates) {
  const cells = Object.entries(reports).map(([name, r]) => {
    let answerable = 0, carried = 0, answered = 0, refusedUnanswerable = 0, unanswerable = 0;
    for (const q of r.questions) {
      const t = q.targets.ours;
      const s = t.signals;
      // The configured rule (answer/evidence.ts abstainsOn), then the gate.
      const yes = t.answered && !!s && !gatedOut({ answerType: t.answerType ?? 'open', signals: s }) && confidenceOf(s) >= threshold && gate(s);
      if (q.answerable) {
        answerable++;
        if (yes) answered++;
        if (yes && t.carried > 0) carried++;
      } else {
        unanswerable++;
        if (!yes) refusedUnanswerable++;
      }
    }
    const refused = refusedUnanswerable + answerable - answered;
    const p = refused ? refusedUnanswerable / refused : 0;
    const rc = unanswerable ? refusedUnanswerable / unanswerable : 0;
    const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
    return `${name} ${(carried / answerable).toFixed(3)}/${(answered / answerable).toFixed(2)}/${f1.toFixed(2)}`;
  });
  process.stdout.write(`${label.padEnd(16)} ${cells.join('  ')}\n`);
}
