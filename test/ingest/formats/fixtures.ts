// Word, OpenDocument and HTML test files built from XML we write here, so no binary fixture lives in git.
// The texts are Dutch with diacritics (coördinatie, één, ideeën) to catch encoding mistakes.
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Block } from '../../../ingest/formats/structured.ts';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export const h = (level: number, text: string): Block => ({ kind: 'heading', text, level });
export const p = (text: string): Block => ({ kind: 'paragraph', text });
export const li = (text: string): Block => ({ kind: 'list-item', text });

/** What both fixture documents say, in order: title above two heading levels, list, table, footnote last. */
export const DOC_BLOCKS = [
  h(1, 'Nota coördinatie jeugdzorg'), h(2, 'Inleiding'), p('De gemeente kiest voor één aanpak van de coördinatie.'),
  h(3, 'Nieuwe ideeën'), li('Eerste idee: wijkteams'), li('Tweede idee: één loket'),
  p('Jaar | Budget'), p('2024 | € 1,2 mln'), p('Slotwoord van de wethouder.'), p('Zie het raadsvoorstel van maart.'),
];
export const DOC_INFO = { title: 'Nota coördinatie jeugdzorg', author: 'Anneke de Vries', created: '2024-03-05' };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A Word paragraph with an optional style id and list numbering. */
const wp = (text: string, style?: string, numbered = false): string =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numbered ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const wcell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${wp(text)}</w:tc>`;
const wrow = (cells: string[]) => `<w:tr>${cells.map(wcell).join('')}</w:tr>`;

export const DOCX_BODY = [
  wp('Nota coördinatie jeugdzorg', 'Title'),
  wp('Inleiding', 'Heading1'),
  `<w:p><w:r><w:t xml:space="preserve">De gemeente kiest voor één   aanpak van de </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>coördinatie</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
  wp('Nieuwe ideeën', 'Kop2'),
  wp('Eerste idee: wijkteams', undefined, true),
  wp('Tweede idee: één loket', undefined, true),
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${wrow(['Jaar', 'Budget'])}${wrow(['2024', '€ 1,2 mln'])}</w:tbl>`,
  wp('Slotwoord van de wethouder.'),
].join('');

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="KopGemeente"><w:name w:val="Kop 1 Gemeente"/><w:basedOn w:val="Heading1"/></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Huisstijl2"><w:name w:val="Huisstijl tussenkop"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Opvallend"><w:name w:val="Opvallend"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Lus"><w:name w:val="Lus"/><w:basedOn w:val="Lus"/></w:style>
  <w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
  <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const FOOTNOTES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Zie het raadsvoorstel van maart.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`;

const CORE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>Nota coördinatie jeugdzorg</dc:title><dc:creator>Anneke de Vries</dc:creator>
  <dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T09:30:00Z</dcterms:created>
</cp:coreProperties>`;

export function docxParts(body = DOCX_BODY): Record<string, string> {
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${DOC_TYPE}"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    'word/styles.xml': STYLES,
    'word/numbering.xml': NUMBERING,
    'word/footnotes.xml': FOOTNOTES,
    'docProps/core.xml': CORE,
  };
}

/** Zip text parts; `stored` names go in uncompressed (ODF's mimetype must be first and stored). */
export function zipParts(parts: Record<string, string | Uint8Array>, stored: string[] = []): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    z[name] = [typeof data === 'string' ? strToU8(data) : data, { level: stored.includes(name) ? 0 : 6 }];
  }
  return zipSync(z);
}

/** A Word paragraph (for tests that write their own body). */
export const wordParagraph = wp;

export const buildDocx = (body?: string): Uint8Array => zipParts(docxParts(body));

/** A gemeente news page as saved by a browser: menu, breadcrumbs, cookie bar, sidebar and footer around it. */
export const NEWS_PAGE = `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>Nieuwe aanpak jeugdzorg | Gemeente Zuidhaven</title>
<meta name="author" content="Redactie Gemeente Zuidhaven"><meta name="DCTERMS.issued" content="2024-05-14T10:00:00+02:00">
<style>.cookiebar{position:fixed} body{font-family:"Rijksoverheid Sans"}</style>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}; var menuTekst = "Hoofdmenu script";</script>
</head><body class="page-with-sidebar">
<a class="skip-link" href="#main">Direct naar de inhoud</a>
<div id="CybotCookiebotDialog" class="cookie-banner"><p>Wij gebruiken cookies om de website te verbeteren.</p><button>Accepteren</button></div>
<header class="site-header"><a href="/"><img alt="Logo Gemeente Zuidhaven" src="logo.svg"></a>
  <form role="search" action="/zoeken"><label for="q">Zoeken op de site</label><input id="q" name="q"><button>Zoek</button></form>
  <nav aria-label="Hoofdmenu"><ul><li><a href="/wonen">Wonen en leven</a></li><li><a href="/ondernemen">Ondernemen</a></li><li><a href="/bestuur">Bestuur en organisatie</a></li></ul></nav>
