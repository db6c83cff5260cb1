// Persistent approximate nearest-neighbour index over passage vectors (hnswlib, cosine space).
// Derived data: the store holds the vectors, so any doubt about this file (corrupt, foreign embedder)
// is reported as an error the caller answers by rebuilding from the store.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { hnswDefaults } from '../lib/config.ts';
import { ArchiveError } from '../lib/errors.ts';
import type { EmbedderIdentity, ScoredId } from './types.ts';
import { fsyncFile, removeStaleTemps, sha256, tmpSuffix } from './saved-files.ts';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface HnswParams {
  M: number;
  efConstruction: number;
  efSearch: number;
  initialCapacity: number;
}

/** What the sidecar records: everything hnswlib's own file does not (space, dimension, ef, identity). */
interface Sidecar {
  format: 1;
  space: 'cosine';
  identity: EmbedderIdentity;
  params: HnswParams;
  capacity: number;
  /** Live (not deleted) points. */
  count: number;
  /** Labels marked deleted that may still occupy a slot (a superset; stale entries are harmless). */
  deleted: number[];
  indexBytes: number;
  indexSha256: string;
  /** What the saved index reflects, as its owner said (the archive's store generation). */
  tag?: string;
}

const INDEX_FILE = 'hnsw.bin';
const SIDECAR_FILE = 'hnsw.json';
// hnswlib's graph construction draws levels from this seed: fixed so rebuilds are reproducible.
const RANDOM_SEED = 100;

export class VectorIndex {
  readonly dir: string;
  readonly identity: EmbedderIdentity;
  readonly params: HnswParams;
  private hnsw: Hnsw;
  private live: Set<number>;
  /** The tag of the saved index this one was opened from or last saved as. */
  savedTag: string | null = null;
  private deleted: Set<number>;

  private constructor(dir: string, identity: EmbedderIdentity, params: HnswParams, hnsw: Hnsw, live: Set<number>, deleted: Set<number>) {
    this.dir = dir;
    this.identity = identity;
    this.params = params;
    this.hnsw = hnsw;
    this.live = live;
    this.deleted = deleted;
  }

  /**
   * Loads the index in `dir`, or starts an empty one when there is none. Throws ERR_EMBEDDER_MISMATCH when
   * the index was built by another embedder and ERR_INDEX_CORRUPT when its files do not agree; the caller
   * answers both with `VectorIndex.create` and a rebuild from the store.
   */
  static open(dir: string, identity: EmbedderIdentity, params: Partial<HnswParams> = {}): VectorIndex {
    const sidecarPath = join(dir, SIDECAR_FILE);
    const indexPath = join(dir, INDEX_FILE);
    removeStaleTemps(dir);
    if (!existsSync(sidecarPath)) {
      if (existsSync(indexPath)) throw new ArchiveError('ERR_INDEX_CORRUPT', 'index file without its sidecar', indexPath);
      return VectorIndex.create(dir, identity, params);
    }
    const sidecar = readSidecar(sidecarPath);
    checkIdentityAgainst(sidecar.identity, identity);
    if (!existsSync(indexPath)) throw new ArchiveError('ERR_INDEX_CORRUPT', 'index file missing', indexPath);
    const bytes = readFileSync(indexPath);
    if (bytes.length !== sidecar.indexBytes) {
      throw new ArchiveError('ERR_INDEX_CORRUPT', `index file has ${bytes.length} bytes, expected ${sidecar.indexBytes}`, indexPath);
    }
    if (sha256(bytes) !== sidecar.indexSha256) throw new ArchiveError('ERR_INDEX_CORRUPT', 'index file checksum differs', indexPath);

    const hnsw = new HierarchicalNSW('cosine', sidecar.identity.dimension);
    try {
      hnsw.readIndexSync(indexPath, true);
    } catch (e) {
      throw new ArchiveError('ERR_INDEX_CORRUPT', `hnswlib cannot read it (${(e as Error).message})`, indexPath);
    }
    const p = { ...sidecar.params, ...params };
    // ef is not stored in hnswlib's file and comes back as 10.
    hnsw.setEf(p.efSearch);
    const deleted = new Set(sidecar.deleted);
    const live = new Set(hnsw.getIdsList().filter((id) => !deleted.has(id)));
    if (live.size !== sidecar.count) {
      throw new ArchiveError('ERR_INDEX_CORRUPT', `holds ${live.size} vectors, sidecar says ${sidecar.count}`, indexPath);
    }
    const index = new VectorIndex(dir, sidecar.identity, p, hnsw, live, deleted);
    index.savedTag = sidecar.tag ?? null;
    return index;
  }

