// Where each answerable question is lost: is a sentence that carries a relevant quote among the answer's candidates
// (the ceiling of sentence choice), filtered out (not prose, too short), or ranked below the chosen ones? Prints one
// line per question that does not carry, and the counts per set. Without abstention (sentence choice alone).
//
//   node bin/run-ts.js tools/answers/diagnose.ts --set dev=DIR:questions.jsonl [--set …] [--verbose]
//   node bin/run-ts.js tools/answers/diagnose.ts --sets dev,pdf,prog --suffix=-x   # sets of tools/retrieval/ablation.ts
import { parseArgs } from 'node:util';
import { openArchive } from '../../archive/archive.ts';
import { ask, answerContext } from '../../answer/ask.ts';
import { candidateSentences, readable, widen } from '../../answer/candidates.ts';
import { analysisFor, scoreSentences } from '../../answer/extractive.ts';
import { answerDefaults } from '../../lib/config.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { relevanceUnits } from '../../eval/relevance.ts';
import { carriedUnits } from '../../eval/answers.ts';
import { neverAbstaining } from '../../eval/answer-targets.ts';
import { namedSets } from '../retrieval/ablation.ts';

const { values } = parseArgs({
  options: { set: { type: 'string', multiple: true }, sets: { type: 'string' }, suffix: { type: 'string', default: '-x' }, verbose: { type: 'boolean' } },
});
const tuning = neverAbstaining(answerDefaults);

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
    if (carriedUnits(units, shown).units.every(Boolean)) {
      counts.carried++;
      continue;
    }
    const candidates = candidateSentences(r.hits, ctx, tuning.sentenceHits);
    const carries = (s: (typeof candidates)[number]) => {
      const w = widen(s);
      const text = readable(s.base.slice(w.start - s.offset, w.end - s.offset));
      return carriedUnits(units, [{ text, doc: fileName(s.hit.docId) }]).units.some(Boolean);
    };
    const carrying = candidates.filter(carries);
    const analysis = analysisFor(q.question, ctx.sources, tuning);
    const scored = scoreSentences(analysis, candidates, tuning, ctx.namedSources, q.question, ctx.sources?.idf);
    const rank = scored.findIndex((x) => carries(x.s));
    const why = carrying.length === 0 ? 'noCandidate' : rank < 0 ? 'filtered' : 'outranked';
    // Where a missing carrier stands: the first of the 100 hits that holds one (beyond the answer's sentenceHits).
    const deeper = why === 'noCandidate' ? candidateSentences(r.hits, ctx, r.hits.length).find(carries)?.hit.rank : undefined;
    counts[why]++;
    const best = rank >= 0 ? scored[rank] : null;
    process.stdout.write(
      `${name} ${q.id} [${q.type}/${analysis.type}] ${why}${best ? ` rank ${rank + 1} score ${best.score.toFixed(2)} vs ${scored[0].score.toFixed(2)}` : ''}` +
        `${carrying.length ? ` hit#${carrying[0].hit.rank} kind ${carrying[0].kind}` : ''}` +
        `${why === 'noCandidate' ? ` (first carrier in hit ${deeper ?? '>100'})` : ''}: ${q.question}\n`,
    );
    if (values.verbose) {
      if (best) process.stdout.write(`   carrying: ${best.s.text.slice(0, 200)}\n`);
      else if (carrying[0]) process.stdout.write(`   carrying (filtered): ${carrying[0].text.slice(0, 200)}\n`);
      for (const s of shown) process.stdout.write(`   shown #${s.rank}: ${s.text.slice(0, 160)}\n`);
    }
  }
  process.stdout.write(`${name}: ${JSON.stringify(counts)}\n`);
  await archive.close();
}
