// Benchmark helper: times every call of one method of an archive component (archive.parts()).
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
