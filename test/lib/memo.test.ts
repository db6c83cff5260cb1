import { describe, expect, it } from 'vitest';
import { memoOnRecords } from '../../lib/memo.ts';

describe('memoOnRecords', () => {
  it('rebuilds when a record is replaced, added or removed, and not otherwise', () => {
    let builds = 0;
    const names = memoOnRecords((records: readonly { org: string }[], upper: boolean) => {
      builds++;
      return records.map((r) => (upper ? r.org.toUpperCase() : r.org));
    });
    const a = { org: 'PvdA' };
    const b = { org: 'SP' };
    const docs = new Map([['a', a], ['b', b]]);
    expect(names(docs.values(), false)).toEqual(['PvdA', 'SP']);
    expect(names(docs.values(), false)).toEqual(['PvdA', 'SP']);
    expect(builds).toBe(1);
    docs.set('b', { org: 'GroenLinks' }); // same count, a replaced record: the old cache keyed on size missed this
    expect(names(docs.values(), false)).toEqual(['PvdA', 'GroenLinks']);
    expect(names(docs.values(), true)).toEqual(['PVDA', 'GROENLINKS']);
    docs.delete('a');
    expect(names(docs.values(), true)).toEqual(['GROENLINKS']);
    expect(builds).toBe(4);
  });
});
