// Every tunable default in one place, each with the measurement that chose it (see EVAL.md / BENCHMARKS.md).
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { SearchMode } from './types.ts';

/** Where the store and index live: --data, else RAADSARCHIEF_DATA, else ./data. */
export function dataDir(flag?: string): string {
  return resolve(flag ?? process.env.RAADSARCHIEF_DATA ?? 'data');
}

/** The optional Dutch lexicon folder (Open Dutch WordNet synonyms, word frequencies, OpenTaal word list), from
 *  LEXICON_DIR; null when unset or absent. Never the team's shared folder: what a fresh clone measures a user gets. */
export function lexiconDir(): string | null {
  const dir = process.env.LEXICON_DIR;
  return dir && existsSync(dir) ? resolve(dir) : null;
}

// ---- ingest -------------------------------------------------------------------------------------
export const ingestDefaults = {
  maxFileBytes: 200 * 1024 * 1024, // larger files are refused before parsing
  parseTimeoutMs: 60_000, // a PDF parse that takes longer is abandoned (pdf.js can spin on hostile files)
  /** A line that repeats (digits ignored) on at least this share of pages, and on >= 3 pages, is a running header/footer. */
  runningLineMinShare: 0.4,
  /** A running head glued to the text (ingest/furniture.ts) opens at least this many lines, with at least this many
   *  characters (also the least of a head around a page number and a bar). Measured over every file of programmas-nl,
   *  pdf-nl, text-nl and the corpus: it changes 33 programmes (GroenLinks-PvdA 2023: 103 lines, CDA 2012: 41, the
   *  fewest: BBB 2023, 9) and nothing else; 15 characters keep short repeated openings ("Daarom wil Groen Links:") out. */
  inlineHeadMinLines: 8, inlineHeadMinChars: 15,
  /** A running head after its page number in a flattened text ("… een huis te 7 Verkiezingsprogramma 2021 -2025 - …")
   *  recurs once a page: the text advances at least this many characters per page number (median). Over programmas-nl
   *  heads advance 1,388-5,833 per number, a numbered list's formula ("12 Nederland zet zich in …", BIJ1 2021) 205,
   *  footnotes citing a chapter (Partij voor Mens en Spirit 2012) 967-1,680, three of whose four are dropped too. It
   *  changes 17 programmes and no other file of programmas-nl, pdf-nl, text-nl or the corpus. */
  numberedHeadMinPageChars: 1000,
  /** A head left in a flattened text's sentences (repeated-heads.ts) has at least this many words: 3 changes
   *  27 programmes, no other file of programmas-nl, pdf-nl, text-nl or the corpus (4: 17, not "Tijd voor herstel"). */
  repeatedHeadMinWords: 3,
  /** PDF parser threads, and files prepared at once while earlier ones are committed: the target machine's 2 cores;
   *  how far preparation may run ahead of the commits (bounds the memory of prepared documents waiting). */
  pdfWorkers: 2, prepareConcurrency: 2, prepareAhead: 4,
  /** Container formats (Word, OpenDocument): a 30-page policy document inflates to a few MB of XML; 200 MB and
   *  10,000 entries leave room for huge reports while stopping zip bombs before they exhaust memory. */
  container: { maxInflatedBytes: 200 * 1024 * 1024, maxEntries: 10_000 },
  pdfWorkerHeapMb: 1024, // JS heap ceiling of one PDF worker (resourceLimits); a blow-up is reported as a malformed PDF
  /** Process memory growth (RSS) during a parse beyond which the longest-running parse is stopped: pdf.js
   *  decodes streams into ArrayBuffers that the heap limit does not see (pdfjs_bomb_giant.pdf grew 60 MB/s). */
  pdfParseRssGrowthMb: 1536,
};

