// Answer-type cues: does a sentence hold the kind of thing the question asks for? A number for "hoeveel", a date or
// year for "wanneer", a name for "wie", a reason word for "waarom", a definitional pattern for "wat is / wat verstaat
// men onder". One boolean per sentence; extractive.ts gives a sentence with the cue a fixed bonus.
import type { AnswerType } from './question.ts';
import { isYear, tokenise } from '../language/tokenise.ts';
import { stem } from '../language/stem.ts';

/** Answer types whose cue says a sentence holds the answer; the procedure cue ("moet", "kan", "via") only hints. */
export const CUED_TYPES: ReadonlySet<AnswerType> = new Set(['definition', 'amount', 'quantity', 'date', 'person', 'place', 'reason', 'list']);

/** A sentence's words as the tokeniser gives them (lower case), and as they stand (for capitals). */
export interface CueInput {
  text: string;
  /** Folded words in order. */
  words: readonly string[];
}

const NUMBER_WORDS = new Set(
  'twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig honderd duizend miljoen miljard helft half procent'.split(' '),
);
const MONTHS = 'januari februari maart april mei juni juli augustus september oktober november december';
const MONTH_SET = new Set(MONTHS.split(' '));
const DATE = new RegExp(`\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b|\\b(${MONTHS.replaceAll(' ', '|')})\\b`, 'iu');
/** A currency or an amount said in words: euros, guilders (the old programmes: "ƒ 1.500", "f 12,50", "een dubbeltje"),
 *  or none to pay at all. */
