// The optional Dutch lexicon folder (LEXICON_DIR: Open Dutch WordNet synonyms, word frequencies, OpenTaal word list),
// loaded lazily into compact maps.
// Only derived in-memory forms are kept; nothing is written back to disk.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from '@msgpack/msgpack';

/** A synonym with the confidence of its source (README of the lexicon: ODWN/Wiktionary ~1.0,
 *  OmegaWiki-only 0.6, Google-translate-only 0.2). */
export interface Synonym {
  lemma: string;
  confidence: number;
}

export interface Lexicon {
  readonly dir: string;
  /** Word -> Zipf frequency (wordfreq, log10 of frequency per billion words), or undefined. */
  zipf(word: string): number | undefined;
  /** Whether OpenTaal lists the word as an approved base word. */
  isBaseWord(word: string): boolean;
  /** Single-word synonyms of a word (other lemmas of its synsets), best confidence per lemma. */
  synonyms(word: string): Synonym[];
}

const loaded = new Map<string, Lexicon>();

/** The lexicon in `dir`, loaded on first use and cached for the process. */
export function loadLexicon(dir: string): Lexicon {
  let lex = loaded.get(dir);
  if (!lex) {
    lex = new FolderLexicon(dir);
    loaded.set(dir, lex);
  }
  return lex;
}

class FolderLexicon implements Lexicon {
  private freq?: Map<string, number>;
  private base?: Set<string>;
  private synsetsOf?: Map<string, string[]>;
  private lemmasOf?: Map<string, { lemma: string; confidence: number }[]>;

  constructor(readonly dir: string) {}

  zipf(word: string): number | undefined {
    this.freq ??= readWordfreq(join(this.dir, 'freq/wordfreq-large_nl.msgpack.gz'));
    return this.freq.get(word);
  }

  isBaseWord(word: string): boolean {
    this.base ??= readLines(join(this.dir, 'opentaal/basiswoorden-gekeurd.txt'));
    return this.base.has(word);
  }

  synonyms(word: string): Synonym[] {
    if (!this.synsetsOf || !this.lemmasOf) this.readSynsets();
    const best = new Map<string, number>();
    for (const synset of this.synsetsOf!.get(word) ?? []) {
      for (const { lemma, confidence } of this.lemmasOf!.get(synset) ?? []) {
        if (lemma !== word && confidence > (best.get(lemma) ?? 0)) best.set(lemma, confidence);
      }
    }
    return [...best].map(([lemma, confidence]) => ({ lemma, confidence }));
  }

  private readSynsets(): void {
    this.synsetsOf = new Map();
    this.lemmasOf = new Map();
    const path = join(this.dir, 'merged/nl-synsets.tsv');
    if (!existsSync(path)) return;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [synset, lemma, sources] = line.split('\t');
      // Multi-word lemmas ("het wezen") cannot be matched as one index term.
      if (!sources || lemma.includes(' ')) continue;
      const confidence = sourceConfidence(sources);
      const lower = lemma.toLowerCase();
      push(this.synsetsOf, lower, synset);
      push(this.lemmasOf, synset, { lemma: lower, confidence });
    }
  }
}

function sourceConfidence(sources: string): number {
  const tags = sources.split(',');
  if (tags.some((t) => t === 'odwn' || t === 'wikt' || t === 'odwn-wiktionary' || t === 'cldr')) return 1;
  if (tags.includes('odwn-omegawiki')) return 0.6;
  return 0.2;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** wordfreq's "cB" msgpack: [header, bucket0, bucket1, ...], bucket i holds words of frequency 10^(-i/100). */
function readWordfreq(path: string): Map<string, number> {
  const map = new Map<string, number>();
  if (!existsSync(path)) return map;
  const data = decode(gunzipSync(readFileSync(path))) as unknown[];
  for (let i = 1; i < data.length; i++) {
    const zipf = 9 - (i - 1) / 100;
    for (const w of data[i] as string[]) map.set(w, zipf);
  }
  return map;
}

function readLines(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.includes(' ')).map((l) => l.toLowerCase()));
}