// ---- archive ------------------------------------------------------------------------------------
export const archiveDefaults = {
  /** A serving archive looks for other processes' commits this often (PRAGMA data_version, no table read), so what
   *  the CLI adds is searchable within about a second; the issue asks for two. */
  freshnessPollMs: 1000,
  /** A serving archive saves its lexical index once uploads and deletes have paused this long (~1 s of work at 68,671
   *  passages, so not after each), sparing the next open a rebuild from the store (~9 s there). */
  lexicalSaveQuietMs: 10_000,
  /** Stored passages are analysed again once the archive's word count has doubled since (archive/indexes.ts
   *  termsDrifted): the work stays within twice the archive's; EVAL.md (twenty-second session) has its effect. */
  reanalyseGrowth: 2,
};

// ---- OCR (ingest/ocr.ts) ----------------------------------------------------------------------------
export const ocrDefaults = {
  /** Pages of a PDF without a text layer are read by Tesseract when it is installed; RAADSARCHIEF_OCR=off turns it off. */
  enabled: process.env.RAADSARCHIEF_OCR !== 'off',
  /** 200 dpi reads body text well at ~2.5 s of CPU per A4 page (0.4 pages/s on one core, 0.55 on two, measured on
   *  ../shared/external/pdf-odd/scanned_image_only_nl_2p.pdf with mean word confidence 0.93). */
  dpi: 200,
  /** Per child process (render, recognise): a page that takes longer is given up, the others go on. */
  timeoutMs: 60_000,
  /** Address space per child process; the Dutch model needs ~250 MB at 200 dpi. */
  memoryMb: 1024,
  /** Pages in flight at once; Tesseract runs single-threaded (OMP_THREAD_LIMIT=1), so one core each. */
  concurrency: 2,
};

// ---- passages -----------------------------------------------------------------------------------
export const passageDefaults = {
  /** Hard ceiling: citation-sized; the target size was chosen by the chunk-size sweep in EVAL.md. */
  maxChars: 1500, targetChars: 800,
  /** Overlap carried from the end of one passage into the next (whole sentences). */
  overlapChars: 150,
};

// ---- lexical ------------------------------------------------------------------------------------
export const lexicalDefaults = {
  // BM25+ with a coordination factor; k1/b from a 3x3 sweep on the dev set and LegalQA-NL (k1 0.9, b 0.5
  // best or tied on both: LegalQA nDCG@10 0.776 vs 0.766 at 1.2/0.75). delta 0.5 and coordination 1 lifted
  // LegalQA nDCG@10 from 0.715 to 0.754 over plain BM25 (dev MRR@10 0.685 -> 0.689, R@5 one question lower).
  k1: 0.9, b: 0.5,
  delta: 0.5, coordination: 1,
  /** Analyser rules (language/analyser.ts), each kept only if it helped on both the dev set and LegalQA-NL. */
  analyser: {
    // Dropping stop words (passages or queries) lowered dev R@5 and LegalQA nDCG@10: BM25's IDF handles them.
    stopwords: 'none' as 'both' | 'query' | 'none',
    // Folding is neutral on both sets and matches "coordinatie" to "coördinatie"; Snowball stemming helped
    // LegalQA (+0.008 nDCG@10) but lowered dev R@10 and MRR@10, so it is not on.
    stemming: 'fold' as 'snowball' | 'fold' | 'none',
    // Compound parts: dev MRR@10 +0.02, R@10 +0.035; LegalQA nDCG@10 +0.012 (with the lexicon).
    compounds: true,
    compoundWeight: 0.5,
    // Synonyms (0.1-0.5) helped dev recall but not LegalQA nDCG/MRR: off, available to callers.
    synonymWeight: 0,
    // Glued runs' words (the answer reads them too): glued-programmas-nl R@5 .542 -> .583 as ingested (.646 re-analysed),
    // carries .125 -> .167; the 26 other sets' answers identical, retrieval bar two MRR steps. EVAL.md (21st session).
    glued: true,
  },
  /** Compound splitting (language/compounds.ts): words shorter than minWordLength are never split; a modifier of
   *  4+ letters keeps "ver", "wet", "bij" from splitting "verzoek", "wethouder"; a 3-letter head admits "gemeentewet". */
  compounds: { minWordLength: 7, minModifierLength: 4, minHeadLength: 3 },
  /** Known words for compound parts (language/vocabulary.ts): wordfreq words below Zipf 3 are too rare (names, typos,
   *  English) to be parts; archive words seen once are not trusted. */
  vocabulary: { minZipf: 3, minArchiveCount: 2 },
};