  /** A new, empty index for `identity`; existing files in `dir` are replaced at the next `save()`. */
  static create(dir: string, identity: EmbedderIdentity, params: Partial<HnswParams> = {}): VectorIndex {
    const p: HnswParams = { ...hnswDefaults, ...params };
    const hnsw = new HierarchicalNSW('cosine', identity.dimension);
    hnsw.initIndex({ maxElements: p.initialCapacity, m: p.M, efConstruction: p.efConstruction, randomSeed: RANDOM_SEED, allowReplaceDeleted: true });
    hnsw.setEf(p.efSearch);
    return new VectorIndex(dir, { ...identity }, p, hnsw, new Set(), new Set());
  }

  /** Live vectors. */
  get size(): number {
    return this.live.size;
  }

  get capacity(): number {
    return this.hnsw.getMaxElements();
  }

  get efSearch(): number {
    return this.hnsw.getEf();
  }

  has(id: number): boolean {
    return this.live.has(id);
  }

  ids(): number[] {
    return [...this.live];
  }

  /** Adds or replaces vectors (ids are passage ids). Grows the index by doubling when full. */
  add(ids: number[], vectors: Float32Array[]): void {
    if (ids.length !== vectors.length) throw new ArchiveError('ERR_BAD_REQUEST', `${ids.length} ids for ${vectors.length} vectors`);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const v = vectors[i]!;
      if (v.length !== this.identity.dimension) {
        throw new ArchiveError('ERR_EMBEDDER_MISMATCH', `vector of length ${v.length} for an index of dimension ${this.identity.dimension}`);
      }
      if (!Number.isSafeInteger(id) || id < 0) throw new ArchiveError('ERR_BAD_REQUEST', `vector id must be a non-negative integer, got ${id}`);
      const point = Array.from(v);
      if (this.live.has(id)) {
        this.hnsw.addPoint(point, id); // updates in place
        continue;
      }
      if (this.deleted.delete(id) && this.undelete(id)) {
        this.hnsw.addPoint(point, id);
      } else {
        // A new label takes a deleted slot when one is free; only then can the index be full.
        if (this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements() && !this.hasFreeSlot()) this.grow();
        this.hnsw.addPoint(point, id, true);
      }
      this.live.add(id);
    }
  }

  /** Marks vectors deleted; their slots are reused by later adds. Unknown ids are ignored. */
  remove(ids: number[]): void {
    for (const id of ids) {
      if (!this.live.delete(id)) continue;
      this.hnsw.markDelete(id);
      this.deleted.add(id);
    }
  }

  /** The k nearest live vectors by cosine similarity (score in [-1, 1], best first). */
  search(vector: Float32Array, k: number, filter?: (id: number) => boolean): ScoredId[] {
    if (vector.length !== this.identity.dimension) {
      throw new ArchiveError('ERR_EMBEDDER_MISMATCH', `query vector of length ${vector.length} for an index of dimension ${this.identity.dimension}`);
    }
    const n = Math.min(Math.floor(k), this.live.size);
    if (n <= 0) return [];
    // hnswlib searches with max(ef, k) candidates, so a large k stays exact enough without touching ef.
    const ef = scaledEf(this.params.efSearch, this.live.size);
    if (this.hnsw.getEf() !== ef) this.hnsw.setEf(ef);
    const res = this.hnsw.searchKnn(Array.from(vector), n, filter);
    return res.neighbors.map((id, i) => ({ id, score: 1 - res.distances[i]! }));
  }

  /** Changes efSearch for this session (and for the index saved next). */
  setEfSearch(ef: number): void {
    this.params.efSearch = ef;
    this.hnsw.setEf(ef);
  }

  /** Writes the index atomically: index to a temp file, rename; then the sidecar the same way, last. */
  save(tag?: string): void {
    mkdirSync(this.dir, { recursive: true });
    const indexPath = join(this.dir, INDEX_FILE);
    const sidecarPath = join(this.dir, SIDECAR_FILE);
    const indexTmp = indexPath + tmpSuffix();
    this.hnsw.writeIndexSync(indexTmp);
    fsyncFile(indexTmp);
    const bytes = readFileSync(indexTmp);
    // Drop tombstones whose slot has since been taken by another label.
    const labels = new Set(this.hnsw.getIdsList());
    for (const id of this.deleted) if (!labels.has(id)) this.deleted.delete(id);
    const sidecar: Sidecar = {
      format: 1,
      space: 'cosine',
      identity: this.identity,
      params: this.params,
      capacity: this.hnsw.getMaxElements(),
      count: this.live.size,
      deleted: [...this.deleted],
      indexBytes: bytes.length,
      indexSha256: sha256(bytes),
      tag,
    };
    this.savedTag = tag ?? null;
    renameSync(indexTmp, indexPath);
    const sidecarTmp = sidecarPath + tmpSuffix();
    writeFileSync(sidecarTmp, JSON.stringify(sidecar, null, 1));
    fsyncFile(sidecarTmp);
    renameSync(sidecarTmp, sidecarPath);
  }

  /** Whether some slot holds a deleted point (a new label can take it). */
  private hasFreeSlot(): boolean {
    return this.hnsw.getCurrentCount() > this.live.size;
  }

  /** Doubling keeps the O(N) resize copies to O(log N) of them over a bulk load. */
  private grow(): void {
    this.hnsw.resizeIndex(Math.max(this.params.initialCapacity, this.hnsw.getMaxElements() * 2));
  }

  /** Unmarks a deleted label still in the index; false when its slot was taken by another label. */
  private undelete(id: number): boolean {
    try {
      this.hnsw.unmarkDelete(id);
      return true;
    } catch {
      return false;
    }
  }
}