</header>
<nav aria-label="Kruimelpad" class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/nieuws">Nieuwsoverzicht</a></li></ol></nav>
<main id="main"><article>
  <header><h1>Nieuwe aanpak jeugdzorg</h1><p class="meta">Gepubliceerd op <time datetime="2024-05-14">14 mei 2024</time></p></header>
  <p>De gemeenteraad heeft ingestemd met de <strong>coördinatie</strong> van de jeugdzorg door één   regieteam.</p>
  <div class="share-buttons"><a href="#">Deel op Facebook</a><a href="#">Deel via LinkedIn</a></div>
  <h2>Wat verandert er?</h2>
  <ul><li>Eén loket voor alle ouders</li><li>Nieuwe ideeën uit de wijken</li></ul>
  <table><tr><th>Jaar</th><th>Budget</th></tr><tr><td>2024</td><td>€ 1,2 mln</td></tr></table>
  <svg aria-hidden="true"><title>Pijl-icoon</title><path d="M0 0"/></svg>
  <p>Wethouder De Boer: "Dit is een belangrijke stap."</p>
</article></main>
<aside class="sidebar"><h2>Gerelateerd nieuws</h2><ul><li><a href="/n/1">Zwembad weer open</a></li></ul></aside>
<footer class="site-footer"><p>Gemeente Zuidhaven, Postbus 100, 1234 AB Zuidhaven</p><ul><li><a href="/privacy">Privacyverklaring</a></li></ul></footer>
<noscript><img src="pixel.gif">Schakel JavaScript in</noscript>
<template><p>Sjabloontekst</p></template>
<script src="/app.js"></script>
</body></html>`;

/** Words that appear only in NEWS_PAGE's chrome: none may survive. */
export const NEWS_CHROME = [
  'Direct naar de inhoud', 'cookies', 'Accepteren', 'Zoeken op de site', 'Wonen en leven', 'Nieuwsoverzicht',
  'Deel op Facebook', 'Gerelateerd nieuws', 'Postbus', 'Privacyverklaring', 'JavaScript', 'Sjabloontekst',
  'Pijl-icoon', 'Hoofdmenu', 'dataLayer', 'font-family', 'Logo',
];

/**
 * An old table-layout page saved in Windows-1252 (declared ISO-8859-1): no <main>, menu in a table cell,
 * text separated by <br><br>, and a data table of meetings.
 */
export const OLD_PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Vergaderschema gemeenteraad</title></head>
<body><table width="100%"><tr>
<td class="menu" width="150"><a href="index.htm">Home</a><br><a href="raad.htm">De raad</a><br><a href="contact.htm">Contact</a></td>
<td><h1>Vergaderschema gemeenteraad</h1>
De raad vergadert in de raadszaal. Publiek is welkom bij één van de vergaderingen.<br><br>
Inspreken kan tot 24 uur vooraf, zie de “spreekregels” voor ideeën.
<table border="1"><tr><td>Datum</td><td>Onderwerp</td></tr><tr><td>12 maart</td><td>Coördinatie begroting</td></tr></table>
</td></tr></table></body></html>`;

/** Encode as Windows-1252 (the characters used here), as an old CMS would have stored it. */
export function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '\u201c': 0x93, '\u201d': 0x94 };
  return Uint8Array.from([...text], (c) => special[c] ?? c.charCodeAt(0));
}

