// Adapts the archive (lib/archive-api.ts) to the harness: one target per search mode.
import type { Archive } from '../archive/api.ts';
import type { Hit, SearchMode } from '../lib/types.ts';
import type { EvalTarget } from './types.ts';

export interface ArchiveTargetOptions {
  /** The answer layer's abstention rule (answer/evidence.ts `abstains`). When given, the target abstains
   *  when the rule says so for this mode's top `abstainDepth` hits. */
  abstainRule?: (question: string, hits: readonly Hit[]) => boolean;
  /** Hits the abstention rule sees. Default 10. */
  abstainDepth?: number;
}

export function archiveTarget(archive: Pick<Archive, 'search'>, mode: SearchMode, opts: ArchiveTargetOptions = {}): EvalTarget {
  const rule = opts.abstainRule;
  return {
    name: mode,
    async search(query, k) {
      const hits = await archive.search(query, { mode, k });
      return hits.map((h) => ({ doc: h.document.fileName, text: h.text, score: h.score }));
    },
    ...(rule ? { abstains: async (query: string) => rule(query, await archive.search(query, { mode, k: opts.abstainDepth ?? 10 })) } : {}),
  };
}
