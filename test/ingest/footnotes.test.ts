import { describe, expect, it } from 'vitest';
import { notesStart, setNotesApart, setSuperscriptNotesApart } from '../../ingest/footnotes.ts';
import { cleanPages } from '../../ingest/clean.ts';
import { prepareDocument } from '../../ingest/prepare.ts';
import { splitSentences } from '../../language/sentences.ts';
import { corpusDir, pdfNlDir, read } from './helpers.ts';
import { parseText } from '../../ingest/formats/text.ts';

// Page 23 of the CoronaMelder "duidingsrapportage" as extracted: the sentence on its last body line goes on past
// the notes on the next page, and the notes' numbers stick to the words that cite them.
const page = [
  'Aan deze informatie voegt de GGD de datum van',
  'de eerste ziektedag117 toe en plaatst het geheel in het',
  'GGD-portaal van de app.118',
  'Vervolgens worden op de backend server de TEKs',
  'geconverteerd naar Diagnosis Keys (DKs). De DKs',
  'worden om een bepaalde tijd vrijgegeven voor',
  '116 Deze zou aanvankelijk door de Belastingdienst worden beheerd, maar deze taak is in tweede instantie',
  'overgegaan naar het CIBG, een uitvoeringsorganisatie van VWS.',
  '117 Uit wetenschappelijk onderzoek blijkt dat een persoon met COVID-19 de eerste paar dagen van de',
  'besmetting het meest besmettelijk is.',
  '118 Het GGD-portaal is alleen toegankelijk voor GGD-medewerkers.',
];
const nextPage = ['download door alle gebruikers. Zo kan een gebruiker nagaan of hij', 'in contact is geweest met een besmette persoon.'];

