// Baseline (b): plain BM25 with no Dutch analysis, MiniSearch with its default options (no stemming,
// compounds or stop words) over the same chunks as the LangChain baseline.
import MiniSearch from 'minisearch';
import { baselineChunks, type BaselineOptions, type SourceText } from './chunks.ts';
import type { EvalTarget } from '../types.ts';

export async function buildPlainBm25Baseline(files: SourceText[], opts: BaselineOptions = {}): Promise<EvalTarget> {
  const chunks = await baselineChunks(files, opts);
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(chunks.map((c, id) => ({ id, text: c.text })));
  return {
    name: 'baseline:bm25-plain',
    async search(query, k) {
      return index.search(query).slice(0, k).map((r) => ({ doc: chunks[r.id].doc, text: chunks[r.id].text, score: r.score }));
    },
  };
}
