// Baseline (a): the LangChain default pipeline a newcomer would write: RecursiveCharacterTextSplitter
// 1000/200 over the raw texts, our embedder behind LangChain's Embeddings, the community HNSWLib store
// (cosine space, its default ef), similaritySearch. Same embedder as ours, so differences come from
// chunking, indexing and ranking.
import { Embeddings } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { baselineChunks, type BaselineOptions, type SourceText } from './chunks.ts';
import type { Embedder } from '../../index/types.ts';
import type { EvalTarget } from '../types.ts';

/** Our Embedder seen through LangChain's Embeddings interface. */
export class EmbedderEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedder.embedPassages(texts)).map((v) => Array.from(v));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(await this.embedder.embedQuery(text));
  }
}

export async function buildLangchainBaseline(files: SourceText[], embedder: Embedder, opts: BaselineOptions = {}): Promise<EvalTarget> {
  const chunks = await baselineChunks(files, opts);
  const store = await HNSWLib.fromDocuments(
    chunks.map((c) => new Document({ pageContent: c.text, metadata: { doc: c.doc } })),
    new EmbedderEmbeddings(embedder),
  );
  return {
    name: 'baseline:langchain',
    async search(query, k) {
      // HNSWLib returns cosine distances; 1 - distance keeps "higher is better".
      const results = await store.similaritySearchWithScore(query, Math.min(k, chunks.length));
      return results.map(([d, distance]) => ({ doc: String(d.metadata.doc), text: d.pageContent, score: 1 - distance }));
    },
  };
}
