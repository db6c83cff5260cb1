// Sentence spans for quoting: exact offsets into the text, robust to the line breaks PDF extraction leaves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceStarts, splitSentences } from '../../language/sentences.ts';
import { contentTerms } from '../../language/content-terms.ts';
import { corpusFiles } from '../corpus.ts';


const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
/** Each text stays one sentence. */
const keptWhole = (...whole: string[]) => whole.forEach((t) => expect(texts(t)).toEqual([t]));

describe('splitSentences', () => {
  it('keeps sentences broken across blank lines whole, and splits headings off', () => {
    const text = 'Samenlevingsbeeld\n\nDe burger mag vertrouwen op een\n\noverheid die zorgt. Het begrip wethouders -\n\nsocialisme leeft o.a. in Amsterdam.';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      'Samenlevingsbeeld',
      'De burger mag vertrouwen op een\n\noverheid die zorgt.',
      'Het begrip wethouders -\n\nsocialisme leeft o.a. in Amsterdam.',
    ]);
  });

  it('ends a sentence at its full stop before a blank line, whatever the next paragraph opens with', () => {
    // The corpus's Wethoudersvereniging plan lost a paragraph's first word ("Uit"); programmas-nl's OCR reads "II.2.19"
    // as "n.2.19". Both were one sentence with the paragraph before.
    expect(texts('zoals weergegeven in de laatste figuur.\n\nonderzoek blijkt dat inwoners een wethouder goed vinden.')).toEqual([
      'zoals weergegeven in de laatste figuur.',
      'onderzoek blijkt dat inwoners een wethouder goed vinden.',
    ]);
    expect(texts('Afhandelingstermijnen worden vastgesteld.\n\nn.2.19 Industrie- en technologiebeleid wordt versterkt.')).toHaveLength(2);
    // A paragraph broken mid-sentence, or a line break within one, still runs on.
    keptWhole('De burger mag vertrouwen op een\n\noverheid die zorgt.', 'Dat is al jaren zo.\nen het blijft zo.');
  });

  it('gives ordered, trimmed, non-overlapping spans over every corpus text', () => {
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      const spans = splitSentences(text);
      expect(spans.length).toBeGreaterThan(10);
      let last = 0;
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        const t = text.slice(s.start, s.end);
        expect(t).toBe(t.trim());
        expect(t.length).toBeGreaterThan(0);
        last = s.end;
      }
    }
  });
});

describe('contentTerms', () => {
  it('drops question frame words and keeps what the question is about', () => {
    expect(contentTerms('Wat wordt bedoeld met Nederland als \'wethoudersland\'?')).toEqual(['nederland', 'wethoudersland']);
    expect(contentTerms('Hoeveel zetels haalde de PvdA in 2018?')).toEqual(['zetels', 'haalde', 'pvda', '2018']);
    // The causative "laten", like the modal verbs, says nothing of what is asked ("los laten" matched it).
    expect(contentTerms('Hoe wilde Groen Vrij! (2006) partijleden laten meebeslissen?')).toEqual(['groen', 'vrij', '2006', 'partijleden', 'meebeslissen']);
    expect(contentTerms('Wat verstaan wij onder wethouderssocialisme?')).toEqual(['wethouderssocialisme']);
  });
});

describe('splitSentences with Dutch names and abbreviations', () => {

  it('does not end a sentence at initials, single or chained', () => {
    expect(texts('Het woord is aan de heer K.F. Jansen van de SP. Daarna spreekt mevr. E.M. de Vries.')).toEqual([
      'Het woord is aan de heer K.F. Jansen van de SP.',
      'Daarna spreekt mevr. E.M. de Vries.',
    ]);
    expect(texts('Volgens W. Drees was dat zo. Nieuwe zin.')).toEqual(['Volgens W. Drees was dat zo.', 'Nieuwe zin.']);
  });

  it('ends a sentence after the pronoun "u" and keeps offsets absolute for a sub-range', () => {
    expect(texts('Wij helpen u. Daarna volgt de rest.')).toEqual(['Wij helpen u.', 'Daarna volgt de rest.']);
    const t = 'Kop\nEen zin. Nog een zin.';
    const spans = splitSentences(t, 4, t.length);
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(['Een zin.', 'Nog een zin.']);
    expect(sentenceStarts(t, 4, t.length)).toEqual([4, 13]);
  });
});

