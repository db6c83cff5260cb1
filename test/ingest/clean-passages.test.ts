import { describe, expect, it } from 'vitest';
import { cleanPages, headingOf } from '../../ingest/clean.ts';
import { splitPassages } from '../../ingest/passages.ts';
import { sentenceStarts } from '../../language/sentences.ts';
import { parseText } from '../../ingest/formats/text.ts';
import { extractMetadata, fileNameYear } from '../../ingest/metadata.ts';
import type { CleanDocument } from '../../lib/types.ts';
import { checkPassages, corpusDir, corpusFiles, read, sharedPath } from './helpers.ts';

const programmesDir = sharedPath('external', 'programmas-nl');

function cleanFile(name: string): CleanDocument {
  return cleanPages(parseText(read(corpusDir!, name), 'txt').pages);
}


describe.skipIf(!corpusDir)('cleanPages on the corpus', () => {
  it('joins words hyphenated across (blank) line breaks, keeps real compounds', () => {
    const text = cleanFile('000_ddb77fb8e123a2aa.txt').text;
    expect(text).toContain('het begrip wethouderssocialisme en de betekenis');
    expect(text).not.toMatch(/wethouders -/);
    expect(text).toContain('PvdA-wethouders');
    expect(text).toContain('decentralisatie-agenda');
  });

  it('re-flows lines split by blank lines mid-sentence, but keeps real paragraphs', () => {
    const text = cleanFile('000_ddb77fb8e123a2aa.txt').text;
    expect(text).toContain('hoeder van de verzorgingsstaat.');
    expect(text).toContain('\n\nSamenlevingsbeeld\n\nOnze PvdA-wethouders');
    expect(text).toContain('PvdA-gezicht zien?\n\nVoor onze wethouders');
    expect(cleanFile('002_2cdf2b3bdbada1f9.txt').text).toContain('te weinig om van het verlies in 2017 te herstellen?');
  });

  it('where every line is followed by a blank one, ends a paragraph at a longer run of blank lines', () => {
    // The CLB plan's list item ends without a full stop; two blank lines (one holding a space) end it.
    const text = cleanFile('002_2cdf2b3bdbada1f9.txt').text;
    expect(text).toContain('in combinatie met de raadsledenvakschool\n\nHet aanbod zal afhangen');
    expect(sentenceStarts(text).map((s) => text.slice(s, s + 16))).toContain('Het aanbod zal a');
  });

  it('keeps list items on their own lines with a normalised bullet', () => {
    const text = cleanFile('000_ddb77fb8e123a2aa.txt').text;
    expect(text).toContain('\n- Activistisch en strijdbaar, eigenwijs en creatief,\n- Open, benaderbaar en in contact,');
  });

  it('records headings with levels: numbered sections nest unnumbered ones', () => {
    const doc = cleanFile('001_99635ff256e3dcee.txt');
    const hs = doc.headings!.map((h) => [h.level, doc.text.slice(h.start, h.end)]);
    expect(hs).toContainEqual([1, 'Voorwoord']);
    expect(hs).toContainEqual([1, 'De positionering van een betekenisvol en aantrekkelijk ambt']); // **bold** over 2 lines
    expect(hs).toContainEqual([2, 'Moderne voorwaarden']);
    expect(doc.text).not.toContain('**');
    expect(headingOf('2 Een aantrekkelijk ambt')).not.toBeNull();
    expect(headingOf('## Moderne voorwaarden')).not.toBeNull();
    expect(headingOf('2018 belooft een spannend jaar te worden.')).toBeNull();
  });

  it("drops a copied web page's navigation above its title (003: \"Inloggen\", \"home > uitgelicht > …\")", () => {
    const text = cleanFile('003_c7bc46593598c111.txt').text;
    expect(text).toMatch(/^Verdiepingsbijeenkomst empower je Gemeenteraard\n/);
    expect(text).not.toMatch(/Inloggen|home >/);
  });
});

describe('cleanPages at the opening of a web page', () => {
  it('blanks the navigation lines the text opens with, not such lines further on', () => {
    const doc = cleanPages([{ page: 1, text: 'Menu\nhome > nieuws > raad\n\nRaad kiest wethouder\n\nDe raad koos Els > Jan tot wethouder.\n\nZoeken' }]);
    expect(doc.text).toBe('Raad kiest wethouder\n\nDe raad koos Els > Jan tot wethouder.\n\nZoeken');
  });
});

