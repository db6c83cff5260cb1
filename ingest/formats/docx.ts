// Word (.docx) → StructuredText.
//
// mammoth does the Word-specific work: it resolves paragraph styles (and so headings), numbering (lists),
// tables, footnotes and endnotes, hyperlinks, fields, tracked changes and text boxes (once, not twice like a
// naive walk over mc:AlternateContent), and writes simple HTML that dom-blocks.ts turns into blocks. Before
// mammoth sees the file we open it with our bounded zip reader and hand mammoth a stored (uncompressed)
// copy of just the XML parts, so its own unzipper can never be zip-bombed and never inflates images.
import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { findAll, removeElement } from 'domutils';
import { domToBlocks } from './dom-blocks.ts';
import { parseXml, propertyInfo } from './xml.ts';
import { BlockList, FormatError, guarded, nestUnderTitle, type StructuredText } from './structured.ts';
import { assertZip, entryText, readZip, type ZipContents } from './zip.ts';

/**
 * Word stores built-in style names in English ("heading 1", which mammoth maps by default), but files from
 * other tools or old templates can carry the Dutch name or style id ("Kop 1", "Kop1"). "Title"/"Titel" become
 * h0: the document title, above level 1 (nestUnderTitle).
 */
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='Kop ${n}'] => h${n}:fresh`, `p.Kop${n} => h${n}:fresh`]),
  ...['Title', 'Titel'].flatMap((t) => [`p[style-name='${t}'] => h0:fresh`, `p.${t} => h0:fresh`]),
];

/** Style names mammoth already turns into headings or the title (STYLE_MAP and its defaults). */
const KNOWN_HEADING = /^(heading [1-6]|kop [1-6]|title|titel)$/i;
/** w:outlineLvl 9 means "body text"; 0-8 are outline levels 1-9. */
const BODY_TEXT_LEVEL = 9;

interface StyleDef {
  name: string;
  level?: number;
  basedOn?: string;
}

/**
 * What each paragraph style really is, following w:basedOn: Dutch government templates define their own
 * heading styles ("Kop 1 Gemeente", "RO Kop 2") based on Heading 1-9 or with an outline level, which
 * mammoth's name-based style map does not see. Returns styleId → the built-in name to treat it as.
 */
function styleRoles(zip: ZipContents): Map<string, string> {
  const xml = entryText(zip, 'word/styles.xml');
  const defs = new Map<string, StyleDef>();
  if (!xml) return new Map();
  for (const s of findAll((e) => e.name === 'w:style', parseXml(xml, 'word/styles.xml').children)) {
    const val = (name: string) => findAll((e) => e.name === name, s.children)[0]?.attribs['w:val'];
    const level = val('w:outlineLvl');
    defs.set(s.attribs['w:styleId'], { name: val('w:name') ?? '', level: level === undefined ? undefined : Number(level), basedOn: val('w:basedOn') });
  }
  const roles = new Map<string, string>();
  for (const id of defs.keys()) {
    const role = roleOf(id, defs);
    if (role) roles.set(id, role);
  }
  return roles;
}

/** The nearest title name or outline level up the basedOn chain (at most 20 steps: cycles must not hang). */
function roleOf(id: string, defs: Map<string, StyleDef>): string | undefined {
  for (let d = defs.get(id), steps = 0; d && steps < 20; d = d.basedOn ? defs.get(d.basedOn) : undefined, steps++) {
    if (/^(title|titel)$/i.test(d.name)) return 'Title';
    // An explicit level decides, even "body text" on a style based on a heading.
    if (d.level !== undefined) return d.level < BODY_TEXT_LEVEL ? `heading ${Math.min(d.level + 1, 6)}` : undefined;
  }
  return undefined;
}

/** mammoth's document tree, as far as we touch it. */
interface MammothElement {
  type: string;
  styleId?: string | null;
  styleName?: string | null;
  children?: MammothElement[];
}

/** A transformDocument step that renames custom heading styles to the built-in names they derive from. */
function applyStyleRoles(roles: Map<string, string>): (el: MammothElement) => MammothElement {
  const visit = (el: MammothElement): MammothElement => {
    if (el.children) el.children = el.children.map(visit);
    const role = el.type === 'paragraph' && el.styleId ? roles.get(el.styleId) : undefined;
    return role && !KNOWN_HEADING.test(el.styleName ?? '') ? { ...el, styleName: role } : el;
  };
  return visit;
}

/** The main document part, found the way Word and mammoth find it: the officeDocument relationship. */
function mainPart(zip: ZipContents): string {
  const rels = entryText(zip, '_rels/.rels');
  if (!rels) return 'word/document.xml';
  const rel = findAll((e) => e.name === 'Relationship' && /\/officeDocument$/.test(e.attribs.Type ?? ''), parseXml(rels, '_rels/.rels').children)[0];
  return rel?.attribs.Target?.replace(/^\//, '') ?? 'word/document.xml';
}

/** Open the zip within limits and check the parts mammoth relies on, with errors that say what is wrong. */
function openDocx(bytes: Uint8Array): ZipContents {
  assertZip(bytes, 'Word (.docx)');
  const zip = readZip(bytes, (name) => /\.(xml|rels)$/i.test(name));
  const main = mainPart(zip);
  const xml = entryText(zip, main);
  if (xml === undefined) {
    const what = zip.names.some((n) => n.startsWith('xl/') || n.startsWith('ppt/')) ? 'an Excel or PowerPoint file, not Word' : 'a ZIP without a Word document';
    throw new FormatError('corrupt', `no ${main} (main document part): ${what}`);
  }
  // mammoth's XML reader is lenient; a truncated or mangled document.xml must fail rather than lose text.
  parseXml(xml, main);
  return zip;
}

/** docProps/core.xml: Dublin Core title, creator and creation date. */
function coreInfo(zip: ZipContents): StructuredText['info'] {
  return propertyInfo(entryText(zip, 'docProps/core.xml'), 'docProps/core.xml', { title: ['dc:title'], author: ['dc:creator'], created: ['dcterms:created'] });
}

/**
 * mammoth appends footnotes and endnotes as an <ol> of <li id="footnote-N"> with a back-link "↑", and marks
 * each reference in the text as <sup><a href="#footnote-N">[N]</a></sup>. We want the notes as plain
 * paragraphs at the end and no "[N]" markers inside words.
 */
function flattenNotes(root: Element[]): void {
  const isNoteLink = (e: Element) => e.name === 'a' && /^#(footnote|endnote)(-ref)?-/.test(e.attribs.href ?? '');
  for (const link of findAll(isNoteLink, root)) {
    const sup = link.parent as Element | null;
    removeElement(sup?.name === 'sup' && sup.children.length === 1 ? sup : link);
  }
  for (const li of findAll((e) => e.name === 'li' && /^(footnote|endnote)-/.test(e.attribs.id ?? ''), root)) {
    li.name = 'div';
  }
}

export function parseDocx(bytes: Uint8Array): Promise<StructuredText> {
  return guarded(() => readDocx(bytes));
}

async function readDocx(bytes: Uint8Array): Promise<StructuredText> {
  const zip = openDocx(bytes);
  const stored = zipSync(Object.fromEntries(zip.files), { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) },
      // Images are never read: the copy has none, and a placeholder keeps mammoth from asking.
      {
        styleMap: STYLE_MAP,
        transformDocument: applyStyleRoles(styleRoles(zip)),
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (e) {
    if (e instanceof RangeError) throw e; // nesting too deep: guarded() reports it
    throw new FormatError('corrupt', `unreadable Word document: ${(e as Error).message}`, { cause: e });
  }
  const dom = parseDocument(html);
  const elements = dom.children.filter((n): n is Element => n.type === 'tag');
  flattenNotes(elements);
  const out = new BlockList();
  domToBlocks(dom.children, out);
  return { blocks: nestUnderTitle(out.blocks), info: coreInfo(zip) };
}