describe('footnotes', () => {
  it('finds the notes at the foot of a page by the numbers the page cites', () => {
    // 116 is cited on the page before ("server.116"): its note still opens the run, being one less than 117.
    expect(notesStart(page)).toBe(6);
    expect(notesStart(['De eerste ziektedag117 toe.', '117 Een noot.', '118 Geen verwijzing.'])).toBe(-1);
    // Numbers after capitals, single letters or other numbers are no citations: "CO2", "m2", "1.2".
    expect(notesStart(['Het CO2 en de m2 en paragraaf 1.2 staan hier.', '2 Beleid'])).toBe(-1);
    expect(notesStart(['Een tekst zonder noten.', '2020 was een jaar.'])).toBe(-1);
  });

  it('moves the end of a cut sentence before the notes and frees the cited words of their numbers', () => {
    const { pages, notes } = setNotesApart([page, nextPage]);
    expect(pages[0].slice(0, 7)).toEqual([
      'Aan deze informatie voegt de GGD de datum van',
      'de eerste ziektedag toe en plaatst het geheel in het',
      'GGD-portaal van de app.',
      'Vervolgens worden op de backend server de TEKs',
      'geconverteerd naar Diagnosis Keys (DKs). De DKs',
      'worden om een bepaalde tijd vrijgegeven voor',
      'download door alle gebruikers.',
    ]);
    expect(pages[1]).toEqual(['Zo kan een gebruiker nagaan of hij', 'in contact is geweest met een besmette persoon.']);
    expect(notes[0].slice(6)).toEqual([null, 'start', 'note', 'start', 'note', 'start']);
    expect(notes[1]).toEqual([null, null]);
  });

  it('goes on with a sentence the page broke off after a comma, whatever letter the next page opens with', () => {
    // BNC-fiche MiFID (pdf-nl): "… ten minste één CTP per activaklasse (aandelen," / notes / "ETF’s, obligaties …".
    const body = ['Met dit voorstel wil de Commissie faciliteren dat ten minste één CTP per activaklasse (aandelen,', '3 De best execution verplichting vereist dat een beleggingsonderneming …'];
    const { pages } = setNotesApart([['Een zin over orders.3', ...body.slice(0, 1), body[1]], ['ETF’s, obligaties en derivaten) in de Unie wordt opgericht. Waar de transparantie', 'redelijk is verbeterd.']]);
    expect(pages[0]).toEqual(['Een zin over orders.', body[0], 'ETF’s, obligaties en derivaten) in de Unie wordt opgericht.', body[1]]);
    expect(pages[1][0]).toBe('Waar de transparantie');
    // Without the comma, a page opening in capitals starts its own sentence.
    expect(setNotesApart([['Een zin over orders.3', 'Het einde van de bladzijde', body[1]], ['Een nieuwe zin.']]).pages[1]).toEqual(['Een nieuwe zin.']);
  });

  it('gives each note a paragraph of its own in the clean text, and keeps the sentence on its page', () => {
    const doc = cleanPages([
      { page: 1, text: page.join('\n') },
      { page: 2, text: nextPage.join('\n') },
    ]);
    const sentences = splitSentences(doc.text).map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toContain('De DKs worden om een bepaalde tijd vrijgegeven voor download door alle gebruikers.');
    expect(sentences).toContain('116 Deze zou aanvankelijk door de Belastingdienst worden beheerd, maar deze taak is in tweede instantie overgegaan naar het CIBG, een uitvoeringsorganisatie van VWS.');
    expect(doc.text).toContain('de eerste ziektedag toe');
    // The rest of the next page opens a paragraph after the notes, on its own page.
    expect(doc.text.slice(doc.pageStarts[1])).toBe('Zo kan een gebruiker nagaan of hij in contact is geweest met een besmette persoon.');
  });

  it('sets apart the superscript notes of a text without pages, drops the page number beside them, and reads the paragraph they cut on past them', () => {
    // The corpus's beleidsplan (a text exported from a PDF): "… na een bestuurs-" / "7" / "⁹ De toekomst …" / "periode …".
    const lines = ['Veel wethouders vinden de overstap na een bestuurs-', '', '7', '', '⁹ De toekomst van het wethouderschap, 2022', '', 'periode lastig. Dit komt veelal door de focus op het ambt.'];
    const { pages, notes } = setSuperscriptNotesApart(lines);
    expect(pages[0].filter((l) => l)).toEqual([
      'Veel wethouders vinden de overstap na een bestuurs-',
      'periode lastig. Dit komt veelal door de focus op het ambt.',
      '⁹ De toekomst van het wethouderschap, 2022',
    ]);
    expect(notes[0].filter((n, i) => pages[0][i])).toEqual([null, null, 'start']);
    // A note after a finished sentence moves nothing; a text without superscript notes is left as it was.
    const ended = ['Een zin die eindigt.', '', '¹ Een bron, 2024', '', 'Een nieuwe zin.'];
    expect(setSuperscriptNotesApart(ended).pages[0]).toEqual(ended);
    const plain = ['Een zin.', '', '7', '', 'nog een regel'];
    expect(setSuperscriptNotesApart(plain)).toEqual({ pages: [plain], notes: [plain.map(() => null)] });
  });

  it.skipIf(!corpusDir)('reads the three sentences cut by the beleidsplan notes whole, each note a paragraph of its own (corpus)', () => {
    const text = cleanPages(parseText(read(corpusDir!, '001_99635ff256e3dcee.txt'), 'txt').pages).text;
    const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toContain('Veel wethouders ondervinden dat de overstap naar een nieuwe functie na een bestuursperiode lastig kan zijn.');
    expect(sentences.some((s) => s.startsWith('Ook kreeg de ondersteuning bij rechtspositionele vraagstukken een prominentere plaats'))).toBe(true);
    expect(sentences.some((s) => s.endsWith('aan te sluiten op de specifieke lokale behoefden.'))).toBe(true);
    // The paragraph reads on past the note, which follows it: "Dit komt …" still points back to its predecessor.
    expect(text).toContain('na een bestuursperiode lastig kan zijn. Dit komt veelal omdat');
    expect(text).toMatch(/bedrijfsvoeringsvaardigheden\.\n\n⁹ De toekomst van het wethouderschap, Wethoudersvereniging, 2022\n\n/);
    expect(text).not.toMatch(/\n7\n/);
  });

  it.skipIf(!pdfNlDir)('reads the CoronaMelder report whole around its notes (pdf-nl)', async () => {
    const name = 'coronamelder_duidingsrapportage_2020.pdf';
    const { doc } = await prepareDocument(read(pdfNlDir!, name), { id: name, fileName: name, sourcePath: name });
    const text = doc.text;
    expect(text).toContain('vrijgegeven voor download');
    expect(text).toMatch(/\n116 Deze zou aanvankelijk door de Belastingdienst worden beheerd/);
    expect(text).not.toContain('ziektedag117');
  });
});
