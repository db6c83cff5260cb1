// Adapts the archive (lib/archive-api.ts) to the harness: one target per search mode.
import type { Archive } from '../lib/archive-api.ts';
import type { SearchMode } from '../lib/types.ts';
import type { EvalTarget } from './types.ts';

export interface ArchiveTargetOptions {
  /** Whether the answer layer would say "Hierover staat niets in het archief." for a query; the archive
   *  facade has no answer call, so the caller supplies it (e.g. top-1 score below the answer threshold). */
  abstains?: (query: string) => Promise<boolean>;
}

export function archiveTarget(archive: Archive, mode: SearchMode, opts: ArchiveTargetOptions = {}): EvalTarget {
  return {
    name: mode,
    async search(query, k) {
      const hits = await archive.search(query, { mode, k });
      return hits.map((h) => ({ doc: h.document.fileName, text: h.text, score: h.score }));
    },
    ...(opts.abstains ? { abstains: opts.abstains } : {}),
  };
}