// ---- embedders -----------------------------------------------------------------------------------
export const embedderDefaults = {
  /** `raadsarchief fetch-model`: the smallest multilingual E5 export for transformers.js (int8 ONNX ~118 MB); not
   *  measured here (no hub on the build machines), chosen as the model index/embedders/e5.ts was written for. */
  e5: { model: 'Xenova/multilingual-e5-small', hub: 'https://huggingface.co' },
  builtin: {
    /** Vector length 256; fit on a seeded sample of at most 20k passages and the 30k most frequent words (bounds fit
     *  time and state size); the seed makes the same archive give the same vectors. Dimension 384 was no better. */
    fit: { dimension: 256, seed: 42, maxFitPassages: 20_000, maxVocabulary: 30_000 },
    /** The first ingest into an empty archive fits once a quarter of its files (and at least 2,000 passages) are
     *  prepared, then commits the rest as it comes: a kill mid-batch keeps the documents committed so far. */
    firstFit: { fitMinPassages: 2000, fitFileShare: 0.25 },
    // Measured with the analyser's tokens (dev set of 131 LangChain 1000/200 chunks; LegalQA-NL, 6,708 chunks,
    // document nDCG@10), retrofitting on: identity 0.5 + partWeight 0.5 raised dense-alone LegalQA nDCG@10 from
    // 0.417 to 0.528 and dev MRR@10 from 0.574 to 0.644; fused (convex, dense 0.2) LegalQA 0.711 -> 0.717, dev
    // within one question. Window 2, eigenPower 0 and sifA 1e-4 were no better on either set.
    tuning: { window: 5, contextAlpha: 0.75, eigenPower: 0.5, sifA: 1e-3, partWeight: 0.5, identity: 0.5 },
  },
  /** Retrofitting to lexicon synonyms (index/embedders/retrofit.ts): synonym edges at full weight, no other relations,
   *  synsets of more than 12 lemmas skipped (mostly polysemy noise); 10 iterations; lexicon words linked to at least one
   *  archive word are added. */
  retrofit: {
    synonymWeight: 1,
    relationWeight: 0,
    relations: new Set(['similar_to', 'derivation', 'pertainym', 'also_see']) as ReadonlySet<string>,
    maxSynsetSize: 12, selfWeight: 1, iterations: 10, addMinLinks: 1,
  },
};

// ---- dense --------------------------------------------------------------------------------------
// bench/hnsw.ts, 100k clustered unit vectors, dim 256, recall@10 vs exact: M 16 / efC 200 builds in 48 s;
// efSearch 64 -> 0.976, 128 -> 0.9975 (2,900 q/s), 256 -> 0.9995. M 24 reaches 0.9995 at 128 but builds
// 25% slower with more memory. Searches asking k > efSearch use k (hnswlib takes max(ef, k)).
export const hnswDefaults = {
  M: 16,
  /** 400: recall@10 0.984 -> 0.991 (100k bench, ef 1,024) at 1.7x build time; hybrid reads no HNSW (BENCHMARKS.md). */
  efConstruction: 200,
  efSearch: 128,
  /** Beyond 10k vectors efSearch grows with the index up to this cap (index/vector-index.ts scaledEf): real archive
   *  vectors are harder than synthetic ones (recall@10 at ef 128: 0.990 at 10k, 0.938 at 93k; ef 256: 0.968). */
  maxEfSearch: 1024,
  initialCapacity: 1024,
};

