// Text kinds on sentences as the splitter cuts them from pdf-nl's clean text (copied here: a pure function's test
// needs no ../shared): table rows, tables of contents and reference lines are told from prose with figures.
import { describe, expect, it } from 'vitest';
import { readsAsWords, textKind } from '../../language/text-kinds.ts';
import { knownWord, loadWordVectors } from '../../language/word-vectors.ts';

describe('textKind', () => {
  it('finds tables of contents', () => {
    expect(textKind('Inhoudsopgave Inhoudsopgave 3 1 Inleiding 11 2 Jaarbeeld 15 3 Nieuwe uitdagingen voor digitale veiligheid 35 4 Structurele uitdagingen')).toBe('toc');
    expect(textKind('ONS VERHAAL 7 1 EEN DEMOCRATISCH LAND 11 2 EEN EERLIJK LAND 13 3 EEN SCHOON LAND 14 4 EEN ZORGZAAM LAND 18')).toBe('toc');
    // Two entries, as the splitter cuts a contents page (SP 2023, Volt 2023) or a page's furniture (BVNL 2023).
    expect(textKind('2 EEN EERLIJK LAND 13\n 3 EEN SCHOON LAND 14')).toBe('toc');
    expect(textKind('3.5.8 Gelijke kansen voor ouderen 84 3.5.9 Zelfbeschikking 84')).toBe('toc');
    expect(textKind('Pagina van 41 43 Pagina 41 van 69')).toBe('toc');
    // One entry (ChristenUnie 2006, SP 2023 as pdf-nl extracts it, the corpus's Wethoudersvereniging plan).
    expect(textKind('2.6 Ontwikkelingssamenwerking 41')).toBe('toc');
    expect(textKind('6 EEN LEREND LAND 22')).toBe('toc');
    expect(textKind('1 Nederland, Wethoudersland\t12')).toBe('toc');
    expect(textKind('18 Economische effecten van de COVID-19-pandemie ...........................................................')).toBe('toc');
  });

  it('finds table rows', () => {
    expect(textKind('Personeelskosten Lonen en salarissen - 13.340.281 12.588.821 Sociale lasten - 1.554.937 1.619.122 Pensioenlasten Totaal personeelskosten - 16.603.424 2.263.679')).toBe('table');
    expect(textKind('31 dec 2022 31 dec 2021 EUR EUR Schulden aan leveranciers en handelskredieten 257.783 71.146')).toBe('table');
    expect(textKind('EUR EUR EUR Huisvesting en servicekosten 2.979.046')).toBe('table');
  });

  it('finds reference lines', () => {
    expect(textKind('11 https://github.com/DP-3T/documents/blob/master/DP3T%20White%20Paper.pdf, pagina 38 , geraadpleegd op 03-08-2020.')).toBe('reference');
  });

  it('finds letterheads', () => {
    expect(textKind('T.a.v. het college informatiecentrum tel. MARZ/inf (070) 373 8021 uw kenmerk bijlage(n) onderwerp StUF XML, gemeentelijke standaard voor berichtenuitwisseling.')).toBe('letterhead');
    expect(textKind('Kwaliteitsrekening notariaat NL72ABNA0213013495. voor cc van datum inzake zaaknr Notitie Minister van Volksgezondheid, Welzijn en Sport 12 augustus 2020')).toBe('letterhead');
    expect(textKind('> Retouradres Postbus 20901 2500 EX Den Haag Datum 9 december 2025 Betreft Besluit op Woo-verzoek over advies stikstof Landsadvocaat, kenmerk 2025-54')).toBe('letterhead');
  });

  it('keeps prose with figures as prose', () => {
    for (const s of [
      'Er wordt voldaan aan 47 van 56 succescriteria (83 %).',
      'In 2023 werd zo’n 19.220 keer subsidie verleend, voor een totaalbedrag van ongeveer €8,2 miljard.',
      'Het succespercentage van nieuwe aanvragen is gestegen van 40% in 2019 naar 88% in 2023.',
      'De raad besluit in meerderheid (16 stemmen voor en 14 stemmen tegen) er bij het college op aan te dringen.',
      'Op die datum is het onderwerp in de raad besproken; bel voor vragen 070-3738021.',
      'De AOW-leeftijd gaat in stappen van 65 naar 67',
      '2 Kamerleden stemden tegen het voorstel.',
    ]) expect(textKind(s), s).toBe('prose');
  });

  it('recognises OCR rubble in scanned programmes (programmas-nl), and not words that hold digits by right', () => {
    for (const s of [
      '(J11 ILA [\'I.] "Samen Overleven of Sterven". iiis Iiim1i &i',
      ': uT n\'r I1iIïIN iri JT7ttI De Algemeene Vergadering der Christen-Democraten werd 24 April 1905 te Amsterdam gehouden.',
      'Vroegtijdigc onderkenn~ng van licl~aniclijke en gcct[clilke gcbrckc~l is ccn onderdecl van dc volksgezondh&id.',
      'Ais belangr~kste probleem voor dekomende jaren ziet D.S. \'70devolkshuisvesting.',
    ]) expect(textKind(s), s).toBe('garbled');
    for (const s of [
      'De uitstoot van CO2 moet fors omlaag, zegt D66 in zijn programma.',
      'Tijdens de covid-19-pandemie kreeg JA21 voor het eerst zetels in de Tweede Kamer, net als andere nieuwe partijen.',
      'Ook BIJ1 en 50PLUS dongen mee naar de gunst van de kiezer in het hele land.',
      'D.S. \'70 kent aan de woningbouw de grootste voorrang toe, zowel wat het aantal, als de kwaliteit betreft.',
      'Voor de 2e Kamer en de A2 geldt hetzelfde.',
    ]) expect(textKind(s), s).toBe('prose');
  });
});

describe('readsAsWords', () => {
  const known = new Set(['program', 'van', 'actie', 'de', 'partij', 'wil']);
  it('wants half the words known, one of them four letters or more', () => {
    expect(readsAsWords('Program van Actie', (w) => known.has(w))).toBe(true);
    expect(readsAsWords('Program van LstTIE xq', (w) => known.has(w))).toBe(true);
    expect(readsAsWords('I-IPIiI-AiVI VAN LstTIE', (w) => known.has(w))).toBe(false);
    expect(readsAsWords('Wat de partij wil', (w) => known.has(w))).toBe(true);
    expect(readsAsWords('VAN DE', (w) => known.has(w))).toBe(false); // no word of four letters
    expect(readsAsWords('VII.', (w) => known.has(w))).toBe(false);
  });

  it('knows words, compounds and hyphenated words of the shipped vocabulary, not OCR fragments', () => {
    const vectors = loadWordVectors();
    // text-nl's "KunstKoopregeling" and "Circulaire inwerktreding Eural-regelgeving": compounds of three, a name before a hyphen.
    for (const w of ['verkiezingsprogramma', 'duidingsrapportage', 'kunstkoopregeling', 'notificatie-app', 'eural-regelgeving', 'financiële', 'partij']) {
      expect(knownWord(vectors, w), w).toBe(true);
    }
    // Covers of programmas-nl read by OCR: "DOCUMENT ATI ECENTRUM", "PROGRAt4 V )", "I-IPIiI-AiVI VAN LstTIE".
    for (const w of ['ecentrum', 'partijst', 'documentatceitfljm', 'lsttie', 'progra', 'i-ipiii-aivi']) expect(knownWord(vectors, w), w).toBe(false);
  });
});
