// Strict XML parsing into the same DOM (domhandler) that htmlparser2 builds for HTML, so the format parsers
// share one set of tree helpers (domutils). htmlparser2's own xmlMode is forgiving: a truncated or
// mangled content.xml would quietly lose text. saxes (the parser jsdom uses) rejects malformed XML,
// expands no custom entities (no "billion laughs") and never fetches external DTDs.
import { SaxesParser } from 'saxes';
import { DomHandler, type Document, type Element } from 'domhandler';
import { findOne, textContent } from 'domutils';
import { FormatError, cleanInfo, isoDate, type StructuredText } from './structured.ts';

/** Parse `xml` (the entry `part` of a container, named in errors) or throw FormatError 'corrupt'. */
export function parseXml(xml: string, part: string): Document {
  const dom = new DomHandler();
  // Element and attribute names keep their prefixes ("text:p"): ODF and OOXML writers use the standard ones.
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => dom.onopentag(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', () => dom.onclosetag());
  parser.on('text', (text) => dom.ontext(text));
  parser.on('cdata', (text) => dom.ontext(text));
  parser.on('error', (err) => {
    throw new FormatError('corrupt', `malformed XML in ${part}: ${err.message}`, { cause: err });
  });
  parser.write(xml).close();
  dom.onend();
  return dom.root;
}

/** The text of the first element named `name` (anywhere below `root`), trimmed; undefined when absent. */
export function firstText(root: Document | Element, name: string): string | undefined {
  const el = findOne((e) => e.name === name, root.children);
  const text = el ? textContent(el).trim() : '';
  return text || undefined;
}

/** Title, author and creation date from a document-properties part (Word docProps/core.xml, ODF meta.xml): the first
 *  of the given tags that holds text, for each. */
export function propertyInfo(xml: string | undefined, part: string, tags: Record<'title' | 'author' | 'created', string[]>): StructuredText['info'] {
  if (!xml) return {};
  const doc = parseXml(xml, part);
  const first = (names: string[]) => names.map((n) => firstText(doc, n)).find((t) => t !== undefined);
  return cleanInfo({ title: first(tags.title), author: first(tags.author), created: isoDate(first(tags.created)) });
}
