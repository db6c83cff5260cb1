// The content terms of a question and a forgiving Dutch match against sentence words. Used by answer
// composition and abstention only: ranking has its own analyser (index/), but the answer needs a rule
// that is cheap, transparent and identical for every caller (API, eval harness).

/** Function words plus the frame words of questions ("wat wordt bedoeld met ..."): they say nothing
 *  about which passage answers. */
const STOP_WORDS = new Set(
  `aan al alle alleen als altijd ander andere anders ben bij bijna daar daarom dan dat de der deze die dit doch doen door
  dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij
  kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te
  tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf
  zich zij zijn zo zonder zou welk welke welken waar waarom wanneer hoeveel hoezeer waardoor waarmee waarover waarin
  bedoeld bedoelt verstaan betekent betekenen noemt noemen zegt gezegd staat archief volgens eigenlijk precies
  gebeurt gaat gaan heet werden vindt vinden kun kunt zouden mogen mag tijdens zowel`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-cased word tokens (letters and digits), accents kept. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct content terms of a question, in order. */
export function contentTerms(question: string): string[] {
  const terms = words(question).filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  return [...new Set(terms)];
}

/** A light Dutch stem: strips the plural and inflection endings that separate a question word from
 *  the form in the text (wethouders/wethouder, taken/taak is out of reach and does not matter here). */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['heden', 'ingen', 'tjes', 'jes', 'en', 'es', 's', 'e', "'s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Does `term` occur among `tokens`: same stem, or (for long terms) inside a compound ("socialisme"
 *  in "wethouderssocialisme", "wethouder" in "wethouderschap"). */
export function termOccurs(term: string, tokens: ReadonlySet<string>, stems: ReadonlySet<string>): boolean {
  if (tokens.has(term)) return true;
  const s = stem(term);
  if (stems.has(s)) return true;
  if (s.length < 6) return false;
  for (const t of tokens) if (t.length > s.length && t.includes(s)) return true;
  return false;
}

/** Token and stem sets of a text, for repeated `termOccurs` checks. */
export function tokenSets(text: string): { tokens: Set<string>; stems: Set<string> } {
  const tokens = new Set(words(text));
  return { tokens, stems: new Set([...tokens].map(stem)) };
}
