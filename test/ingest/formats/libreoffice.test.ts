// Optional: real files written by LibreOffice (Debian libreoffice-writer-nogui) instead of our hand-made XML.
// Skipped when soffice is not installed.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocx } from '../../../ingest/formats/docx.ts';
import { parseOdt } from '../../../ingest/formats/odt.ts';
import { sniffContainer } from '../../../ingest/formats/sniff.ts';
import { FormatError } from '../../../ingest/formats/structured.ts';
import { DOC_BLOCKS, DOC_INFO } from './fixtures.ts';

const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;
if (!hasSoffice) console.warn('[formats tests] LibreOffice (soffice) not installed: skipping the real-file tests');

const cell = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;

/** A 1x1 PNG: the Word copy gets word/media/image1.png, which the parser must never need to read. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
const IMAGE = `<draw:frame draw:name="Foto" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm"><draw:image><office:binary-data>${PIXEL}</office:binary-data></draw:image></draw:frame>`;

/** The fixture document as flat ODF, with the heading styles a real LibreOffice document has. */
const FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Nota coördinatie jeugdzorg</dc:title><meta:initial-creator>Anneke de Vries</meta:initial-creator><meta:creation-date>2024-03-05T09:30:00</meta:creation-date></office:meta>
<office:styles><style:style style:name="Title" style:family="paragraph"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/></office:styles>
<office:body><office:text>
<text:p text:style-name="Title">Nota coördinatie jeugdzorg</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Inleiding</text:h>
<text:p>De gemeente kiest voor één aanpak van de coördinatie<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Zie het raadsvoorstel van maart.</text:p></text:note-body></text:note>.</text:p>
<text:h text:style-name="Heading_20_2" text:outline-level="2">Nieuwe ideeën</text:h>
<text:list><text:list-item><text:p>Eerste idee: wijkteams</text:p></text:list-item><text:list-item><text:p>Tweede idee: één loket</text:p></text:list-item></text:list>
<table:table table:name="Tabel1"><table:table-column table:number-columns-repeated="2"/><table:table-row>${cell('Jaar')}${cell('Budget')}</table:table-row><table:table-row>${cell('2024')}${cell('€ 1,2 mln')}</table:table-row></table:table>
<text:p>Slotwoord van de ${IMAGE}wethouder.</text:p>
</office:text></office:body></office:document>`;

describe.skipIf(!hasSoffice)('files written by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raadsarchief-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Convert the fixture with a private LibreOffice profile (so a running instance does not interfere). */
  function convert(format: string): Uint8Array {
    writeFileSync(join(dir, 'nota.fodt'), FODT);
    const args = ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', format, '--outdir', dir, join(dir, 'nota.fodt')];
    const r = spawnSync('soffice', args, { timeout: 120_000 });
    expect(r.status, String(r.stderr)).toBe(0);
    return new Uint8Array(readFileSync(join(dir, `nota.${format}`)));
  }

  it('reads a LibreOffice .docx and .odt (with an image) to the same blocks and info as our hand-made files', async () => {
    const docx = convert('docx');
    expect(sniffContainer(docx)).toBe('docx');
    expect(await parseDocx(docx)).toEqual({ blocks: DOC_BLOCKS, info: DOC_INFO });
    const odt = convert('odt');
    expect(sniffContainer(odt)).toBe('odt');
    expect(await parseOdt(odt)).toEqual({ blocks: DOC_BLOCKS, info: DOC_INFO });
  });

  it('reports a Word 97 .doc as an unsupported old format', async () => {
    const doc = convert('doc');
    expect(sniffContainer(doc)).toBeNull();
    const err = await parseDocx(doc).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect(err).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/old binary Office format/) });
  });
});
