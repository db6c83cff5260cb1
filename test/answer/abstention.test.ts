// Answers and abstention through `ask` on real archives: the bundled corpus with the dev questions, and a small archive
// of real party programmes (../shared/external/programmas-nl) with questions of eval/sets/programmas-nl.jsonl that
// the archive answers and ones it does not (checked there by grepping the programmes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../answer/ask.ts';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { answerDefaults } from '../../lib/config.ts';
import { sharedDir } from '../../tools/shared-dir.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { relevanceUnits } from '../../eval/relevance.ts';
import { carriedUnits } from '../../eval/answers.ts';
import type { Question } from '../../eval/types.ts';
import { startHarness, type Harness } from '../api/harness.ts';

const shared = sharedDir();
const DEV = shared ? resolve(shared, 'eval/dev.jsonl') : null;
const PROGRAMMES = shared ? resolve(shared, 'external/programmas-nl') : null;
if (!shared) console.warn('skipping answer checks on real question sets: ../shared (eval/dev.jsonl, external/programmas-nl) is absent');

/** Does the answer carry the question's answer (eval/README.md's rule)? */
async function carries(archive: Archive, q: Question, tuning = answerDefaults): Promise<{ answered: boolean; carried: number }> {
  const r = await ask(archive, { question: q.question, tuning });
  if (!r.answered) return { answered: false, carried: 0 };
  const units = relevanceUnits(q);
  const sentences = r.sentences.map((s) => ({ text: s.text, doc: archive.getDocument(r.citations[s.citation - 1].docId)!.fileName }));
  return { answered: true, carried: carriedUnits(units, sentences).units.filter(Boolean).length / Math.max(1, units.length) };
}

describe('the abstention decision on the bundled corpus', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('judges the answer by the quoted sentence holding most of the topic word for word, not the first', async () => {
    // Dev question d016: the first quoted sentence matches partly on related words; a later one holds more of the
    // question's own words, and the confidence is read from it.
    const question = 'Waarom vindt de Wethoudersvereniging dat de wet niet meer hoeft voor te schrijven hoeveel wethouders een gemeente mag hebben?';
    const first = { ...answerDefaults, features: { ...answerDefaults.features, groundedEvidence: false } };
    const grounded = await ask(h.archive, { question });
    const firstOnly = await ask(h.archive, { question, tuning: first });
    expect(grounded.answered && firstOnly.answered).toBe(true);
    if (!grounded.answered || !firstOnly.answered) return;
    expect(grounded.sentences).toEqual(firstOnly.sentences);
    expect(grounded.evidence.signals.topicExact).toBeGreaterThan(firstOnly.evidence.signals.topicExact);
    expect(grounded.evidence.confidence).toBeGreaterThan(firstOnly.evidence.confidence);
  });

  it('answers "…, volgens Pieter Hilhorst?" from his words, which need not repeat his name', async () => {
    // Round 2 question hc015 (eval/sets/heldout2-corpus.jsonl): with "pieter hilhorst" in the focus the sentence that
    // answers covers less of the question, and the answer is less sure (refused at the old threshold of 0.40).
    const question = 'Waarom verzwijgen dakloze jongeren soms dat ze nog familie hebben, volgens Pieter Hilhorst?';
    const without = { ...answerDefaults, features: { ...answerDefaults.features, attribution: false } };
    const r = await ask(h.archive, { question });
    expect(r.answered).toBe(true);
    if (!r.answered) return;
    expect(r.sentences[0].text).toContain('thuisloze jongeren die tegen sociaal werkers vertellen dat ze niemand hebben');
    const plain = await ask(h.archive, { question, tuning: without });
    expect(plain.evidence.confidence).toBeLessThan(r.evidence.confidence);
  });

  /** Asks `question`, expects a refusal for want of the type's cue with the note naming what is missing, and returns
   *  the answer the same question gets without the rule. */
  async function refusedForCue(question: string, answerType: string, missing: string) {
    const refused = await ask(h.archive, { question });
    expect(refused.answered).toBe(false);
    if (refused.answered) throw new Error('expected a refusal');
    expect(refused.evidence).toMatchObject({ answerType, signals: { answerCue: 0 } });
    expect(refused.note).toBe(`De passages die er het dichtst bij komen, noemen daarover geen ${missing}.`);
    expect(refused.closest.length).toBeGreaterThan(0);
    return ask(h.archive, { question, tuning: { ...answerDefaults, abstention: { ...answerDefaults.abstention, requireCue: [] } } });
  }

  it('refuses a "hoeveel" question whose answer would hold no number, and says so', async () => {
    // Round 2 questions (eval/sets/heldout2-corpus.jsonl): the plan names no membership fee (hc019, unanswerable); the
    // share of women among aldermen it does name (hc002).
    const lax = await refusedForCue('Hoeveel contributie betaal je voor het lidmaatschap van de Wethoudersvereniging?', 'quantity', 'aantal');
    // Without the rule the same question gets sentences without a number.
    expect(lax.answered && lax.sentences.every((s) => !/\d/.test(s.text))).toBe(true);
    const women = await ask(h.archive, { question: 'Hoeveel procent van de wethouders is vrouw, volgens de Wethoudersvereniging?' });
    expect(women.answered).toBe(true);
    if (women.answered) expect(women.evidence.signals.answerCue).toBe(1);
  });

  it('refuses a question for an amount of money whose answer would name no currency, and says so', async () => {
    // The same fee asked as staff ask for money: the numbers the plan holds (members, percentages) are no amount.
    const lax = await refusedForCue('Wat kost het lidmaatschap van de Wethoudersvereniging per jaar?', 'amount', 'bedrag');
    expect(lax.answered).toBe(true);
  });
});

