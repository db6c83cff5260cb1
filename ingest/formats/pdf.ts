// Parse PDF bytes into pages with pdf-parse, in worker threads so that a hostile file can be cut off:
// a hang by the timeout, a heap blow-up by resourceLimits, a stream-decoding bomb by an RSS watchdog.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ParsedFile, RawPage } from '../../lib/types.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { ingestDefaults } from '../../lib/config.ts';
import { fillEmptyPages } from './pdf-ocr.ts';

export interface PdfParseOptions {
  timeoutMs?: number;
  password?: string;
}

type WorkerReply =
  | { id: number; ok: true; total: number; pages: RawPage[]; info: ParsedFile['info'] }
  | { id: number; ok: false; name: string; message: string };

interface Job {
  id: number;
  data: Uint8Array;
  password?: string;
  timeoutMs: number;
  resolve: (r: WorkerReply) => void;
  reject: (e: ArchiveError) => void;
  startedAt?: number;
  rssAtStart?: number;
  timer?: NodeJS.Timeout;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** Acrobat accepts the header anywhere in the first 1024 bytes (junk before it is common from mail gateways). */
const PDF_HEADER_WINDOW = 1024;

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_MAGIC.length; j++) if (bytes[i + j] !== PDF_MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

const WORKER_URL = new URL('./pdf-worker.mjs', import.meta.url);
/** A page object needs at least ~16 bytes; a /Count beyond size/16 is a lie that would make pdf.js spin. */
const MIN_BYTES_PER_PAGE = 16;
const WATCHDOG_MS = 250;

class PdfWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private workers = 0;
  /** Workers already counted out ('error' is followed by 'exit'; a killed worker also exits). */
  private readonly gone = new WeakSet<Worker>();
  private nextId = 1;
  private watchdog?: NodeJS.Timeout;

  constructor(private readonly size: number) {}

  run(data: Uint8Array, timeoutMs: number, password?: string): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data, password, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Stop all workers (idle ones never keep the process alive, so this is only for tidy shutdowns). */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    for (const [w, job] of this.busy) this.finish(w, job, new ArchiveError('ERR_PDF_MALFORMED', 'parser shut down'));
    await Promise.all(all.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers < this.size ? this.spawn() : undefined);
      if (!worker) return;
      this.start(worker, this.queue.shift()!);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: ingestDefaults.pdfWorkerHeapMb },
      stdout: true, // pdf.js warns on stdout; keep it out of CLI/JSON output
      stderr: true,
    });
    this.workers++;
    worker.on('message', (reply: WorkerReply) => {
      const job = this.busy.get(worker);
      if (job && reply.id === job.id) this.finish(worker, job, reply);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const job = this.busy.get(worker);
      const reason = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory' : e.message;
      if (job) this.finish(worker, job, new ArchiveError('ERR_PDF_MALFORMED', reason));
      this.discard(worker);
    });
    worker.on('exit', () => {
      const job = this.busy.get(worker);
      if (job) this.finish(worker, job, new ArchiveError('ERR_PDF_MALFORMED', 'parser stopped unexpectedly'));
      this.discard(worker);
    });
    return worker;
  }

  private start(worker: Worker, job: Job): void {
    this.busy.set(worker, job);
    worker.ref();
    job.startedAt = Date.now();
    job.rssAtStart = process.memoryUsage.rss();
    job.timer = setTimeout(() => {
      this.finish(worker, job, new ArchiveError('ERR_PARSE_TIMEOUT', `${job.timeoutMs} ms`));
      this.kill(worker);
    }, job.timeoutMs);
    const maxPages = Math.max(1, Math.floor(job.data.length / MIN_BYTES_PER_PAGE));
    worker.postMessage({ id: job.id, data: job.data, maxPages, password: job.password }, [job.data.buffer as ArrayBuffer]);
    this.watch();
  }

  private finish(worker: Worker, job: Job, outcome: WorkerReply | ArchiveError): void {
    if (this.busy.get(worker) !== job) return;
    clearTimeout(job.timer);
    this.busy.delete(worker);
    if (outcome instanceof ArchiveError) job.reject(outcome);
    else {
      job.resolve(outcome);
      worker.unref();
      this.idle.push(worker);
    }
    if (this.busy.size === 0 && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
    }
    this.pump();
  }

  private kill(worker: Worker): void {
    this.discard(worker);
    void worker.terminate();
  }

  private discard(worker: Worker): void {
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    if (this.busy.has(worker) || this.gone.has(worker)) return;
    this.gone.add(worker);
    this.workers--;
    this.pump();
  }

  /** The heap limit misses ArrayBuffers, so watch the process: when memory grows past the allowance
   *  while parses run, stop the longest-running one (bombs are slow; ordinary files finish quickly). */
  private watch(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const jobs = [...this.busy.entries()];
      if (jobs.length === 0) return;
      const base = Math.min(...jobs.map(([, j]) => j.rssAtStart!));
      if (process.memoryUsage.rss() - base < ingestDefaults.pdfParseRssGrowthMb * 1024 * 1024) return;
      const [worker, job] = jobs.reduce((a, b) => (a[1].startedAt! <= b[1].startedAt! ? a : b));
      this.finish(worker, job, new ArchiveError('ERR_PDF_MALFORMED', 'ran out of memory'));
      this.kill(worker);
    }, WATCHDOG_MS);
    this.watchdog.unref();
  }
}

