// Bounded reading of ZIP containers (docx, odt) and recognition of OLE compound files (old .doc and
// password-protected Office files).
//
// We read the central directory ourselves (a fixed, documented layout) instead of using a zip library's
// one-shot unzip: fflate's unzipSync keeps decoding past an entry's declared size and jszip inflates a whole
// entry before checking it, so a zip bomb would cost gigabytes of work. Here each wanted entry is inflated
// in small slices with fflate's streaming Inflate and abandoned as soon as it exceeds its declared size or
// the archive-wide budget, so work and memory stay bounded.
import { Inflate } from 'fflate';
import { FormatError, LIMITS } from './structured.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Office encrypts a .docx by wrapping it in an OLE file with this stream (name stored as UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const END_SEARCH = 22 + 0xffff;
/** Compressed bytes pushed per step: deflate expands at most ~1032x, so one step yields at most ~4 MB. */
const SLICE = 4 * 1024;
const MB = 2 ** 20;

export function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

/** "PK\3\4" (a local header) or "PK\5\6" (the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * For an OLE compound file, the error to report: Office saves a password-protected .docx/.xlsx as OLE with an
 * EncryptedPackage stream; any other OLE file is a pre-2007 binary format (.doc, .xls) we do not read.
 */
export function oleError(bytes: Uint8Array): FormatError | null {
  if (!startsWith(bytes, OLE_MAGIC)) return null;
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) {
    return new FormatError('encrypted', 'password-protected (encrypted) Office document; remove the password and save again');
  }
  return new FormatError('unsupported', 'old binary Office format (OLE compound file, e.g. Word 97-2003 .doc); save it as .docx or .odt');
}

/** Reject what is not a ZIP before parsing: OLE files (encrypted or old Office) and other bytes. */
export function assertZip(bytes: Uint8Array, what: string): void {
  const ole = oleError(bytes);
  if (ole) throw ole;
  if (!isZip(bytes)) throw new FormatError('corrupt', `not a ${what} file: no ZIP signature`);
}

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

function corrupt(reason: string): FormatError {
  return new FormatError('corrupt', `corrupt or truncated ZIP archive: ${reason}`);
}

/** List the entries from the central directory without inflating anything; at most `max` are read. */
export function listZip(bytes: Uint8Array, max = LIMITS.maxEntries): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - END_SEARCH);
  while (end >= stop && v.getUint32(end, true) !== SIG.end) end--;
  if (end < stop) throw corrupt('no end-of-archive record');
  const count = v.getUint16(end + 10, true);
  if (count === 0xffff || count > LIMITS.maxEntries) {
    throw new FormatError('too-large', `archive has more than ${LIMITS.maxEntries} entries (possible zip bomb)`);
  }
  const entries: ZipEntry[] = [];
  let at = v.getUint32(end + 16, true);
  for (let i = 0; i < Math.min(count, max); i++) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== SIG.central) throw corrupt('bad central directory');
    const nameLen = v.getUint16(at + 28, true);
    const extraLen = v.getUint16(at + 30, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: v.getUint16(at + 10, true),
      encrypted: (v.getUint16(at + 8, true) & 1) === 1,
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      headerOffset: v.getUint32(at + 42, true),
    };
    applyZip64(v, entry, at + 46 + nameLen, extraLen);
    entries.push(entry);
    at += 46 + nameLen + extraLen + v.getUint16(at + 32, true);
  }
  return entries;
}

/** ZIP64 writers store 0xFFFFFFFF in the header and the real values in extra field 0x0001, in this order. */
function applyZip64(v: DataView, e: ZipEntry, start: number, length: number): void {
  const fields = (['size', 'compressedSize', 'headerOffset'] as const).filter((k) => e[k] === 0xffffffff);
  if (fields.length === 0) return;
  for (let at = start; at + 4 <= start + length; at += 4 + v.getUint16(at + 2, true)) {
    if (v.getUint16(at, true) !== 1) continue;
    fields.forEach((k, i) => (e[k] = Number(v.getBigUint64(at + 4 + 8 * i, true))));
    return;
  }
  throw corrupt(`ZIP64 entry ${e.name} without its sizes`);
}

/** The compressed bytes of an entry, found through its local header. */
function rawData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.headerOffset;
  if (at + 30 > bytes.length || v.getUint32(at, true) !== SIG.local) throw corrupt(`bad local header for ${e.name}`);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw corrupt(`${e.name} is cut off`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** Inflate one entry, giving up as soon as it outgrows its declared size (a lying header) or `budget`. */
function inflateEntry(bytes: Uint8Array, e: ZipEntry, budget: number): Uint8Array {
  if (e.encrypted || e.method === 99) throw new FormatError('encrypted', `ZIP entry ${e.name} is encrypted`);
  if (e.size > budget) throw tooLarge();
  const data = rawData(bytes, e);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new FormatError('unsupported', `ZIP entry ${e.name} uses compression method ${e.method}`);
  // Chunks are kept until the end so memory follows the real size, not a header's claim.
  const chunks: Uint8Array[] = [];
  let filled = 0;
  const inflate = new Inflate((chunk) => {
    if (filled + chunk.length > e.size) {
      throw new FormatError('too-large', `ZIP entry ${e.name} inflates beyond its declared ${e.size} bytes (possible zip bomb)`);
    }
    chunks.push(chunk);
    filled += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw corrupt(`${e.name} does not inflate (${(err as Error).message})`);
  }
  if (filled !== e.size) throw corrupt(`${e.name} inflates to ${filled} bytes, not the declared ${e.size}`);
  return Buffer.concat(chunks, filled);
}

function tooLarge(): FormatError {
  const limit = `more than ${Math.round(LIMITS.maxInflatedBytes / MB)} MB`;
  return new FormatError('too-large', `archive inflates to ${limit} (possible zip bomb)`);
}

export interface ZipContents {
  /** Every entry name, in central-directory order. */
  names: string[];
  /** The inflated bytes of the entries that `want` selected. */
  files: Map<string, Uint8Array>;
}

/**
 * List a ZIP's entries and inflate those `want` selects. Throws FormatError: 'too-large' past the entry or
 * inflated-size limits, 'encrypted' for encrypted entries, 'corrupt' when the archive cannot be read.
 */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean): ZipContents {
  const entries = listZip(bytes);
  const files = new Map<string, Uint8Array>();
  let budget = LIMITS.maxInflatedBytes;
  for (const e of entries) {
    if (!want(e.name)) continue;
    const data = inflateEntry(bytes, e, budget);
    budget -= data.length;
    files.set(e.name, data);
  }
  return { names: entries.map((e) => e.name), files };
}

/** UTF-8 text of one entry, or undefined when it was not read. */
export function entryText(zip: ZipContents, name: string): string | undefined {
  const bytes = zip.files.get(name);
  return bytes && new TextDecoder('utf-8').decode(bytes);
}
