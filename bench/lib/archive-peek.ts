// Benchmark-only access to the archive's components, so the pieces of a search can be timed and the same
// indexes compared with alternatives. Reads private fields at run time: the benchmark must not be a reason to
// widen the archive's API. If a field is renamed, `peek` fails loudly instead of measuring nothing.
import type { ArchiveImpl } from '../../archive/archive.ts';
import type { Analyser } from '../../index/types.ts';
import type { LexicalIndex } from '../../index/lexical-index.ts';
import type { VectorIndexThread } from '../../index/vector-thread.ts';

export interface Peek {
  analyser: Analyser;
  lexical: LexicalIndex;
  vectors: VectorIndexThread;
}

export function peek(archive: ArchiveImpl): Peek {
  const p = archive as unknown as Partial<Peek>;
  if (!p.analyser || !p.lexical || !p.vectors) throw new Error('bench: the archive internals changed (analyser/lexical/vectors)');
  return p as Peek;
}

/** Wraps `obj[name]` so each call's time is pushed to `sink`; returns the function that undoes it. */
export function instrument<T extends object, K extends keyof T>(obj: T, name: K, sink: number[]): () => void {
  const original = obj[name] as unknown as (...a: unknown[]) => unknown;
  const own = Object.prototype.hasOwnProperty.call(obj, name);
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const r = original.apply(this, args);
    if (r instanceof Promise) return r.finally(() => sink.push(performance.now() - t0));
    sink.push(performance.now() - t0);
    return r;
  };
  (obj as Record<K, unknown>)[name] = wrapped;
  return () => {
    if (own) (obj as Record<K, unknown>)[name] = original;
    else delete (obj as Record<K, unknown>)[name];
  };
}