describe('splitSentences on pdf-nl text', () => {

  it('does not end a sentence at chained titles and initials ("Prof.dr.ir. P.P.C.C. Verbeek")', () => {
    const t = 'Tevens is een ethische analyse van de app opgesteld door een panel onder voorzitterschap van Prof.dr.ir. P.P.C.C. Verbeek, Universiteit Twente. Toezicht volgt.';
    expect(texts(t)).toEqual([t.slice(0, t.indexOf(' Toezicht')), 'Toezicht volgt.']);
  });

  it('ends a sentence before a lettered item and at an enumeration item ending a line with a semicolon', () => {
    // GroenLinks 2002 letters its demands; KVP 1967 lists them as clauses ending in ";" (programmas-nl).
    const t = 'worden fors verhoogd.\n\nb. Marktregulatie en importbescherming blijven middelen.\n\nc. Inkomenstoeslagen worden gekoppeld.';
    expect(texts(t)).toEqual(['worden fors verhoogd.', 'b. Marktregulatie en importbescherming blijven middelen.', 'c. Inkomenstoeslagen worden gekoppeld.']);
    const kvp = 'van de maatschappelijke organisaties; \nerkenning van de eigen verantwoordelijkheid van de ouders bij de \nbepaling van de gezinsgrootte; steun van de overheid bij de voor-\nlichting hierover; \nwettelijke voorzieningen om lawaaihinder tegen te gaan.';
    expect(texts(kvp)).toEqual([
      'van de maatschappelijke organisaties;',
      'erkenning van de eigen verantwoordelijkheid van de ouders bij de \nbepaling van de gezinsgrootte; steun van de overheid bij de voor-\nlichting hierover;',
      'wettelijke voorzieningen om lawaaihinder tegen te gaan.',
    ]);
    // Within a line a semicolon stays a clause boundary; "o. a." and "sub a. en b." are no items.
    expect(texts('Wij willen dit; De raad beslist. Dit is o. a. de taak van de raad.')).toEqual(['Wij willen dit; De raad beslist.', 'Dit is o. a. de taak van de raad.']);
  });

  it('cuts a run-on of more than 800 characters at its semicolons and at full stops before lower case', () => {
    // KVP 1967 as the archive holds it: one "sentence" of 3,515 characters, its demands separated by ";" and ". ".
    const items = [
      'een open radio- en televisiebestel, gebaseerd op de uitgangspunten van het Ontwerp Omroepwet.',
      'een volksgezondheidsbeleid, waarbij rekening wordt gehouden met de groeiende verantwoordelijkheid van de overheid en met de blijvende verantwoordelijkheid van de menselijke persoon en van de maatschappelijke organisaties;',
      'erkenning van de eigen verantwoordelijkheid van de ouders bij de bepaling van de gezinsgrootte;',
      'steun van de overheid bij de voorlichting hierover door de geëigende maatschappelijke organisaties, o.a. de kerken;',
      'wettelijke voorzieningen om lawaaihinder en verontreiniging van lucht, water en bodem tegen te gaan.',
      'blijvende erkenning van de verantwoordelijkheid van de ouders voor de opvoeding tot volwaardige leden van de samenleving;',
      'een beleid voor lichamelijke vorming en sport; doelmatige verdeling van sport-accommodaties over het land.',
    ];
    expect(items.join(' ').length).toBeGreaterThan(800);
    expect(texts(items.join(' '))).toEqual(items.flatMap((t) => t.split(/(?<=;) /)));
    // Below the length a semicolon is a clause boundary, as in prose.
    expect(texts('Wij willen minder regels; de gemeente doet het zelf. Nieuwe zin.')).toEqual(['Wij willen minder regels; de gemeente doet het zelf.', 'Nieuwe zin.']);
  });

  it('ends a sentence after a footnote reference glued to its full stop, not inside numbers, codes or abbreviations', () => {
    // As pdf-nl's Cybersecuritybeeld Nederland and 39 programmes flatten them ("… datalekmeldingen.9 Het …").
    expect(texts('De AP baseert de cijfers op de datalekmeldingen.9 Het project komt uit op 147 aanvallen. Alleen de EU.4 Er is meer.')).toEqual([
      'De AP baseert de cijfers op de datalekmeldingen.9',
      'Het project komt uit op 147 aanvallen.',
      'Alleen de EU.4',
      'Er is meer.',
    ]);
    expect(texts('Dat is zo.”12 Daarna volgt meer.')).toEqual(['Dat is zo.”12', 'Daarna volgt meer.']);
    keptWhole('Zie art.12 Wet op de raad.', 'Versie 3.5 Het plan.', 'Politie IX.A.10 XII.C.3 staat er.', 'Ook 2020.21 Tijdelijk niet.', 'Hij zei nr.5 Zie verder.');
  });

  it('ends a contents entry or running head at its page number when the next line starts afresh, blank line or not', () => {
    // Cybersecuritybeeld Nederland 2024: the contents ran into a sidebar's text, which became one "sentence" of kind toc.
    expect(texts('Bijlagen 51\n4 Bronnen en referenties 56\nReizigers op Eindhoven Airport zijn gestrand. Het bleek een fout.')).toEqual([
      'Bijlagen 51',
      '4 Bronnen en referenties 56',
      'Reizigers op Eindhoven Airport zijn gestrand.',
      'Het bleek een fout.',
    ]);
    // A sentence wrapped after a number runs on: lower case follows, or the number is a year.
    keptWhole('De kosten bedragen € 50\nper maand voor elk huishouden.', 'Het gaat om de periode 2010 tot 2020\nDe minister wil meer.');
  });

  it('runs a paragraph that breaks off in a word no sentence ends in on into the next, blank line and capital or not', () => {
    // Jaarplan Belastingdienst 2024 (an infographic), JA21 and BVNL 2023: the sentence went on after a blank line.
    expect(texts('42 Jaarplan 2024 in 2024\n\nDe personele formatie bij de Belastingdienst is\n\n28.081 medewerkers\n\nPersoneel en Organisatie')).toEqual([
      '42 Jaarplan 2024 in 2024',
      'De personele formatie bij de Belastingdienst is\n\n28.081 medewerkers',
      'Personeel en Organisatie',
    ]);
    keptWhole(
      'Het woningtekort loopt op richting de\n\n400.000 woningen.',
      'Het absoptievermogen is bereikt en\n\nNederland kan de eindeloze toestroom van asielzoekers niet meer aan.',
      'NAAR EEN EENVOUDIG BELASTINGSTELSEL WAARIN\n\nWE RECHTVAARDIG DELEN.',
    );
    // Headings and clauses that end there: a subordinate clause's verb, an infinitive, a particle, an acronym.
    for (const [head, next] of [
      ['Een land waar iedereen welkom is', 'Wij willen dat.'],
      ['Waardig ouder worden', 'Nederlanders worden steeds ouder.'],
      ['Het roer moet om', 'Mensen kunnen geen voedsel maken.'],
      ['Vervolging OM', 'Procesverbaal.'],
    ]) expect(texts(`${head}\n\n${next}`)).toEqual([head, next]);
    // A numbered point or a law's item starts afresh after any line (OCR rubble, "…, of" before "2°.").
    expect(texts('Met de ethische aspecten van\n\n12.17 De leerplicht tot 16 jaar blijft.')).toHaveLength(2);
    expect(texts('een instelling als bedoeld in artikel 8, of\n\n2°. een op grond van artikel 218 aangewezen instelling.')).toHaveLength(2);
  });

  it('keeps an enumerator on its own line with its item', () => {
    const t = 'Het gebruik van Coronamelder doorloopt de volgende vijf fasen:\n1.\nInstallatie\n2.\nUitwisseling';
    expect(texts(t)).toEqual(['Het gebruik van Coronamelder doorloopt de volgende vijf fasen:', '1.\nInstallatie', '2.\nUitwisseling']);
  });
});