describe('cleanPages on page text', () => {
  it('runs a sentence on over a page break when the page ends mid-sentence (AP jaarverslag 2022)', () => {
    // Blank lines separate paragraphs in this document (as in most PDFs), so a page break alone would end one.
    const paragraphs = Array.from({ length: 8 }, (_, i) => `De AP heeft in ${2015 + i} toezicht gehouden.`).join('\n\n');
    const doc = cleanPages([
      { page: 1, text: `${paragraphs}\n\nVerder wordt een voorziening opgenomen voor de pensioenovereenkomst met de` },
      { page: 2, text: 'werknemers en andere toezeggingen aan de werknemers.\nDe voorziening wordt gewaardeerd.' },
      { page: 3, text: 'Boete Buitenlandse Zaken' },
    ]);
    expect(doc.text).toContain('de pensioenovereenkomst met de werknemers en andere toezeggingen');
    expect(doc.text.slice(doc.pageStarts[1])).toMatch(/^werknemers/);
    // A page that ends a sentence, or a next page opening in capitals, still starts a paragraph.
    expect(doc.text).toMatch(/gewaardeerd\.\n\nBoete/);
  });

  it('runs a sentence on over a page break after a comma, as the notes do (runsOnOverPage)', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `De AP heeft in ${2015 + i} toezicht gehouden.`).join('\n\n');
    const doc = cleanPages([
      { page: 1, text: `${paragraphs}\n\nHet fonds belegt in effecten (aandelen,` },
      { page: 2, text: 'ETF’s, obligaties en derivaten) met een laag risico.' },
    ]);
    expect(doc.text).toContain('(aandelen, ETF’s, obligaties');
  });

  it('reads a numbered line continued in lower case as a wrapped point, not a heading (SGP 1998)', () => {
    const text = [
      '4. Het milieu wordt, ondanks alle aandacht ',
      'die ervoor is, onverminderd bedreigd. ',
      '5. Het economisch aspect krijgt een steeds ',
      'grotere plaats in de samenleving, waar-',
      'door godsdienstige, maatschappelijke en ',
      'culturele waarden worden weggedrukt. ',
      '',
      '2 Een aantrekkelijk ambt',
      'Het ambt van wethouder is zwaarder geworden.',
    ].join('\n');
    const doc = cleanPages([{ page: 1, text }]);
    expect(doc.text).toContain('5. Het economisch aspect krijgt een steeds grotere plaats in de samenleving, waardoor godsdienstige');
    expect(doc.text).toContain('4. Het milieu wordt, ondanks alle aandacht die ervoor is, onverminderd bedreigd.');
    const hs = doc.headings!.map((h) => doc.text.slice(h.start, h.end));
    expect(hs).toEqual(['2 Een aantrekkelijk ambt']);
    const sentences = sentenceStarts(doc.text);
    expect(sentences.some((st) => doc.text.startsWith('grotere plaats', st))).toBe(false);
  });

  it('drops running headers and page numbers, normalises glyphs and keeps the page map exact', () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      page: n,
      text: `JA21 Verkiezingsprogramma 2023\n${n === 2 ? '' : `${['Tekst op pagina 1 met de ﬁnanciële\u00A0paragraaf en een wet\u00ADtelijk be-\nleid.', '', 'Tekst op pagina 3 over wonen.', 'Een laatste bladzijde.'][n - 1]}`}\n${['12', '- 13 -', 'pagina 14 van 40', '15 | Titel'][n - 1]}`,
    }));
    const doc = cleanPages(pages);
    expect(doc.text).not.toContain('Verkiezingsprogramma');
    expect(doc.text).not.toMatch(/\b1[2-5]\b/);
    expect(doc.text).toContain('Tekst op pagina 1 met de financiële paragraaf en een wettelijk beleid.');
    expect(doc.emptyPages).toEqual([2]);
    expect(doc.pageStarts).toHaveLength(4);
    expect(doc.text.slice(doc.pageStarts[2], doc.pageStarts[3])).toMatch(/^Tekst op pagina 3/);
  });

  it('reads a bullet that came out of the PDF as a control character as a bullet (Belastingdienst jaarplan 2024)', () => {
    const doc = cleanPages([{ page: 1, text: 'Onze visie is gebaseerd op vier kernbegrippen: \u001F burgers en bedrijven centraal \u001F proactief\n\u001F samen' }]);
    expect(doc.text).toBe('Onze visie is gebaseerd op vier kernbegrippen: • burgers en bedrijven centraal • proactief\n\n- samen');
  });

  it('splits a word glued to the next sentence before a function word, not a name in camel case', () => {
    const doc = cleanPages([{ page: 1, text: 'Aanpak dikastocratieOok zien we dat de ChristenUnie, GroenLinks en CoronaMelder in eHealth werken.' }]);
    expect(doc.text).toBe('Aanpak dikastocratie Ook zien we dat de ChristenUnie, GroenLinks en CoronaMelder in eHealth werken.');
  });

  it.skipIf(!programmesDir)('finds the word the FVD 2023 programme glued to a heading (programmas-nl)', () => {
    // Round 4 question hw017 asks what FVD means by "dikastocratie": the programme's only use of the word was lost.
    const text = cleanPages(parseText(read(programmesDir!, 'FVD_2023.txt'), 'txt').pages).text;
    expect(text).toMatch(/Aanpak\s+dikastocratie Ook zien we een probleem/);
  });
});

