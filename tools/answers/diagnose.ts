// Where each answerable question is lost: is a sentence that carries a relevant quote among the answer's candidates
// (the ceiling of sentence choice), filtered out (not prose, too short), or ranked below the chosen ones? Prints one
// line per question that does not carry, the counts per set, and for all sets where the first carrying hit stands
// against how often the answer carries. Without abstention (sentence choice alone).
//
//   node bin/run-ts.js tools/answers/diagnose.ts --set dev=DIR:questions.jsonl [--set …] [--verbose]
//   node bin/run-ts.js tools/answers/diagnose.ts --sets dev,pdf,prog --suffix=-x   # sets of tools/retrieval/ablation.ts
//   … --sets all --quiet   # counts only (per set, per answer type): how held-out sets are read, in aggregate
import { parseArgs } from 'node:util';
import { openArchive } from '../../archive/archive.ts';
import { ask, answerContext } from '../../answer/ask.ts';
import { candidateSentences, readable, widen, type Sentence } from '../../answer/candidates.ts';
import { analysisFor, scoreSentences } from '../../answer/extractive.ts';
import { answerDefaults } from '../../lib/config.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { relevanceUnits } from '../../eval/relevance.ts';
import { carriedUnits } from '../../eval/answers.ts';
import { neverAbstaining } from '../../eval/answer-targets.ts';
import { namedSets } from '../retrieval/ablation.ts';

const { values } = parseArgs({
  options: { set: { type: 'string', multiple: true }, sets: { type: 'string' }, suffix: { type: 'string', default: '-x' }, verbose: { type: 'boolean' }, quiet: { type: 'boolean' } },
});
const tuning = neverAbstaining(answerDefaults);
const total = { answerable: 0, carried: 0, noCandidate: 0, filtered: 0, outranked: 0 };
type Why = 'carried' | 'noCandidate' | 'filtered' | 'outranked';
/** Per answer type (answer/question.ts): answerable questions and where they are lost. */
const byType: Record<string, Record<Why, number>> = {};
const byHit: Record<'1' | '2-3' | '4-20' | '21-100' | 'none in 100', [number, number]> = {
  '1': [0, 0], '2-3': [0, 0], '4-20': [0, 0], '21-100': [0, 0], 'none in 100': [0, 0],
};

for (const { name, dir, qrels } of namedSets(values.set, values.sets, values.suffix!)) {
  const archive = await openArchive({ dataDir: dir });
  const fileName = (id: string) => archive.getDocument(id)?.fileName ?? id;
  const counts = { answerable: 0, carried: 0, noCandidate: 0, filtered: 0, outranked: 0 };
  for (const q of loadQuestions(qrels)) {
    const units = relevanceUnits(q);
    if (units.length === 0) continue;
    counts.answerable++;
    const ctx = answerContext(archive, q.question);
    const r = await ask(archive, { question: q.question, k: 100, tuning });
    // Each shown sentence with the rank of the hit it was quoted from.
    const shown = !r.answered ? [] : r.sentences.map((s) => {
      const c = r.citations[s.citation - 1];
      const hit = r.hits.find((h) => h.docId === c.docId && h.start < c.end && c.start < h.end);
      return { text: s.text, doc: fileName(c.docId), rank: hit?.rank };
    });
    const carries = (s: Sentence) => {
      const w = widen(s);
      const text = readable(s.base.slice(w.start - s.offset, w.end - s.offset));
      return carriedUnits(units, [{ text, doc: fileName(s.hit.docId) }]).units.some(Boolean);
    };
    // The first of the 100 hits that holds a carrying sentence (any kind), and whether the answer carries.
    const firstCarrier = candidateSentences(r.hits, ctx, r.hits.length).find(carries)?.hit.rank;
    const carried = carriedUnits(units, shown).units.every(Boolean);
    const at = bucketOf(firstCarrier);
    byHit[at][0]++;
    byHit[at][1] += carried ? 1 : 0;
    const analysis = analysisFor(q.question, ctx.sources, tuning);
    const type = analysis.type;
    byType[type] ??= { carried: 0, noCandidate: 0, filtered: 0, outranked: 0 };
    if (carried) {
      counts.carried++;
      byType[type].carried++;
      continue;
    }
    const candidates = candidateSentences(r.hits, ctx, tuning.sentenceHits);
    const carrying = candidates.filter(carries);
    const scored = scoreSentences(analysis, candidates, tuning, ctx.namedSources, q.question, ctx.sources?.idf);
    const rank = scored.findIndex((x) => carries(x.s));
    const why = carrying.length === 0 ? 'noCandidate' : rank < 0 ? 'filtered' : 'outranked';
    const deeper = why === 'noCandidate' ? firstCarrier : undefined;
    counts[why]++;
    byType[type][why]++;
    const best = rank >= 0 ? scored[rank] : null;
    if (!values.quiet) process.stdout.write(
      `${name} ${q.id} [${q.type}/${analysis.type}] ${why}${best ? ` rank ${rank + 1} score ${best.score.toFixed(2)} vs ${scored[0].score.toFixed(2)}` : ''}` +
        `${carrying.length ? ` hit#${carrying[0].hit.rank} kind ${carrying[0].kind}` : ''}` +
        `${why === 'noCandidate' ? ` (first carrier in hit ${deeper ?? '>100'})` : ''}: ${q.question}\n`,
    );
    if (values.verbose && !values.quiet) {
      if (best) process.stdout.write(`   carrying: ${best.s.text.slice(0, 200)}\n`);
      else if (carrying[0]) process.stdout.write(`   carrying (filtered): ${carrying[0].text.slice(0, 200)}\n`);
      for (const s of shown) process.stdout.write(`   shown #${s.rank}: ${s.text.slice(0, 160)}\n`);
    }
  }
  process.stdout.write(`${name}: ${JSON.stringify(counts)}\n`);
  for (const k of Object.keys(counts) as (keyof typeof counts)[]) total[k] += counts[k];
  await archive.close();
}
process.stdout.write(`all sets: ${JSON.stringify(total)}\n`);
// Twentieth session, 26 sets: carried 146 of 191 with the first carrier in hit 1, 46 of 114 in hits 2-3, 19 of 128 in
// hits 4-20; thirtieth session, 43 sets: 319 of 420, 64 of 156, 34 of 171. The answer carries when retrieval puts the
// carrying passage first.
process.stdout.write(`first carrying hit -> [questions, carried]: ${JSON.stringify(byHit)}\n`);
for (const [type, c] of Object.entries(byType).sort((a, b) => sum(b[1]) - sum(a[1]))) {
  process.stdout.write(`${type.padEnd(10)} ${String(sum(c)).padStart(4)} answerable: ${JSON.stringify(c)}\n`);
}

function sum(c: Record<Why, number>): number {
  return c.carried + c.noCandidate + c.filtered + c.outranked;
}

function bucketOf(rank: number | undefined): keyof typeof byHit {
  if (rank === undefined) return 'none in 100';
  return rank === 1 ? '1' : rank <= 3 ? '2-3' : rank <= 20 ? '4-20' : '21-100';
}
