// Archive-mined abbreviations, Schwartz & Hearst (2003) style: "onroerendezaakbelasting (OZB)" pairs a short form in
// brackets with the words before it whose letters spell it in order. Measured as a query expansion both ways (a
// question with "OZB" also searches "onroerendezaakbelasting", and the reverse) by tools/retrieval/ablation.ts.
export type Abbreviations = Map<string, string>;

const PAIR = /([\p{L}\p{N}][\p{L}\p{N}'’\- ]{2,120}?)\s*\(\s*([\p{Lu}][\p{L}\p{N}\-]{1,9})\s*\)/gu;

/** Short form -> long form, the long form most often seen for each short form. */
export function mineAbbreviations(texts: Iterable<string>): Abbreviations {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const m of text.matchAll(PAIR)) {
      const sf = m[2];
      if (!/\p{Lu}.*\p{Lu}|^\p{Lu}{2,}/u.test(sf) && sf.length < 3) continue;
      const lf = longForm(sf, m[1]);
      if (!lf) continue;
      const byLf = counts.get(sf.toLowerCase()) ?? new Map<string, number>();
      byLf.set(lf, (byLf.get(lf) ?? 0) + 1);
      counts.set(sf.toLowerCase(), byLf);
    }
  }
  const out: Abbreviations = new Map();
  for (const [sf, byLf] of counts) out.set(sf, [...byLf].sort((a, b) => b[1] - a[1])[0][0]);
  return out;
}

/** Schwartz & Hearst's backwards match: every letter of the short form in the candidate, in order, the first one
 *  starting a word; the candidate is cut to at most min(|SF| + 5, 2|SF|) words. */
export function longForm(sf: string, before: string): string | null {
  const words = before.trim().split(/\s+/);
  const maxWords = Math.min(sf.length + 5, sf.length * 2);
  const cand = words.slice(-maxWords).join(' ').toLowerCase();
  const s = sf.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  let si = s.length - 1;
  let li = cand.length - 1;
  while (si >= 0) {
    const c = s[si];
    while (li >= 0 && (cand[li] !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(cand[li - 1])))) li--;
    if (li < 0) return null;
    si--;
    li--;
  }
  const start = cand.lastIndexOf(' ', li) + 1;
  const lf = cand.slice(start).trim();
  return lf.length > s.length && lf.split(' ').length <= maxWords ? lf : null;
}

/** The question with the other form of each abbreviation it uses appended. */
export function expandQuestion(question: string, abbr: Abbreviations): string {
  const lower = question.toLowerCase();
  const extra: string[] = [];
  for (const m of question.matchAll(/[\p{L}\p{N}\-]+/gu)) {
    const lf = abbr.get(m[0].toLowerCase());
    if (lf && /\p{Lu}/u.test(m[0])) extra.push(lf);
  }
  for (const [sf, lf] of abbr) if (lf.length >= 8 && lower.includes(lf)) extra.push(sf);
  return extra.length ? `${question} ${extra.join(' ')}` : question;
}
