// How much of the question a sentence covers: its focus terms weighted by IDF, each counted 1 when the sentence has
// the word (same light stem, or inside a compound), else by its best word-vector cosine with the sentence's words
// (language/soft-match.ts, the same rule as the retrieval re-ranker). A word that names a source (a party, a year)
// also counts when the sentence's document is that source: "Wil de SP …" is answered by the SP programme's "We
// verlagen de AOW-leeftijd naar 65 jaar", which does not repeat "SP".
import type { Hit } from '../lib/types.ts';
import { termOccurs, wordSets, wordSetsOf, type WordSets } from '../language/content-terms.ts';
import { cosine, meanVector, softMatcher, vectorLookup, type WeightedWord } from '../language/soft-match.ts';
import { loadWordVectors } from '../language/word-vectors.ts';
import { tokenise } from '../language/tokenise.ts';
import { stem } from '../language/stem.ts';
import { DUTCH_STOPWORDS, QUESTION_FRAME_WORDS } from '../language/stopwords.ts';
import type { FocusTerm } from './question.ts';
import { camelHalves } from '../retrieval/names.ts';

let lookup: ((word: string) => Float32Array | null) | null = null;

/** The shipped vectors, loaded on the first soft match (~6 MB, tens of milliseconds). */
function vectorOf(word: string): Float32Array | null {
  lookup ??= vectorLookup(loadWordVectors());
  return lookup(word);
}

export interface SentenceWords {
  sets: WordSets;
  /** Folded words in order (for the definitional patterns). */
  words: string[];
  /** The words as written, lower-cased with their accents (the vectors know "financiële", not "financiele"). */
  surface: string[];
}

export function sentenceWords(text: string): SentenceWords {
  const tokens = tokenise(text);
  const surface = tokens.map((t) => t.word);
  return { sets: wordSetsOf(tokens), words: surface.map((w) => stem(w, 'fold')), surface };
}

/** Words that stand for the hit's document: its passage text, heading, title, organisation, file name and year. */
export function hitContext(hit: Hit): WordSets {
  return wordSets([hit.text, ...hit.headingPath, namesOf(hit.document)].join('\n'));
}

/** The words a document goes by: title, organisation, file name and year, and the names a joint list's name is made
 *  of ("GroenLinksPvdA": GroenLinks, PvdA). */
function namesOf(d: Hit['document']): string {
  const text = [d.title, d.organisation ?? '', d.fileName.replace(/[_;]/g, ' '), d.year ?? ''].join('\n');
  return [text, ...jointNames(text)].join('\n');
}

/** Two names run together, each with capitals of its own ("GroenLinks" + "PvdA"); one capital each ("Christen" +
 *  "Unie") is one name. */
