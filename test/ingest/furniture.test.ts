import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../ingest/clean.ts';
import { dropInlineHeads } from '../../ingest/furniture.ts';
import { parseText } from '../../ingest/formats/text.ts';
import { sharedPath } from './helpers.ts';

const programmasDir = sharedPath('external', 'programmas-nl');

/** A programme converted to text without page breaks: each page opens with the running head glued to its text. */
function gluedProgramme(head: string, openings: string[]): string[] {
  return openings.flatMap((text, i) => [
    `${head}${text}`,
    'Een zin in het midden van de bladzijde.',
    `Het einde van bladzijde ${i}.${i + 4}`,
  ]);
}

describe('dropInlineHeads', () => {
  const openings = [
    'Het kan niet langer zo.',
    '• Basisbanen voor iedereen.',
    '1. Meer zeggenschap',
    'alle kinderen krijgen les.',
    'Wonen is een recht.',
    'De zorg is van ons.',
    'Werk moet lonen.',
    'Klimaat en natuur',
  ];

  it('drops a running head glued to the text and the page number ending the line before it', () => {
    const head = 'GroenLinks-PvdA verkiezingsprogramma 2023-2028';
    const [lines] = dropInlineHeads([gluedProgramme(head, openings)]);
    expect(lines.join('\n')).not.toContain('verkiezingsprogramma');
    expect(lines).toContain('• Basisbanen voor iedereen.');
    expect(lines).toContain('1. Meer zeggenschap');
    expect(lines).toContain('Het einde van bladzijde 0.');
    expect(lines.at(-1)).toBe('Het einde van bladzijde 7.11'); // no head follows the last page
  });

  it('finds the head among lines that share only its first words', () => {
    const head = 'GroenLinks-PvdA verkiezingsprogramma 2023-2028';
    const own = Array.from({ length: 10 }, (_, i) => `GroenLinks-PvdA wil ${i} dingen anders.`);
    const [lines] = dropInlineHeads([[...gluedProgramme(head, openings), ...own]]);
    expect(lines).toContain('Het kan niet langer zo.');
    expect(lines).toEqual(expect.arrayContaining(own));
  });

  it('drops a page number between the head and the text', () => {
    const head = 'Verkiezingsprogramma 2023 - Grip op een veranderende wereld';
    const [lines] = dropInlineHeads([openings.map((t, i) => `${head}${i + 11}${t}`)]); // 11 … 18: all open with a 1
    expect(lines[0]).toBe('Het kan niet langer zo.');
  });

  it('drops a running head around a page number and a bar in the middle of a line (D66 2021)', () => {
    const before = 'Een nieuw begin - Laat iedereen vrij, maar niemand vallen.';
    const after = 'Verkiezingsprogramma 2021 - 2025   De digitale versie lees je op d66.nl/eennieuwbegin';
    const lines = openings.map((t, i) => `Het einde van bladzijde ${i}.${before}${i + 2} | ${after}${t}`);
    const [out] = dropInlineHeads([[...lines, 'Zie de tabel: 12 | 34 | 56.']]);
    expect(out[0]).toBe('Het einde van bladzijde 0. Het kan niet langer zo.');
    expect(out.join('\n')).not.toMatch(/niemand vallen|digitale versie/);
    expect(out.at(-1)).toBe('Zie de tabel: 12 | 34 | 56.');
  });

  it('drops a bar head in two forms, the one most bars share first (PvdD 2017)', () => {
    const title = 'Verkiezingsprogramma Partij voor de Dieren Tweede Kamerverkiezingen 2017';
    const ends = ['Dit is zo.', 'Klaar!', 'Wij gaan door.', 'Het is tijd.', 'Samen sterk', 'Nu dan', 'Kies ons:', 'Tot slot'];
    const doubled = openings.map((t, i) => `${ends[i]}${i * 2} | ${title} ${title}  | ${i * 2 + 1} ${t}`);
    const single = openings.map((t, i) => `${ends[i]}${i + 40} | ${title}${t}`);
    const [out] = dropInlineHeads([[...doubled, ...single]]);
    expect(out.join('\n')).not.toContain('Verkiezingsprogramma');
    expect(out.at(-1)).toBe('Tot slot Klimaat en natuur');
  });

  /** A programme flattened to text (one page): each page's text, about 1,500 characters, ends in a word hyphenated
   *  across the page break; the next page's number and running head follow in the middle of the line or open the next. */
  const split = [['wil', 'len'], ['genera', 'ties'], ['ont', 'wikkeling'], ['samen', 'leving'], ['verkie', 'zingen'], ['gemeen', 'ten'], ['onder', 'wijs'], ['wonin', 'gen']];
  function flattened(head: string, inLine: boolean): string {
    const body = 'De gemeente zorgt voor goede zorg en voor werk dat loont in elke wijk van het land. '.repeat(18);
    return split.map(([a, b], i) => `${body}Daarom ${a} -${inLine ? ' ' : '\n'}${i + 6} ${head} ${b} wij.`).join('\n');
  }

  it('drops a running head after its page number, mid-line or opening a line, and joins the word it cut (PvdA 2017)', () => {
    for (const inLine of [true, false]) {
      const clean = cleanPages(parseText(new TextEncoder().encode(flattened('EEN VERBONDEN SAMENLEVING', inLine)), 'txt').pages).text;
      expect(clean).not.toContain('VERBONDEN');
      for (const [a, b] of split) expect(clean).toContain(`Daarom ${a}${b} wij.`);
    }
  });

  it('keeps a numbered formula, a title year and the footnotes of real pages', () => {
    // A numbered list's items open alike a few hundred characters apart (BIJ1 2021), not once a page.
    const items = openings.map((t, i) => `Zo werken we. ${i + 1} Nederland zet zich in voor vrede. ${t}`).join(' ');
    expect(dropInlineHeads([[items]])).toEqual([[items]]);
    // The same number before every head is a year, not a page ("2021 VERKIEZINGSPROGRAMMA GROENLINKS").
    const year = openings.map((t) => `${'Een zin over het land. '.repeat(60)}2021 VERKIEZINGSPROGRAMMA GROENLINKS ${t}`);
    expect(dropInlineHeads([year])).toEqual([year]);
    // On pages, a number before a repeated text is a footnote (pdf-nl): "15 Voorgesteld artikel 6d, eerste lid, Wpg."
    const pages = openings.map((t, i) => [`${'Een zin over de wet. '.repeat(60)}de ${15 + i} Voorgesteld artikel 6d, eerste lid, Wpg. ${t}`]);
    expect(dropInlineHeads(pages)).toEqual(pages);
  });

  it('drops a running head that a flattened text carries in the middle of its sentences (CDA 2006)', () => {
    const head = 'Verkiezingsprogram 2006-2011 Vertrouwen in Nederland. Vertrouwen in elkaar.';
    const filler = (i: number) => Array.from({ length: 40 }, (_, k) => `In wijk ${i * 40 + k} komt er een school bij.`).join(' ');
    const subjects = ['Het persoonsgebonden budget in de zorg', 'De kinderbijslag', 'Elk dorp', 'De boer', 'Het museum', 'De wijkagent', 'Iedere school', 'De bibliotheek', 'Het zwembad', 'De huisarts'];
    const ends = ['blijft bestaan.', 'gaat omhoog.', 'krijgt een bus.', 'mag blijven.', 'gaat open.', 'komt terug.', 'wordt beter.', 'gaat niet dicht.', 'wordt groter.', 'komt thuis.'];
    const page = (i: number) => `${filler(i)} ${subjects[i]} ${12 + i}${head} ${ends[i]}`;
    const text = Array.from({ length: 10 }, (_, i) => page(i)).join('\n');
    const clean = cleanPages(parseText(new TextEncoder().encode(text), 'txt').pages).text;
    expect(clean).not.toContain('Vertrouwen in elkaar');
    expect(clean).toContain('Het persoonsgebonden budget in de zorg blijft bestaan.');
  });

  it("drops a spread's two running heads with their page numbers inside, also where a chapter ends before them (GroenLinks 2021)", () => {
    // Two pages of text between the places (a spread's two page numbers each).
    const filler = (i: number) => Array.from({ length: 80 }, (_, k) => `In wijk ${i * 80 + k} komt er een school bij.`).join(' ');
    const heads = (i: number) => `${11 + 2 * i} VERKIEZINGSPROGRAMMA GROENLINKS 2021 ${10 + 2 * i} VERKIEZINGSPROGRAMMA GROENLINKS 2021`;
    const subjects = ['De bieb', 'Het museum', 'De kerncentrale', 'Het dolfinarium', 'De mijn', 'Het zwembad', 'De fabriek', 'Het station', 'De haven', 'Het depot'];
    const next = ['Dinsdag', 'Wonen', 'Werk', 'Zorg', 'Natuur', 'Europa', 'Cultuur', 'Sport', 'Water', 'Onderwijs'];
    const ends = ['sluit.', 'gaat dicht.', 'stopt.', 'wordt gesloten.', 'verdwijnt.', 'houdt op.', 'gaat weg.', 'moet dicht.', 'is voorbij.', 'is leeg.'];
    const text = Array.from({ length: 10 }, (_, i) => `${filler(i)} ${subjects[i]} ${ends[i]}${heads(i)} ${next[i]} telt.`).join('\n');
    const clean = cleanPages(parseText(new TextEncoder().encode(text), 'txt').pages).text;
    expect(clean).not.toContain('VERKIEZINGSPROGRAMMA');
    // The full stop before the heads is the sentence's.
    expect(clean).toMatch(/Het dolfinarium wordt gesloten\.\s+Zorg telt\./);
  });

  it('keeps a sentence a programme repeats after sentence ends, a phrase without page numbers, a formula citing articles', () => {
    const filler = (i: number) => Array.from({ length: 40 }, (_, k) => `In wijk ${i * 40 + k} komt er een school bij.`).join(' ');
    const lines = Array.from({ length: 10 }, (_, i) =>
      `${filler(i)} De komende jaren zetten we in op: ${openings[i % 8]} Wij houden vast aan artikel 23 van de Grondwet en ${openings[(i + 1) % 8]}` +
      ` De uitkering als bedoeld in artikel ${[9, 20, 39, 33, 12, 31, 5, 36, 18, 2][i]} wordt verhoogd.`);
    expect(dropInlineHeads([lines])).toEqual([lines]);
  });

  it("keeps the document's own repeated openings: a sentence, a list's lead-in, a heading, footnotes", () => {
    const pages = [
      Array.from({ length: 10 }, (_, i) => `BBB vindt het belangrijk dat ${openings[i % 8]}`),
      Array.from({ length: 10 }, (_, i) => `Daarom wil GroenLinks in ${2000 + i}:`),
      Array.from({ length: 10 }, () => 'Onze voorstellen voor Nederland'),
      // Footnotes and identifiers of a report (pdf-nl): links, articles, numbered findings.
      Array.from({ length: 10 }, (_, i) => `${80 + i} https://github.com/${i % 2 ? 'DP-3T' : 'Minvws'}/app-${i}`),
      Array.from({ length: 10 }, (_, i) => `${15 + i} Voorgesteld artikel 6${'abcdefghij'[i]}, eerste lid, Wpg.`),
      Array.from({ length: 10 }, (_, i) => `Bevinding MVV-3.F${i + 20}`),
    ];
    expect(dropInlineHeads(pages)).toEqual(pages);
  });

  it.skipIf(!programmasDir)('cleans the running heads of GroenLinks-PvdA 2023 out of its text (programmas-nl)', () => {
    const file = join(programmasDir!, 'GroenLinksPvdA_2023.txt');
    const raw = readFileSync(file, 'utf8');
    expect(raw.match(/verkiezingsprogramma 2023-2028/g)!.length).toBeGreaterThan(100);
    const text = cleanPages(parseText(new Uint8Array(readFileSync(file)), 'txt').pages).text;
    expect(text.match(/verkiezingsprogramma 2023-2028/g)?.length ?? 0).toBeLessThan(5);
    // Was "33 GroenLinks-PvdA verkiezingsprogramma 2023-2028• Basisbanen …".
    expect(text).toMatch(/^- Basisbanen voor betekenisvol werk\./m);
  });

  it.skipIf(!programmasDir)('cleans the numbered running heads of VVD 2021 and PvdA 2017 out of their text (programmas-nl)', () => {
    const clean = (name: string) => cleanPages(parseText(new Uint8Array(readFileSync(join(programmasDir!, name))), 'txt').pages).text;
    const vvd = clean('VVD_2021.txt');
    expect(vvd).not.toMatch(/\d Verkiezingsprogramma 2021 -2025/);
    // Was "… een huis te 7 Verkiezingsprogramma 2021 -2025  -  Ons nieuwe verhaalnauwelijks de mogelijkheid …": the
    // chapter's name glued to the text stays.
    expect(vvd).toContain('Ons nieuwe verhaalnauwelijks de mogelijkheid');
    const pvda = clean('PvdA_2017.txt');
    expect(pvda).toContain('Daarom willen wij nadrukkelijk investeren in wat ons bindt.');
    expect(pvda.match(/EEN VERBONDEN SAMENLEVING/g)!.length).toBeLessThan(5);
  });

  it.skipIf(!programmasDir)('cleans the running heads out of the sentences of CDA 2006 and 2010, SP 2003, Volt 2021 and NSC 2023 (programmas-nl)', () => {
    const clean = (name: string) => cleanPages(parseText(new Uint8Array(readFileSync(join(programmasDir!, name))), 'txt').pages).text;
    const cda = clean('CDA_2006.txt');
    // 96 before; left: the title page, the table of contents and the foreword quoting the title.
    expect(cda.match(/Vertrouwen in elkaar/g)!.length).toBeLessThan(10);
    // Was "… het persoonsgebonden budget in de zorg 14Verkiezingsprogram 2006-2011 Vertrouwen in Nederland. Vertrouwen
    // in elkaar. als …".
    expect(cda).toMatch(/het persoonsgebonden budget in de zorg\s+als/);
    expect(clean('SP_2003.txt').match(/actieprogramma SP G/gi)?.length ?? 0).toBeLessThan(5);
    expect(clean('Volt_2021.txt').match(/www\.stemvolt\.nl Verkiezingsprogramma/g)?.length ?? 0).toBeLessThan(3);
    // Three words are a head too: NSC 2023's "Tijd voor herstel" (69 before), CDA 2010's "slagvaardig en samen" (54).
    expect(clean('NSC_2023.txt').match(/Tijd voor herstel/g)!.length).toBeLessThan(10);
    expect(clean('CDA_2010.txt').match(/slagvaardig en samen/g)!.length).toBeLessThan(10);
    // A spread's two heads where a chapter ends: 24 left before ("… dolfinaria worden gesloten.31 VERKIEZINGSPROGRAMMA
    // GROENLINKS 2021 30 VERKIEZINGSPROGRAMMA GROENLINKS 2021 HOOFDSTUK 2").
    const gl = clean('GroenLinks_2021.txt');
    expect(gl.match(/VERKIEZINGSPROGRAMMA GROENLINKS/g)?.length ?? 0).toBeLessThan(3);
    expect(gl).toMatch(/dolfinaria worden gesloten\.\s+HOOFDSTUK 2/);
    // What a page number does not head: numbered points ("168. De SGP wil …", "10 D66 wil een …"), a clause a number
    // opens ("1DeCPN treedt opvoor een …", "03.10. Wij streven naar het …"), a lead-in ending in a colon.
    expect(clean('SGP_2021.txt')).toContain('168. De SGP wil een nationaal preventiefonds');
    expect(clean('D66_2002.txt')).toContain('10 D66 wil een positieverbetering voor leraren');
    expect(clean('CPN_1986.txt')).toContain('1DeCPN treedt opvoor een aetleve vredespolltlek');
    expect(clean('Realisten Nederland_1989.txt')).toContain('03.10. Wij streven naar het internationaal');
    expect(clean('PvdA_2021.txt').match(/Ons plan bestaat uit de volgende punten:/g)!.length).toBe(8);
  });
});
