// The archive's vector index, run in a worker thread (index/vector-thread-main.ts owns the hnswlib index).
//
// Why a thread: on the 2-core target machine an HNSW search at 100k passages (~5 ms at the efSearch that holds
// recall@10 ≥ 0.99) now runs beside the lexical search (~5 ms) instead of after it, and during ingest the HNSW
// inserts (~1 ms a vector at 100k, the largest part of a bulk ingest) run beside analysis and embedding.
//
// Messages are handled in the order sent: a search sent after an add or remove sees it. Adds and removes are
// fire-and-forget (failures surface at the next request); `settle()` keeps the backlog of unindexed vectors small so
// a search never waits long behind an ingest. The ids of live vectors are mirrored here for `size` and filters.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../lib/ts-worker.ts';
import { ArchiveError, type ErrorCode } from '../lib/errors.ts';
import type { EmbedderIdentity, ScoredId } from './types.ts';

export interface WireError {
  code: ErrorCode;
  message: string;
  subject?: string;
}

export type ToThread =
  | { op: 'open'; re: number; dir: string; identity: EmbedderIdentity }
  | { op: 'create'; re: number; dir: string; identity: EmbedderIdentity }
  | { op: 'add'; ids: Int32Array; matrix: Float32Array }
  | { op: 'remove'; ids: Int32Array }
  | { op: 'setEf'; ef: number }
  | { op: 'search'; re: number; vector: Float32Array; k: number; allowed?: Int32Array }
  | { op: 'save'; re: number; tag: string };

export type FromThread =
  | { re: number; ok: true; ids?: Int32Array; tag?: string; hits?: { ids: Int32Array; scores: Float64Array } }
  | { re: number; ok: false; error: WireError }
  | { added: number }
  | { failed: WireError };

type Reply = Extract<FromThread, { re: number; ok: true }>;

const THREAD_MODULE = new URL('./vector-thread-main.ts', import.meta.url);
/** Vectors sent but not yet indexed before an ingest waits: about half a second of inserts at 100k. */
const MAX_BACKLOG = 512;

