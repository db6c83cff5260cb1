import { describe, expect, it } from 'vitest';
import { nameOccurs } from '../../answer/evidence.ts';
import { wordSets } from '../../language/content-terms.ts';

describe('nameOccurs (the names signal of abstention)', () => {
  // Where a sentence stands: a passage of Den Helder's decision list and the document's name.
  const context = wordSets('Gemeente Den Helder\nBesluitenlijst van de openbare vergadering van de gemeenteraad van Den Helder, juni 2015.');

  it('finds a name as written, and the place an adjective of it is made from', () => {
    expect(nameOccurs('helder', context)).toBe(true);
    expect(nameOccurs('helderse', context)).toBe(true);
    expect(nameOccurs('amsterdamse', wordSets('Het VU medisch centrum in Amsterdam neemt tien paren per jaar in behandeling.'))).toBe(true);
    expect(nameOccurs('nederlandse', wordSets('De verdediging van Nederland'))).toBe(true);
    expect(nameOccurs('haagse', wordSets('Gemeente Den Haag'))).toBe(true);
  });

  it('does not take a shorter word for a name that is not its adjective', () => {
    expect(nameOccurs('utrechtse', context)).toBe(false);
    expect(nameOccurs('kamer', wordSets('De kam van de heuvel'))).toBe(false);
  });
});
