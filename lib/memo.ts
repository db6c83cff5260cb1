// Values derived from the archive's document records (name indexes for questions that name a source), rebuilt only
// when the records change. A write or another process's sync puts new record objects in place, so comparing the
// records by identity catches a replacement too, not only documents coming or going.

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