describe('splitPassages', () => {
  it('does not end sentences at Dutch abbreviations', () => {
    const t = 'Zie bijv. art. 12 van de wet. Dhr. Jansen o.a. zei dat. Nieuwe zin.';
    expect(sentenceStarts(t).map((s) => t.slice(s, s + 6))).toEqual(['Zie bi', 'Dhr. J', 'Nieuwe']);
  });

  it.skipIf(!corpusDir)('keeps offsets exact on every corpus document, for several sizes', () => {
    for (const f of corpusFiles()) {
      const doc = cleanFile(f);
      for (const [targetChars, overlapChars] of [[800, 150], [400, 0], [1200, 300]]) {
        checkPassages(doc, splitPassages(doc, { targetChars, overlapChars }));
      }
    }
  });

  it.skipIf(!corpusDir)('carries heading paths and whole-sentence overlap', () => {
    const doc = cleanFile('001_99635ff256e3dcee.txt');
    const ps = splitPassages(doc);
    expect(ps.some((p) => p.headingPath.join(' > ').endsWith('Moderne voorwaarden') && p.headingPath.length === 2)).toBe(true);
    const overlapping = ps.filter((p, i) => i > 0 && p.start < ps[i - 1].end);
    expect(overlapping.length).toBeGreaterThan(0);
    for (const p of overlapping) expect(doc.text.slice(0, p.start)).toMatch(/([.!?:]\s+|\n)$/);
  });
});

describe.skipIf(!corpusDir)('extractMetadata on the corpus', () => {
  it('finds title, year, organisation and language', () => {
    const parsed = parseText(read(corpusDir!, '001_99635ff256e3dcee.txt'), 'txt');
    const meta = extractMetadata(parsed, cleanPages(parsed.pages), '001_99635ff256e3dcee.txt');
    expect(meta).toEqual({
      title: 'Werken aan waardering voor wethouders', year: 2025, organisation: 'Wethoudersvereniging', language: 'nl',
      sources: { title: 'text', year: 'text', organisation: 'text' },
    });
    const p2 = parseText(read(corpusDir!, '002_2cdf2b3bdbada1f9.txt'), 'txt');
    expect(extractMetadata(p2, cleanPages(p2.pages), 'x.txt').organisation).toBe('Centrum voor Lokaal Bestuur (PvdA)');
    // A meeting report names its organiser ("de Verdiepingsbijeenkomst die Verdiwel organiseerde").
    const p3 = parseText(read(corpusDir!, '003_c7bc46593598c111.txt'), 'txt');
    expect(extractMetadata(p3, cleanPages(p3.pages), '003_c7bc46593598c111.txt').organisation).toBe('Verdiwel');
  });
});

