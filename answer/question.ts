// Question analysis: what kind of answer the question expects (from its question word and form), which of its words
// carry it (focus terms, weighted by rarity in the archive: IDF), and which sources it names (parties,
// organisations, years), so that answers from other sources can be demoted and labelled.
import { surfaceWords, tokenise } from '../language/tokenise.ts';
import { stem } from '../language/stem.ts';
import { contentTerms, foldedWord } from '../language/content-terms.ts';
import { namedSourceWords, type DocumentNames } from '../retrieval/names.ts';
import { attribution, withoutAttribution } from '../retrieval/attribution.ts';

export type AnswerType =
  | 'definition' | 'amount' | 'quantity' | 'date' | 'person' | 'place' | 'reason' | 'procedure' | 'yesno' | 'list' | 'open';

export interface FocusTerm {
  /** Folded word (content-terms.ts): what sentences are matched on. */
  term: string;
  /** Its weight: IDF in the archive. */
  weight: number;
  /** The question names a source with it (a party, organisation or year): a document can agree with it. */
  source: boolean;
  /** Typed as a name: capitalised after the first word, an acronym, a number or year ("VVD", "Den Helder", "2023"). */
  name: boolean;
  /** The parts of a hyphenated word ("FLO-declaratie": flo, declaratie), folded: a sentence holding each holds it. */
  parts?: string[];
}

export interface QuestionAnalysis {
  type: AnswerType;
  focus: FocusTerm[];
}

/** Question openings and the answer type they ask for, first match wins. The forms come from how staff ask
 *  (eval/sets/README.md): "wat verstaat / verstaan X onder", "hoeveel", "in welk jaar", "wie", "waarom", "hoe", a verb first. */
const TYPE_RULES: [AnswerType, RegExp][] = [
  ['definition', /^wat (verstaa?[tn]|wordt (er )?(verstaan|bedoeld)|bedoel(t|en)|betekent|betekenen|houdt .* in\b|houden .* in\b|is (de )?(definitie|betekenis))|^waar staat .* voor\b/],
  // An amount of money is a quantity whose answer names a currency ("€ 14,-", "ƒ 1.500", "gratis"): "18 jaar" is none.
  ['amount', /^(hoeveel (geld|euro|gulden)|wat (kost|kosten|kostte|kostten)|hoe duur|((vanaf|tot|naar|met|op|voor) )?(welk|wat is het) bedrag|hoe hoog (is|was|zijn|waren|wordt|werd) (het|de) (bedrag|premie|bijdrage|uitkering|subsidie|budget|boete|heffing|belasting|prijs|tarief|vergoeding|toeslag|huur|kosten))\b/],
  ['quantity', /^(hoeveel|hoe ?veel|hoe (groot|hoog|lang|oud|vaak|zwaar|ver)|((vanaf|tot|naar|met|op|voor) )?(welk|wat is het) (percentage|aantal)|(vanaf|tot|op|met|bij) welke leeftijd)\b/],
  ['date', /^((sinds|vanaf|tot) wanneer|wanneer|in welk jaar|op welke (dag|datum)|welke datum)\b/],
  ['reason', /^(waarom|waardoor|hoe komt het|om welke reden|wat is de (reden|oorzaak))\b/],
  ['person', /^(wie|door wie|van wie|met wie|welke (organisatie|partij|persoon|instantie|minister|wethouder|instelling)s?)\b/],
  ['place', /^(waar|waarheen|in welke (plaats|stad|gemeente|provincie|regio)|naar welke (landen|plaats))\b/],
  ['list', /^(welke \p{L}+(en|s)\b|noem\b|wat zijn de \p{L}+(en|s)\b)/u],
  ['definition', /^wat (is|zijn) (een |de |het )?[\p{L}\p{N}'’-]+( [\p{L}\p{N}'’-]+){0,5}\??$/u],
  ['procedure', /^hoe\b/],
  // Past tenses too: staff ask about old programmes ("Wilde de CHU in 1925 …?", "Vond de SDAP …?").
  ['yesno', /^(is|zijn|was|waren|kan|kun|kunnen|kon|konden|wil|willen|wilde|wilden|moet|moeten|moest|moesten|mag|mogen|mocht|mochten|heeft|hebben|had|hadden|wordt|worden|werd|werden|gaat|gaan|ging|gingen|houdt|hield|maakt|maakte|zal|zou|zouden|krijgt|krijgen|kreeg|kregen|geldt|gelden|gold|bestaat|bestaan|bestond|komt|komen|kwam|staat|stond|doet|doen|deed|vindt|vinden|vond|vonden|steunt|steunde|blijft|bleef|telt|tellen|hoeft|hoeven|hoefde)\b/],
];

export function answerType(question: string): AnswerType {
  const q = question.normalize('NFKC').toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+/g, ' ').trim();
  return TYPE_RULES.find(([, re]) => re.test(q))?.[0] ?? 'open';
}

/** Folded words typed as names: capitalised after the first word, acronyms, numbers. */
function typedNames(question: string): Set<string> {
  const out = new Set<string>();
  surfaceWords(question.normalize('NFKC')).forEach((w, i) => {
    if ((i > 0 && /^\p{Lu}/u.test(w.text)) || /^[\p{Lu}\p{N}]{2,}$/u.test(w.text) || /\d/.test(w.text)) out.add(foldedWord(w.text));
  });
  return out;
}

/** The folded parts of each hyphenated word of the question, by the word's folded form. */
function hyphenParts(question: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of tokenise(question)) if (t.parts) out.set(stem(t.word, 'fold'), t.parts.map((p) => stem(p, 'fold')));
  return out;
}

export interface AnalyseOptions {
  /** IDF of a folded term in the archive; unknown terms get the largest IDF. Absent: every term weighs 1. */
  idf?: (term: string) => number;
  /** The archive's document names: a question word found there names a source. */
  names?: DocumentNames;
  /** The words of a "volgens …" phrase (retrieval/attribution.ts) are no focus terms, unless they name a source. */
  attribution?: boolean;
}

export function analyseQuestion(question: string, opts: AnalyseOptions = {}): QuestionAnalysis {
  const sources = namedSourceWords(question, opts.names);
  // "volgens minister Koolmees" says whose words answer, which retrieval and the source terms already use; a sentence
  // of his need not repeat it. Words that name a document stay source terms.
  const phrase = opts.attribution ? attribution(question) : null;
  const attributed = phrase?.words ?? new Set<string>();
  const names = typedNames(question);
  const terms = contentTerms(question);
  const asked = terms.filter((t) => sources.has(t) || !attributed.has(t));
  const parts = hyphenParts(question);
  const focus = (asked.length > 0 ? asked : terms).map((term) => ({
    term, weight: opts.idf ? opts.idf(term) : 1, source: sources.has(term), name: names.has(term), ...(parts.has(term) ? { parts: parts.get(term) } : {}),
  }));
  return { type: answerType(withoutAttribution(question, phrase)), focus };
}
