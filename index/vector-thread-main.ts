// The vector index's own thread: owns the hnswlib index (index/vector-index.ts) and answers the archive's messages
// in the order they were sent, so a search sent after an add sees the added vectors. Started by vector-thread.ts.
import { parentPort } from 'node:worker_threads';
import { isArchiveError } from '../lib/errors.ts';
import { VectorIndex } from './vector-index.ts';
import type { ToThread, FromThread, WireError } from './vector-thread.ts';

let index: VectorIndex | null = null;

function wire(e: unknown): WireError {
  if (isArchiveError(e)) return { code: e.code, message: e.message, subject: e.subject };
  return { code: 'ERR_INDEX_CORRUPT', message: `vector index: ${e instanceof Error ? e.message : String(e)}` };
}

function need(): VectorIndex {
  if (!index) throw new Error('no index is open');
  return index;
}

function handle(m: ToThread): FromThread | null {
  switch (m.op) {
    case 'open':
      index = null;
      index = VectorIndex.open(m.dir, m.identity);
      return { re: m.re, ok: true, ids: Int32Array.from(index.ids()), tag: index.savedTag ?? undefined };
    case 'create':
      index = VectorIndex.create(m.dir, m.identity);
      return { re: m.re, ok: true };
    case 'add': {
      const dim = need().identity.dimension;
      const vectors = Array.from(m.ids, (_, i) => m.matrix.subarray(i * dim, (i + 1) * dim));
      need().add(Array.from(m.ids), vectors);
      return { added: m.ids.length };
    }
    case 'remove':
      need().remove(Array.from(m.ids));
      return null;
    case 'setEf':
      need().setEfSearch(m.ef);
      return null;
    case 'search': {
      const allowed = m.allowed ? new Set(m.allowed) : null;
      const hits = need().search(m.vector, m.k, allowed ? (id) => allowed.has(id) : undefined);
      return { re: m.re, ok: true, hits: { ids: Int32Array.from(hits, (h) => h.id), scores: Float64Array.from(hits, (h) => h.score) } };
    }
    case 'save':
      need().save(m.tag);
      return { re: m.re, ok: true };
  }
}

parentPort!.on('message', (m: ToThread) => {
  let reply: FromThread | null;
  try {
    reply = handle(m);
  } catch (e) {
    // A failed add or remove has nobody waiting on it: the next request carries the failure.
    reply = 're' in m ? { re: m.re, ok: false, error: wire(e) } : { failed: wire(e) };
  }
  if (reply) parentPort!.postMessage(reply);
});
