// Which documents a question names, on hand-made document records shaped like the team's archives.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETAILS, type DocumentMeta } from '../../lib/types.ts';
import { metadataWords, missingSource, namedDocuments, namedSourceGroups, questionWords, type OwnWord } from '../../retrieval/source.ts';
import { withoutSourceNames } from '../../retrieval/retrieve.ts';

const doc = (fileName: string, year: number | null, organisation: string | null = null, title = 'Verkiezingsprogramma'): DocumentMeta => ({
  id: fileName.toLowerCase().replace(/\.[^.]+$/, '').replace(/[^a-z0-9]+/g, '-'),
  title, year, organisation, language: 'nl', format: 'txt', pageCount: 1, byteSize: 1, sha256: '', fileName, sourcePath: '', ingestedAt: '', details: DEFAULT_DETAILS,
});
const docs = new Map(
  [doc('SGP_1918.txt', 1918), doc('SGP_1922.txt', 1922), doc('ARP_1918.txt', 1918), doc('PvdD_2021.txt', 2021), doc('D66_1967.txt', 1967),
    doc('vkp2023_christenunie.pdf', 2023, 'ChristenUnie'), doc('jaarplan_belastingdienst.pdf', 2024, 'Belastingdienst')].map((d) => [d.id, d]),
);
const p = { useTitle: false, maxDocShare: 0.5, searchAttribution: false };
const best = (q: string) => [...namedDocuments(q, docs, p)].filter(([, s]) => s === 1).map(([d]) => d).sort();

describe('named documents', () => {
  it('a party and a year name one programme; the party alone names all of its programmes', () => {
    expect(best('wat vond de sgp in 1918 van de staatsloterij')).toEqual(['sgp-1918']);
    expect(best('Wat wil de SGP?')).toEqual(['sgp-1918', 'sgp-1922']);
    expect(best('Wie moest volgens D\'66 in 1967 de premier kiezen?')).toEqual(['d66-1967']);
  });

  it('acronyms of consecutive words name a document', () => {
    expect(questionWords('Wat vindt de Partij voor de Dieren van de bio-industrie?').get('pvdd')).toBe(2);
    expect(questionWords('Wat zegt de Autoriteit Persoonsgegevens?').has('ap')).toBe(true);
    expect(questionWords('wat zegt de autoriteit persoonsgegevens?').has('ap')).toBe(false);
    expect(best('Wat vindt de Partij voor de Dieren van de bio-industrie?')).toEqual(['pvdd-2021']);
  });

  it('organisations count, title words only when asked, and a question naming nothing names nothing', () => {
    expect(best('Hoe oud moet je volgens de ChristenUnie zijn?')).toEqual(['vkp2023-christenunie']);
    expect(best('hoeveel mensen werken er bij de belastingdienst?')).toEqual(['jaarplan-belastingdienst']);
    expect(metadataWords(docs.get('sgp-1918')!, false).has('verkiezingsprogramma')).toBe(false);
    expect(metadataWords(docs.get('sgp-1918')!, true).has('verkiezingsprogramma')).toBe(true);
    expect(namedDocuments('Wat is wethouderssocialisme?', docs, p).size).toBe(0);
  });
});

describe('the question as the named documents are searched: without the words that name them', () => {
  it('leaves out the party, its acronym spelled out, and the year; keeps a name that names no source of the question', () => {
    const bare = (q: string) => withoutSourceNames(q, docs, p).replace(/\s+/g, ' ');
    expect(bare('Wat vond de SGP in 1918 van de staatsloterij?')).toBe('Wat vond de in van de staatsloterij?');
    expect(bare('Wat vindt de Partij voor de Dieren van de bio-industrie?')).toBe('Wat vindt de voor de van de bio-industrie?');
    // "Kamer" is no word of D66 1967's names: it stays.
    expect(bare("Wat wilde D'66 in 1967 met de Eerste Kamer?")).toBe('Wat wilde in met de Eerste Kamer?');
    expect(bare('Wat is wethouderssocialisme?')).toBe('Wat is wethouderssocialisme?');
  });
});