describe.skipIf(!DEV)('the bundled corpus with the dev questions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('answers most answerable questions, most of them with a sentence that carries the answer', async () => {
    const answerable = loadQuestions(DEV!).filter((q) => q.type !== 'unanswerable');
    const results = await Promise.all(answerable.map((q) => carries(h.archive, q)));
    // EVAL.md "Answers": answered 0.828 and carries 0.621 on the dev archive (the old strategy: 0.966 and 0.534).
    expect(results.filter((r) => r.answered).length / answerable.length).toBeGreaterThanOrEqual(0.8);
    expect(results.reduce((s, r) => s + r.carried, 0) / answerable.length).toBeGreaterThan(0.55);
  });

  it('cites only exact slices of the document text, on the pages where they stand', async () => {
    for (const q of loadQuestions(DEV!)) {
      const r = await ask(h.archive, { question: q.question });
      if (!r.answered) continue;
      for (const c of r.citations) {
        expect(h.archive.getDocumentText(c.docId)!.slice(c.start, c.end)).toBe(c.quote);
        expect(c.pageFirst).toBeGreaterThanOrEqual(1);
        expect(c.pageLast).toBeGreaterThanOrEqual(c.pageFirst);
      }
    }
  });
});

describe.skipIf(!PROGRAMMES)('party programmes: answers from the programme the question names, and honest refusals', () => {
  const files = ['ARP_1922.txt', 'D66_1967.txt', 'JA21_2021.txt', 'PVV_2010.txt', 'SDAP_1918.txt', 'SDAP_1937.txt', 'Volt_2021.txt', 'Partij voor Ongehuwden_1967.txt', 'Nederlandbeter_2012.txt', 'CDA_2021.txt', 'Staatspartij voor Volkswelvaart_1922.txt'];
  const ids = (list: string) => loadQuestions(resolve(import.meta.dirname, '../../eval/sets/programmas-nl.jsonl')).filter((q) => list.split(' ').includes(q.id));
  let dir: string;
  let archive: Archive;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raadsarchief-answers-'));
    archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await archive.ingestFiles(files.map((f) => join(PROGRAMMES!, f)));
  });
  afterAll(async () => {
    await archive?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the named programme', async () => {
    for (const q of ids('pr001 pr005 pr022')) {
      const r = await carries(archive, q);
      expect(r, q.id).toEqual({ answered: true, carried: 1 });
    }
  });

  it('does not hold a sentence to the weak procedure cue', async () => {
    // pr041 ("Hoe wilde Nederlandbeter in 2012 de provincies indelen?"): the answer has no procedure word ("moet",
    // "via"), so a procedure cue must not keep it out. Checked without closeness in meaning, which ranks the answer
    // fourth (one of the five questions it loses over 35 sets; lib/config.ts meaningWeight).
    const [q] = ids('pr041');
    const tuning = { ...answerDefaults, features: { ...answerDefaults.features, meaning: false } };
    expect(await carries(archive, q, tuning)).toEqual({ answered: true, carried: 1 });
  });

  it('quotes each programme a question names, and says whose words each quote is', async () => {
    const r = await ask(archive, { question: "Wat wilden D'66 en de Partij voor Ongehuwden in 1967 met de Eerste Kamer?", tuning: { ...answerDefaults, abstention: { ...answerDefaults.abstention, threshold: 0 } } });
    expect(r.answered).toBe(true);
    if (!r.answered) return;
    const cited = new Set(r.citations.map((c) => archive.getDocument(c.docId)!.fileName));
    expect([...cited].sort()).toEqual(['D66_1967.txt', 'Partij voor Ongehuwden_1967.txt']);
    for (const c of r.citations) expect(c.year).toBe(1967);
  });

  it('says "niets gevonden" when the named programme does not cover the question', async () => {
    // D'66 1967 on the monarchy, Volt 2021 on the AOW age. (Known misses, EVAL.md "Answers": JA21 2021 on Sunday rest,
    // pr057; the SDAP in 1918 on the Spanish flu, pr056, answered with its health insurance since the threshold of 0.40.)
    for (const q of ids('pr051 pr053')) {
      const r = await ask(archive, { question: q.question });
      expect(r.answered, `${q.id}: ${r.answer}`).toBe(false);
      if (!r.answered) expect(r.closest.length).toBeGreaterThan(0);
    }
  });

  it('refuses a "hoeveel" answer whose only number stands beside another topic', async () => {
    // Unanswerable questions of rounds 28 and 8 (kj021, hb003): the programmes name no such count. Without the rule a
    // quote holding a number but none of the question's topic words ("… een celstraf hoger dan 4 maanden", a page's
    // "22.") let the answer through.
    const lax = { ...answerDefaults, abstention: { ...answerDefaults.abstention, requireCue: [] as string[] } };
    for (const question of ['Hoeveel veroordeelden hadden volgens het CDA in 2021 hun straf nog niet uitgezeten?', 'Hoeveel ambtenaren wilde de Staatspartij voor Volkswelvaart in 1922 ontslaan om te bezuinigen?']) {
      const r = await ask(archive, { question });
      expect(r.answered, question).toBe(false);
      if (r.answered) continue;
      expect(r.evidence.signals.topicExact).toBeGreaterThan(0);
      expect(r.note).toBe('De passages die er het dichtst bij komen, noemen daarover geen aantal.');
      const given = await ask(archive, { question, tuning: lax });
      expect(given.answered && given.sentences.some((s) => /\d/.test(s.text))).toBe(true);
    }
  });

  it('says which years it holds when the question names a programme the archive lacks', async () => {
    // The archive has the SDAP's programmes of 1918 and 1937: other years' sentences about holidays do not answer 1929.
    const r = await ask(archive, { question: 'Wilde de SDAP in 1929 dat iedereen recht kreeg op vrije dagen?' });
    expect(r.answered).toBe(false);
    if (r.answered) return;
    expect(r.evidence.missingSource).toEqual({ source: 'SDAP', years: [1929], held: [1918, 1937] });
    expect(r.evidence.confidence).toBe(0);
    expect(r.note).toBe('Het archief heeft van SDAP geen stuk uit 1929, wel uit 1918 en 1937.');
    expect(r.closest.length).toBeGreaterThan(0);
    const named = await ask(archive, { question: 'Wat wilde de SDAP in 1937 met de vrije dagen?' });
    expect(named.evidence.missingSource).toBeUndefined();
  });
});