export class VectorIndexThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: unknown) => void }>();
  private nextRe = 1;
  private backlog = 0;
  private backlogWaiters: (() => void)[] = [];
  /** A failure of a fire-and-forget message or of the thread itself; every later request rejects with it. */
  private broken: ArchiveError | null = null;
  private live = new Set<number>();
  private _identity: EmbedderIdentity;
  /** The tag of the index as last opened or saved (null for a new index). */
  savedTag: string | null = null;

  private constructor(identity: EmbedderIdentity) {
    this._identity = identity;
    this.worker = startTsWorker(THREAD_MODULE);
    this.worker.unref();
    this.worker.on('message', (m: FromThread) => this.receive(m));
    this.worker.on('error', (e) => this.fail(new ArchiveError('ERR_INDEX_CORRUPT', `vector index thread failed: ${e.message}`)));
    this.worker.on('exit', (code) => this.fail(new ArchiveError('ERR_INDEX_CORRUPT', `vector index thread stopped (exit ${code})`)));
  }

  /** Starts opening the saved index in `dir` without waiting for it, so that the caller's own work runs meanwhile
   *  (the archive reads its lexical index). `ready` settles once it is open; `size` and `savedTag` are right from
   *  then on. A saved index that cannot be used (damaged: ERR_INDEX_CORRUPT, another embedder's: ERR_EMBEDDER_MISMATCH)
   *  is replaced by an empty one after `unusable` is told why; the caller rebuilds it from the store. */
  static opening(dir: string, identity: EmbedderIdentity, unusable: (e: ArchiveError) => void): { thread: VectorIndexThread; ready: Promise<void> } {
    const t = new VectorIndexThread(identity);
    const ready = t.load(dir, identity).catch(async (e: unknown) => {
      if (!(e instanceof ArchiveError) || t.broken) throw e;
      unusable(e);
      await t.reset(dir, identity);
    });
    return { thread: t, ready };
  }

  private async load(dir: string, identity: EmbedderIdentity): Promise<void> {
    const r = await this.request({ op: 'open', re: 0, dir, identity });
    this.live = new Set(r.ids);
    this.savedTag = r.tag ?? null;
  }

  /** A new, empty index for `identity` in `dir` (files there are replaced at the next save). */
  static async create(dir: string, identity: EmbedderIdentity): Promise<VectorIndexThread> {
    const t = new VectorIndexThread(identity);
    await t.reset(dir, identity);
    return t;
  }

  /** Empties the index and switches it to `identity` (after a refit of the embedder). */
  async reset(dir: string, identity: EmbedderIdentity): Promise<void> {
    await this.request({ op: 'create', re: 0, dir, identity });
    this._identity = identity;
    this.live = new Set();
    this.savedTag = null;
  }

  get identity(): EmbedderIdentity {
    return this._identity;
  }

  get size(): number {
    return this.live.size;
  }

  /** Adds or replaces vectors (ids are passage ids). Checked here, so a wrong vector throws at the caller. */
  add(ids: number[], vectors: Float32Array[]): void {
    if (ids.length !== vectors.length) throw new ArchiveError('ERR_BAD_REQUEST', `${ids.length} ids for ${vectors.length} vectors`);
    if (ids.length === 0) return;
    const dim = this._identity.dimension;
    const matrix = new Float32Array(ids.length * dim);
    vectors.forEach((v, i) => {
      if (v.length !== dim) throw new ArchiveError('ERR_EMBEDDER_MISMATCH', `vector of length ${v.length} for an index of dimension ${dim}`);
      matrix.set(v, i * dim);
    });
    for (const id of ids) {
      if (!Number.isSafeInteger(id) || id < 0 || id > 0x7fffffff) throw new ArchiveError('ERR_BAD_REQUEST', `vector id must be a non-negative integer, got ${id}`);
    }
    const message: ToThread = { op: 'add', ids: Int32Array.from(ids), matrix };
    this.worker.postMessage(message, [message.ids.buffer as ArrayBuffer, matrix.buffer]);
    for (const id of ids) this.live.add(id);
    this.backlog += ids.length;
    this.updateRef();
  }

  /** Marks vectors deleted; unknown ids are ignored. */
  remove(ids: number[]): void {
    const known = ids.filter((id) => this.live.delete(id));
    if (known.length) this.worker.postMessage({ op: 'remove', ids: Int32Array.from(known) } satisfies ToThread);
  }

  /** Resolves once at most `max` sent vectors wait to be indexed (the ingest loop calls it between documents). */
  async settle(max = MAX_BACKLOG): Promise<void> {
    while (this.backlog > max && !this.broken) await new Promise<void>((r) => this.backlogWaiters.push(r));
    if (this.broken) throw this.broken;
  }

  /** The k nearest live vectors by cosine similarity, best first. `filter` is applied to the live ids here. */
  async search(vector: Float32Array, k: number, filter?: (id: number) => boolean): Promise<ScoredId[]> {
    if (this.broken) throw this.broken;
    if (vector.length !== this._identity.dimension) {
      throw new ArchiveError('ERR_EMBEDDER_MISMATCH', `query vector of length ${vector.length} for an index of dimension ${this._identity.dimension}`);
    }
    if (this.live.size === 0 || k < 1) return [];
    let allowed: Int32Array | undefined;
    if (filter) {
      allowed = Int32Array.from([...this.live].filter(filter));
      if (allowed.length === 0) return [];
    }
    const r = await this.request({ op: 'search', re: 0, vector: Float32Array.from(vector), k, allowed });
    const { ids, scores } = r.hits!;
    return Array.from(ids, (id, i) => ({ id, score: scores[i]! }));
  }

  setEfSearch(ef: number): void {
    this.worker.postMessage({ op: 'setEf', ef } satisfies ToThread);
  }

  /** Writes the index atomically (after everything sent before), with a tag saying what it reflects (the archive's
   *  store generation): the tag travels in the checksummed sidecar, so it always describes the file beside it. */
  async save(tag: string): Promise<void> {
    await this.request({ op: 'save', re: 0, tag });
    this.savedTag = tag;
  }

  async close(): Promise<void> {
    this.broken ??= new ArchiveError('ERR_INDEX_CORRUPT', 'vector index closed');
    await this.worker.terminate();
  }

  private request(message: ToThread & { re: number }): Promise<Reply> {
    if (this.broken) return Promise.reject(this.broken);
    const re = this.nextRe++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(re, { resolve, reject });
      this.updateRef();
      this.worker.postMessage({ ...message, re });
    });
  }

  private receive(m: FromThread): void {
    if ('added' in m) {
      this.backlog -= m.added;
      if (this.backlog <= MAX_BACKLOG) this.wake();
      this.updateRef();
      return;
    }
    if ('failed' in m) return this.fail(fromWire(m.failed));
    const p = this.pending.get(m.re);
    if (!p) return;
    this.pending.delete(m.re);
    this.updateRef();
    if (m.ok) p.resolve(m);
    else p.reject(fromWire(m.error));
  }

  private fail(e: ArchiveError): void {
    this.broken ??= e;
    for (const p of this.pending.values()) p.reject(this.broken);
    this.pending.clear();
    this.worker.unref();
    this.wake();
  }

  /** The thread keeps the process alive only while it owes an answer or has vectors to index (someone may be
   *  waiting in settle()); idle, it lets a script exit without close(). */
  private updateRef(): void {
    if (this.broken) return;
    if (this.pending.size > 0 || this.backlog > 0) this.worker.ref();
    else this.worker.unref();
  }

  private wake(): void {
    const waiters = this.backlogWaiters;
    this.backlogWaiters = [];
    for (const w of waiters) w();
  }
}

function fromWire(w: WireError): ArchiveError {
  const e = new ArchiveError(w.code, '', w.subject);
  e.message = w.message;
  return e;
}
