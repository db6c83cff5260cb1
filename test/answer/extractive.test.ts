// The extractive strategy on real text from the bundled corpus/ (no ../shared needed): hits are built by hand from the
// document texts, so every expectation about quotes, offsets, pages and context can be checked exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAnswer, scoreSentences } from '../../answer/extractive.ts';
import { ordinalAt } from '../../lib/sorted.ts';
import { analyseQuestion } from '../../answer/question.ts';
import { answerText, candidateSentences, widen } from '../../answer/candidates.ts';
import { contextReader, hitContext } from '../../answer/coverage.ts';
import { termOccurs } from '../../language/content-terms.ts';
import { documentNames } from '../../retrieval/names.ts';
import { NO_ANSWER, type AnswerContext, type AnswerSources } from '../../answer/types.ts';
import { cleanPages } from '../../ingest/clean.ts';
import { parseText } from '../../ingest/formats/text.ts';
import type { Hit } from '../../lib/types.ts';
import { answerDefaults } from '../../lib/config.ts';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../corpus', name), 'utf8');
/** A corpus text as the archive stores it (cleaned), where list items stand on lines of their own. */
const cleaned = (name: string) => cleanPages(parseText(Buffer.from(corpus(name)), 'txt').pages).text;
const DOCS: Record<string, { text: string; title: string; organisation: string; year: number; fileName: string }> = {
  pvda: { text: corpus('000_ddb77fb8e123a2aa.txt'), title: 'Wat drijft en bindt PvdA-wethouders?', organisation: 'PvdA', year: 2014, fileName: '000_ddb77fb8e123a2aa.txt' },
  wv: { text: corpus('001_99635ff256e3dcee.txt'), title: 'Werken aan waardering voor wethouders', organisation: 'Wethoudersvereniging', year: 2025, fileName: '001_99635ff256e3dcee.txt' },
  verdiwel: { text: cleaned('003_c7bc46593598c111.txt'), title: 'Verdiepingsbijeenkomst empower je Gemeenteraard', organisation: 'Verdiwel', year: 2018, fileName: '003_c7bc46593598c111.txt' },
  banning: { text: corpus('004_10e39ddcb2732d17.txt'), title: 'Banningleergang', organisation: 'PvdA', year: 2014, fileName: '004_10e39ddcb2732d17.txt' },
};

/** A passage-sized hit in document `doc` starting `before` characters ahead of `needle`, found by both retrievers. */
function hitAt(doc: string, needle: string, rank: number, before = 0): Hit {
  const d = DOCS[doc];
  const at = d.text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const start = Math.max(0, at - before);
  const end = Math.min(d.text.length, start + 700);
  return {
    rank, score: 1 / rank, signals: { lexical: { score: 5, rank }, dense: { score: 0.5, rank } }, passageIds: [rank], docId: doc,
    document: { id: doc, title: d.title, year: d.year, organisation: d.organisation, fileName: d.fileName, pageKind: 'page' },
    text: d.text.slice(start, end), start, end, pageFirst: 1, pageLast: 1, place: 'p. 1', headingPath: [], highlights: [],
  };
}

const sources: AnswerSources = {
  idf: (t) => ({ wethouderssocialisme: 6, wethouder: 1.5, pvda: 2 })[t] ?? 4,
  names: documentNames(Object.entries(DOCS).map(([id, d]) => ({ id, fileName: d.fileName, organisation: d.organisation, year: d.year }))),
  lexicalCeiling: () => 10,
  namedSources: () => [],
  missingSource: () => null,
};
/** The archive's view of DOCS: one page each, unless a test splits a document. */
const ctx = (pages: Record<string, number[]> = {}): AnswerContext => ({
  textAround: (id, from, to) => {
    const d = DOCS[id];
    return d ? { text: d.text.slice(from, to), offset: from, atEnd: to >= d.text.length, pageStarts: pages[id] ?? [0] } : null;
  },
  sources,
});