describe('named source groups (the answer layer searches each for its own passages)', () => {
  const groups = (q: string) => namedSourceGroups(q, docs, p);
  it('one group for one source, however many of its words the question has', () => {
    expect(groups('wat vond de sgp in 1918 van de staatsloterij')).toEqual([['sgp-1918']]);
    expect(groups('Wat wil de SGP?')).toEqual([['sgp-1918', 'sgp-1922']]);
    // Named years narrow every source down: the ChristenUnie has no programme of 1918 here.
    expect(groups('Wat vonden de SGP en de ChristenUnie in 1918 van de staatsloterij?')).toEqual([['sgp-1918']]);
  });
  it('a group per source when the question names two, also by an acronym of its words', () => {
    expect(groups('Wat willen de ChristenUnie en de Partij voor de Dieren met draagmoederschap?')).toEqual([['pvdd-2021'], ['vkp2023-christenunie']]);
  });
  it('a year narrows each named source down to its programme of that year (the most named first)', () => {
    const more = new Map([...docs, ...[doc('Partij voor Ongehuwden_1967.txt', 1967), doc('D66_1971.txt', 1971)].map((d) => [d.id, d] as const)]);
    const q = "Wat wilden D'66 en de Partij voor Ongehuwden in 1967 met de Eerste Kamer?";
    expect(namedSourceGroups(q, more, p)).toEqual([['partij-voor-ongehuwden-1967'], ['d66-1967']]);
  });
  it('an acronym and the words it stands for name one source (pdf-nl file names)', () => {
    const ap = new Map([...docs, ...[doc('ap_jaarverslag_2022.pdf', 2022), doc('coronamelder_advies_autoriteit_persoonsgegevens.pdf', 2020)].map((d) => [d.id, d] as const)]);
    expect(namedSourceGroups('Heeft de Autoriteit Persoonsgegevens iets gemaakt voor raadsleden?', ap, p)).toEqual([
      ['ap-jaarverslag-2022', 'coronamelder-advies-autoriteit-persoonsgegevens'],
    ]);
  });
  it('none when the question names nothing, or only has a word that a file name holds but is not typed as a name', () => {
    expect(groups('Wat is wethouderssocialisme?')).toEqual([]);
    const typedAsName = (w: string) => ['sgp', '1918'].includes(w);
    expect(namedSourceGroups('Wat staat er in het jaarplan van de SGP uit 1918?', docs, p, typedAsName)).toEqual([['sgp-1918']]);
    expect(namedSourceGroups('Wat staat er in het jaarplan?', docs, p, typedAsName)).toEqual([]);
  });
});

describe('names as the programmes of 1888-2023 spell them and as staff type them', () => {
  // File names as in ../shared/external/programmas-nl.
  const old = new Map(
    [doc('Economischen Bond_1918.txt', 1918), doc('Bond van Vrije Liberalen_1918.txt', 1918), doc('Nationale Bond van Protestantsche Kiezers in Nederland_1918.txt', 1918),
      doc('RVP_1981.txt', 1981), doc('CDA_1981.txt', 1981), doc('Roomsch-Katholieke Volkspartij_1925.txt', 1925), doc('SBP_1994.txt', 1994),
      doc('Boerenpartij_1967.txt', 1967), doc('VVD_1981.txt', 1981)].map((d) => [d.id, d]),
  );
  const groups = (q: string) => namedSourceGroups(q, old, p);
  it('an inflected or old-spelled word of a name still names it', () => {
    expect(groups('Hoe wilde de Economische Bond in 1918 de versnipperde landbouwgrond beter verdelen?')).toEqual([['economischen-bond-1918']]);
    expect(groups('Wat wilde de Nationale Bond van Protestantse Kiezers in 1918?')).toEqual([['nationale-bond-van-protestantsche-kiezers-in-nederland-1918']]);
  });
  it('a party compound gives its head letter to the acronym', () => {
    expect(groups('Mocht je volgens de Rechtse Volkspartij in 1981 op je eigen stuk grond gaan kamperen?')).toEqual([['rvp-1981']]);
    expect(groups('Hoe wilde de Solidariteit Boerenpartij in 1994 jongeren aanpakken?')).toEqual([['sbp-1994']]);
    expect(groups('Wat wilde de Rooms-Katholieke Volkspartij in 1925?')).toEqual([['roomsch-katholieke-volkspartij-1925']]);
  });
  it('acronyms that leave out articles or all function words: the PVV is not the Partij voor de Dieren', () => {
    const parties = new Map(
      [doc('PVV_2023.txt', 2023), doc('PVV_2010.txt', 2010), doc('PvdD_2023.txt', 2023, 'Partij voor de Dieren'), doc('PvdD_2010.txt', 2010),
        doc('VVD_2023.txt', 2023), doc('VVD_2010.txt', 2010), doc('PvdA_2023.txt', 2023), doc('PvdA_1977.txt', 1977),
        doc('PvdV_1946.txt', 1946), doc('SP_1977.txt', 1977), doc('CDA_1977.txt', 1977), doc('KVP_1946.txt', 1946)].map((d) => [d.id, d]),
    );
    const named = (q: string) => namedSourceGroups(q, parties, p);
    expect(named('Wat wil de Partij voor de Vrijheid in 2023 met de AOW?')).toEqual([['pvv-2023']]);
    expect(named('Wat wil de Volkspartij voor Vrijheid en Democratie in 2023 met de hypotheekrente?')).toEqual([['vvd-2023']]);
    expect(named('Wat wil de Partij van de Arbeid in 2023?')).toEqual([['pvda-2023']]);
    expect(named('Wat wil de Partij voor de Dieren in 2023?')).toEqual([['pvdd-2023']]);
    expect(named('Wat wilde de Partij van de Vrijheid in 1946?')).toEqual([['pvdv-1946']]);
  });
});

