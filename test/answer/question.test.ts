// Question analysis on the question forms staff use (eval/sets, ../shared/eval/dev.jsonl wording, typed here so the
// test needs no ../shared): answer type, IDF-weighted focus, the sources a question names.
import { describe, expect, it } from 'vitest';
import { analyseQuestion, answerType } from '../../answer/question.ts';
import { CoverageScorer, sentenceWords } from '../../answer/coverage.ts';
import { withoutAttribution } from '../../retrieval/attribution.ts';
import { documentNames, namedSourceWords } from '../../retrieval/names.ts';

describe('answerType', () => {
  const cases: [string, string][] = [
    ['Wat is wethouderssocialisme?', 'definition'],
    ['Wat verstaat het Cybersecuritybeeld Nederland 2024 onder een digitale monocultuur?', 'definition'],
    // The plural verb: the subject is a party ("De Groenen") or "wij".
    ['Wat verstaan De Groenen in 1998 onder een basisinkomen?', 'definition'],
    ['Wat betekenen de letters P en Q in de kostenspecificatie?', 'definition'],
    ["Wat wordt bedoeld met Nederland als 'wethoudersland'?", 'definition'],
    ['Wat is payment for order flow?', 'definition'],
    ['hoeveel mensen werken er bij de belastingdienst?', 'quantity'],
    // An amount of money: its answer names a currency.
    ['Vanaf welk bedrag moet een ambulancedienst een accountantsverklaring meesturen met de FLO-declaratie?', 'amount'],
    ['Hoeveel geld trekt de ChristenUnie uit voor jeugdzorg?', 'amount'],
    ['Wat kost een parkeervergunning in Maastricht?', 'amount'],
    ['Hoe hoog is de bijdrage die ouders voor de kinderopvang betalen?', 'amount'],
    ['Hoe lang zou de tijdelijke coronaapp-wet blijven gelden?', 'quantity'],
    ['Vanaf welke leeftijd mochten jongeren in 1933 gaan stemmen?', 'quantity'],
    ['Naar welk bedrag per uur willen de SP en BVNL het minimumloon verhogen?', 'amount'],
    ['Hoe hoog is het aandeel vrouwen in de raad?', 'quantity'],
    ['Wanneer en waar werd de eerste Piratenpartij opgericht?', 'date'],
    ['In welk jaar vonden de drie decentralisaties in het sociaal domein plaats?', 'date'],
    ['Wie was voorzitter van het ethiekpanel dat naar de coronaapp keek?', 'person'],
    ['Welke organisatie regelt in de zomer stages voor Kamerleden in het sociaal werk?', 'person'],
    ['Waar wil JA21 nieuwe kerncentrales bouwen?', 'place'],
    ['Waarom vindt de Wethoudersvereniging dat de wet niet meer hoeft voor te schrijven hoeveel wethouders een gemeente mag hebben?', 'reason'],
    ['Hoe liep de stemming in de raad van Den Helder (juni 2015)?', 'procedure'],
    ['Wil de SP de AOW-leeftijd terug naar 65?', 'yesno'],
    ['Kan een kind in Nederland nu drie wettelijke ouders hebben?', 'yesno'],
    ['Wilde de CHU in 1925 dat mensen minder alcohol gingen drinken?', 'yesno'],
    ['Vond de SDAP in 1929 dat iedereen in loondienst recht moest krijgen op vrije dagen?', 'yesno'],
    ['Welke kerntaken heeft het CLB?', 'list'],
    ['Wat wil 50PLUS met het eigen risico in de zorg?', 'open'],
  ];
  it.each(cases)('%s -> %s', (q, type) => expect(answerType(q)).toBe(type));
});

