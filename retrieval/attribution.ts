// The phrase that says whose words a question wants ("volgens de monitorrapportage 2023 van het RIF", "volgens minister
// Koolmees in 2021"). Its words name who answers, not what the answer holds: the named documents' own passages are
// searched without them (retrieval/signals.ts source), sentences are not asked to repeat them and the answer type is
// read without them (answer/question.ts).
import { surfaceWords } from '../language/tokenise.ts';
import { foldedWord } from '../language/content-terms.ts';
import { DUTCH_STOPWORDS, QUESTION_FRAME_WORDS } from '../language/stopwords.ts';

/** Possessives and articles that open the phrase ("volgens haar programma", "volgens het onderzoek"). */
const DETERMINERS = new Set(['de', 'het', 'een', 'der', "'t", 'haar', 'zijn', 'hun']);
/** Words that join the parts of one source ("de monitorrapportage van het RIF", "JA21 en de ChristenUnie in 2023"). */
const JOINERS = new Set(['van', 'bij', 'in', 'uit', 'en', 'voor']);

export interface Attribution {
  /** Its content words, folded like focus terms ("monitorrapportage", "2023", "regionaal", "investeringsfonds"). */
  words: Set<string>;
  /** The phrase as typed, from "volgens" on, and where it stands in the NFKC-normalised question. */
  phrase: string;
  start: number;
  end: number;
}

/** The "volgens …" phrase: "volgens de monitorrapportage 2023 van het Regionaal Investeringsfonds", "volgens minister
 *  Koolmees in 2021", "volgens het cybersecuritybeeld 2024". After "volgens" come an optional determiner, one head word
 *  as typed ("monitorrapportage", "minister"), then names, acronyms and years, joined by "van/bij/in/uit/en/voor" and
 *  determiners; the first other word ends it ("volgens DS'70 in 1971 de hoogste prioriteit"). Null without "volgens". */
export function attribution(question: string): Attribution | null {
  const text = question.normalize('NFKC');
  const words = surfaceWords(text);
  const at = words.findIndex((w) => w.text.toLowerCase() === 'volgens');
  if (at < 0) return null;
  const out = new Set<string>();
  let end = words[at].end;
  const take = (w: { text: string; end: number }) => {
    out.add(foldedWord(w.text));
    end = w.end;
  };
  const isName = (t: string) => /^[\p{Lu}\p{N}]/u.test(t) || /\d/.test(t);
  let i = at + 1;
  if (DETERMINERS.has(words[i]?.text.toLowerCase())) i++;
  if (words[i] && !isName(words[i].text) && !DUTCH_STOPWORDS.has(words[i].text.toLowerCase())) take(words[i++]);
  for (; i < words.length; i++) {
    const t = words[i].text;
    if (isName(t)) take(words[i]);
    else if (!JOINERS.has(t.toLowerCase()) && !DETERMINERS.has(t.toLowerCase())) break;
  }
  // A closing bracket of "(1994)" belongs to the phrase.
  if (text[end] === ')') end++;
  for (const w of out) if (!w || DUTCH_STOPWORDS.has(w) || QUESTION_FRAME_WORDS.has(w)) out.delete(w);
  const start = words[at].start;
  return { words: out, phrase: text.slice(start, end), start, end };
}

/** The question without the phrase (`a`, when already found): "Wat is een practoraat, volgens de monitorrapportage …?"
 *  asks for a definition as "Wat is een practoraat?" does. */
export function withoutAttribution(question: string, a = attribution(question)): string {
  if (!a) return question;
  const text = question.normalize('NFKC');
  return `${text.slice(0, a.start).replace(/[\s,]+$/, '')} ${text.slice(a.end)}`.replace(/\s+/g, ' ').replace(/ (?=[?!.,]|$)/g, '').trim();
}
