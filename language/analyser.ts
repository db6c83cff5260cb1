// The Dutch analyser: tokens -> stop words out -> stems, plus compound parts; for queries also weighted
// synonyms. The same rules serve passages and queries, so a query word meets its passage word.
import { lexiconDir as defaultLexiconDir, lexicalDefaults } from '../lib/config.ts';
import { tokenise } from './tokenise.ts';
import { DUTCH_STOPWORDS } from './stopwords.ts';
import { stem, type StemMode } from './stem.ts';
import { CompoundSplitter } from './compounds.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import { wordScore } from './vocabulary.ts';
import { gluedContentWords } from './spaces.ts';

/** A query term with the weight it carries in scoring (typed words 1.0, expansions less). */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Why the term is in the query: typed by the user, a part of a typed compound, a synonym. */
  source: 'query' | 'compound' | 'synonym';
}

/** Dutch text analysis: the same function must be used for passages and queries. */
export interface Analyser {
  /** Identifies the rules; stored with analysed terms so a change of rules triggers re-analysis. */
  readonly version: string;
  /** Index terms of a text (may repeat: term frequency matters). */
  passageTerms(text: string): string[];
  /** Weighted query terms, including expansions (compound parts, synonyms). */
  queryTerms(query: string): WeightedTerm[];
}

/** The rules an analyser applies; defaults (lib/config.ts, lexical section) were chosen by measurement. */
export interface AnalyserRules {
  /** Where stop words are dropped: from passages and queries, from queries only, or nowhere. */
  stopwords: 'both' | 'query' | 'none';
  /** 'snowball': Snowball Dutch (which also folds diacritics); 'fold': diacritics folded only; 'none'. */
  stemming: Exclude<StemMode, 'light'>;
  compounds: boolean;
  /** Query weight of a compound part of a query word. */
  compoundWeight: number;
  /** Query weight of a synonym at full source confidence; 0 turns synonyms off. */
  synonymWeight: number;
  /** Passages also get the words of a glued run ("deverantwoording": "verantwoording"; language/spaces.ts). */
  glued: boolean;
}

export interface AnalyserOptions {
  /** Lexicon folder; undefined: lib/config's lexiconDir(); null: none. */
  lexiconDir?: string | null;
  /** The archive's own words with their counts (see countWords), or a plain list of words (count 2 each).
   *  A snapshot taken at start-up: passages analysed later use it, and terms stored earlier stay valid
   *  because the lexicon, not the archive, does most of the splitting (see `version`). */
  vocabulary?: ReadonlyMap<string, number> | Iterable<string>;
  rules?: Partial<AnalyserRules>;
}

// Bump when tokenisation, stop words, stemming or splitting change: stored terms must then be re-analysed.
const RULES_REVISION = 1;
/** Bump when the glued-run rules (language/spaces.ts) or the word list they read change. */
const GLUED_REVISION = 3;

export function createAnalyser(opts: AnalyserOptions = {}): Analyser {
  const rules: AnalyserRules = { ...lexicalDefaults.analyser, ...opts.rules };
  const dir = opts.lexiconDir === undefined ? defaultLexiconDir() : opts.lexiconDir;
  const lexicon = dir ? loadLexicon(dir) : null;
  const splitter = rules.compounds ? new CompoundSplitter(wordScore(lexicon, toCounts(opts.vocabulary))) : null;
  const version = [
    `nl${RULES_REVISION}`,
    `sw${rules.stopwords}`,
    rules.stemming,
    splitter ? 'cmp' : 'nocmp',
    lexicon ? 'lex' : 'nolex',
    ...(rules.glued ? [`glue${GLUED_REVISION}`] : []),
  ].join('-');
  return new DutchAnalyser(rules, lexicon, splitter, version);
}

class DutchAnalyser implements Analyser {
  constructor(
    private readonly rules: AnalyserRules,
    private readonly lexicon: Lexicon | null,
    private readonly splitter: CompoundSplitter | null,
    readonly version: string,
  ) {}

  passageTerms(text: string): string[] {
    const out: string[] = [];
    for (const tok of tokenise(text)) {
      const term = this.term(tok.word, this.rules.stopwords === 'both');
      if (term) out.push(term);
      for (const part of this.partsOf(tok.word, tok.parts, this.rules.stopwords === 'both')) out.push(part);
      // A run whose spaces the text layer lost ("deverantwoording") is also indexed by its content words: beside the
      // run's own term, like a compound's parts, so a rare word that only looks glued is still found as typed. A
      // hyphenated word has its parts already.
      if (this.rules.glued && !tok.parts) for (const w of gluedContentWords(tok.word)) out.push(stem(w, this.rules.stemming));
    }
    return out;
  }

  queryTerms(query: string): WeightedTerm[] {
    const terms = new Map<string, WeightedTerm>();
    const add = (term: string, weight: number, source: WeightedTerm['source']): void => {
      const prev = terms.get(term);
      if (!prev || prev.weight < weight) terms.set(term, { term, weight, source });
    };
    const tokens = tokenise(query);
    // A query of stop words only ("wie zijn wij") still searches for them.
    const dropStops = this.rules.stopwords !== 'none' && tokens.some((t) => !DUTCH_STOPWORDS.has(t.word));
    for (const tok of tokens) {
      const term = this.term(tok.word, dropStops);
      if (term) add(term, 1, 'query');
      for (const part of this.partsOf(tok.word, tok.parts, dropStops)) add(part, this.rules.compoundWeight, 'compound');
      if (this.lexicon && this.rules.synonymWeight > 0 && term) {
        for (const s of this.lexicon.synonyms(tok.word)) {
          const t = this.term(s.lemma, dropStops);
          if (t) add(t, this.rules.synonymWeight * s.confidence, 'synonym');
        }
      }
    }
    return [...terms.values()];
  }

  /** The index term of a word, or null for a stop word. */
  private term(word: string, dropStops: boolean): string | null {
    if (dropStops && DUTCH_STOPWORDS.has(word)) return null;
    return stem(word, this.rules.stemming);
  }

  /** Index terms of the parts of a hyphenated word and of a compound. */
  private partsOf(word: string, hyphenParts: string[] | undefined, dropStops: boolean): string[] {
    const words = hyphenParts ? [...hyphenParts] : [];
    if (this.splitter) {
      for (const w of hyphenParts ?? [word]) words.push(...this.splitter.split(w));
    }
    const out: string[] = [];
    for (const w of words) {
      const t = this.term(w, dropStops);
      if (t) out.push(t);
    }
    return out;
  }
}

function toCounts(vocabulary: AnalyserOptions['vocabulary']): ReadonlyMap<string, number> | null {
  if (!vocabulary) return null;
  if (vocabulary instanceof Map) return vocabulary;
  const counts = new Map<string, number>();
  for (const w of vocabulary as Iterable<string>) counts.set(w, 2);
  return counts;
}
