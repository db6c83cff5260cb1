// Values derived from the archive's document records, kept until those records change: name indexes for questions that
// name a source, and values read from one stored document (perDocument). A write or another process's sync puts new
// record objects in place, so comparing the records by identity catches a replacement too, not only documents coming
// or going.

/** `build(records, option)` memoised on the records (by identity, in order) and the option. */
export function memoOnRecords<R, O, T>(build: (records: readonly R[], option: O) => T): (records: Iterable<R>, option: O) => T {
  let last: { records: R[]; option: O; value: T } | null = null;
  return (iterable, option) => {
    const records = [...iterable];
    const same = last !== null && last.option === option && last.records.length === records.length && last.records.every((r, i) => r === records[i]);
    if (!same) last = { records, option, value: build(records, option) };
    return last!.value;
  };
}

/** A cache of values read from one stored document (its page map, its paragraph starts), per owner (an open archive,
 *  a store): at most `limit` documents, most recently used last; an entry is stale once the document's bytes or ingest
 *  time changed (a replace, here or in another process). `load` returns null for a document the store lacks. */
export function perDocument<O extends object, T>(limit: number) {
  const caches = new WeakMap<O, Map<string, { sha256: string; ingestedAt: string; value: T }>>();
  return (owner: O, doc: { id: string; sha256: string; ingestedAt: string }, load: () => T | null): T | null => {
    let cache = caches.get(owner);
    if (!cache) caches.set(owner, (cache = new Map()));
    let entry = cache.get(doc.id);
    if (entry && (entry.sha256 !== doc.sha256 || entry.ingestedAt !== doc.ingestedAt)) entry = undefined;
    if (!entry) {
      const value = load();
      if (value === null) return null;
      entry = { sha256: doc.sha256, ingestedAt: doc.ingestedAt, value };
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    }
    // Most recently used last: a Map keeps insertion order.
    cache.delete(doc.id);
    cache.set(doc.id, entry);
    return entry.value;
  };
}