let pool: PdfWorkerPool | undefined;

function workerPool(): PdfWorkerPool {
  pool ??= new PdfWorkerPool(Math.max(1, Math.min(ingestDefaults.pdfWorkers, availableParallelism())));
  return pool;
}

/** Stop the PDF worker threads (they are unref'd when idle, so calling this is optional). */
export async function closePdfWorkers(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}

function toArchiveError(name: string, message: string): ArchiveError {
  // pdf-parse passes pdf.js's PasswordException without its code: the message tells "No password given" from
  // "Incorrect Password".
  if (name === 'PasswordException') return new ArchiveError(/incorrect/i.test(message) ? 'ERR_PDF_PASSWORD' : 'ERR_PDF_ENCRYPTED');
  return new ArchiveError('ERR_PDF_MALFORMED', message.replace(/\.$/, '') || name);
}

/** Parse a PDF into pages of raw text; pages without a text layer are read by OCR when Tesseract is installed.
 *  Throws ArchiveError: ERR_PDF_ENCRYPTED, ERR_PDF_PASSWORD, ERR_PDF_MALFORMED, ERR_PDF_NO_PAGES, ERR_PDF_NO_TEXT
 *  (no page has text, even after OCR), ERR_PARSE_TIMEOUT.
 *  Several calls may run at once; they share a small pool of worker threads. */
export async function parsePdf(bytes: Uint8Array, opts: PdfParseOptions = {}): Promise<ParsedFile> {
  // The bytes are transferred to the worker; copy so the caller's buffer stays usable (e.g. for hashing).
  const data = new Uint8Array(bytes);
  let reply = await workerPool().run(data, opts.timeoutMs ?? ingestDefaults.parseTimeoutMs, opts.password);
  if (!reply.ok && opts.password && /[^\x00-\x7f]/.test(opts.password) && /incorrect/i.test(reply.message)) {
    // AES-256 PDFs take the password as UTF-8 bytes, older ones as Latin-1 characters; pdf.js reads a string's char
    // codes as bytes, so a non-ASCII password is tried again as its UTF-8 bytes.
    const utf8 = Buffer.from(opts.password, 'utf8').toString('latin1');
    reply = await workerPool().run(new Uint8Array(bytes), opts.timeoutMs ?? ingestDefaults.parseTimeoutMs, utf8);
  }
  if (!reply.ok) throw toArchiveError(reply.name, reply.message);
  if (reply.pages.length === 0) throw new ArchiveError('ERR_PDF_NO_PAGES');
  // The caller's bytes are intact (the worker got a copy): pages without a text layer go to OCR.
  const ocr = await fillEmptyPages(bytes, reply.pages, opts.password);
  if (!ocr.pages.some((p) => p.text.trim() !== '')) {
    throw new ArchiveError('ERR_PDF_NO_TEXT', `0 of ${reply.pages.length} pages have text${ocr.note ? `; ${ocr.note}` : ''}`);
  }
  return { format: 'pdf', pages: ocr.pages, info: reply.info, ocrPages: ocr.ocrPages };
}
