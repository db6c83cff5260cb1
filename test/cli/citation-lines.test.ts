// The CLI's citation list: one line per document, whose words and where each sentence stands, a long title cut.
import { describe, expect, it } from 'vitest';
import { citationLines } from '../../cli/ask.ts';

const sgp = { docId: 'sgp-1998', title: 'Verkiezingsprogramma', organisation: 'SGP', fileName: 'SGP_1998.txt', year: 1998, otherSource: false };

describe('citationLines', () => {
  it('gives the sentences of one document one line, each place with its numbers, in the order of first citation', () => {
    const gpv = { ...sgp, docId: 'gpv-1998', organisation: 'GPV' };
    const lines = citationLines([
      { ...sgp, n: 1, place: 'p. 4' },
      { ...gpv, n: 2, place: 'p. 1' },
      { ...sgp, n: 3, place: 'p. 7–8' },
      { ...sgp, n: 4, place: 'p. 4' },
    ]);
    expect(lines).toEqual(['[1, 3, 4] Verkiezingsprogramma, SGP, 1998: p. 4 [1, 4], p. 7–8 [3]', '[2] Verkiezingsprogramma, GPV, 1998, p. 1']);
    expect(citationLines([{ ...sgp, n: 1, place: 'p. 4' }, { ...sgp, n: 2, place: 'p. 4' }])).toEqual(['[1, 2] Verkiezingsprogramma, SGP, 1998, p. 4']);
  });

  it('cuts a title that is a whole first sentence and names the file where no organisation is known', () => {
    const title = 'Tijdens de vierde bijeenkomst van de Banningleergang stond het wethouderssocialisme in de participatiesamenleving centraal.';
    const [line] = citationLines([{ ...sgp, n: 1, title, organisation: null, fileName: '004_10e39ddcb2732d17.txt', year: 2014, place: 'alinea 12' }]);
    expect(line).toBe('[1] Tijdens de vierde bijeenkomst van de Banningleergang stond het wethouderssocialisme in de…, 004_10e39ddcb2732d17.txt, 2014, alinea 12');
  });

  it('keeps the warning on a place that is not the source the question names', () => {
    const lines = citationLines([{ ...sgp, n: 1, place: 'p. 2' }, { ...sgp, n: 2, docId: 'gpv-1998', organisation: 'GPV', place: 'p. 2', otherSource: true }]);
    expect(lines[1]).toBe('[2] Verkiezingsprogramma, GPV, 1998, p. 2 — let op: niet de bron uit de vraag');
  });
});