describe('composeAnswer (extractive)', () => {
  const definitionHits = [
    hitAt('pvda', 'Het wethouderssocialisme is daarom nog steeds relevant', 1),
    hitAt('pvda', 'Aan het wethouderssocialisme kleeft', 2),
    hitAt('banning', 'Voor Dorien Zandvliet is wethouderssocialisme', 3, 200),
  ];

  it('answers "Wat is …?" with the sentence that defines the word, not one that mentions it', () => {
    const a = composeAnswer('Wat is wethouderssocialisme?', definitionHits, ctx());
    expect(a.answered).toBe(true);
    if (!a.answered) return;
    expect(a.evidence.answerType).toBe('definition');
    expect(a.sentences[0].text).toMatch(/^Voor Dorien Zandvliet is wethouderssocialisme het in beweging brengen/);
    expect(a.sentences.map((s) => s.text)).not.toContain('Het wethouderssocialisme is daarom nog steeds relevant.');
  });

  it('cites every sentence with its exact offsets, whose words they are and the page of the sentence itself', () => {
    const text = DOCS.banning.text;
    const sentence = text.indexOf('Voor Dorien Zandvliet is wethouderssocialisme');
    // The hit starts on page 1; the quoted sentence is on page 2.
    const a = composeAnswer('Wat is wethouderssocialisme?', definitionHits, ctx({ banning: [0, sentence - 50] }));
    if (!a.answered) throw new Error('expected an answer');
    const c = a.citations[0];
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(c).toMatchObject({ docId: 'banning', title: 'Banningleergang', organisation: 'PvdA', year: 2014, pageFirst: 2, pageLast: 2 });
    expect(definitionHits[2].pageFirst).toBe(1);
    for (const ci of a.citations) expect(DOCS[ci.docId].text.slice(ci.start, ci.end)).toBe(ci.quote);
  });

  it('abstains on no hits, and on thin evidence shows the closest passages', () => {
    expect(composeAnswer('Wat is wethouderssocialisme?', [], ctx()).answered).toBe(false);
    // For a question the archive does not cover, only the dense signal (which always returns something) finds these.
    const denseOnly = definitionHits.map((h) => ({ ...h, signals: { dense: { score: 0.3, rank: h.rank } } }));
    const a = composeAnswer('Hoeveel kost een parkeervergunning in Maastricht?', denseOnly, ctx());
    expect(a.answered).toBe(false);
    expect(a.answer).toBe(NO_ANSWER);
    if (!a.answered) expect(a.closest.length).toBeGreaterThan(0);
  });

  it('does not repeat itself: a sentence saying what a chosen one says is skipped (a draft beside its final text)', () => {
    // A second version of the Banning text: the same sentences, numbered as a list ("7. Voor Dorien …").
    const draft = DOCS.banning.text.replace('Voor Dorien Zandvliet is', '7. Voor Dorien Zandvliet is');
    DOCS.draft = { ...DOCS.banning, text: draft, title: 'Banningleergang (concept)', fileName: 'concept.txt' };
    const hits = [hitAt('banning', 'Voor Dorien Zandvliet is wethouderssocialisme', 1, 200), hitAt('draft', '7. Voor Dorien Zandvliet is', 2, 200)];
    const quotes = (share: number) => {
      const a = composeAnswer('Wat is wethouderssocialisme?', hits, ctx(), { ...answerDefaults, repeatShare: share });
      if (!a.answered) throw new Error('expected an answer');
      return a.sentences.map((x) => x.text).filter((t) => t.includes('Voor Dorien Zandvliet is wethouderssocialisme'));
    };
    expect(quotes(answerDefaults.repeatShare)).toHaveLength(1);
    expect(quotes(1.01)).toHaveLength(2); // without the rule both versions are quoted
    delete DOCS.draft;
  });

  it('halves a sentence of the named source that holds none of the topic, only the source\'s words', () => {
    const hits = [hitAt('pvda', 'Het wethouderssocialisme is daarom nog steeds relevant', 1, 600)];
    const question = 'Wat vindt de PvdA van het wethouderssocialisme?';
    const analysis = analyseQuestion(question, { idf: sources.idf, names: sources.names });
    const scored = (factor: number) => scoreSentences(analysis, candidateSentences(hits, ctx(), 1), { ...answerDefaults, sourceOnlyFactor: factor }, [], question, sources.idf);
    const [halved, whole] = [scored(answerDefaults.sourceOnlyFactor), scored(1)];
    const score = (list: typeof whole, text: string) => list.find((c) => c.s.text === text)!.score;
    const topical = whole.find((c) => c.s.text.includes('wethouderssocialisme'))!;
    const sourceOnly = whole.find((c) => !c.s.text.toLowerCase().includes('wethouder') && c.meaning < 0.5)!;
    expect(score(halved, topical.s.text)).toBe(topical.score);
    expect(score(halved, sourceOnly.s.text)).toBeLessThan(sourceOnly.score);
  });

  it("reads a list item's sentence without its bullet; the citation quotes it as it stands", () => {
    const a = composeAnswer('Hoe helpt de Wethoudersvereniging wethouders bij intimidatie?', [hitAt('wv', '- We bieden ondersteuning in moeilijke situaties', 1, 100)], ctx());
    if (!a.answered) throw new Error('expected an answer');
    const first = a.sentences.find((s) => s.text.includes('intimidatie'))!;
    // The item is quoted with the items before it (adjacent chosen sentences are one quote); each reads without its bullet.
    expect(first.text).toMatch(/(^|\. )We bieden ondersteuning in moeilijke situaties/);
    const cited = a.citations.find((c) => c.n === first.citation)!;
    expect(cited.quote).toMatch(/(^|\n)- We bieden ondersteuning/);
    expect(DOCS.wv.text.slice(cited.start, cited.end)).toBe(cited.quote);
    expect(a.answer).not.toMatch(/(^|\] )- /);
    expect(a.answer).not.toMatch(/- We bieden/);
  });

  it('reads a quote without the bare number a list point, footnote or chapter opens with', () => {
    // Quoted as they stand in programmas-nl (BIJ1 2021, AOV/Unie 55+ 1998), pdf-nl (the CoronaMelder analysis) and the corpus.
    expect(answerText('4 Blackfacing, zoals zwarte piet, wordt verboden in de openbare ruimte.')).toBe('Blackfacing, zoals zwarte piet, wordt verboden in de openbare ruimte.');
    expect(answerText('28 Het meebetalen van 65-plussers aan hun eigen AOW wordt door AOV/UNIE 55+ principieel afgewezen.')).toMatch(/^Het meebetalen/);
    expect(answerText('45 Zie ook de het advies van de AP van 7 augustus 2020')).toMatch(/^Zie ook/);
    expect(answerText('1 Nederland, Wethoudersland Belangenbehartiging en voorlichting')).toMatch(/^Nederland, Wethoudersland/);
    // A number that is the sentence's own stays: a share, a year, a count before a small letter.
    expect(answerText('10 procent van de gemeenten doet mee.')).toBe('10 procent van de gemeenten doet mee.');
    expect(answerText('2014 Was het jaar van de verkiezingen.')).toBe('2014 Was het jaar van de verkiezingen.');
    const a = composeAnswer('Wat is de rol van de Wethoudersvereniging voor Nederland, Wethoudersland?', [hitAt('wv', '1 Nederland, Wethoudersland Belangenbehartiging', 1, 0)], ctx());
    if (!a.answered) throw new Error('expected an answer');
    expect(a.sentences.map((s) => s.text)).toContainEqual(expect.stringMatching(/^Nederland, Wethoudersland/));
  });

  it('quotes chosen sentences that stand next to each other as one passage with one citation', () => {
    const question = 'Wat is het strategisch doel van de Wethoudersvereniging?';
    const hits = [hitAt('wv', 'Strategisch doel:', 1, 0)];
    const a = composeAnswer(question, hits, ctx());
    if (!a.answered) throw new Error('expected an answer');
    const text = DOCS.wv.text;
    expect(a.citations[0].quote).toMatch(/^Strategisch doel:\s+De Wethoudersvereniging heeft tot doel de vakbekwaamheid van wethouders te bevorderen\.\s+Operationeel/);
    for (const c of a.citations) expect(text.slice(c.start, c.end)).toBe(c.quote);
    // No two citations touch: what stands between two quotes of one document is more than white space.
    const spans = a.citations.map((c) => [c.start, c.end]).sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(/\S/.test(text.slice(spans[i - 1][1], spans[i][0]))).toBe(true);
    // Chosen apart, the same answer cites the halves one by one.
    const apart = composeAnswer(question, hits, ctx(), { ...answerDefaults, maxSentences: 1 });
    if (!apart.answered) throw new Error('expected an answer');
    expect(a.citations[0].quote.startsWith(apart.citations[0].quote) || a.citations[0].quote.endsWith(apart.citations[0].quote)).toBe(true);
    expect(a.citations[0].quote.length).toBeGreaterThan(apart.citations[0].quote.length);
    // A joined quote counts as one: the answer reads on while it has fewer than maxSentences quotes (here the plan's
    // whole run of goals is one quote).
    expect(a.citations.length).toBeLessThanOrEqual(answerDefaults.maxSentences);
    expect(a.citations[0].quote).toMatch(/Operationeel doel:\s+De vakbekwaamheid van wethouders kan worden bevorderd/);
  });

  it('gives a list question one quote more than others (maxSentencesWide)', () => {
    const hits = [hitAt('pvda', 'Kenmerken van zijn stijl van besturen zijn:', 1, 100), hitAt('pvda', 'Onze PvdA-wethouders', 2), hitAt('banning', 'Voor Dorien Zandvliet is', 3, 200)];
    const tuning = { ...answerDefaults, maxSentences: 1, maxSentencesWide: 2 };
    const quotes = (q: string) => {
      const a = composeAnswer(q, hits, ctx(), tuning);
      if (!a.answered) throw new Error(`expected an answer to ${q}`);
      return a.citations.length;
    };
    expect(quotes('Wat kenmerkt de stijl van besturen van PvdA-wethouders?')).toBe(1);
    expect(quotes('Welke kenmerken heeft de stijl van besturen van PvdA-wethouders?')).toBe(2);
  });

  it('labels sentences from a document other than the source the question names', () => {
    const hits = [hitAt('wv', 'De Wethoudersvereniging werd opgericht', 1), hitAt('pvda', 'De PvdA-wethouder is niet meer de regent van weleer', 2, 300)];
    const a = composeAnswer('Wat vindt de PvdA van de wethouder?', hits, ctx());
    if (!a.answered) throw new Error('expected an answer');
    for (const c of a.citations) expect(c.otherSource).toBe(c.docId !== 'pvda');
    expect(a.citations[0].docId).toBe('pvda');
  });
});