// ---- ranking ------------------------------------------------------------------------------------
export const rankingDefaults = {
  mode: 'hybrid' as const,
  k: 10,
  maxK: 100,
  /** Candidates taken from each retriever before fusion (and so what the re-rankers see: up to 100 per list). 200 moved
   *  pdf-nl and programmas-nl R@5 up one question and LegalQA down half of one (EVAL.md "Ablation"), at up to twice
   *  the re-ranking cost: 100 stays. */
  candidates: 100,
  /** At most this many hits of one document before others get a turn (0 = no limit). */
  maxPerDocument: 0,
  /** The retrieval signals (retrieval/signals.ts) each mode fuses. Hybrid: BM25, the documents the question names,
   *  and the semantic re-ranking of what those two found (tools/retrieval/ablation.ts, EVAL.md "Retrieval
   *  ablation"). The built-in embedder's dense list is left out of hybrid: beside the others it lowered dev R@5
   *  0.879 -> 0.845, LegalQA 0.826 -> 0.795 and pdf-nl MRR@10 0.535 -> 0.519; programmas-nl level. */
  modes: { lexical: ['lexical'], dense: ['dense'], hybrid: ['lexical', 'source', 'semantic'] } as Record<SearchMode, readonly string[]>,
  /** Hybrid with a pretrained embedder (EMBEDDER=e5, `raadsarchief fetch-model`): its HNSW list adds candidates and
   *  it re-ranks every candidate by cosine ("encoder"), at the weight measured for the built-in dense list (0.2); a
   *  pretrained model could not be measured on these machines. */
  pretrainedHybrid: ['lexical', 'dense', 'source', 'semantic', 'encoder'] as readonly string[],
  /** Convex fusion of min-max normalised lists. lexical 0.15 / semantic 0.85 (38th session, against 0.3 / 0.7): 65 sets
   *  and LegalQA R@5 / MRR@10 0.731 / 0.608 -> 0.738 / 0.617, up on all five fresh sets (rounds 28, 29); answers .489 /
   *  86.9 % / .458 -> .495 / 86.8 % / .459, but on rounds 28-29 alone carries .456 -> .433. The older corpus sets' retrieval
   *  falls (0.844 / 0.670 -> 0.828 / 0.659); 0.05 and 0 lower it more. source 0.3 on top: programmas-nl R@5 0.213 ->
   *  0.298. dense 0: in hybrid its list only adds candidates, which the encoder scores (`--mode dense` keeps its scores). */
  fusion: { method: 'convex' as 'rrf' | 'convex', rrfK: 60, weights: { lexical: 0.15, semantic: 0.85, source: 0.3, dense: 0, encoder: 0.2 } as Record<string, number> },
  /** Queries longer than this are cut before analysis, and at most maxQueryTerms weighted terms are kept:
   *  a 10,000-character query still answers in bounded time. */
  maxQueryChars: 2000,
  maxQueryTerms: 64,
};

// ---- semantic re-ranking ------------------------------------------------------------------------
/** The semantic signal (retrieval/semantic.ts): soft coverage of the question's content words by each candidate. */
export const semanticDefaults = {
  /** Random word pairs average ~0.25 cosine in the shipped vectors, above ~0.6 is a real relation. 0.35 and 0.55
   *  moved single questions either way (R@5 dev 0.845 / 0.810, pdf-nl 0.707 / 0.683, LegalQA 0.826 / 0.816,
   *  programmas-nl 0.319 / 0.340, against 0.879, 0.683, 0.826, 0.298); 1.01 (exact words only) lost the gain on
   *  every set (pdf-nl 0.585). EVAL.md "Ablation". */
  minSimilarity: 0.45,
  /** IDF-weighted question words; equal weights: dev R@5 0.879 -> 0.810, LegalQA 0.826 -> 0.816, pdf-nl 0.683 ->
   *  0.707 with MRR@10 0.535 -> 0.524, programmas-nl level. (Tried and dropped: the other direction, how much of the
   *  passage the question covers, mixed in at 0.2 and 0.5: no set gained, LegalQA MRR@10 fell 0.834 -> 0.815 / 0.735;
   *  passage-length normalisation, score x (mean length / length)^0.1 or ^0.25 in distinct terms: pdf-nl R@5 0.659 /
   *  0.634, LegalQA 0.813 / 0.793, dev 0.879 / 0.810, programmas-nl 0.277 / 0.319.) */
  idfWeights: true,
};

