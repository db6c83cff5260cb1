// Chooses how composed() builds a vector for an unknown compound: on compounds that ARE in the vocabulary,
// compose a vector from their parts and see how close it comes to the word's real vector. Usage:
//   node bin/run-ts.js tools/word-vectors/measure-compounds.ts [--file <q8.bin>] [--ranks]
// Parts come from the index's compound splitter, scored by the shared lexicon when present (as in production),
// else (or with --ranks) by the vectors' own frequency ranks.
import { parseArgs } from 'node:util';
import { CompoundSplitter, type WordScore } from '../../language/compounds.ts';
import { loadLexicon } from '../../language/lexicon.ts';
import { wordScore } from '../../language/vocabulary.ts';
import { lexiconDir } from '../../lib/config.ts';
import { compositionWeights, DEFAULT_VECTORS_PATH, loadWordVectors, weightedUnitSum, type WordVectors } from '../../language/word-vectors.ts';

type PartList = 'as split' | 'top-level' | 'leaves';
type Weighting = { name: string; weights: (parts: string[]) => number[] };

const headWeighted = (h: number) => (parts: string[]) => parts.map((_, i) => (i === parts.length - 1 ? h : 1));
const WEIGHTINGS: Weighting[] = [
  ...[1, 1.5, 2, 3].map((h) => ({ name: h === 1 ? 'equal' : `head x${h}`, weights: headWeighted(h) })),
  { name: 'head only', weights: headWeighted(1e-9) },
  // fastText builds a word's vector from its character n-grams, so a longer part contributes more of them.
  { name: 'by length', weights: (parts) => parts.map((p) => p.length) },
];

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/** The three ways a caller might pass a split compound, head last in each. */
function partLists(word: string, parts: string[], splitter: CompoundSplitter): Record<PartList, string[]> {
  // The splitter lists [modifier, …its parts, head, …its parts]; the top-level head is the longest part the
  // word ends with.
  const head = parts.filter((p) => word.endsWith(p)).sort((a, b) => b.length - a.length)[0]!;
  const leaves = parts.filter((p) => splitter.split(p).length === 0);
  return { 'as split': parts, 'top-level': [parts[0]!, head], leaves };
}

function compoundSample(vectors: WordVectors, words: string[], splitter: CompoundSplitter) {
  const sample: Array<{ word: string; lists: Record<PartList, string[]> }> = [];
  // Every 10th word from rank 2,000 on: compounds are mostly mid-frequency words.
  for (let i = 2000; i < words.length; i += 10) {
    const word = words[i]!;
    const parts = splitter.split(word);
    if (parts.length === 0) continue;
    const lists = partLists(word, parts, splitter);
    // Only compounds whose parts all have vectors, so every variant is scored on the same words.
    // Parts of 4+ letters: the splitter's 3-letter heads are mostly inflections read as words (plan+ten,
    // functionaris+sen), which would reward weighting the modifier.
    const usable = (l: string[]) => l.length >= 2 && l.every((p) => p.length >= 4 && vectors.has(p));
    if (Object.values(lists).every(usable)) sample.push({ word, lists });
  }
  return sample;
}

function scoreFromRanks(words: string[]): WordScore {
  const rank = new Map(words.map((w, i) => [w, i]));
  // Zipf-like: 7 for the most frequent word, falling by 1 per factor of 10 in rank.
  return (w) => (rank.has(w) ? 7 - Math.log10(rank.get(w)! + 1) : undefined);
}

function main(): void {
  const { values } = parseArgs({
    options: { file: { type: 'string', default: DEFAULT_VECTORS_PATH }, ranks: { type: 'boolean', default: false } },
  });
  const vectors = loadWordVectors(values.file);
  const words = vectors.words as string[];
  const lex = values.ranks ? null : lexiconDir();
  const splitter = new CompoundSplitter(lex ? wordScore(loadLexicon(lex), null) : scoreFromRanks(words));
  const sample = compoundSample(vectors, words, splitter);
  console.log(`${sample.length} in-vocabulary compounds (splitter scored by ${lex ? 'the lexicon' : 'vector ranks'})`);
  console.log('examples:', sample.slice(0, 8).map((s) => `${s.word} = ${s.lists['as split'].join('+')}`).join('; '));
  const closeness = (compose: (word: string, parts: string[]) => Float32Array | null, list: PartList) => {
    let sum = 0;
    for (const s of sample) sum += dot(compose(s.word, s.lists[list]) ?? new Float32Array(vectors.dim), vectors.vector(s.word)!);
    return (sum / sample.length).toFixed(3);
  };
  const vectorsOf = (parts: string[]) => parts.map((p) => vectors.vector(p)!);
  for (const list of ['as split', 'top-level', 'leaves'] as PartList[]) {
    const cells = WEIGHTINGS.map(({ name, weights }) => `${name} ${closeness((_, p) => weightedUnitSum(vectorsOf(p), weights(p)), list)}`);
    console.log(`${list.padEnd(9)}: ${cells.join(' | ')}`);
  }
  const shipped = (word: string, parts: string[]) => {
    const chosen = compositionWeights(word, parts);
    return weightedUnitSum(vectorsOf(chosen.map((c) => c.part)), chosen.map((c) => c.weight));
  };
  console.log(`composed() (longest non-overlapping parts, by length) on the splitter's output: ${closeness(shipped, 'as split')}`);
}

main();