// Real file names of ../shared/external/programmas-nl and pdf-nl (organisations as the ingest finds them: from the text,
// else from a "<Name>_<year>" file name).
const names = documentNames([
  { id: 'arp_1922', fileName: 'ARP_1922.txt', organisation: 'ARP', year: 1922 },
  { id: 'arp_1929', fileName: 'ARP_1929.txt', organisation: 'ARP', year: 1929 },
  { id: 'pvv_2010', fileName: 'PVV_2010.txt', organisation: 'PVV', year: 2010 },
  { id: 'christenunie_2012', fileName: 'ChristenUnie_2012.txt', organisation: 'ChristenUnie', year: 2012 },
  { id: 'pvdd_2023', fileName: 'vkp2023_partij_voor_de_dieren.pdf', organisation: 'Partij voor de Dieren', year: 2023 },
  { id: 'cu_2023', fileName: 'vkp2023_christenunie.pdf', organisation: 'ChristenUnie', year: 2023 },
  { id: 'draag', fileName: 'rijk_kamerbrief_draagmoederschap_2011.pdf', organisation: null, year: 2009 },
]);

describe('namedSourceWords', () => {
  it('finds parties and years, also a party typed in lower case', () => {
    expect([...namedSourceWords('Wat wilde de ARP in 1922 met het onderwijs?', names)]).toEqual(['arp', '1922']);
    expect([...namedSourceWords('pvv 2010 belasting op hoofddoekjes?', names)]).toEqual(['pvv', '2010']);
  });

  it("reads an organisation's whole name typed in lower case as naming it, not a short one that is also a word", () => {
    expect([...namedSourceWords('christenunie 2012 zondagsrust', names)]).toEqual(['christenunie', '2012']);
    expect([...namedSourceWords('wat wil de partij voor de dieren met de jacht', names)]).toEqual(['partij', 'dieren']);
    // Only the whole name: "dieren" alone is a topic word.
    expect([...namedSourceWords('wat wil de pvv met dieren', names)]).toEqual(['pvv']);
    const parties = documentNames([
      { id: 'volt_2021', fileName: 'Volt_2021.txt', organisation: 'Volt', year: 2021 },
      { id: 'nn_1986', fileName: 'Nieuw Nederland_1986.txt', organisation: 'Nieuw Nederland', year: 1986 },
    ]);
    expect([...namedSourceWords('hoeveel volt heeft een stopcontact', parties)]).toEqual([]);
    expect([...namedSourceWords('nieuw nederland 1986 kernenergie', parties)].sort()).toEqual(['1986', 'nederland', 'nieuw']);
    // Typed half in capitals, the words are no party name: "een nieuw Nederland".
    expect([...namedSourceWords('Wie bouwt een nieuw Nederland?', parties)]).toEqual(['nederland']);
  });

  it('does not take a topic word for a source because a file name holds it, nor function words of a party name', () => {
    expect([...namedSourceWords('Wat is hoogtechnologisch draagmoederschap?', names)]).toEqual([]);
    expect([...namedSourceWords('Wil de Partij voor de Dieren stoppen met dierproeven?', names)]).toEqual(['partij', 'dieren']);
  });

  it('reads names joined by a hyphen as naming each source and the pair ("PvdA-GroenLinks", the joint list)', () => {
    const joint = documentNames([
      { id: 'gl', fileName: 'GroenLinks_2021.txt', organisation: 'GroenLinks', year: 2021 },
      { id: 'pvda', fileName: 'PvdA_2021.txt', organisation: 'PvdA', year: 2021 },
      { id: 'glpvda', fileName: 'GroenLinksPvdA_2023.txt', organisation: 'GroenLinksPvdA', year: 2023 },
    ]);
    expect([...namedSourceWords('Wat wil PvdA-GroenLinks met de huurprijzen?', joint)].sort()).toEqual(['groenlinks', 'pvda', 'pvdagroenlinks']);
    const a = analyseQuestion('Wat wil PvdA-GroenLinks met de huurprijzen?', { names: joint });
    expect(a.focus.map((f) => [f.term, f.source])).toEqual([['pvdagroenlinks', true], ['huurprijzen', false]]);
    // A hyphenated word with one part that names nothing stays a topic word.
    expect([...namedSourceWords('Wat vinden PvdA-wethouders van de huurprijzen?', joint)]).toEqual([]);
  });

  it('keeps one name that a hyphen joins as it was: its parts go by the same documents ("LLO-Katalysator")', () => {
    const llo = documentNames(['dusi_infographic_llo_katalysator_ronde2.pdf', 'dusi_llo_katalysator_ronde3.pdf', 'PvdA_2021.txt']
      .map((fileName, i) => ({ id: String(i), fileName, organisation: null, year: 2024 })));
    expect([...namedSourceWords('Hoeveel subsidie ging er naar de LLO-Katalysator in 2024?', llo)]).toEqual(['2024']);
    expect(analyseQuestion('Hoeveel subsidie ging er naar de LLO-Katalysator?', { names: llo }).focus.find((f) => f.term === 'llokatalysator')?.source).toBe(false);
  });
});

