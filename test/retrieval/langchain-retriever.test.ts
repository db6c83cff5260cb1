// The archive as a LangChain retriever: LangChain's own Runnable interface (`invoke`) over the real corpus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../archive/api.ts';
import { ArchiveRetriever } from '../../retrieval/langchain-retriever.ts';
import { openCorpusArchive } from '../corpus.ts';

describe('ArchiveRetriever', () => {
  let corpus: Awaited<ReturnType<typeof openCorpusArchive>>;
  let archive: Archive;
  beforeAll(async () => {
    corpus = await openCorpusArchive('lc');
    archive = corpus.archive;
  });
  afterAll(async () => corpus?.close());

  it('returns LangChain Documents with citations in their metadata', async () => {
    const retriever = new ArchiveRetriever({ archive, k: 3 });
    const docs = await retriever.invoke('Wat is wethouderssocialisme?');
    expect(docs).toHaveLength(3);
    expect(docs.some((d) => d.pageContent.toLowerCase().includes('wethouderssocialisme'))).toBe(true);
    for (const d of docs) {
      expect(archive.getDocumentText(d.metadata.docId)!.slice(d.metadata.start, d.metadata.end)).toBe(d.pageContent);
      expect(d.metadata).toMatchObject({ pageFirst: expect.any(Number), title: expect.any(String) });
    }
  });

  it('passes mode and filters through', async () => {
    const retriever = new ArchiveRetriever({ archive, mode: 'lexical', k: 5, filters: { documents: ['004_10e39ddcb2732d17'] } });
    const docs = await retriever.invoke('wethouder');
    expect(docs.length).toBeGreaterThan(0);
    expect(new Set(docs.map((d) => d.metadata.docId))).toEqual(new Set(['004_10e39ddcb2732d17']));
  });
});
