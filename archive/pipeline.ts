// Preparing files ahead of their commit: two at a time (PDFs parse in two worker threads, the machine's cores), at
// most a few files ahead of the committer, so memory stays bounded however long the batch is.
import { ingestDefaults } from '../lib/config.ts';
import type { IngestOutcome } from './api.ts';

/** A prepared file, or its final outcome when there is nothing to commit (unchanged, duplicate, skipped). */
export interface Step<T> {
  t0: number;
  prepared?: T;
  outcome?: IngestOutcome;
}

export interface Ahead<T> {
  /** The step of item `i`; items must be taken in order. */
  next(i: number): Promise<Step<T>>;
}

export function prepareAhead<F, T>(items: readonly F[], prepare: (item: F) => Promise<Step<T>>): Ahead<T> {
  const results = new Map<number, Promise<Step<T>>>();
  let started = 0;
  let taken = 0;
  let running = 0;
  const pump = () => {
    while (running < ingestDefaults.prepareConcurrency && started < items.length && started - taken < ingestDefaults.prepareAhead) {
      const i = started++;
      running++;
      results.set(i, prepare(items[i]).finally(() => {
        running--;
        pump();
      }));
    }
  };
  return {
    async next(i) {
      taken = i;
      pump();
      const step = await results.get(i)!;
      results.delete(i);
      taken = i + 1;
      pump();
      return step;
    },
  };
}