describe('the organiser of a meeting as the organisation', () => {
  const organisationOf = (text: string) => {
    const parsed = parseText(Buffer.from(text), 'txt');
    return extractMetadata(parsed, cleanPages(parsed.pages), 'verslag.txt').organisation;
  };

  it('takes an organiser the text names again, not one named once', () => {
    const report = 'Verslag\n\nDe studiedag werd georganiseerd door de Wiardi Beckman Stichting in Utrecht. Sprekers waren Jan de Vries en Els Bakker.';
    expect(organisationOf(`${report}\n\nDe Wiardi Beckman Stichting dankt alle deelnemers.`)).toBe('Wiardi Beckman Stichting');
    expect(organisationOf(report)).toBeNull();
    // An organisation of the known list stays first.
    expect(organisationOf('Verslag\n\nDe avond die Verdiwel organiseerde, met de VNG. Verdiwel en de VNG danken u. De VNG.')).toBe('VNG');
  });
});

describe('the title from the text', () => {
  const titleOf = (text: string) => {
    const parsed = parseText(Buffer.from(text), 'txt');
    return extractMetadata(parsed, cleanPages(parsed.pages), 'x.txt').title;
  };

  it('drops a page number glued to the cover line (programmas-nl: VVD 2021, Ratelband.nl 2003), not a number the title opens with', () => {
    expect(titleOf('1Samen aan\n\nde slag. Nieuwe keuzes voor een nieuwe tijd.')).toBe('Samen aan');
    expect(titleOf('509Verkiezingsprogramma Ratelband.nl\n\nWij willen een ander land.')).toBe('Verkiezingsprogramma Ratelband.nl');
    expect(titleOf('50PLUS wil een eerlijk pensioen\n\nDe AOW gaat omhoog.')).toBe('50PLUS wil een eerlijk pensioen');
  });

  it('joins a title word broken at its hyphen with the next line (programmas-nl: GroenLinks 2021)', () => {
    expect(titleOf('VERKIEZINGS-\nPROGRAMMA\nGROENLINKS 2021\n\nTIJD VOOR NIEUW REALISME.')).toBe('VERKIEZINGSPROGRAMMA');
    expect(titleOf('Samen voor Noord-\nHolland\n\nDe partij wil vrede.')).toBe('Samen voor Noord-Holland');
  });

  it('gives the file name for a cover that OCR read into rubble, and keeps a cover read well', () => {
    const parsed = parseText(Buffer.from('DOCUM ~:f·ITl~;! ECENTRUM\n\nDe partij wil schone lucht en schoon water voor iedereen.'), 'txt');
    expect(extractMetadata(parsed, cleanPages(parsed.pages), 'Milieu-Defensie-Partij_1989.txt').title).toBe('Milieu-Defensie-Partij_1989');
    expect(titleOf('Program van Actie der Anti-Revolutionaire Partij\n\nDe partij wil ...')).toBe('Program van Actie der Anti-Revolutionaire Partij');
  });

  it('gives the file name for a cover of word fragments (programmas-nl: 60 of 446), and reads its organisation from the text only', () => {
    const metaOf = (text: string, name: string) => {
      const parsed = parseText(Buffer.from(text), 'txt');
      return extractMetadata(parsed, cleanPages(parsed.pages), name);
    };
    // Fragments of words the vocabulary does not know, or too short to say anything (ARP 1956, EVP 1989, NOU 1956).
    expect(metaOf('I-IPIiI-AiVI VAN LstTIE\n\nDe partij wil vrede.', 'ARP_1956.txt').title).toBe('ARP_1956');
    expect(metaOf('ENTRUM\n\nDe partij wil vrede.', 'EVP_1989.txt').title).toBe('EVP_1989');
    expect(metaOf('NIE\n\nDe partij wil vrede.', 'NOU_1956.txt').title).toBe('NOU_1956');
    // A joint programme's file-name title does not make its first party the author.
    const joint = metaOf("Il'JLEID I NG\n\nDe drie partijen willen samen regeren.", 'PvdA; D66; PPR_1971.txt');
    expect(joint.title).toBe('PvdA; D66; PPR_1971');
    expect(joint.organisation).toBe('PvdA; D66; PPR');
    // Compounds and a word or two the vocabulary lacks still make a title.
    expect(metaOf('Duidingsrapportage CoronaMelder\n\nDe app werkt.', 'x.txt').title).toBe('Duidingsrapportage CoronaMelder');
    expect(metaOf('Verdiepingsbijeenkomst empower je Gemeenteraard\n\nDe raad kwam bijeen.', 'x.txt').title).toBe('Verdiepingsbijeenkomst empower je Gemeenteraard');
    // The vocabulary is Dutch: a text in another language keeps its title.
    const english = 'Strategic overview\n\nThe board met in the year and this is the report of the work that has been done by the members of the board.';
    expect(metaOf(english, 'x.txt').title).toBe('Strategic overview');
  });
});

