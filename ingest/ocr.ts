// OCR for scanned PDF pages: poppler's pdftoppm renders a page to PNG, Tesseract reads it with its Dutch
// model (Debian packages tesseract-ocr, tesseract-ocr-nld, poppler-utils). We call the command-line tools
// rather than tesseract.js, which downloads language data at run time (impossible offline) and runs in-process
// where a hostile page could take the server down; a child process can be time- and memory-limited and killed.
import { spawn } from 'node:child_process';
import { ocrDefaults } from '../lib/config.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OcrOptions {
  /** Render resolution; 200 dpi reads body text well at ~2 s of CPU per A4 page. */
  dpi?: number;
  /** Wall-clock limit for each child process (render, recognise). */
  timeoutMs?: number;
  /** Address-space limit for each child process; the Dutch model needs ~250 MB at 200 dpi. */
  memoryMb?: number;
  /** Pages in flight at once; each uses one core (Tesseract runs single-threaded, see OMP_THREAD_LIMIT). */
  concurrency?: number;
  /** User password of an encrypted PDF. */
  password?: string;
}

export interface OcrPage {
  page: number;
  /** Lines joined by "\n", Tesseract's paragraphs by "\n\n"; '' when the page failed. */
  text: string;
  /** Mean word confidence, 0..1; 0 when no word was read. */
  confidence: number;
  ms: number;
  /** Why this page failed (the other pages are still returned). */
  error?: string;
}

/** Tesseract's TSV for a dense page is ~100 KB; more than this is not OCR output. */
const MAX_STDOUT = 32 * 2 ** 20;
const NOT_FOUND = 127; // the shell's exit code for "command not found"

interface Limits {
  timeoutMs: number;
  memoryMb: number;
}

/** Why a command failed, in words: timeout, out of memory, not installed, or its own last error line. */
function failure(cmd: string, code: number | null, signal: string | null, stderr: string, limits: Limits): string {
  const last = stderr.trim().split('\n').pop() ?? '';
  // Under a tight limit even loading the program's libraries fails ("failed to map segment").
  if (/bad_alloc|cannot allocate|out of memory|failed to map/i.test(stderr)) return `${cmd} ran out of memory (limit ${limits.memoryMb} MB)`;
  if (code === NOT_FOUND && /not found/.test(stderr)) return `${cmd} is not installed`;
  return `${cmd} failed (${signal ? `killed by ${signal}` : `exit code ${code}`})${last ? `: ${last}` : ''}`;
}

/**
 * Run a command in its own process group with a wall-clock limit (the whole group is killed when it
 * expires) and an address-space limit (`ulimit -v` in a shell that then execs the command, so no extra
 * package is needed). Resolves with stdout.
 */
export function run(cmd: string, args: string[], limits: Limits, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const script = 'ulimit -v "$1" && shift && exec "$@"';
    const child = spawn('/bin/sh', ['-c', script, 'sh', String(limits.memoryMb * 1024), cmd, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), killGroup()), limits.timeoutMs);
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => ((outBytes += d.length) > MAX_STDOUT ? killGroup() : out.push(d)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', (e) => (clearTimeout(timer), reject(new Error(`${cmd} could not start: ${e.message}`))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`${cmd} timed out after ${limits.timeoutMs} ms`));
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(failure(cmd, code, signal, stderr, limits)));
    });
  });
}

/**
 * Text and mean word confidence from Tesseract's TSV (columns: level page block par line word left top width
 * height conf text). Level-5 rows are words; block/par/line numbers give the line and paragraph breaks.
 */
