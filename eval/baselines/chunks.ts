// The pieces a baseline indexes: LangChain's default splitter (RecursiveCharacterTextSplitter, 1000
// characters with 200 overlap) over the raw document texts, or one piece per document for
// document-level benchmarks (LegalQA-NL: one law article per file).
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

export interface SourceText {
  fileName: string;
  text: string;
}

export interface BaselineOptions {
  /** false: one entry per document instead of 1000/200 chunks. Default true. */
  chunk?: boolean;
}

export interface Chunk {
  doc: string;
  text: string;
}

export const langchainChunkSize = 1000;
export const langchainChunkOverlap = 200;

export async function baselineChunks(files: SourceText[], opts: BaselineOptions = {}): Promise<Chunk[]> {
  if (opts.chunk === false) return files.map((f) => ({ doc: f.fileName, text: f.text }));
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: langchainChunkSize, chunkOverlap: langchainChunkOverlap });
  const chunks: Chunk[] = [];
  for (const f of files) {
    for (const text of await splitter.splitText(f.text)) chunks.push({ doc: f.fileName, text });
  }
  return chunks;
}