describe('the organisation against the file name', () => {
  const text = Buffer.from('Verkiezingsprogramma 1989\n\nWij zijn het oneens met de VVD. De VVD wil bezuinigen; de VVD vergeet de zwakken.');
  const organisationOf = (fileName: string) => {
    const parsed = parseText(text, 'txt');
    return extractMetadata(parsed, cleanPages(parsed.pages), fileName).organisation;
  };

  it('takes the organisation the text names most, unless the file name carries another acronym', () => {
    expect(organisationOf('verkiezingsprogramma_1989.txt')).toBe('VVD');
    expect(organisationOf('VVD_1989.txt')).toBe('VVD');
    // The GPV's programme argues with the VVD: its words are not the VVD's, they are the GPV's.
    expect(organisationOf('GPV_1989.txt')).toBe('GPV');
  });

  it('takes the author the file name gives over one the text names often but not at its top, when the text names both', () => {
    const body = 'Verkiezingsprogramma 2003\n\nDe Groenen willen een schoon land. ' + 'Wij kiezen voor de natuur en voor schone lucht. '.repeat(8) +
      'Anders dan GroenLinks kiezen wij niet voor groei. GroenLinks wil bouwen, GroenLinks wil groeien. De Groenen niet.';
    const p = parseText(Buffer.from(body), 'txt');
    const orgOf = (fileName: string) => extractMetadata(p, cleanPages(p.pages), fileName).organisation;
    expect(orgOf('De Groenen_2003.txt')).toBe('De Groenen');
    expect(orgOf('verkiezingsprogramma_2003.txt')).toBe('GroenLinks');
    // A file author the text never names ("VijftigPLUS" for 50PLUS) or that is the text's organisation changes nothing.
    expect(orgOf('De Blauwen_2003.txt')).toBe('GroenLinks');
    expect(orgOf('GroenLinks_2003.txt')).toBe('GroenLinks');
  });

  it('takes the author the archivist wrote into the file name when the text names none', () => {
    const parsed = parseText(Buffer.from('Program van actie\n\nWij willen een sterke gemeenschap.'), 'txt');
    const meta = (fileName: string) => extractMetadata(parsed, cleanPages(parsed.pages), fileName);
    expect(meta('ARP_1952.txt')).toMatchObject({ organisation: 'ARP', sources: { organisation: 'file-name' } });
    expect(meta("CP'86_1986.txt").organisation).toBe("CP'86");
    expect(meta('PvdA; D66; PPR_1971.txt').organisation).toBe('PvdA; D66; PPR');
    expect(meta('Senioren 2000_1998.txt').organisation).toBe('Senioren 2000');
    expect(meta('Lijst 21_Islam-Democraten_2003.txt').organisation).toBe('Lijst 21 Islam-Democraten');
    // One word that ends the way a Dutch organisation's name does.
    expect(meta('Boerenpartij_1963.txt').organisation).toBe('Boerenpartij');
    expect(meta('Plattelandersbond_1918.txt').organisation).toBe('Plattelandersbond');
    // Another single capitalised word only when the text writes it as a name.
    expect(meta('Volt_2021.txt').organisation).toBeNull();
    const written = (body: string, fileName: string) => {
      const p = parseText(Buffer.from(body), 'txt');
      return extractMetadata(p, cleanPages(p.pages), fileName).organisation;
    };
    expect(written('Programma 2021\n\nVolt wil een Europees Nederland. Daarom kiest Volt voor samenwerking.', 'Volt_2021.txt')).toBe('Volt');
    expect(written('Jaarverslag 2022\n\nJaarverslag van de dienst. In dit jaarverslag leest u meer.', 'Jaarverslag_2022.pdf')).toBeNull();
    // A kind of document, a lower-case stem, no year: no author.
    expect(meta('Jaarverslag_2022.pdf')).toMatchObject({ organisation: null, sources: { organisation: 'none' } });
    expect(meta('ap_jaarverslag_2022.pdf').organisation).toBeNull();
    expect(meta('vkp2023_christenunie.pdf').organisation).toBeNull();
    expect(meta('001_99635ff256e3dcee.txt').organisation).toBeNull();
  });

  it.skipIf(!programmesDir)('names the party of real programmes whose text does not (programmas-nl)', () => {
    const orgOf = (name: string) => {
      const parsed = parseText(read(programmesDir!, name), 'txt');
      return extractMetadata(parsed, cleanPages(parsed.pages), name).organisation;
    };
    expect(orgOf('ARP_1952.txt')).toBe('ARP');
    expect(orgOf("CP'86_1986.txt")).toBe("CP'86");
    expect(orgOf('CHU_1946.txt')).toBe('CHU');
    expect(orgOf('VVD_1994.txt')).toBe('VVD'); // named by its text
    expect(orgOf('Volt_2023.txt')).toBe('Volt');
    expect(orgOf('Loesje_1986.txt')).toBe('Loesje'); // glued OCR text: "vanLoesje"
    expect(orgOf('Ratelband.nl_2003.txt')).toBe('Ratelband.nl'); // "info@ratelband.nl" is an address, not a word
    expect(orgOf('Nederlandbeter_2012.txt')).toBeNull(); // its text names it once
    // Texts that name another organisation often, not at the top: the party the file and the text name is the author.
    expect(orgOf('De Conservatieven.nl_2003.txt')).toBe('De Conservatieven.nl'); // not the CDA it argues with
    expect(orgOf('De Groenen_2003.txt')).toBe('De Groenen'); // not GroenLinks
    expect(orgOf('Partij van de Toekomst_2002.txt')).toBe('Partij van de Toekomst'); // not the "Ministerie van Feestzaken" it proposes
    expect(orgOf('VijftigPLUS_2017.txt')).toBe('50PLUS'); // the text never writes "VijftigPLUS"
    expect(orgOf('BoerBurgerBeweging_2021.txt')).toBe('BBB');
    const titleOf = (name: string) => {
      const parsed = parseText(read(programmesDir!, name), 'txt');
      return extractMetadata(parsed, cleanPages(parsed.pages), name).title;
    };
    expect(titleOf('RKPN_1977.txt')).toBe('RKPN_1977'); // its cover: "6JnqJoo/\ '00Lsnqlsod pUBp8p8N !!lJBd …"
    expect(titleOf('PvdA_2006.txt')).toMatch(/^Samen sterker/);
  });

  it('keeps an organisation its file name gives as initials or as a word', () => {
    const parsed = parseText(Buffer.from('Partij voor de Dieren\n\nDe Partij voor de Dieren wil minder vee. Partij voor de Dieren.'), 'txt');
    expect(extractMetadata(parsed, cleanPages(parsed.pages), 'PvdD_2010.txt').organisation).toBe('Partij voor de Dieren');
  });
});

