// A LangChain retriever over the archive, so LangChain chains can use it like any other retriever:
// `new ArchiveRetriever({ archive, mode: 'hybrid', k: 5 }).invoke('Wat is wethouderssocialisme?')`.
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { Archive } from '../archive/api.ts';
import type { SearchFilters, SearchMode } from '../lib/types.ts';

export interface ArchiveRetrieverInput extends BaseRetrieverInput {
  archive: Archive;
  mode?: SearchMode;
  k?: number;
  filters?: SearchFilters;
}

export class ArchiveRetriever extends BaseRetriever {
  lc_namespace = ['raadsarchief', 'retrievers'];
  private readonly archive: Archive;
  private readonly mode: SearchMode;
  private readonly k: number;
  private readonly filters?: SearchFilters;

  constructor(fields: ArchiveRetrieverInput) {
    super(fields);
    this.archive = fields.archive;
    this.mode = fields.mode ?? 'hybrid';
    this.k = fields.k ?? 5;
    this.filters = fields.filters;
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const hits = await this.archive.search(query, { mode: this.mode, k: this.k, filters: this.filters });
    return hits.map(
      (h) =>
        new Document({
          pageContent: h.text,
          metadata: {
            docId: h.docId,
            title: h.document.title,
            year: h.document.year,
            organisation: h.document.organisation,
            fileName: h.document.fileName,
            pageFirst: h.pageFirst,
            pageLast: h.pageLast,
            place: h.place,
            headingPath: h.headingPath,
            start: h.start,
            end: h.end,
            score: h.score,
            signals: h.signals,
          },
        }),
    );
  }
}