export function fromTsv(tsv: string): { text: string; confidence: number } {
  const paragraphs: string[][] = [];
  let parKey = '';
  let lineKey = '';
  let confSum = 0;
  let confCount = 0;
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    const word = c[11]?.trim();
    if (c[0] !== '5' || !word) continue;
    const conf = Number(c[10]);
    if (conf >= 0) {
      // -1 marks rows without a confidence
      confSum += conf;
      confCount++;
    }
    const par = `${c[2]}.${c[3]}`;
    const line = `${par}.${c[4]}`;
    if (par !== parKey) {
      paragraphs.push([]);
      parKey = par;
    }
    const lines = paragraphs[paragraphs.length - 1];
    if (line === lineKey) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
    lineKey = line;
  }
  return { text: paragraphs.map((l) => l.join('\n')).join('\n\n'), confidence: confCount ? confSum / confCount / 100 : 0 };
}

let availability: Promise<{ ok: boolean; reason?: string }> | undefined;

/** Whether pdftoppm, Tesseract and its Dutch model are installed (checked once per process). */
export function ocrAvailable(): Promise<{ ok: boolean; reason?: string }> {
  availability ??= (async () => {
    const limits = { timeoutMs: 10_000, memoryMb: 512 };
    try {
      await run('pdftoppm', ['-v'], limits);
      const langs = await run('tesseract', ['--list-langs'], limits);
      if (!/^nld$/m.test(langs)) return { ok: false, reason: 'Tesseract has no Dutch model (install tesseract-ocr-nld)' };
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: `${(e as Error).message} (install tesseract-ocr, tesseract-ocr-nld, poppler-utils)` };
    }
  })();
  return availability;
}

type Settings = Omit<typeof ocrDefaults, 'enabled'> & { password?: string };

/** Render and read one page; a failure becomes this page's `error`, never an exception. */
async function ocrPage(dir: string, pdf: string, page: number, o: Settings): Promise<OcrPage> {
  const start = performance.now();
  const limits = { timeoutMs: o.timeoutMs, memoryMb: o.memoryMb };
  try {
    if (!Number.isInteger(page) || page < 1) throw new Error(`invalid page number ${page}`);
    const png = join(dir, `page-${page}`);
    // -upw puts the password on the command line (visible to local `ps`); pdftoppm has no other way in.
    const pw = o.password === undefined ? [] : ['-upw', o.password];
    const range = ['-f', String(page), '-l', String(page)];
    await run('pdftoppm', ['-r', String(o.dpi), ...range, '-png', '-singlefile', ...pw, pdf, png], limits);
    // One thread per page: with `concurrency` pages in flight, cores are shared without oversubscription.
    const tsv = await run('tesseract', [`${png}.png`, 'stdout', '-l', 'nld', '--psm', '1', 'tsv'], limits, { OMP_THREAD_LIMIT: '1' });
    await rm(`${png}.png`, { force: true });
    return { page, ...fromTsv(tsv), ms: Math.round(performance.now() - start) };
  } catch (e) {
    return { page, text: '', confidence: 0, ms: Math.round(performance.now() - start), error: `page ${page}: ${(e as Error).message}` };
  }
}

/** Run `fn` over `items` with at most `n` in flight, keeping the input order in the result. */
async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  return results;
}

/**
 * OCR the given pages (1-based) of a PDF. Results come in the order asked; a page that fails has `error`
 * set and empty text. Throws only when OCR is not installed. The PDF and page images live in a private
 * temporary directory that is removed afterwards, whatever happened.
 */
export async function ocrPdfPages(pdf: Uint8Array, pages: number[], opts: OcrOptions = {}): Promise<OcrPage[]> {
  const available = await ocrAvailable();
  if (!available.ok) throw new Error(`OCR unavailable: ${available.reason}`);
  const { enabled: _, ...defaults } = ocrDefaults;
  const settings: Settings = { ...defaults, ...opts };
  const dir = await mkdtemp(join(tmpdir(), 'raadsarchief-ocr-')); // mode 0700
  try {
    const file = join(dir, 'input.pdf');
    await writeFile(file, pdf, { mode: 0o600 });
    return await pool(pages, settings.concurrency, (page) => ocrPage(dir, file, page, settings));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
