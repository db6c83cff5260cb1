import { describe, expect, it } from 'vitest';
import { archiveTarget } from '../../eval/archive-target.ts';
import type { Hit, SearchOptions } from '../../lib/types.ts';

function hit(fileName: string, text: string, score: number, rank: number): Hit {
  return {
    rank, score, signals: {}, passageIds: [rank], docId: fileName.replace(/\.txt$/, ''),
    document: { id: fileName.replace(/\.txt$/, ''), title: 't', year: null, organisation: null, fileName, pageKind: 'page' },
    text, start: 0, end: text.length, pageFirst: 1, pageLast: 1, place: 'p. 1', headingPath: [], highlights: [],
  };
}

describe('archiveTarget', () => {
  const calls: SearchOptions[] = [];
  const archive = {
    search: async (_q: string, opts?: SearchOptions) => {
      calls.push(opts!);
      return [hit('a.txt', 'eerste', 0.9, 1), hit('b.txt', 'tweede', 0.5, 2)].slice(0, opts?.k);
    },
  };

  it('searches in its mode and maps hits to file name, text and score', async () => {
    const t = archiveTarget(archive, 'lexical');
    expect(t.name).toBe('lexical');
    expect(t.abstains).toBeUndefined();
    expect(await t.search('vraag', 2)).toEqual([{ doc: 'a.txt', text: 'eerste', score: 0.9 }, { doc: 'b.txt', text: 'tweede', score: 0.5 }]);
    expect(calls.at(-1)).toEqual({ mode: 'lexical', k: 2 });
  });

  it('abstains by the given rule over this mode\'s hits', async () => {
    const t = archiveTarget(archive, 'dense', { abstainRule: (_q, hits) => hits[0].score < 0.95 });
    expect(await t.abstains!('vraag')).toBe(true);
    expect(calls.at(-1)).toEqual({ mode: 'dense', k: 10 });
  });
});