describe('party names as staff type them: run apart, with their number, abbreviated, in one compound', () => {
  // File names as in ../shared/external/programmas-nl.
  const parties = new Map(
    [doc('GroenLinks_1994.txt', 1994), doc('ChristenUnie_2021.txt', 2021), doc('D66_1994.txt', 1994), doc("DS'70_1971.txt", 1971), doc('JA21_2021.txt', 2021),
      doc('SP_1994.txt', 1994), doc('PSP_1986.txt', 1986), doc('CD_1994.txt', 1994), doc('CDA_1994.txt', 1994), doc('ARP_1963.txt', 1963),
      doc('VVD_1994.txt', 1994), doc('PvdA_1994.txt', 1994), doc('GPV_1994.txt', 1994), doc('RPF_1994.txt', 1994), doc("Tamara's Open Partij_2006.txt", 2006)].map((d) => [d.id, d]),
  );
  const groups = (q: string) => namedSourceGroups(q, parties, p);
  it('two words the archive writes as one, and initials with a number', () => {
    expect(groups('Wat wilde Groen Links in 1994 met de snelweg?')).toEqual([['groenlinks-1994']]);
    expect(groups('Wat wil Ja 21 met de zondag?')).toEqual([['ja21-2021']]);
    expect(groups('Waarom stapte de leiding van de SP op, en wat kwam ervoor in de plaats?')).toEqual([['sp-1994']]);
    expect(groups('Hoe dacht D 66 over referenda?')).toEqual([['d66-1994']]);
    expect(groups('Wat wilden de Democraten 66 in 1994?')).toEqual([['d66-1994']]);
    expect(groups("Wat vond Democratisch Socialisten '70 van de inflatie?")).toEqual([['ds-70-1971']]);
  });
  it('the initials of a name written as capitalised words run together: GL, CU', () => {
    expect(groups('Wat vindt de CU van de zondagsrust?')).toEqual([['christenunie-2021']]);
    expect(groups('Wat wilde GL in 1994 met de bio-industrie?')).toEqual([['groenlinks-1994']]);
    expect(metadataWords(parties.get('christenunie-2021')!, false).has('cu')).toBe(true);
  });
  it('an acronym is not spelled out again: "de SGP over de Staatsloterij" names the SGP, not SOS', () => {
    const more = new Map([...parties, ...[doc('SOS_1981.txt', 1981), doc('SGP_1994.txt', 1994)].map((d) => [d.id, d] as const)]);
    expect(namedSourceGroups('Hoe dacht de SGP over de Staatsloterij?', more, p)).toEqual([['sgp-1994']]);
  });
  it('a name opens with a capital where the question writes capitals: "eerst doen voordat de partij" is no EVP', () => {
    const more = new Map([...parties, ...[doc('PAB_1986.txt', 1986), doc('EVP_1986.txt', 1986), doc('PvdD_2021.txt', 2021)].map((d) => [d.id, d] as const)]);
    const q = 'Wat moesten leden van de Partij Algemeen Belang (PAB) in 1986 eerst doen voordat de partij hen kandidaat stelde?';
    expect(namedSourceGroups(q, more, p)).toEqual([['pab-1986']]);
    // Typed all in lower case, a party's name still names it.
    expect(namedSourceGroups('wat wil de partij voor de dieren met dierproeven', more, p)).toEqual([['pvdd-2021']]);
  });
  it('a name inside a longer one is part of it: the Pacifistisch Socialistische Partij is the PSP, not the SP', () => {
    expect(groups('Wat wilde de Pacifistisch Socialistische Partij met de NAVO?')).toEqual([['psp-1986']]);
    expect(groups('Wat wilde de Socialistische Partij in 1994?')).toEqual([['sp-1994']]);
  });
  it('a joint list written as one word is named by each of its parties, as "PvdA; D66; PPR_1971" is', () => {
    const joint = new Map([...parties, ...[doc('GroenLinksPvdA_2023.txt', 2023, 'GroenLinksPvdA'), doc('PvdA_2021.txt', 2021)].map((d) => [d.id, d] as const)]);
    expect(namedSourceGroups('Wat wilde de PvdA in 2023 met de huurprijzen?', joint, p)).toEqual([['groenlinkspvda-2023']]);
    expect(namedSourceGroups('Wat wil GroenLinks in 2023 met de huren?', joint, p)).toEqual([['groenlinkspvda-2023']]);
    expect(missingSource('Wat wilde de PvdA in 2023 met de huurprijzen?', joint, p, () => true, () => false)).toBeNull();
    expect(namedSourceGroups('Wat wilde de PvdA in 2021 met de huren?', joint, p)).toEqual([['pvda-2021']]);
    // Only parts other documents go by: ChristenUnie is no "Unie", GroenLinks no "Links".
    expect(namedSourceGroups('Wat vindt de Unie van de zondagsrust?', joint, p)).toEqual([]);
    expect(namedSourceGroups('Wat wil Links in 1994 met de snelweg?', joint, p)).toEqual([]);
  });
  // The archive's text decides whether a compound spelling an acronym is that party's own word (retrieval/signals.ts
  // ownWords reads the lexical index; here a table of which programmes use which word).
  const uses: Record<string, string[]> = { centrumdemocraten: ['cd-1994'], antirevolutionaire: ['arp-1963'], christendemocraten: ['cda-1994'] };
  const own: OwnWord = (word, docs) => (uses[word.toLowerCase()] ?? []).some((d) => docs.includes(d));
  it("a compound spelling an acronym names that party when the party's own programmes use it", () => {
    expect(namedSourceGroups('Wat wilden de Centrumdemocraten in 1994 met asielzoekers?', parties, p, () => true, own)).toEqual([['cd-1994']]);
    expect(namedSourceGroups('Wat wilde de Antirevolutionaire Partij met het onderwijs?', parties, p, () => true, own)).toEqual([['arp-1963']]);
    // "Christendemocraten" spells CD as well, but the CD's programmes do not use it; without the text nothing is named.
    expect(namedSourceGroups('Wat wilden de Christendemocraten met asielzoekers?', parties, p, () => true, own)).not.toContainEqual(['cd-1994']);
    expect(namedSourceGroups('Wat wilden de Centrumdemocraten met asielzoekers?', parties, p)).toEqual([]);
    expect(missingSource('Wat wilden de Centrumdemocraten in 2002 met asielzoekers?', parties, p, () => true, () => false, own)).toEqual({
      source: 'Centrumdemocraten', years: [2002], held: [1994],
    });
  });
});

