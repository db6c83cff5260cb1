// Saved web pages (.html/.htm) → StructuredText: decode, parse with htmlparser2 (fast, forgiving, the parser
// under cheerio and linkedom), drop page chrome (menus, breadcrumbs, cookie bars, footers), keep the main
// content and turn it into blocks (dom-blocks.ts).
//
// Why not @mozilla/readability: on government pages it drops what we need (see the commit message for the
// measurements): it scores by prose density, so agenda tables, lists of decisions and short intro pages lose
// content, and it removes the <h1> that repeats the title. Semantic markup (<main>, <article>, ARIA roles)
// plus a short list of chrome class names is what these sites actually use.
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { findAll, findOne, removeElement, textContent } from 'domutils';
import { decodeText } from './text.ts';
import { domToBlocks } from './dom-blocks.ts';
import { BlockList, cleanInfo, guarded, isoDate, nestUnderTitle, type StructuredText } from './structured.ts';

/** A meta charset is declared in the first 1024 bytes by the HTML standard; we allow some slack. */
const CHARSET_SNIFF_BYTES = 4096;
/** Labels that decodeText handles (UTF-8, falling back to Windows-1252, which browsers use for Latin-1). */
const UTF8_OR_1252 = /^(utf-?8|unicode-1-1-utf-8|(windows|cp|x-cp)-?1252|iso-?8859-1|iso_8859-1|l(atin)?1|(us-)?ascii)$/;

/** Decode by BOM, then the declared charset, then UTF-8 with a Windows-1252 fallback. */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CHARSET_SNIFF_BYTES)).toString('latin1');
  // Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  const label = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1].toLowerCase();
  // Pages declared as Latin-1 are decoded as UTF-8 when they validly are: "Save page as" re-encodes as
  // UTF-8 but keeps the old declaration, and real Latin-1 text is almost never valid UTF-8.
  if (bom || !label || UTF8_OR_1252.test(label)) return decodeText(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return decodeText(bytes); // an unknown label
  }
}