describe('analyseQuestion', () => {
  it('weighs focus terms by IDF and marks the source words', () => {
    const idf = (t: string) => ({ arp: 6, onderwijs: 2 })[t] ?? 9;
    const a = analyseQuestion('Wat wilde de ARP in 1922 met het onderwijs?', { idf, names });
    expect(a.type).toBe('open');
    expect(a.focus.map((f) => [f.term, f.weight, f.source])).toEqual([['arp', 6, true], ['1922', 9, true], ['onderwijs', 2, false]]);
  });

  it('leaves out the verbs that frame an opinion or a statement, in every tense ("dachten", "kijken … aan tegen", "zei")', () => {
    const topic = (q: string) => analyseQuestion(q).focus.map((f) => f.term);
    expect(topic('Hoe dachten de CSP en de SGP over stemrecht voor vrouwen?')).toEqual(['csp', 'sgp', 'stemrecht', 'vrouwen']);
    expect(topic('Hoe kijken JA21 en de SP aan tegen de NAVO?')).toEqual(['ja21', 'sp', 'navo']);
    expect(topic('Wat zei de CHU over de doodstraf?')).toEqual(['chu', 'doodstraf']);
  });
});

describe('analyseQuestion with attribution', () => {
  it('leaves the words saying whose words answer out of the focus, but keeps those naming a document as sources', () => {
    const q = 'Waarom verzwijgen dakloze jongeren soms familie, volgens Pieter Hilhorst van de VNG?';
    const vng = documentNames([{ id: 'v', fileName: 'vng_brief.pdf', organisation: 'VNG', year: 2006 }]);
    const terms = (attribution: boolean) => analyseQuestion(q, { names: vng, attribution }).focus.map((f) => f.term);
    expect(terms(false)).toEqual(expect.arrayContaining(['pieter', 'hilhorst', 'vng']));
    expect(terms(true)).toEqual(['verzwijgen', 'dakloze', 'jongeren', 'soms', 'familie', 'vng']);
    expect(analyseQuestion('Wat zegt Koolmees volgens Koolmees?', { attribution: true }).focus.map((f) => f.term)).toEqual(['koolmees']);
  });

  it('reads the answer type from the question without the phrase', () => {
    // Round 4 question hv001: the definition ("Een practoraat is een expertiseplatform …") was outranked as "open".
    const q = 'Wat is een practoraat, volgens de monitorrapportage 2023 van het Regionaal Investeringsfonds mbo?';
    expect(withoutAttribution(q)).toBe('Wat is een practoraat mbo?');
    expect(withoutAttribution('Hoeveel verdient een wethouder volgens het Algemeen Ouderen Verbond (1994)?')).toBe('Hoeveel verdient een wethouder?');
    expect(analyseQuestion(q).type).toBe('open');
    expect(analyseQuestion(q, { attribution: true }).type).toBe('definition');
  });
});

describe('a hyphenated question word', () => {
  it('is held by a sentence that writes its parts apart (dusi_controleprotocol_flo_ambulance, pdf-nl)', () => {
    const { focus } = analyseQuestion('Vanaf welk bedrag moet een ambulancedienst een accountantsverklaring meesturen met de FLO-declaratie?');
    const term = focus.find((f) => f.parts);
    expect(term).toMatchObject({ term: 'flodeclaratie', parts: ['flo', 'declaratie'] });
    const scorer = new CoverageScorer([term!], null);
    const covered = (text: string) => scorer.coverage(sentenceWords(text), () => false).share;
    expect(covered('Er wordt een controleverklaring gevraagd bij de declaratie van een financiële tegemoetkoming FLO-overgangsrecht.')).toBe(1);
    expect(covered('Er wordt een controleverklaring gevraagd bij de declaratie van een financiële tegemoetkoming.')).toBe(0);
  });
});
