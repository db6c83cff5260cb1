// The shape every format parser returns (Word, OpenDocument, HTML), the one error type they throw, and the
// small helpers they share so each parser only knows its own markup.
//
// Entry points: sniffContainer (sniff.ts) says which parser fits the bytes; parseDocx (docx.ts), parseOdt
// (odt.ts) and parseHtml (html.ts) return StructuredText or throw FormatError. OCR of scanned PDF pages is
// in ../ocr.ts.

import { ingestDefaults } from '../../lib/config.ts';

export interface Block {
  kind: 'heading' | 'paragraph' | 'list-item';
  text: string;
  /** Headings only: 1 = outermost. */
  level?: number;
}

export interface StructuredText {
  blocks: Block[];
  /** `created` is a calendar date, YYYY-MM-DD (see isoDate). */
  info: { title?: string; author?: string; created?: string };
}

export type FormatErrorKind = 'corrupt' | 'encrypted' | 'unsupported' | 'too-large';

/** Why a file could not be read; `kind` lets the caller decide (skip, ask for a password, raise a limit). */
export class FormatError extends Error {
  readonly kind: FormatErrorKind;

  constructor(kind: FormatErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FormatError';
    this.kind = kind;
  }
}

/** Work limits for container formats (lib/config.ts ingestDefaults.container); tests may lower them. */
export const LIMITS = ingestDefaults.container;

/** Collapse every run of whitespace (including no-break and other Unicode spaces) to one space. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}

/**
 * Collects blocks in document order. It collapses whitespace and drops empty text, so parsers can push
 * whatever they found without checking.
 */
export class BlockList {
  readonly blocks: Block[] = [];

  push(kind: Block['kind'], text: string, level?: number): void {
    const clean = collapse(text);
    if (!clean) return;
    this.blocks.push(kind === 'heading' ? { kind, text: clean, level: level ?? 1 } : { kind, text: clean });
  }

  /** A table row: the non-empty cells joined by " | ", as one paragraph. */
  pushRow(cells: string[]): void {
    this.push('paragraph', cells.map(collapse).filter(Boolean).join(' | '));
  }
}

/**
 * Parsers give a document title (Word's "Title" style, ODF's "Title" paragraph) heading level 0. A document
 * with a title above its "Heading 1" sections then has every heading moved one level down, so the title is
 * level 1 and "1 = outermost" holds. Without a title nothing changes.
 */
export function nestUnderTitle(blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.level === 0)) return blocks;
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, level: (b.level ?? 1) + 1 } : b));
}

/**
 * The calendar date (YYYY-MM-DD) at the start of a metadata date. Time and zone are dropped on purpose:
 * OpenDocument writes local time without a zone, so converting to UTC would shift dates near midnight.
 */
export function isoDate(value: string | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d));
  // Reject impossible dates such as 2023-02-30 rather than passing them on.
  return date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d ? `${y}-${mo}-${d}` : undefined;
}

/** Drop undefined and blank fields so `info` only holds what the file really says. */
export function cleanInfo(info: Record<string, string | undefined>): StructuredText['info'] {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info)) {
    const clean = v === undefined ? '' : collapse(v);
    if (clean) out[k] = clean;
  }
  return out;
}

/**
 * Run a parser so that a document nested deeper than the call stack (100,000 <div>s inside each other)
 * fails as a FormatError instead of an engine RangeError.
 */
export async function guarded<T>(parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (e) {
    if (e instanceof RangeError) throw new FormatError('too-large', `document is nested too deeply to read (${e.message})`, { cause: e });
    throw e;
  }
}
