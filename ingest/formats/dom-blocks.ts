// Turn an HTML DOM (a saved web page after chrome removal, or mammoth's HTML for a .docx) into blocks:
// h1-h6 → headings, li → list items, every other block element → paragraphs, data tables → one paragraph per
// row. Inline text accumulates until the next block boundary, so text loose in a <div> is kept too.
import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll } from 'domutils';
import { BlockList, type Block } from './structured.ts';

/** Never text: code, styling, embedded media and form controls. */
export const NOT_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'iframe', 'object', 'embed', 'canvas',
  'audio', 'video', 'map', 'select', 'option', 'button', 'input', 'textarea',
]);

/** Elements that end the current paragraph (inline elements such as <a>, <span>, <b> do not). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);

/** h1-h6; h0 is how docx.ts marks Word's "Title" style (see nestUnderTitle). */
const HEADING = /^h([0-6])$/;
/** <br> is kept as a marker so that "<br><br>" (old pages' paragraph break) can split a paragraph. */
const BR = '\u2028';
const BR_BREAK = new RegExp(`${BR}\\s*${BR}`);

/** A table is laid out as a page grid, not data, when it nests tables or holds headings or lists. */
function isLayoutTable(table: Element): boolean {
  if (table.attribs.role === 'presentation') return true;
  return findAll((e) => e.name === 'table' || HEADING.test(e.name) || e.name === 'ul' || e.name === 'ol', table.children).length > 0;
}

class Walker {
  private inline: string[] = [];
  private kind: Block['kind'] = 'paragraph';
  private level?: number;

  constructor(private readonly out: BlockList) {}

  nodes(nodes: AnyNode[]): void {
    for (const n of nodes) {
      if (isText(n)) this.inline.push(n.data);
      else if (isTag(n)) this.element(n);
    }
  }

  /** End the current paragraph; `<br><br>` inside it starts a new one of the same kind. */
  flush(): void {
    const text = this.inline.join('');
    this.inline = [];
    const parts = this.kind === 'paragraph' ? text.split(BR_BREAK) : [text];
    for (const part of parts) this.out.push(this.kind, part, this.level);
  }

  /** Walk `el`'s children as blocks of `kind`, e.g. the paragraphs inside an <li> become list items. */
  private as(kind: Block['kind'], level: number | undefined, el: Element): void {
    const saved = [this.kind, this.level] as const;
    this.flush();
    [this.kind, this.level] = [kind, level];
    this.nodes(el.children);
    this.flush();
    [this.kind, this.level] = saved;
  }

  private element(el: Element): void {
    const heading = HEADING.exec(el.name);
    if (NOT_TEXT.has(el.name)) return;
    if (el.name === 'br') this.inline.push(BR);
    else if (heading) this.as('heading', Number(heading[1]), el);
    else if (el.name === 'li') this.as('list-item', undefined, el);
    else if (el.name === 'table' && !isLayoutTable(el)) this.table(el);
    else if (BLOCK.has(el.name) || el.name === 'table') {
      this.flush();
      this.nodes(el.children);
      this.flush();
    } else this.nodes(el.children);
  }

  /** One paragraph per row, cells joined by " | ": rows keep their meaning (a vote, a budget line). */
  private table(table: Element): void {
    this.flush();
    const caption = findAll((e) => e.name === 'caption', table.children)[0];
    if (caption) this.out.push('paragraph', inlineText(caption.children));
    for (const row of findAll((e) => e.name === 'tr', table.children)) {
      const cells = row.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
      this.out.pushRow(cells.map((c) => inlineText(c.children)));
    }
  }
}

/** All text below `nodes`, skipping non-text elements; block elements and <br> separate words. */
export function inlineText(nodes: AnyNode[]): string {
  let text = '';
  for (const n of nodes) {
    if (isText(n)) text += n.data;
    else if (!isTag(n) || NOT_TEXT.has(n.name)) continue;
    else if (n.name === 'br' || BLOCK.has(n.name)) text += ` ${inlineText(n.children)} `;
    else text += inlineText(n.children);
  }
  return text;
}

/** Append the blocks found under `nodes` to `out`. */
export function domToBlocks(nodes: AnyNode[], out: BlockList): void {
  const walker = new Walker(out);
  walker.nodes(nodes);
  walker.flush();
}
