// Checks a question set against the archive folder it is about:
//   node bin/run-ts.js eval/sets/verify.ts <set.jsonl> <archive-folder>
//
// - every line parses and validates (eval/qrels.ts loadQuestions: JSON, fields, unique ids);
// - `type` is one of the six known types; `unanswerable` has `relevant: []`, every other type has quotes;
// - every `doc` names a file that exists in the folder (exact file name);
// - every quote is 6–25 words after normalisation (eval/normalise.ts);
// - every normalised quote occurs, on word boundaries, in the normalised text of its document as this
//   project extracts it: PDFs through ingest/prepare.ts prepareDocument (pdf parser + ingest/clean.ts
//   cleanPages, compared against the clean text); .txt/.md through ingest/text.ts decodeText (the raw
//   decoded text) AND through parseText + cleanPages (the clean text passages are cut from), so a quote
//   passes only when both sides still contain it.
// Prints every failure with the question id and exits 1 on any failure.
import { readFileSync, readdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { loadQuestions } from '../qrels.ts';
import { normalise } from '../normalise.ts';
import { decodeText, parseText } from '../../ingest/formats/text.ts';
import { cleanPages } from '../../ingest/clean.ts';
import { prepareDocument } from '../../ingest/prepare.ts';
import { closePdfWorkers } from '../../ingest/formats/pdf.ts';

const TYPES = new Set(['definition', 'fact', 'paraphrase', 'list', 'multi', 'unanswerable']);
const MIN_WORDS = 6;
const MAX_WORDS = 25;

interface DocTexts {
  /** label -> normalised text, padded with spaces for word-boundary tests */
  views: [string, string][];
}

async function extract(dir: string, file: string): Promise<DocTexts> {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') {
    const prepared = await prepareDocument(bytes, { id: 'verify', fileName: file, sourcePath: join(dir, file) });
    return { views: [['clean', ` ${normalise(prepared.doc.text)} `]] };
  }
  const decoded = decodeText(bytes);
  const clean = cleanPages(parseText(bytes, ext === '.md' ? 'md' : 'txt').pages);
  return {
    views: [
      ['decoded', ` ${normalise(decoded)} `],
      ['clean', ` ${normalise(clean.text)} `],
    ],
  };
}

async function main(): Promise<number> {
  const [setPath, dir] = process.argv.slice(2);
  if (!setPath || !dir) {
    console.error('usage: node bin/run-ts.js eval/sets/verify.ts <set.jsonl> <archive-folder>');
    return 2;
  }
  let questions;
  try {
    questions = loadQuestions(setPath);
  } catch (e) {
    console.error(`FAIL ${(e as Error).message}`);
    return 1;
  }
  const files = new Set(readdirSync(dir));
  const cache = new Map<string, Promise<DocTexts>>();
  const failures: string[] = [];
  const fail = (id: string, msg: string) => failures.push(`FAIL ${id}: ${msg}`);
  const typeCounts = new Map<string, number>();
  const docsUsed = new Set<string>();
  let quotes = 0;

  for (const q of questions) {
    typeCounts.set(q.type, (typeCounts.get(q.type) ?? 0) + 1);
    if (!TYPES.has(q.type)) fail(q.id, `unknown type "${q.type}"`);
    if (q.answer.trim() === '') fail(q.id, 'empty answer');
    if (q.type === 'unanswerable') {
      if (q.relevant.length > 0) fail(q.id, 'an unanswerable question must have relevant: []');
      continue;
    }
    if (q.type === 'multi' && q.relevant.length < 2) fail(q.id, 'a multi question needs at least two required quotes');
    for (const r of q.relevant) {
      quotes++;
      if (!files.has(r.doc)) {
        fail(q.id, `no file "${r.doc}" in ${dir}`);
        continue;
      }
      docsUsed.add(r.doc);
      if (r.quote === undefined) {
        fail(q.id, `${r.doc}: no quote (this set uses quote-level relevance only)`);
        continue;
      }
      const nq = normalise(r.quote);
      const n = nq === '' ? 0 : nq.split(' ').length;
      if (n < MIN_WORDS || n > MAX_WORDS) fail(q.id, `quote has ${n} words (needs ${MIN_WORDS}–${MAX_WORDS}): "${r.quote}"`);
      if (!cache.has(r.doc)) cache.set(r.doc, extract(dir, r.doc));
      let texts: DocTexts;
      try {
        texts = await cache.get(r.doc)!;
      } catch (e) {
        fail(q.id, `${r.doc}: cannot extract (${(e as Error).message})`);
        continue;
      }
      for (const [label, text] of texts.views) {
        if (!text.includes(` ${nq} `)) fail(q.id, `quote not in ${label} text of "${r.doc}": "${r.quote}"`);
      }
    }
  }
  await closePdfWorkers();

  for (const f of failures) console.log(f);
  const counts = [...typeCounts].sort().map(([t, c]) => `${t} ${c}`).join(', ');
  console.log(
    `${setPath}: ${questions.length} questions (${counts}); ${quotes} quotes over ${docsUsed.size} documents; ` +
      `${failures.length} failure(s)`,
  );
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