function jointNames(text: string): string[] {
  const twoCapitals = (w: string) => (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
  return [...text.matchAll(/\p{L}+/gu)].flatMap(({ 0: w }) => camelHalves(w).filter((p) => p.every(twoCapitals)).flat());
}

/** Whether a term occurs in a hit's context (hitContext's words), for many sentences of one question: the context is
 *  read in two parts, the document's names (title, organisation, file name, year; once per document) and, only when
 *  they lack the term, the hit's text and headings. Tokenising every hit's text took a fifth of composing an answer
 *  to a question naming a programme, whose names already hold the party and the year. */
export function contextReader(): (hit: Hit, term: string) => boolean {
  const names = new Map<string, WordSets>();
  const texts = new Map<Hit, WordSets>();
  return (hit, term) => {
    let n = names.get(hit.docId);
    if (!n) names.set(hit.docId, (n = wordSets(namesOf(hit.document))));
    if (termOccurs(term, n)) return true;
    let t = texts.get(hit);
    if (!t) texts.set(hit, (t = wordSets([hit.text, ...hit.headingPath].join('\n'))));
    return termOccurs(term, t);
  };
}

/** Weighted share (0..1) of the source-naming focus terms the hit's document agrees with; 1 when none is named. */
export function sourceAgreement(focus: readonly FocusTerm[], occurs: (term: string) => boolean): number {
  const named = focus.filter((f) => f.source);
  const total = named.reduce((s, f) => s + f.weight, 0);
  if (total === 0) return 1;
  return named.filter((f) => termOrParts(f, occurs)).reduce((s, f) => s + f.weight, 0) / total;
}

/** A term occurs, or each of its hyphen parts does: "PvdA-GroenLinks" where the joint list writes "GroenLinks-PvdA". */
export function termOrParts(f: Pick<FocusTerm, 'term' | 'parts'>, occurs: (term: string) => boolean): boolean {
  return occurs(f.term) || (f.parts?.every(occurs) ?? false);
}

export interface Coverage {
  /** Weighted share of the focus covered (0..1). */
  share: number;
  /** Focus terms found as words in the sentence. */
  exact: number;
  /** A focus term that names no source is found, word for word or softly: the sentence says something about what
   *  is asked, not only whose it is. */
  topical: boolean;
}

/** Scores sentences against one question's focus terms; soft matches (off when `minSimilarity` is null) are computed
 *  once per (term, word) for the whole question. */
export class CoverageScorer {
  private readonly total: number;
  private readonly soft: ((words: ReadonlySet<string>) => { similarity: number }[]) | null;

  constructor(private readonly focus: readonly FocusTerm[], minSimilarity: number | null) {
    this.total = focus.reduce((sum, f) => sum + f.weight, 0);
    this.soft = minSimilarity === null ? null : softMatcher(focus.map((f) => ({ word: f.term, weight: f.weight })), vectorOf, minSimilarity);
  }

  /** Coverage of the focus by one sentence; `agrees` says whether its document agrees with a source term. */
  coverage(s: SentenceWords, agrees: (f: FocusTerm) => boolean): Coverage {
    if (this.total === 0) return { share: 0, exact: 0, topical: false };
    let covered = 0;
    let exact = 0;
    let missing = false;
    const found = this.focus.map((f) => {
      if (termOccurs(f.term, s.sets) || f.parts?.every((p) => termOccurs(p, s.sets))) {
        exact++;
        return 1;
      }
      if (f.source && agrees(f)) return 1;
      missing = true;
      return 0;
    });
    const soft = missing && this.soft ? this.soft(s.sets.words) : null;
    let topical = false;
    this.focus.forEach((f, i) => {
      const x = found[i] || (soft?.[i].similarity ?? 0);
      covered += f.weight * x;
      if (!f.source && x > 0) topical = true;
    });
    return { share: covered / this.total, exact, topical };
  }
}

/** How close a sentence's meaning is to the question's topic: the cosine of their IDF-weighted mean word vectors
 *  (language/soft-match.ts meanVector). Function words, numbers and the words naming a source ("SGP", "1956") are
 *  left out on both sides: the topic is what is asked about the source. */
export class MeaningScorer {
  private readonly topic: Float32Array | null;
  /** Each word's IDF, read once per question: the candidates repeat their words, and a read looks the term up in the
   *  archive's term table (a twenty-fifth of composing an answer on programmas-nl). */
  private readonly weights = new Map<string, number>();

  constructor(
    question: string,
    private readonly idf: (term: string) => number,
    private readonly skip: ReadonlySet<string>,
  ) {
    this.topic = meanVector(this.weighted(sentenceWords(question)), vectorOf);
  }

  similarity(s: SentenceWords): number {
    return this.topic ? cosine(this.topic, meanVector(this.weighted(s), vectorOf)) : 0;
  }

  private weighted(s: SentenceWords): WeightedWord[] {
    const out: WeightedWord[] = [];
    s.surface.forEach((word, i) => {
      const term = s.words[i];
      if (DUTCH_STOPWORDS.has(term) || QUESTION_FRAME_WORDS.has(term) || this.skip.has(term) || /^\d+$/.test(term)) return;
      let weight = this.weights.get(term);
      if (weight === undefined) this.weights.set(term, (weight = this.idf(term)));
      out.push({ word, weight });
    });
    return out;
  }
}