describe('a source named in a year the archive does not hold it', () => {
  /** `told`: the years the documents mention (as the archive's lexical index would find them). */
  const missing = (q: string, told: number[] = [], isName: (w: string) => boolean = () => true) =>
    missingSource(q, docs, p, isName, (_, year) => told.includes(year));

  it("a party's programmes are asked about per year: another year misses, the years held are told", () => {
    expect(missing('Wat wilde de SGP in 1920 met de zondagsrust?')).toEqual({ source: 'SGP', years: [1920], held: [1918, 1922] });
    expect(missing('Wat wil de Partij voor de Dieren in 2025?')).toEqual({ source: 'Partij voor de Dieren', years: [2025], held: [2021] });
    expect(missing('Wat wilde de SGP in 1918 met de zondagsrust?')).toBeNull();
  });

  it('an earlier year is not missing when a later document of the source mentions it; a later year always is', () => {
    expect(missing('Hoeveel mensen werkten in 2019 bij de Belastingdienst?', [2019])).toBeNull();
    expect(missing('Hoeveel mensen werkten in 2019 bij de Belastingdienst?')).toEqual({ source: 'Belastingdienst', years: [2019], held: [2024] });
    expect(missing('Wat wilde de SGP in 1920 met de zondagsrust?', [1920])).toBeNull();
    expect(missing('Hoeveel belasting verwacht de Belastingdienst in 2025 binnen te halen?', [2025])).toEqual({ source: 'Belastingdienst', years: [2025], held: [2024] });
  });

  it('nothing missing without a year, without a source typed as a name, or when another named word holds the year', () => {
    expect(missing('Wat wil de SGP met de zondagsrust?')).toBeNull();
    expect(missing('Wat gebeurde er in 1930 met de zondagsrust?')).toBeNull();
    expect(missing('Wat wilde de SGP in 1930?', [], (w) => w !== 'sgp')).toBeNull();
    // An acronym counts only when its words are typed as a name.
    expect(missing('Wat wil de partij voor de dieren in 2025?')).toBeNull();
    expect(missing('Wat vonden de SGP en de ARP in 1918 van de staatsloterij?')).toBeNull();
  });

  it('nothing missing when a document of the source has no known year', () => {
    const undated = new Map([...docs, ['sgp-x', { ...docs.get('sgp-1918')!, id: 'sgp-x', fileName: 'SGP_programma.txt', year: null }]]);
    expect(missingSource('Wat wilde de SGP in 1930?', undated, p, () => true, () => false)).toBeNull();
  });
});
