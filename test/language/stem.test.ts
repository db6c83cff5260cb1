import { describe, expect, it } from 'vitest';
import { stem, nameKey } from '../../language/stem.ts';
import { termOccurs, wordSets } from '../../language/content-terms.ts';

describe('light stem (the answer layer matches question words to sentence words with it)', () => {
  it('gives the singular and plural of a word one stem, whatever Dutch spelling does to the syllable', () => {
    const pairs = [
      ['bibliotheek', 'bibliotheken'], ['taak', 'taken'], ['jaar', 'jaren'], ['wet', 'wetten'], ['huis', 'huizen'],
      ['brief', 'brieven'], ['vereniging', 'verenigingen'], ['mogelijkheid', 'mogelijkheden'], ['wethouder', 'wethouders'],
      ['gemeenteraad', 'gemeenteraden'], ['idee', 'ideeën'], ['partij', 'partijen'],
    ];
    for (const [one, many] of pairs) expect(stem(many, 'light'), `${one}/${many}`).toBe(stem(one, 'light'));
  });

  it('leaves short words that only look inflected alone', () => {
    for (const w of ['huis', 'groen', 'idee', 'doel', 'kind']) expect(stem(w, 'light')).toBe(w);
  });

  it('lets a question word find its plural in a real sentence (pdf-nl, Belastingdienst jaarplan)', () => {
    const s = wordSets('In 2024 breiden we onze laagdrempelige steunpunten uit met zeven nieuwe steunpunten, waarvan vier in gemeentehuizen en drie in bibliotheken.');
    expect(termOccurs('bibliotheek', s)).toBe(true);
    expect(termOccurs('gemeentehuis', s)).toBe(true);
  });
});

describe('nameKey (how the words of party and organisation names are compared)', () => {
  it('matches today\'s spelling and inflection to the name as written in its year', () => {
    expect(nameKey('Protestantse')).toBe(nameKey('Protestantsche'));
    expect(nameKey('Nederlandse')).toBe(nameKey('Nederlandsche'));
    expect(nameKey('Rooms')).toBe(nameKey('Roomsch'));
    expect(nameKey('Economische')).toBe(nameKey('Economischen'));
    expect(nameKey('Liberale')).toBe(nameKey('Liberalen'));
  });
  it('leaves acronyms, years and short words alone', () => {
    expect(['SGP', 'PvdD', 'D66', '1918', 'VVD'].map(nameKey)).toEqual(['sgp', 'pvdd', 'd66', '1918', 'vvd']);
  });
});
