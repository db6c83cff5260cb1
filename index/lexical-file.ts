// The lexical index saved beside the store, so that opening a large archive reads it instead of adding every stored
// passage's terms again (BENCHMARKS.md). Derived data like the vector index: the file names what it reflects (a tag
// its owner gives, the store generation and terms epoch), and a file that is damaged or of another layout is reported,
// never trusted; the caller then rebuilds from the store.
// Layout: "RALEX\n", a uint32 header length, the JSON header, then the arrays (native byte order, recorded) at 4-byte
// aligned offsets and the terms as UTF-8, space-separated like the store's terms column.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { fsyncFile, removeStaleTemps, tmpSuffix } from './saved-files.ts';

/** The index as flat arrays, for saving: passages as rows without gaps, terms that some passage holds, and each term's
 *  postings (rows and term frequencies) at [postStart[t], postStart[t + 1]). */
export interface LexicalSnapshot {
  ids: Int32Array;
  /** Term occurrences per row (BM25's length). */
  lengths: Int32Array;
  terms: string[];
  postStart: Int32Array;
  postRows: Int32Array;
  postTfs: Uint16Array;
}

const FILE = 'lexical.bin';
const MAGIC = Buffer.from('RALEX\n');

interface Header {
  format: 1;
  endianness: 'LE' | 'BE';
  tag: string;
  rows: number;
  terms: number;
  postings: number;
  termBytes: number;
  /** Of the header's other fields (as JSON, in this order) and the data: a damaged tag is caught like damaged data. */
  sha256: string;
}

type Fields = Omit<Header, 'sha256'>;

export type ReadLexical = { snapshot: LexicalSnapshot; tag: string } | { problem: string } | null;

/** Writes the snapshot atomically (temp file, fsync, rename). */
export function saveLexicalFile(dir: string, snap: LexicalSnapshot, tag: string): void {
  mkdirSync(dir, { recursive: true });
  const termBytes = Buffer.from(snap.terms.join(' '), 'utf8');
  // The data as views of the snapshot's arrays, copied once, into the file's bytes.
  const body: Uint8Array[] = [snap.ids, snap.lengths, snap.postStart, snap.postRows, snap.postTfs].map(bytesOf);
  body.push(new Uint8Array(pad4(snap.postTfs.byteLength)), termBytes);
  const fields: Fields = {
    format: 1, endianness: endianness(), tag,
    rows: snap.ids.length, terms: snap.terms.length, postings: snap.postRows.length, termBytes: termBytes.length,
  };
  const json = Buffer.from(JSON.stringify({ ...fields, sha256: checksum(fields, body) } satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const path = join(dir, FILE);
  const tmp = path + tmpSuffix();
  writeFileSync(tmp, Buffer.concat([MAGIC, length, json, Buffer.alloc(pad4(MAGIC.length + 4 + json.length)), ...body]));
  fsyncFile(tmp);
  renameSync(tmp, path);
}

/** The saved snapshot and its tag; null when there is none; a problem when the file cannot be trusted. */
export function readLexicalFile(dir: string): ReadLexical {
  removeStaleTemps(dir);
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { problem: `unreadable (${(e as Error).message})` };
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { problem: 'not a lexical index file' };
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const header = parseHeader(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonLength));
  if (header === null) return { problem: 'header unreadable' };
  if (header.format !== 1 || header.endianness !== endianness()) return { problem: 'written in another layout' };
  const at = MAGIC.length + 4 + jsonLength;
  const body = bytes.subarray(at + pad4(at));
  const { sha256: expectedSum, ...fields } = header;
  const { rows, terms, postings, termBytes } = fields;
  const expected = 4 * (2 * rows + terms + 1 + postings) + 2 * postings + pad4(2 * postings) + termBytes;
  if (body.length !== expected) return { problem: `${body.length} bytes of data, expected ${expected}` };
  if (checksum(fields, [body]) !== expectedSum) return { problem: 'checksum differs' };
  // Copied out of the file's buffer: typed arrays need aligned offsets, and the copies let the buffer go.
  let offset = 0;
  const take = <T>(make: (b: ArrayBufferLike) => T, n: number): T => {
    const slice = body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + n);
    offset += n;
    return make(slice);
  };
  const snapshot: LexicalSnapshot = {
    ids: take((b) => new Int32Array(b), 4 * rows),
    lengths: take((b) => new Int32Array(b), 4 * rows),
    postStart: take((b) => new Int32Array(b), 4 * (terms + 1)),
    postRows: take((b) => new Int32Array(b), 4 * postings),
    postTfs: take((b) => new Uint16Array(b), 2 * postings),
    terms: [],
  };
  offset += pad4(2 * postings);
  snapshot.terms = terms === 0 ? [] : body.toString('utf8', offset, offset + termBytes).split(' ');
  return wellFormed(snapshot) ? { snapshot, tag: header.tag } : { problem: 'inconsistent contents' };
}

/** The header when it has the fields and types a file of this program writes, else null. */
function parseHeader(json: string): Header | null {
  let h: unknown;
  try {
    h = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof h !== 'object' || h === null) return null;
  const r = h as Record<string, unknown>;
  const counts = ['rows', 'terms', 'postings', 'termBytes'].every((k) => Number.isSafeInteger(r[k]) && (r[k] as number) >= 0);
  return counts && typeof r.tag === 'string' && typeof r.sha256 === 'string' ? (h as Header) : null;
}

/** Of the header's fields and the data, fed piece by piece (no 50 MB copy). */
function checksum(fields: Fields, body: readonly Uint8Array[]): string {
  const hash = createHash('sha256').update(JSON.stringify(fields));
  for (const part of body) hash.update(part);
  return hash.digest('hex');
}

/** A checksum catches damage, not a writer's bug: what an index relies on is checked before it trusts the file (rows
 *  and terms once each, posting ranges in bounds, term frequencies and lengths that a passage can have). */
function wellFormed(s: LexicalSnapshot): boolean {
  const rows = s.ids.length;
  if (s.terms.length !== s.postStart.length - 1 || s.postStart[0] !== 0 || s.postStart[s.terms.length] !== s.postRows.length) return false;
  if (new Set(s.ids).size !== rows || new Set(s.terms).size !== s.terms.length || s.lengths.some((n) => n < 0)) return false;
  for (let t = 0; t < s.terms.length; t++) if (s.postStart[t + 1] <= s.postStart[t]) return false;
  for (let i = 0; i < s.postRows.length; i++) if (s.postRows[i] < 0 || s.postRows[i] >= rows || s.postTfs[i] === 0) return false;
  return true;
}

function bytesOf(a: Int32Array | Uint16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Bytes that bring `n` up to a multiple of 4. */
function pad4(n: number): number {
  return (4 - (n % 4)) % 4;
}
