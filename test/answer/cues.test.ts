// Answer-type cues on real sentences: the bundled corpus (the "wethouderssocialisme" example) and pdf-nl.
import { describe, expect, it } from 'vitest';
import { hasAnswerCue, isDefinition } from '../../answer/cues.ts';
import { sentenceWords } from '../../answer/coverage.ts';

const input = (text: string) => ({ text, words: sentenceWords(text).words });

describe('isDefinition', () => {
  const focus = ['wethouderssocialisme'];
  it('recognises the definitions the archive holds', () => {
    for (const s of [
      'Voor Dorien Zandvliet is wethouderssocialisme het in beweging brengen van de samenleving, meebewegen en als het mis gaat wel ingrijpen.',
      'Dat is voor mij wethouderssocialisme. Daar staat voor mij het wethouderssocialisme voor.',
    ]) expect(isDefinition(input(s), focus), s).toBe(true);
    expect(isDefinition(input('Onder een meeroudergezin verstaan we een gezin met drie of vier volwassen personen, die een kind samen verzorgen en opvoeden.'), ['meeroudergezin'])).toBe(true);
    expect(isDefinition(input('Payment for order flow: het doorsturen van orders tegen betaling.'), ['payment'])).toBe(true);
  });

  it('does not take a sentence that merely mentions the word for a definition', () => {
    for (const s of [
      'Het wethouderssocialisme is daarom nog steeds relevant.',
      'Deze houding hoort ook bij het wethouderssocialisme nieuwe stijl.',
      'Onze wethouders zien verbinden in de samenleving en het vernieuwen van het sociale stelsel als dé grote opgaven voor het huidige wethouderssocialisme.',
    ]) expect(isDefinition(input(s), focus), s).toBe(false);
    // programmas-nl, De Groenen 1998: the verb closes a clause; the definition two pages on is one.
    for (const s of [
      'Geëmancipieerd inkomensbeleid Zolang er nog geen basisinkomen is, steunen De Groenen ieder voorstel dat in de richting van een basisinkomen gaat.',
      "Een 'groen' voordeel van het basisinkomen is, dat mensen die gaan samenwonen niet worden gestraft met verlies van hun uitkering.",
    ]) expect(isDefinition(input(s), ['basisinkomen']), s).toBe(false);
    const definition = 'Het basisinkomen is een onvervreemdbaar inkomen dat iedere burger krijgt, ongeacht zijn inkomsten uit arbeid of bezit en ongeacht het inkomen van een partner.';
    expect(isDefinition(input(definition), ['basisinkomen'])).toBe(true);
  });
});

describe('hasAnswerCue', () => {
  it('wants a number that is not a year for "hoeveel"', () => {
    expect(hasAnswerCue('quantity', input('DUS-I voert 138 regelingen uit voor de ministeries van OCW en VWS.'), ['regelingen'])).toBe(true);
    expect(hasAnswerCue('quantity', input('In een Handhavingsplan arbeidsrelaties 2024 nemen we de activiteiten op.'), [])).toBe(false);
    expect(hasAnswerCue('quantity', input('Er zijn twee ouders met gezag.'), [])).toBe(true);
    // Corpus: a date holds no quantity ("Hoeveel inwoners heeft Amsterdam?" was cued by "10 december 2014").
    const speakers = 'Pieter Hilhorst (oud-wethouder Amsterdam) en Dorien Zandvliet (wethouder Alblasserdam) waren de sprekers tijdens deze bijeenkomst op 10 december 2014.';
    expect(hasAnswerCue('quantity', input(speakers), ['inwoners', 'amsterdam'])).toBe(false);
    // Corpus 003: a list item's number counts tips, not welfare organisations ("Hoeveel welzijnsorganisaties …?").
    const tip = 'Je kunt dat ook samen met bijvoorbeeld zorgorganisaties organiseren. 19. Zorg dat je niet te zeer politiek verweven bent met één politieke partij.';
    expect(hasAnswerCue('quantity', input(tip), ['welzijnsorganisaties'])).toBe(false);
    expect(hasAnswerCue('quantity', input('3) Bouw 12 nieuwe scholen.'), [])).toBe(true);
    expect(hasAnswerCue('quantity', input('Vorig jaar waren het er 45. De rest volgt.'), [])).toBe(true);
  });

  it('wants a currency for an amount of money: "18 jaar" answers no "hoeveel geld"', () => {
    // programmas-nl: BBB 2023, SDAP 1918 (guilders written "f", OCR as it stands), SP 2023; then D66 2021, SP 1998.
    for (const s of [
      'Hier zit ongeveer 800 miljard euro in.',
      'De abonnernenlsprijs bedraagt voor het binnenland f6.— per jaar, voor het buitenland f8.— per jaar.',
      'Rijksmusea maken we gratis.',
    ]) expect(hasAnswerCue('amount', input(s), []), s).toBe(true);
    for (const s of [
      'Elke leerling krijgt het recht om tot 18 jaar funderend onderwijs te volgen.',
      'De rijkste helft van Nederland bezit 99,8 procent van onze totale rijkdom.',
    ]) expect(hasAnswerCue('amount', input(s), []), s).toBe(false);
    // A "hoeveel" question is still answered by any number that is not a year.
    expect(hasAnswerCue('quantity', input('De rijkste helft van Nederland bezit 99,8 procent van onze totale rijkdom.'), [])).toBe(true);
  });

  it('wants a date or year for "wanneer", a name for "wie", a reason word for "waarom"', () => {
    expect(hasAnswerCue('date', input('De eerste Piratenpartij werd formeel gelanceerd in Zweden op 1 januari 2006.'), [])).toBe(true);
    expect(hasAnswerCue('date', input('De partij werd opgericht door studenten.'), [])).toBe(false);
    expect(hasAnswerCue('person', input('Een ethische analyse is opgesteld door een panel onder voorzitterschap van Prof.dr.ir. P.P.C.C. Verbeek.'), [])).toBe(true);
    expect(hasAnswerCue('person', input('- Langdurig commitment afgeven zodat we kerncentrales kunnen bouwen.'), [])).toBe(false);
    expect(hasAnswerCue('reason', input('De Bbz-rente is marktconform omdat een lagere rente staatssteun zou zijn.'), [])).toBe(true);
  });

  it('has no cue for yes/no and open questions', () => {
    expect(hasAnswerCue('yesno', input('We verlagen de AOW-leeftijd naar 65 jaar.'), [])).toBe(false);
  });
});