describe('the year in a file name', () => {
  it('is read where archivists write it, and not out of ids or longer numbers', () => {
    expect(fileNameYear('CDA_2017.txt')).toBe(2017);
    expect(fileNameYear('vkp2023_50plus.pdf')).toBe(2023);
    expect(fileNameYear('gemeente_besluitenlijst_raad_2015-06-29.pdf')).toBe(2015);
    expect(fileNameYear('dusi_controleprotocol_flo_ambulance_2023_2024.pdf')).toBe(2023);
    expect(fileNameYear('001_99635ff256e3dcee.txt')).toBeNull();
    expect(fileNameYear('tk_aanhangsel_ah-tk-20202021-3235.pdf')).toBeNull();
    expect(fileNameYear('rapport_a1999.pdf')).toBeNull();
    expect(fileNameYear('plan_2190.pdf')).toBeNull();
  });

  it('dates the document over the years its text quotes', () => {
    const parsed = parseText(Buffer.from('50PLUS verkiezingsprogramma\n\nIn 2017 en in 2017 en 2017 willen wij een hogere AOW.'), 'txt');
    const meta = extractMetadata(parsed, cleanPages(parsed.pages), 'VijftigPLUS_2012.txt');
    expect(meta.year).toBe(2012);
    expect(meta.sources.year).toBe('file-name');
  });
});
