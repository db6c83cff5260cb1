// OpenDocument text (.odt) → StructuredText, by walking content.xml (text:h, text:p, text:list, table:table)
// and reading meta.xml. No library understands ODF semantics well enough to be worth its weight, and the
// vocabulary we need is small and stable (ODF 1.2/1.3, OASIS).
import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll } from 'domutils';
import { parseXml, propertyInfo } from './xml.ts';
import { BlockList, FormatError, guarded, nestUnderTitle, type Block, type StructuredText } from './structured.ts';
import { assertZip, entryText, readZip, type ZipContents } from './zip.ts';

export const ODT_MIME = /^application\/vnd\.oasis\.opendocument\.text(-template|-master)?$/;

/**
 * Not running text: comments, tracked deletions, and generated indexes (a table of contents repeats every
 * heading with a page number). Declarations hold no text.
 */
const SKIP = new Set([
  'office:annotation', 'text:tracked-changes', 'text:table-of-content', 'text:alphabetical-index',
  'text:illustration-index', 'text:table-index', 'text:object-index', 'text:user-index', 'text:bibliography',
  'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'office:forms', 'svg:title', 'svg:desc',
  'text:note-citation',
]);

/** Paragraph styles that are the document title: "Title" itself or an automatic style derived from it. */
function titleStyles(content: AnyNode[]): Set<string> {
  const names = new Set(['Title']);
  for (const s of findAll((e) => e.name === 'style:style', content)) {
    if (s.attribs['style:parent-style-name'] === 'Title') names.add(s.attribs['style:name']);
  }
  return names;
}

class OdtWalker {
  readonly notes: string[] = [];

  constructor(
    private readonly out: BlockList,
    private readonly titles: Set<string>,
  ) {}

  /** Block-level content; `kind` is 'list-item' inside lists. */
  blocks(nodes: AnyNode[], kind: Block['kind'] = 'paragraph'): void {
    for (const el of nodes) {
      if (!isTag(el) || SKIP.has(el.name)) continue;
      if (el.name === 'text:h') this.out.push('heading', this.inline(el), Number(el.attribs['text:outline-level'] ?? 1));
      else if (el.name === 'text:p') this.paragraph(el, kind);
      else if (el.name === 'text:list-item' || el.name === 'text:list-header') this.blocks(el.children, 'list-item');
      else if (el.name === 'table:table') this.table(el);
      else this.blocks(el.children, kind); // office:text, text:list, text:section, ...
    }
  }

  private paragraph(p: Element, kind: Block['kind']): void {
    const isTitle = kind === 'paragraph' && this.titles.has(p.attribs['text:style-name']);
    this.out.push(isTitle ? 'heading' : kind, this.inline(p), isTitle ? 0 : undefined);
  }

  /** Rows of the table (header rows and row groups included), cells joined by " | ". */
  private table(table: Element): void {
    const rows = findAll((e) => e.name === 'table:table-row', table.children).filter((r) => nearestTable(r) === table);
    for (const row of rows) {
      // Cells hidden under a merged cell are table:covered-table-cell and carry no text of their own.
      const cells = row.children.filter((c): c is Element => isTag(c) && c.name === 'table:table-cell');
      this.out.pushRow(cells.map((c) => this.inlineAll(c.children)));
    }
  }

  /** Text of a cell, with its paragraphs and lists run together. */
  private inlineAll(nodes: AnyNode[]): string {
    return nodes.map((n) => (isTag(n) && !SKIP.has(n.name) ? ` ${this.inline(n)} ` : '')).join('');
  }

  /** The text of a paragraph. Spaces, tabs and line breaks become spaces; notes are kept for the end. */
  private inline(el: Element): string {
    let text = '';
    for (const n of el.children) {
      if (isText(n)) text += n.data;
      else if (!isTag(n) || SKIP.has(n.name)) continue;
      else if (n.name === 'text:s' || n.name === 'text:tab' || n.name === 'text:line-break') text += ' ';
      else if (n.name === 'text:note') this.notes.push(this.inlineAll(n.children));
      // A text box inside a paragraph holds its own paragraphs: keep them, separated by spaces.
      else if (n.name === 'draw:text-box') text += ` ${this.inlineAll(n.children)} `;
      else text += this.inline(n);
    }
    return text;
  }
}

/** The table:table an element belongs to, so rows of nested tables are not read twice. */
function nearestTable(el: Element): Element | null {
  let p = el.parent;
  while (p && (p as Element).name !== 'table:table') p = p.parent;
  return p as Element | null;
}

/** Open the zip within limits and refuse what is not a readable text document, saying why. */
function openOdt(bytes: Uint8Array): ZipContents {
  assertZip(bytes, 'OpenDocument text (.odt)');
  const zip = readZip(bytes, (n) => n === 'mimetype' || n === 'content.xml' || n === 'meta.xml' || n === 'META-INF/manifest.xml');
  const mime = entryText(zip, 'mimetype')?.trim();
  if (mime && !ODT_MIME.test(mime)) throw new FormatError('unsupported', `OpenDocument file of type ${mime}, not a text document`);
  // A password-protected ODF file is a normal zip whose content.xml is encrypted; the manifest says so.
  if (entryText(zip, 'META-INF/manifest.xml')?.includes('manifest:encryption-data')) {
    throw new FormatError('encrypted', 'password-protected (encrypted) OpenDocument file; remove the password and save again');
  }
  if (!zip.files.has('content.xml')) throw new FormatError('corrupt', 'no content.xml in the OpenDocument file');
  return zip;
}

function metaInfo(zip: ZipContents): StructuredText['info'] {
  // initial-creator is who wrote the document; dc:creator is whoever saved it last.
  return propertyInfo(entryText(zip, 'meta.xml'), 'meta.xml', {
    title: ['dc:title'],
    author: ['meta:initial-creator', 'dc:creator'],
    created: ['meta:creation-date', 'dc:date'],
  });
}

export function parseOdt(bytes: Uint8Array): Promise<StructuredText> {
  return guarded(async () => readOdt(bytes));
}

function readOdt(bytes: Uint8Array): StructuredText {
  const zip = openOdt(bytes);
  const content = parseXml(entryText(zip, 'content.xml')!, 'content.xml');
  const body = findAll((e) => e.name === 'office:text', content.children)[0];
  if (!body) throw new FormatError('unsupported', 'content.xml has no office:text body (not a text document)');
  const out = new BlockList();
  const walker = new OdtWalker(out, titleStyles(content.children));
  walker.blocks(body.children);
  for (const note of walker.notes) out.push('paragraph', note);
  return { blocks: nestUnderTitle(out.blocks), info: metaInfo(zip) };
}