/** The source signal (retrieval/source.ts): documents the question names by their metadata. */
export const sourceDefaults = {
  useTitle: false, // title words as names: PDF titles are often a running head or contents line; no set gained
  /** A word on > 10% of the documents (and > 2) names none ("programma"); "PvdA" on 2 of 5 dev documents names both. */
  maxDocShare: 0.1,
  /** With "volgens …"'s words the named documents' title pages win: 14 sets, R@5 mean 0.485 without, 0.460 with. */
  searchAttribution: false,
};

// ---- answers ------------------------------------------------------------------------------------
// The extractive answer (answer/extractive.ts). Every piece can be switched off (`features`) for the ablation in
// EVAL.md ("Answers"); each is kept because it helped on at least one of dev, pdf-nl and programmas-nl and hurt on
// none. Figures below are "carries without abstention", dev / pdf-nl / programmas-nl (EVAL.md has the definitions).
export const answerDefaults = {
  /** The answer strategy (answer/ask.ts STRATEGIES). */
  strategy: 'extractive',
  /** Quotes an answer shows (adjacent sentences are one; the abstention reads this many). 4: .516 vs .493, 793 chars vs 681 (early
   *  sessions). A list question, or one naming several sources, shows maxSentencesWide: 68 sets .511 -> .514, 8 up, none down, 711 chars vs 688. */
  maxSentences: 3, maxSentencesWide: 4,
  /** Hits whose sentences may be quoted (ask searches at least this many; the caller still gets its k). 22 sets pooled,
   *  carries/answered/F1: 20 .404/.831/.462, 30 .406/.831/.462, 40 .411/.834/.470 at +5 ms ask p50 (EVAL.md, 17th). */
  sentenceHits: 20,
  /** Top hits the idfMass and agreement signals look at. */
  evidenceHits: 3,
  /** Hits returned as "closest" when the answer abstains. */
  closestHits: 3,
  minRelativeSentenceScore: 0.5, // under this share of the best adds nothing; 0.35: F1 .441->.436, 0.65: 4 sets down
  /** Bonus for the hit's rank: rankWeight / rank. 55 sets (35th session): 0.1 .478 / 0.4 .468 carries against .482. */
  rankWeight: 0.2,
  /** features.meaning: closeness in meaning (answer/coverage.ts MeaningScorer) x this. On since the 26th session: 35 sets
   *  .393/.834/.473 -> .410/.836/.475, 16 questions carry more and 5 less; LegalQA .680 -> .690 (EVAL.md 26th). */
  meaningWeight: 0.2,
  /** Fragments with fewer distinct words, or fewer words of 4+ letters beyond the question's, are never quoted: a
   *  heading repeating the question answers nothing. Neutral (3 and 0 give the same carries and F1 on all three sets). */
  minSentenceWords: 5,
  minNewWords: 2,
  /** A sentence sharing this share of its distinct words with a chosen one (the shorter's) repeats it and is skipped: 28
   *  sets, answers quoting one sentence twice 17 -> 1 of 747, programmas-nl carries .638 -> .660, no set lower (23rd). */
  repeatShare: 0.8,
  maxSentenceChars: 400, // longer sentences are quoted less readily (x0.7; kept from before)
  /** A sentence holding what the question type asks for (a number for "hoeveel", …) scores this much more: without
   *  cues 0.655 / 0.415 / 0.489 against 0.707 / 0.439 / 0.489; a bonus of 0.5 changed nothing. The cue read over the
   *  quote as shown (context included): 18 sets carries .397 -> .402, up on two, down on none (fifteenth session). */
  cueBonus: 0.25,
  /** A sentence from another document than the source the question names scores this share (without: .655/.439/.277). */
  otherSourceFactor: 0.3, // 55 sets (35th): 0.5 -> 0.3 F1 .441 -> .447 (2 refused), carries equal; 0.15 alike
  /** A sentence holding no topic word (exact or soft), only the named source's, scores this share (EVAL.md 29th). */
  sourceOnlyFactor: 0.5, // 43 sets .431/.842/.466 -> .449/.869/.468; 0.25 and 0.75 alike; skipping them: F1 .440
  /** Soft matching of focus terms with the shipped word vectors: the cosine a pair must reach. At 0.45 soft matches
   *  of loosely related words outscored the answer (carries without abstention, dev / pdf-nl / programmas-nl: 0.45
   *  0.672 / 0.402 / 0.383, 0.6 0.707 / 0.402 / 0.447, 0.7 0.707 / 0.415 / 0.447, off 0.690 / 0.402 / 0.426). 0.6
   *  served until the fourth session, whose eight-set ablation showed soft matching losing on fresh questions; on the
   *  five seen sets pooled (dev, pdf-nl, programmas-nl, round 1 held-out) 0.7 raises abstention F1 0.532 -> 0.583,
   *  answered 0.816 -> 0.864 and carries 0.476 -> 0.483 at the same threshold (per set: EVAL.md "Latest figures
   *  (fourth session)"); 0.8 lowers carries on four of the five. */
  softMinSimilarity: 0.7,
  /** Context rules (answer/candidates.ts widen). A successor pointing back: 18 sets carries .383 -> .393 (15th). A
   *  sentence under shortSentenceWords brings a neighbour: 39 sets .402 -> .416, none down; 8 .408, 16 3 sets down (28th). */
  context: { maxListItems: 8, maxQuoteChars: 900, shortSentenceWords: 12 },
  /** The abstention decision (answer/evidence.ts): the best sentence must hold a topic word of the question as typed,
   *  and the mean of its signals must reach the threshold. On the rounds measured while unseen (28–32, 198 answerable)
   *  0.30 gives .475/.939/.408 against .462/.894/.374 at 0.40, and no fresh set is lower on any measure (0.25, chosen
   *  on 28–31, lost F1 on round 32); the seen sets' peak stays at 0.40 (F1 .461 -> .444), fitted by the rules tuned on
   *  them (EVAL.md, fortieth). Signals (19fbabf): topicExact and names, F1 0.491; with topic and agreement 0.421; the
   *  issue's four (sentence, idfMass, lexical, agreement) 0.37 or less. Agreement between retrievers separates nothing
   *  (AUC 0.50): hybrid re-ranks the lexical candidates. 0.53 up to ten sets, 0.40 from 18 (sixteenth) to the fortieth. */
  abstention: {
    weights: { topicExact: 1, names: 1, topic: 0, agreement: 0, sentence: 0, idfMass: 0, lexical: 0, cue: 0 } as Record<string, number>,
    threshold: 0.3, requireTopicWord: true,
    /** Types whose answer must hold the type's cue (answer/cues.ts) in a quote with a topic word: quantity 53 sets F1 .419 -> .441 (34th);
     *  amount 57 sets .440 -> .461 (36th); a quote with a topic word, 72 sets F1 .439 -> .446, carries equal on every set (40th). */
    requireCue: ['quantity', 'amount'] as readonly string[],
  },
  /** Each piece of the answer, on or off (the ablation switches them one by one). eachSource: a question naming several
   *  sources gets the best sentence of each first, and a named document agrees fully (answer/extractive.ts); without
   *  it 0.707 / 0.512 / 0.596 against 0.707 / 0.549 / 0.596. cueAgreement is neutral on all three now (0.707 / 0.549
   *  / 0.596 either way), kept for definitions ("Wat is wethouderssocialisme?"). groundedEvidence: abstention reads the
   *  quote holding most of the topic word for word, not the first: eight sets pooled, answered 0.820 -> 0.850, carries
   *  0.425 -> 0.427, F1 0.509 -> 0.524; programmas-nl F1 0.667 -> 0.640 (ninth session); the quote as shown, with its
   *  context, not the bare sentence: 18 sets .393/.780/.463 -> .397/.786/.467, up on two, down on none. missingSource ("DS'70
   *  in 1986", a year the archive lacks): 5 unanswerable of 12 sets refused, no answerable one (EVAL.md, eleventh).
   *  attribution ("volgens minister Koolmees": no focus, no type): 12 sets pooled carries .376 -> .394, F1 .473 -> .475.
   *  sourceSearch: the hits of the sources the question names first (retrieval/retrieve.ts namedFirst): without, 16 sets
   *  .370/.728/.414 against .385/.778/.468; all of their ranking first, not five hits each: carries .385 vs .380. */
  features: {
    idfWeights: true,
    softMatch: true,
    answerCues: true,
    cueAgreement: true,
    namedSources: true,
    sourceSearch: true,
    context: true,
    textKinds: true,
    eachSource: true,
    groundedEvidence: true,
    meaning: true,
    missingSource: true, attribution: true,
  },
};
export type AnswerTuning = typeof answerDefaults;

