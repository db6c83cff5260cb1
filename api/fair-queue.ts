// Searches and questions run through one queue: in the order their requests arrived, each job in its own turn of
// the event loop, with a bound on how many may wait.
//
// Why: a search is ~15 ms of synchronous CPU on a 100k-passage archive. Run straight from the socket's read
// callback, a saturated server kept answering the connections it had just answered while others waited over 10 s
// (64 connections: 25 of 648 requests timed out, p50 348 ms but p99 7 s). Queued, each request waits its turn:
// wait ≈ queue length × search time, and the event loop reads every socket between two jobs.
import { ArchiveError } from '../lib/errors.ts';

export interface FairQueueOptions {
  /** Jobs running at once (1 when every job is synchronous CPU work). */
  concurrency: number;
  /** Jobs allowed to wait; beyond that a request is refused at once (503 with Retry-After) instead of timing out. */
  maxWaiting: number;
}

interface Job {
  run: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  /** True when nobody waits for the result any more (the client hung up): the job is dropped unrun. */
  abandoned?: () => boolean;
}

export class FairQueue {
  private readonly waiting: Job[] = [];
  private head = 0;
  private running = 0;
  private readonly opts: FairQueueOptions;
  /** Mean job time (exponentially weighted), for the Retry-After estimate. */
  private meanMs = 20;

  constructor(opts: FairQueueOptions) {
    this.opts = opts;
  }

  get depth(): number {
    return this.waiting.length - this.head + this.running;
  }

  run<T>(fn: () => Promise<T> | T, abandoned?: () => boolean): Promise<T> {
    if (this.waiting.length - this.head >= this.opts.maxWaiting) {
      const seconds = Math.max(1, Math.ceil((this.depth * this.meanMs) / this.opts.concurrency / 1000));
      const busy = new ArchiveError('ERR_BUSY', `${seconds} s`);
      busy.retryAfterSeconds = seconds;
      return Promise.reject(busy);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ run: async () => fn(), resolve: resolve as (v: unknown) => void, reject, abandoned });
      this.schedule();
    });
  }

  private schedule(): void {
    // setImmediate, not a microtask: the poll phase reads (and queues) every ready socket before the next job.
    if (this.running < this.opts.concurrency && this.head < this.waiting.length) {
      this.running++;
      setImmediate(() => void this.next());
    }
  }

  private async next(): Promise<void> {
    const job = this.take();
    if (job) {
      const t0 = performance.now();
      try {
        job.resolve(await job.run());
      } catch (e) {
        job.reject(e);
      }
      this.meanMs = 0.9 * this.meanMs + 0.1 * (performance.now() - t0);
    }
    this.running--;
    this.schedule();
  }

  private take(): Job | undefined {
    while (this.head < this.waiting.length) {
      const job = this.waiting[this.head]!;
      this.waiting[this.head++] = undefined as unknown as Job;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      if (job.abandoned?.()) {
        job.reject(new ArchiveError('ERR_BUSY', '1 s')); // nobody reads it: the client hung up
        continue;
      }
      return job;
    }
    return undefined;
  }
}
