// A helper thread for the built-in embedder's fit: the randomized SVD's dense products (index/linalg.ts) split
// their output rows between this thread and the helper, over shared memory. The fit ran on one core while the
// other idled (62 s of an archive's first ingest at 20k passages and up).
import { availableParallelism } from 'node:os';
import { startTsWorker } from '../../lib/ts-worker.ts';
import { inThisThread, runKernel, type Kernel, type Splitter } from './linalg.ts';
import { log } from '../../lib/log.ts';

const THREAD_MODULE = new URL('./linalg-thread-main.ts', import.meta.url);

export interface LinalgPool extends Splitter {
  close(): Promise<void>;
}

/** A splitter with a helper thread; on a single core, or when the thread cannot start, all work stays here. */
export async function startLinalgPool(): Promise<LinalgPool> {
  if (availableParallelism() < 2) return { ...inThisThread, close: async () => {} };
  const worker = startTsWorker(THREAD_MODULE);
  let broken: Error | null = null;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let next = 1;
  const failAll = (e: Error) => {
    broken ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { re: number; ok: boolean; message?: string }) => {
    const w = waiting.get(m.re);
    waiting.delete(m.re);
    if (m.ok) w?.resolve();
    else w?.reject(new Error(m.message));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`linalg helper thread stopped (exit ${code})`)));
  return {
    async run(job: Kernel, total: number, split: number) {
      if (broken) return inThisThread.run(job, total, split);
      const re = next++;
      const theirs = new Promise<void>((resolve, reject) => waiting.set(re, { resolve, reject }));
      worker.postMessage({ re, job, from: split, to: total });
      runKernel(job, 0, split);
      try {
        await theirs;
      } catch (e) {
        // A thread that could not start fails the first job, a product: its rows are redone here from zero. An
        // in-place solve half done by a dying thread cannot be redone.
        if (job.op === 'solve') throw new Error(`linalg helper thread failed during a solve: ${(e as Error).message}`);
        log.warn(`linalg helper thread failed (${(e as Error).message}); continuing on one core`);
        resetRows(job, split, total);
        runKernel(job, split, total);
      }
    },
    async close() {
      broken ??= new Error('closed');
      await worker.terminate();
    },
  };
}

/** Zeroes the output rows [from, to) of an accumulating product before it is run again. */
function resetRows(job: Kernel, from: number, to: number): void {
  if (job.op === 'spmm' || job.op === 'gram') job.out.fill(0, from * job.l, to * job.l);
}