// ---- API ----------------------------------------------------------------------------------------
// The API's own limits. Sizes are generous for real use and small enough that one client cannot tie up the server.
export const apiDefaults = {
  /** JSON bodies: questions and filters are small. */
  bodyLimit: 64 * 1024,
  /** Uploaded files (PDF/TXT/MD). */
  uploadMaxBytes: 50 * 1024 * 1024,
  /** Per client IP on every API endpoint; writes are behind the API key as well. The page's own files (HTML, CSS, JS)
   *  are outside it: counted, one busy member of staff reached 429 after 106 loads of style.css. */
  rateLimit: { max: 120, timeWindow: '1 minute' },
  /** Searches and questions start in arrival order (api/fair-queue.ts); at most this many wait. Two run at once
   *  so one's lexical search overlaps the other's HNSW search in the vector thread (100k passages, 64 connections:
   *  100 req/s vs 96 with one). 256 waiting searches are about 2.5 s of work at 100k; beyond, a fast 503. */
  queue: { concurrency: 2, maxWaiting: 256 },
  maxQueryChars: 1000,
  maxFilterDocuments: 100,
  /** Files in one upload request: a staff member drops a folder's worth at once; each file is read and ingested in
   *  turn (one in memory at a time), so the bound is on how long one request may hold the write lock. */
  uploadMaxFiles: 20,
  /** Behind no proxy by default: X-Forwarded-For is trusted only when TRUST_PROXY names the proxy (see trustProxy()),
   *  else any client could pick its own address and escape the rate limit. */
  trustProxy: false as boolean | number | string[],
};

// ---- reading lists ------------------------------------------------------------------------------
/** Reading lists are small, hand-made things (a course's worth of passages): the bounds keep one key holder from
 *  filling the store and an export from growing without end. Texts fit a passage (passageDefaults.maxChars 1500,
 *  merged hits a few of them) or an answer sentence with room to spare. */
export const readingListDefaults = { maxLists: 500, maxItems: 200, maxNameChars: 200, maxNoteChars: 4000, maxTextChars: 6000 };

/** The trusted proxy from TRUST_PROXY: unset or "false" trusts none; "true" every hop (only behind a proxy that
 *  overwrites X-Forwarded-For); a number the hops to trust; else a comma list of addresses or CIDR ranges
 *  ("10.0.0.1, 192.168.0.0/16"). An office behind one proxy then gets a rate-limit budget per real client. */
export function trustProxy(value = process.env.TRUST_PROXY): boolean | number | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return apiDefaults.trustProxy;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
