// The CLI's citation list: one line per place, whose words in it, a long first-sentence title cut.
import { describe, expect, it } from 'vitest';
import { citationLines } from '../../cli/ask.ts';

const sgp = { title: 'Verkiezingsprogramma', organisation: 'SGP', fileName: 'SGP_1998.txt', year: 1998, otherSource: false };

describe('citationLines', () => {
  it('gives sentences quoted from the same place one line, in the order of their first citation', () => {
    const lines = citationLines([
      { ...sgp, n: 1, place: 'p. 4' },
      { ...sgp, n: 2, place: 'p. 7–8' },
      { ...sgp, n: 3, place: 'p. 4' },
    ]);
    expect(lines).toEqual(['[1, 3] Verkiezingsprogramma, SGP, 1998, p. 4', '[2] Verkiezingsprogramma, SGP, 1998, p. 7–8']);
  });

  it('cuts a title that is a whole first sentence and names the file where no organisation is known', () => {
    const title = 'Tijdens de vierde bijeenkomst van de Banningleergang stond het wethouderssocialisme in de participatiesamenleving centraal.';
    const [line] = citationLines([{ ...sgp, n: 1, title, organisation: null, fileName: '004_10e39ddcb2732d17.txt', year: 2014, place: 'alinea 12' }]);
    expect(line).toBe('[1] Tijdens de vierde bijeenkomst van de Banningleergang stond het wethouderssocialisme in de…, 004_10e39ddcb2732d17.txt, 2014, alinea 12');
  });

  it('keeps the warning on a place that is not the source the question names', () => {
    const lines = citationLines([{ ...sgp, n: 1, place: 'p. 2' }, { ...sgp, n: 2, organisation: 'GPV', place: 'p. 2', otherSource: true }]);
    expect(lines[1]).toBe('[2] Verkiezingsprogramma, GPV, 1998, p. 2 — let op: niet de bron uit de vraag');
  });
});
