// The benchmark's inputs: the bundled corpus, the shared Dutch PDFs and law texts, the query set, and seeded
// synthetic Dutch documents recombined from the real texts' sentences.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../../index/embedders/linalg.ts';
import { sharedDir } from '../../tools/shared-dir.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

function need(): string {
  const s = sharedDir();
  if (!s) throw new Error('the shared folder (../shared) is needed for the benchmark inputs; set RAADSARCHIEF_SHARED');
  return s;
}

export function corpusFiles(): string[] {
  const dir = join(ROOT, 'corpus');
  return readdirSync(dir).filter((f) => /\.(txt|md|pdf)$/i.test(f)).sort().map((f) => join(dir, f));
}

export function pdfFiles(): string[] {
  const dir = join(need(), 'external/pdf-nl');
  return readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(dir, f));
}

/** The law texts listed in text-nl/MANIFEST.tsv (3,200 articles and regulations), in manifest order. */
export function lawFiles(): string[] {
  const dir = join(need(), 'external/text-nl');
  const rows = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((r) => join(dir, r.split('\t')[0]!)).filter((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

/** Questions in Dutch: the dev set (31) and LegalQA-NL (102). Deterministic order. */
export function queries(): string[] {
  const shared = need();
  const out: string[] = [];
  for (const line of readFileSync(join(shared, 'eval/dev.jsonl'), 'utf8').split('\n')) {
    if (line.trim()) out.push((JSON.parse(line) as { question: string }).question);
  }
  const csv = readFileSync(join(shared, 'external/bench-nl/legalqa_nl_QA_set_102_smallcorpus.csv'), 'utf8');
  for (const row of parseCsv(csv).slice(1)) if (row[1]?.trim()) out.push(row[1].trim());
  return out;
}

/** RFC 4180 CSV (quoted fields with doubled quotes and embedded newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Sentences of the real texts (laws + corpus), the material the synthetic documents are recombined from. */
export function sentencePool(files: string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8').replace(/\s+/g, ' ');
    for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z0-9ÀÉÈËÏÖÜ"'(])/u)) {
      const t = s.trim();
      if (t.length >= 40 && t.length <= 400) out.push(t);
    }
  }
  return out;
}

/**
 * Writes seeded synthetic Dutch documents (`synth_00000.txt`, …) totalling about `chars` characters of text:
 * a title line, then sections with a heading and paragraphs of 2-6 recombined sentences. Same seed, same files.
 */
export function writeSynthetic(dir: string, pool: string[], chars: number, seed = 7, docChars = 40_000): string[] {
  mkdirSync(dir, { recursive: true });
  const rnd = seededRandom(seed);
  const pick = () => pool[Math.floor(rnd() * pool.length)]!;
  const files: string[] = [];
  let written = 0;
  for (let d = 0; written < chars; d++) {
    const parts: string[] = [`Beleidsnotitie ${d + 1}: ${pick().split(' ').slice(0, 6).join(' ')}`, ''];
    let size = 0;
    let section = 1;
    while (size < docChars) {
      parts.push(`${section++} ${pick().split(' ').slice(0, 5).join(' ').replace(/[.,;:]+$/, '')}`, '');
      const paragraphs = 2 + Math.floor(rnd() * 4);
      for (let p = 0; p < paragraphs; p++) {
        const n = 2 + Math.floor(rnd() * 5);
        const para = Array.from({ length: n }, pick).join(' ');
        parts.push(para, '');
        size += para.length + 2;
      }
    }
    const text = parts.join('\n');
    const file = join(dir, `synth_${String(d).padStart(5, '0')}.txt`);
    writeFileSync(file, text);
    files.push(file);
    written += text.length;
  }
  return files;
}