describe('context rules', () => {
  const sentencesOf = (hit: Hit) => candidateSentences([hit], ctx(), 1);

  it('a sentence introducing a list brings its items', () => {
    const s = sentencesOf(hitAt('pvda', 'Kenmerken van zijn stijl van besturen zijn:', 1, 100)).find((x) => x.quote.startsWith('Kenmerken van zijn stijl'))!;
    const w = widen(s);
    expect(w.rule).toBe('list');
    const quote = DOCS.pvda.text.slice(w.start, w.end);
    expect(quote).toContain('• Activistisch en strijdbaar, eigenwijs en creatief,');
    expect(quote).toContain('• Idealistisch en bevlogen,');
  });

  it("a list's items come with their further sentences, within the quote's length", () => {
    const s = sentencesOf(hitAt('verdiwel', 'Deze verdiepingsbijeenkomst leverde de volgende tips op:', 1, 100)).find((x) => x.quote.startsWith('Deze verdiepingsbijeenkomst'))!;
    const w = widen(s);
    expect(w.rule).toBe('list');
    const quote = DOCS.verdiwel.text.slice(w.start, w.end);
    // Item 1 runs on over four sentences; items 2 and 3 follow it.
    expect(quote).toMatch(/1\. Het kan handig zijn .* Niet alleen qua gedachtegoed, .*\n2\. Bouw relaties op .*\n3\. Zorg dat je weet wat er speelt in de Raad\./s);
    expect(w.end - w.start).toBeLessThanOrEqual(answerDefaults.context.maxQuoteChars);
  });

  it('a sentence opening with "Dit" brings its predecessor', () => {
    const s = sentencesOf(hitAt('wv', 'Dit maakt de functie minder aantrekkelijk', 1, 300)).find((x) => x.quote.startsWith('Dit maakt de functie'))!;
    const w = widen(s);
    expect(w.rule).toBe('predecessor');
    expect(DOCS.wv.text.slice(w.start, w.end)).toMatch(/^Aan de hand van deze onderzoeken kunnen we concluderen .* Dit maakt de functie minder aantrekkelijk\.$/s);
  });

  it('a sentence opening with "Daarnaast" adds to its predecessor and brings it', () => {
    const s = sentencesOf(hitAt('wv', 'Daarnaast worden zij geconfronteerd met onduidelijk beleid', 1, 300)).find((x) => x.quote.startsWith('Daarnaast worden zij'))!;
    const w = widen(s);
    expect(w.rule).toBe('predecessor');
    expect(DOCS.wv.text.slice(w.start, w.end)).toMatch(/^Tegenwoordig ervaren veel wethouders financiële onzekerheid .* Daarnaast worden zij geconfronteerd/s);
  });

  it('a sentence opening with "Daar" brings what it points back to', () => {
    const s = sentencesOf(hitAt('pvda', 'Daar staat voor mij het', 1, 300)).find((x) => x.quote.startsWith('Daar staat voor mij'))!;
    const w = widen(s);
    expect(w.rule).toBe('predecessor');
    expect(DOCS.pvda.text.slice(w.start, w.end)).toMatch(/^Je wilt iets bereiken\s+in\s+het\s+kader.*Daar staat voor mij het\s+wethouderssocialisme voor/s);
  });

  it('a sentence followed by one opening with "Dit" brings that successor', () => {
    const s = sentencesOf(hitAt('wv', 'Aan de hand van deze onderzoeken kunnen we concluderen', 1, 300)).find((x) => x.quote.startsWith('Aan de hand van deze onderzoeken'))!;
    const w = widen(s);
    expect(w.rule).toBe('successor');
    expect(w.start).toBe(s.start);
    expect(DOCS.wv.text.slice(w.start, w.end)).toMatch(/^Aan de hand van deze onderzoeken kunnen we concluderen .* Dit maakt de functie minder aantrekkelijk\.$/s);
  });

  it('a short sentence brings its successor: a heading-like line and what it heads', () => {
    DOCS.clb = { text: corpus('002_2cdf2b3bdbada1f9.txt'), title: 'Jaarplan CLB', organisation: 'CLB', year: 2017, fileName: '002_2cdf2b3bdbada1f9.txt' };
    const s = sentencesOf(hitAt('clb', 'Samenstelling CLB-bestuur ALV', 1, 100)).find((x) => x.quote.startsWith('Samenstelling CLB-bestuur'))!;
    const w = widen(s);
    expect(w.rule).toBe('successor');
    expect(DOCS.clb.text.slice(w.start, w.end)).toMatch(/^Samenstelling CLB-bestuur ALV, november 2017\.\s+Voorzitter\s+Leen Verbeek\s+CdK Flevoland$/);
    // The same line as the document's last sentence but one: the short last line brings its predecessor.
    const end = DOCS.clb.text.indexOf('CdK Flevoland') + 'CdK Flevoland'.length;
    DOCS.clb = { ...DOCS.clb, text: DOCS.clb.text.slice(0, end) };
    const last = sentencesOf(hitAt('clb', 'Samenstelling CLB-bestuur ALV', 1, 100)).find((x) => x.quote.startsWith('Voorzitter'))!;
    expect(widen(last).rule).toBe('predecessor');
    expect(DOCS.clb.text.slice(widen(last).start, widen(last).end)).toMatch(/^Samenstelling CLB-bestuur.*Leen Verbeek\s+CdK Flevoland$/s);
    delete DOCS.clb;
  });

  it('a list item brings the next item, however long it is', () => {
    const s = sentencesOf(hitAt('wv', '- 2 **Een aantrekkelijk ambt**', 1, 100)).find((x) => x.quote.startsWith('- 2 **Een aantrekkelijk ambt**'))!;
    expect(s.quote.split(/\s+/).length).toBeGreaterThanOrEqual(answerDefaults.context.shortSentenceWords);
    const w = widen(s);
    expect(w.rule).toBe('successor');
    expect(DOCS.wv.text.slice(w.start, w.end)).toMatch(/^- 2 \*\*Een aantrekkelijk ambt\*\*.*vakbekwaamheid\.\s+- 3 \*\*Een toegesneden rechtspositie\*\*/s);
  });

  it('a short sentence does not bring the heading in capitals that opens the next section; it brings its predecessor', () => {
    // SP 2023 (pdf-nl, vkp2023_sp.pdf), as the archive holds its clean text.
    const text = 'We voorkomen marktwerking in de huisartsenpraktijk. Een huisarts bezoeken blijft altijd gratis.\n\n5 EEN WERKEND LAND\n\n' +
      '- Wij verlagen de inkomstenbelasting voor iedereen tot en met een modaal inkomen en verhogen het minimumloon tot 16 euro per uur.';
    DOCS.sp = { text, title: 'Programma van de Socialistische Partij', organisation: 'SP', year: 2023, fileName: 'vkp2023_sp.pdf' };
    const s = sentencesOf(hitAt('sp', 'We voorkomen', 1)).find((x) => x.quote.startsWith('Een huisarts'))!;
    const w = widen(s);
    expect(w.rule).toBe('predecessor');
    expect(text.slice(w.start, w.end)).toBe('We voorkomen marktwerking in de huisartsenpraktijk. Een huisarts bezoeken blijft altijd gratis.');
    delete DOCS.sp;
  });

  it('a short sentence never brings a table row or a contents line', () => {
    DOCS.begroting = {
      text: 'De begroting voor 2018 is sluitend. EUR EUR EUR Huisvesting en servicekosten 2.979.046 2.850.000 2.700.000. Het bestuur stelt de begroting vast in de ledenvergadering van november, na advies van de kascommissie.',
      title: 'Begroting', organisation: 'CLB', year: 2018, fileName: 'begroting.txt',
    };
    const all = sentencesOf(hitAt('begroting', 'De begroting voor 2018', 1));
    expect(all.map((x) => x.kind)).toEqual(['prose', 'table', 'prose']);
    expect(widen(all[0])).toEqual({ start: all[0].start, end: all[0].end, rule: null });
    delete DOCS.begroting;
  });

  it('a sentence of twelve words or more stands alone when no neighbour points back', () => {
    const s = sentencesOf(hitAt('banning', 'Voor Dorien Zandvliet is wethouderssocialisme', 1, 200)).find((x) => x.quote.startsWith('Voor Dorien Zandvliet'))!;
    expect(s.quote.split(/\s+/).length).toBeGreaterThanOrEqual(answerDefaults.context.shortSentenceWords);
    expect(widen(s)).toEqual({ start: s.start, end: s.end, rule: null });
  });

  it('the abstention reads the quote as shown: topic words split over a sentence and its successor all count', () => {
    const hits = [hitAt('wv', 'Aan de hand van deze onderzoeken kunnen we concluderen', 1, 300)];
    const a = composeAnswer('Maakt de werkbelasting de functie minder aantrekkelijk?', hits, ctx());
    if (!a.answered) throw new Error('expected an answer');
    expect(a.citations.map((c) => c.quote)).toContainEqual(expect.stringMatching(/werkbelasting.*Dit maakt de functie minder aantrekkelijk\./s));
    expect(a.evidence?.signals.topicExact).toBe(1);
  });

  it('the answer-type cue is read over the quote as shown: a reason in the successor counts', () => {
    // "Wethouders staan aan de frontlinie … Daarom moet het ambt aantrekkelijk zijn …": the "why" is in the next sentence.
    const q = 'Waarom hebben wethouders grote invloed op het leven van burgers?';
    const hit = hitAt('wv', 'Wethouders staan aan de frontlinie van veel overheidstaken', 1, 200);
    const scored = scoreSentences(analyseQuestion(q), candidateSentences([hit], ctx(), 1));
    const s = scored.find((x) => x.s.quote.startsWith('Wethouders staan aan de frontlinie'))!;
    expect(s.span.rule).toBe('successor');
    expect(s.cue).toBe(true);
    const alone = scoreSentences(analyseQuestion(q), candidateSentences([hit], ctx(), 1), { ...answerDefaults, features: { ...answerDefaults.features, context: false } });
    expect(alone.find((x) => x.s.quote.startsWith('Wethouders staan aan de frontlinie'))!.cue).toBe(false);
  });

  it('quotes a sentence whole when the passage boundary cuts it', () => {
    const text = DOCS.banning.text;
    const hit = hitAt('banning', 'wethouderssocialisme het in beweging brengen', 1);
    const s = candidateSentences([hit], ctx(), 1)[0];
    expect(s.start).toBe(text.indexOf('Voor Dorien Zandvliet is wethouderssocialisme'));
    expect(s.start).toBeLessThan(hit.start);
  });

  it('reads the windows of nearby hits of one document at once, and cuts the same sentences as reading each alone', () => {
    const hits = [
      hitAt('wv', 'Aan de hand van deze onderzoeken kunnen we concluderen', 1, 300),
      hitAt('pvda', 'Kenmerken van zijn stijl van besturen zijn:', 2, 100),
      hitAt('wv', 'Tegenwoordig ervaren veel wethouders financiële onzekerheid', 3, 100),
      hitAt('wv', 'Wethouders staan aan de frontlinie van veel overheidstaken', 4, 200),
    ];
    const reads: string[] = [];
    const counting: AnswerContext = { ...ctx(), textAround: (id, from, to) => (reads.push(id), ctx().textAround(id, from, to)) };
    const together = candidateSentences(hits, counting, hits.length);
    expect(reads.sort()).toEqual(['pvda', 'wv']);
    const alone = hits.flatMap((h) => candidateSentences([h], ctx(), 1));
    const key = (x: { hit: Hit; start: number; end: number; quote: string }) => `${x.hit.docId}:${x.start}-${x.end}:${x.quote}`;
    expect(new Set(together.map(key))).toEqual(new Set(alone.map(key)));
  });

  it('falls back to the hit\'s own sentences when the window does not match the hit', () => {
    const hit = hitAt('banning', 'Voor Dorien Zandvliet is wethouderssocialisme', 1);
    const shifted: AnswerContext = { ...ctx(), textAround: (id, from, to) => ({ text: DOCS[id].text.slice(from + 2, to + 2), offset: from, atEnd: false, pageStarts: [0] }) };
    const s = candidateSentences([hit], shifted, 1)[0];
    expect(DOCS.banning.text.slice(s.start, s.end)).toBe(s.quote);
    expect(s.quote).toMatch(/^Voor Dorien Zandvliet/);
  });
});