const MONEY = /[€ƒ$£]|\b(euro|euro's|eur|gulden|guldens|dollar|dollars|cent|centen|dubbeltje|kwartje|stuiver|rijksdaalder|gratis|kosteloos)\b|\bf\s?\d|\bfl\.?\s?\d/iu;
const REASON = new Set('omdat doordat want daarom zodat vanwege dankzij waardoor oorzaak reden gevolg daardoor hierdoor teneinde'.split(' '));
const PROCEDURE = new Set('moet moeten kunt kan kunnen via eerst vervolgens daarna stap stappen aanvragen indienen aanvraag'.split(' '));
/** A list item's number where a sentence starts ("… organiseren. 19. Zorg dat …", "3) Bouw …"): it counts items. */
const ITEM_NUMBERS = /(^|[.!?:;]\s+)\d{1,3}[.)]\s+(?=["'‘“(]?\p{Lu})/gu;
/** A capitalised word after the first (bullets and numbering stripped): a name of a person, organisation or place. */
const NAME = /[\p{Ll}\p{N},;]\s+["'‘“(]?\p{Lu}\p{Ll}+/u;

/** Verbs and phrases that define the word before them ("X is een …", "X betekent …", "X staat voor …"). */
const DEFINING_AFTER = ['is', 'zijn', 'betekent', 'betekenen', 'houdt', 'omvat', 'noemen', 'heet', 'wordt', 'staat', 'oftewel', 'ofwel', 'dwz'];
/** Words that follow "is/zijn" in a statement about X rather than a definition of it ("X is daarom nog relevant"). */
const ARTICLES = ['een', 'de', 'het'];
const NOT_DEFINING = new Set('daarom ook nog niet dus wel vooral steeds erg zeer al altijd nu vaak nooit hierbij daarbij eigenlijk'.split(' '));

/** Whether the sentence defines one of `focus` (folded terms): "X is/zijn (een|de|het) …", "X betekent …", "X staat
 *  voor …", "onder X verstaan we …", "met X wordt bedoeld …", "Voor … is X …", "X: …" (a glossary entry). */
export function isDefinition(s: CueInput, focus: readonly string[]): boolean {
  const at = (i: number) => s.words[i] ?? '';
  // Where clauses end: worked out only once a defining verb follows a focus term.
  let ends: Set<number> | null = null;
  const endsClause = (j: number) => (ends ??= clauseEnds(s.text)).has(j);
  for (let i = 0; i < s.words.length; i++) {
    if (!focus.some((f) => at(i) === f || (f.length >= 6 && at(i).includes(f)))) continue;
    // X followed (within two words: "X zelf is", "X in de zin van …" stays out) by a defining verb.
    for (let j = i + 1; j <= i + 2 && j < s.words.length; j++) {
      if (!DEFINING_AFTER.includes(at(j))) continue;
      if (at(j) === 'wordt' && !/^(gedefinieerd|omschreven|verstaan|bedoeld)$/.test(at(j + 1))) continue;
      if (at(j) === 'houdt' && !s.words.slice(j, j + 8).includes('in')) continue;
      if (at(j) === 'staat' && at(j + 1) !== 'voor') continue;
      // A verb that ends its clause closes a subordinate one ("Zolang er nog geen basisinkomen is, steunen …").
      if (endsClause(j)) continue;
      if (!NOT_DEFINING.has(at(j + 1))) return true;
    }
    // "Daar staat (voor mij) X voor".
    if (at(i + 1) === 'voor' && s.words.slice(Math.max(0, i - 4), i).includes('staat')) return true;
    // "onder X verstaan", "met X wordt bedoeld", "is X het/een …" (in "Voor Dorien Zandvliet is X het …").
    const before = ARTICLES.includes(at(i - 1)) ? at(i - 2) : at(i - 1);
    if (['onder', 'met'].includes(before) && s.words.slice(i + 1, i + 5).some((w) => /^(verstaan|verstaat|bedoeld|bedoelen|bedoelt)$/.test(w))) return true;
    if (['is', 'zijn'].includes(at(i - 1)) && [...ARTICLES, 'dat'].includes(at(i + 1))) return true;
  }
  // A glossary entry: a short head holding the term, a colon, then the explanation ("Payment for order flow: …").
  const head = /^([^:]{1,60}):\s+\S/u.exec(s.text)?.[1];
  return head !== undefined && head.split(/\s+/).length <= 6 && focus.some((f) => sentenceWordsOf(head).includes(f));
}

/** Whether the sentence holds what the answer type asks for. Types without a cue (yes/no, open) never have one. */
export function hasAnswerCue(type: AnswerType, s: CueInput, focus: readonly string[]): boolean {
  switch (type) {
    case 'definition':
      return isDefinition(s, focus);
    case 'amount':
      return MONEY.test(s.text);
    case 'quantity': {
      // A number that is not a year or a date, or a number word: "138 regelingen", "€ 14,-", "twee ouders".
      // A day before its month ("op 10 december 2014") is a date, and a list item's number no quantity.
      const counted = s.text.replace(ITEM_NUMBERS, '$1');
      const words = counted === s.text ? s.words : sentenceWordsOf(counted);
      return words.some((w, i) => (/\d/.test(w) && !isYear(w) && !focus.includes(w) && !MONTH_SET.has(words[i + 1] ?? '')) || NUMBER_WORDS.has(w));
    }
    case 'date':
      return DATE.test(s.text);
    case 'person':
    case 'place':
      return NAME.test(s.text);
    case 'reason':
      return s.words.some((w) => REASON.has(w)) || /\bom\b.+\bte\b/u.test(s.text);
    case 'procedure':
      return s.words.some((w) => PROCEDURE.has(w));
    case 'list':
      return /:\s*$/.test(s.text) || (s.text.match(/[,;]/g)?.length ?? 0) >= 2;
    default:
      return false;
  }
}

/** The indices (in tokenise's order) of the words a comma or semicolon follows; a decimal comma ("1,5") is no break. */
function clauseEnds(text: string): Set<number> {
  const out = new Set<number>();
  let n = 0;
  for (const part of text.split(/[,;](?!\d)/u)) {
    n += tokenise(part).length;
    out.add(n - 1);
  }
  return out;
}

/** A text's words as CueInput wants them (folded, in order), without the word sets coverage needs. */
export function sentenceWordsOf(text: string): string[] {
  return tokenise(text).map((t) => stem(t.word, 'fold'));
}