/** Always chrome, wherever they are. */
const CHROME_TAGS = new Set(['nav', 'dialog', 'menu']);
const CHROME_ROLES = new Set(['navigation', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);
/** Chrome when they belong to the page, content when inside the article (an article's header holds its h1). */
const PAGE_TAGS = new Set(['header', 'footer', 'aside']);
const PAGE_ROLES = new Set(['banner', 'contentinfo', 'complementary']);
/** Parts of class or id names (split on spaces, "-" and "_") that mark chrome on Dutch government sites. */
const CHROME_WORDS = new Set([
  'breadcrumb', 'breadcrumbs', 'kruimelpad', 'skip', 'skiplink', 'skiplinks', 'share', 'sharing', 'social', 'socials',
  'navbar', 'nav', 'navigation', 'menu', 'submenu', 'megamenu', 'sidebar', 'newsletter', 'nieuwsbrief', 'pagination',
  'pager', 'paginering', 'feedback', 'sr', 'visually', 'toolbar', 'topbar',
]);
/** Like PAGE_TAGS: a "footer" div is chrome unless it sits inside the article. */
const PAGE_WORDS = new Set(['header', 'footer', 'masthead', 'colofon']);
/** Consent banners have vendor ids (CybotCookiebotDialog, onetrust-consent-sdk): match anywhere. */
const CONSENT = /cookie|consent|gdpr|onetrust|cookiebot/i;
/** Hidden text, and the bullet or number Word's "Save as web page" writes before each list item. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-list\s*:\s*ignore/i;
/** Word's web pages have no <li>: list items are paragraphs styled "mso-list:l0 level1 lfo1". */
const WORD_LIST_ITEM = /mso-list\s*:\s*l\d+\s+level\d/i;
const CONTENT_BLOCKS = /^(p|h[1-6]|article|main|table|ul|ol)$/;

function isContentRoot(el: Element): boolean {
  return el.name === 'main' || el.name === 'article' || el.attribs.role === 'main';
}

function hasAncestor(el: Element, test: (e: Element) => boolean): boolean {
  for (let p = el.parent as Element | null; p && p.type === 'tag'; p = p.parent as Element | null) {
    if (test(p)) return true;
  }
  return false;
}

const insideContent = (el: Element): boolean => hasAncestor(el, isContentRoot);

function isHidden(el: Element): boolean {
  const a = el.attribs;
  return 'hidden' in a || a['aria-hidden'] === 'true' || HIDDEN_STYLE.test(a.style ?? '');
}

function hasChromeName(el: Element): boolean {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  const words = names.toLowerCase().split(/[\s_-]+/);
  return CONSENT.test(names) || words.some((w) => CHROME_WORDS.has(w) || (PAGE_WORDS.has(w) && !insideContent(el)));
}

/**
 * A class like "has-sidebar" on a wrapper must not take the page with it: names only count on elements
 * that hold neither the content root nor the page's <h1>.
 */
function wrapsContent(el: Element): boolean {
  return el.name === 'body' || el.name === 'html' || !!findOne((e) => isContentRoot(e) || e.name === 'h1', el.children);
}

function isChrome(el: Element): boolean {
  const role = el.attribs.role ?? '';
  if (CHROME_TAGS.has(el.name) || CHROME_ROLES.has(role) || isHidden(el)) return true;
  if (PAGE_TAGS.has(el.name) || PAGE_ROLES.has(role)) return !insideContent(el);
  // Search boxes and newsletter sign-ups; but ASP.NET pages wrap the whole page in one <form>.
  if (el.name === 'form') return !findOne((e) => CONTENT_BLOCKS.test(e.name), el.children);
  return hasChromeName(el) && !wrapsContent(el);
}

/** Remove page chrome in place; a content root itself is never removed. */
function removeChrome(doc: Document): void {
  const chrome = findAll((el) => !isContentRoot(el) && isChrome(el), doc.children);
  for (const el of chrome) removeElement(el);
}

/** <main>, else role=main, else the only <article>, else the whole body. */
function contentRoot(doc: Document): Element | Document {
  const main = findOne((e) => e.name === 'main' || e.attribs.role === 'main', doc.children);
  if (main) return main;
  const articles = findAll((e) => e.name === 'article', doc.children);
  if (articles.length === 1) return articles[0];
  return findOne((e) => e.name === 'body', doc.children) ?? doc;
}

/** Meta names and properties (lower case) that carry the author or the publication date. */
const AUTHOR_META = ['author', 'dcterms.creator', 'dc.creator'];
const DATE_META = ['dcterms.created', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date', 'article:published_time'];

function pageInfo(doc: Document): StructuredText['info'] {
  const metas = new Map<string, string>();
  for (const m of findAll((e) => e.name === 'meta', doc.children)) {
    const key = (m.attribs.name ?? m.attribs.property ?? '').toLowerCase();
    if (key && m.attribs.content && !metas.has(key)) metas.set(key, m.attribs.content);
  }
  const pick = (keys: string[]) => keys.map((k) => metas.get(k)).find(Boolean);
  // An inline <svg> has <title>s of its own (icon names).
  const title = findOne((e) => e.name === 'title' && !hasAncestor(e, (a) => a.name === 'svg'), doc.children);
  return cleanInfo({
    title: (title && textContent(title)) || pick(['og:title', 'dcterms.title', 'dc.title']),
    author: pick(AUTHOR_META),
    created: DATE_META.map((k) => isoDate(metas.get(k))).find(Boolean),
  });
}

export function parseHtml(bytes: Uint8Array): Promise<StructuredText> {
  return guarded(async () => {
    const doc = parseDocument(decodeHtml(bytes));
    const info = pageInfo(doc);
    removeChrome(doc);
    for (const item of findAll((e) => e.name === 'p' && WORD_LIST_ITEM.test(e.attribs.style ?? ''), doc.children)) item.name = 'li';
    const out = new BlockList();
    const root = contentRoot(doc);
    domToBlocks(root.type === 'tag' ? [root] : root.children, out);
    return { blocks: nestUnderTitle(out.blocks), info };
  });
}