describe('contextReader', () => {
  it('finds a term where hitContext does: in the document\'s names or in the hit\'s text and headings', () => {
    const hit = { ...hitAt('wv', 'Aan de hand van deze onderzoeken kunnen we concluderen', 1, 300), headingPath: ['Werkdruk en waardering'] };
    const inContext = contextReader();
    for (const term of ['wethoudersvereniging', '2025', 'werkdruk', 'onderzoeken', 'wethouder', 'aantrekkelijk', 'sp', 'kernenergie', '2014']) {
      expect(inContext(hit, term), term).toBe(termOccurs(term, hitContext(hit)));
    }
    expect(inContext(hit, '2025')).toBe(true);
    expect(inContext(hit, 'kernenergie')).toBe(false);
  });

  it('reads a joint list by the names it is made of: GroenLinksPvdA goes by GroenLinks and PvdA, ChristenUnie not by Unie', () => {
    const named = (fileName: string) => ({ ...hitAt('wv', 'De Wethoudersvereniging werd opgericht', 1), document: { id: 'x', title: '', year: 2023, organisation: null, fileName, pageKind: 'page' as const } });
    const joint = hitContext(named('GroenLinksPvdA_2023.txt'));
    expect(['groenlinks', 'pvda', 'groenlinkspvda'].every((t) => termOccurs(t, joint))).toBe(true);
    expect(termOccurs('links', joint)).toBe(false);
    // "PvdA-GroenLinks", typed the other way round, names the joint list: its sentences hold the source words.
    const jointHit = { ...hitAt('pvda', 'Aan het wethouderssocialisme kleeft', 1), document: { ...named('GroenLinksPvdA_2023.txt').document, organisation: 'GroenLinksPvdA' } };
    const names = documentNames(['PvdA_2021.txt', 'GroenLinks_2021.txt', 'GroenLinksPvdA_2023.txt'].map((fileName, i) => ({ id: String(i), fileName, organisation: null, year: 2021 + (i > 1 ? 2 : 0) })));
    const a = composeAnswer('Wat vindt PvdA-GroenLinks van het wethouderssocialisme?', [jointHit], { ...ctx(), sources: { ...sources, names } });
    expect(a.evidence?.terms.find((t) => t.term === 'pvdagroenlinks')?.source).toBe(true);
    expect(a.evidence?.signals.names).toBe(1);
    expect(a.answered).toBe(true);
    const cu = hitContext(named('ChristenUnie_2021.txt'));
    expect(termOccurs('christenunie', cu)).toBe(true);
    expect(termOccurs('unie', cu)).toBe(false);
  });
});

describe('ordinalAt (the page of an offset)', () => {
  it('finds the page holding an offset', () => {
    expect([0, 9, 10, 25, 99].map((o) => ordinalAt([0, 10, 20], o))).toEqual([1, 1, 2, 3, 3]);
  });
});
