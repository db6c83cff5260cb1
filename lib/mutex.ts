// Serialises writers (ingest, upload, delete, reindex): each runs alone, in arrival order. Readers don't wait:
// every index update happens synchronously after its store commit, so a search sees a document fully or not at all.
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