/** A council-information page: ASP.NET wraps everything in one <form>; an agenda table and a document list. */
export const AGENDA_PAGE = `<!doctype html><html><head><title>Raadsvergadering 12 maart 2024</title></head><body>
<form id="aspnetForm" method="post" action="./vergadering.aspx"><input type="hidden" name="__VIEWSTATE" value="abc">
<div id="topbar"><ul class="menu"><li><a href="/kalender">Kalender</a></li><li><a href="/zoeken">Zoeken</a></li></ul></div>
<div class="breadcrumb"><a href="/">Raadsinformatie</a> &gt; Vergaderingen</div>
<div id="content"><h1>Raadsvergadering 12 maart 2024</h1>
<p>Locatie: raadszaal.</p>
<table class="agenda"><tr><th>Nr</th><th>Onderwerp</th><th>Besluit</th></tr>
<tr><td>1</td><td>Opening</td><td></td></tr>
<tr><td>2</td><td>Coördinatie jeugdzorg</td><td>Aangenomen</td></tr>
<tr><td>3</td><td>Motie ideeën voor één wijkbudget</td><td>Verworpen</td></tr></table>
<h2>Documenten</h2><ul class="documents"><li><a href="/d/1.pdf">Raadsvoorstel jeugdzorg</a></li><li><a href="/d/2.pdf">Amendement A1</a></li></ul>
</div>
<div id="footer">Powered by RIS-systeem</div>
</form></body></html>`;

const ODF_NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"', 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"', 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"', 'office:version="1.3"',
].join(' ');

const ocell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;

/** LibreOffice's shape: automatic style P1 derived from "Title", a note inside a paragraph, a table of contents. */
export const ODT_BODY = `
<text:table-of-content text:name="Inhoudsopgave"><text:index-body><text:p>Inleiding 1</text:p></text:index-body></text:table-of-content>
<text:p text:style-name="P1">Nota coördinatie jeugdzorg</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Inleiding</text:h>
<text:p>De gemeente kiest voor <text:span text:style-name="T1">één</text:span><text:s text:c="3"/>aanpak van de coör<text:soft-page-break/>dinatie<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Zie het raadsvoorstel van maart.</text:p></text:note-body></text:note>.<office:annotation><dc:creator>Jan</dc:creator><text:p>Interne opmerking</text:p></office:annotation></text:p>
<text:h text:outline-level="2">Nieuwe ideeën</text:h>
<text:list text:style-name="L1"><text:list-item><text:p>Eerste idee: wijkteams</text:p><text:list><text:list-item><text:p>Subidee: buurtcoaches</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Tweede idee:<text:tab/>één loket</text:p></text:list-item></text:list>
<table:table table:name="Tabel1"><table:table-column table:number-columns-repeated="2"/><table:table-header-rows><table:table-row>${ocell('Jaar')}${ocell('Budget')}</table:table-row></table:table-header-rows><table:table-row>${ocell('2024')}${ocell('€ 1,2 mln')}</table:table-row></table:table>
<text:p>Slotwoord van de <text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">wethouder</text:a>.</text:p>
<text:p/>`;

export function odtParts(body = ODT_BODY, mimetype = 'application/vnd.oasis.opendocument.text'): Record<string, string> {
  return {
    mimetype,
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    'meta.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ODF_NS}><office:meta><dc:title>Nota coördinatie jeugdzorg</dc:title><meta:initial-creator>Anneke de Vries</meta:initial-creator><dc:creator>Piet Laatst</dc:creator><meta:creation-date>2024-03-05T23:30:00.123456789</meta:creation-date></office:meta></office:document-meta>`,
    'META-INF/manifest.xml': `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
  };
}

export const buildOdt = (body?: string): Uint8Array => zipParts(odtParts(body), ['mimetype']);

/** Set an entry's declared size in both its local header and the central directory (single-entry zips). */
export function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  v.setUint32(22, size, true); // local file header: uncompressed size
  for (let at = out.length - 22; at >= 0; at--) {
    if (v.getUint32(at, true) === 0x02014b50) {
      v.setUint32(at + 24, size, true); // central directory: uncompressed size
      break;
    }
  }
  return out;
}

/** The start of an OLE compound file; `streams` are directory names (UTF-16LE) placed after the header. */
export function oleFile(streams: string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const names = Buffer.concat(streams.map((s) => Buffer.from(`${s}\0`, 'utf16le')));
  const out = new Uint8Array(4096);
  out.set(header);
  out.set(names, 1024);
  return out;
}

/** Word's "Save as web page": lists are styled paragraphs with the bullet in a mso-list:Ignore span. */
export const WORD_HTML_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15">
<title>Raadsvoorstel</title><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Jan</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=NL><div class=WordSection1>
<h1>Raadsvoorstel<o:p></o:p></h1>
<p class=MsoNormal>Geachte raad,<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Eerste punt<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><![endif]>Tweede punt</p>
</div></body></html>`;