function checkIdentityAgainst(indexed: EmbedderIdentity, current: EmbedderIdentity): void {
  const same = indexed.name === current.name && indexed.dimension === current.dimension && indexed.version === current.version;
  if (!same) {
    throw new ArchiveError(
      'ERR_EMBEDDER_MISMATCH',
      `the vector index was built with ${describeIdentity(indexed)}, the active embedder is ${describeIdentity(current)}`,
    );
  }
}

function describeIdentity(i: EmbedderIdentity): string {
  return `${i.name} (dimension ${i.dimension}, version ${i.version})`;
}

function readSidecar(path: string): Sidecar {
  let s: Sidecar;
  try {
    s = JSON.parse(readFileSync(path, 'utf8')) as Sidecar;
  } catch (e) {
    throw new ArchiveError('ERR_INDEX_CORRUPT', `sidecar unreadable (${(e as Error).message})`, path);
  }
  if (s.format !== 1 || s.space !== 'cosine' || !s.identity || typeof s.indexSha256 !== 'string') {
    throw new ArchiveError('ERR_INDEX_CORRUPT', 'sidecar has an unknown layout', path);
  }
  return s;
}

/** The efSearch a search uses: the configured one up to 10k vectors, growing with the index beyond that (capped).
 *  On the archive's real vectors recall@10 at efSearch 128 fell from 0.990 at 10k to 0.938 at 93k, and each doubling
 *  of ef halved the misses there (BENCHMARKS.md), so ef grows in proportion to size to hold recall near 0.99. */
export function scaledEf(efSearch: number, size: number): number {
  return Math.min(hnswDefaults.maxEfSearch, Math.max(efSearch, Math.ceil((efSearch * size) / 10_000)));
}
