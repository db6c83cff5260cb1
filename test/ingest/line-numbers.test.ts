import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropLineNumbers, lineNumberSpans } from '../../ingest/line-numbers.ts';
import { cleanPages } from '../../ingest/clean.ts';
import { parseText } from '../../ingest/formats/text.ts';
import { corpusDir, corpusFiles, sharedPath } from './helpers.ts';

const programmasDir = sharedPath('external', 'programmas-nl');

/** A page as PvdA 2021's text layer gives it: each line ends in its number, blank lines are numbered too. */
const numberedPage = [
  'Samen kunnen we werken aan een samenleving waarin 1',
  'mensen weer centraal staan, waarin plezier in ons werk voorop staat en waarin we werk 2',
  'beter belonen en eerlijker delen. In plaats van een race naar de bodem willen wij echte 3',
  'vooruitgang voor iedereen. 4',
  ' 5',
  'We voeren een generatietoets in om te beoordelen of klimaatbeleid wel 6',
  'eerlijk en fatsoenlijk is voor jongeren. We zijn het 7',
  'onze kinderen verplicht om een schone, gezonde en een leefbare wereld achter te laten. Die 8',
  'zekerheid kunnen we alleen bieden, als we nu kiezen voor een eerlijk en fatsoenlijk 9',
  'klimaatbeleid. Daarom verdubbelen we de 12 regionale fondsen in 2025 en investeren we 10',
  'in 3 nieuwe netten voor 40 gemeenten. 11',
  ' 12',
].join('\n');

describe('line numbers', () => {
  it('finds the numbers of numbered lines and leaves the text\'s own numbers', () => {
    const numbers = lineNumberSpans(numberedPage).map(([s, e]) => numberedPage.slice(s, e));
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const [page] = dropLineNumbers([{ text: numberedPage }]);
    expect(page.text).toContain('klimaatbeleid wel\neerlijk en fatsoenlijk is voor jongeren. We zijn het\nonze kinderen verplicht');
    expect(page.text).toContain('de 12 regionale fondsen in 2025 en investeren we\nin 3 nieuwe netten voor 40 gemeenten.');
  });

  it('reads numbering that runs on over a page break, and gives each page back its own text', () => {
    const lines = numberedPage.split('\n');
    const pages = [{ page: 1, text: lines.slice(0, 6).join('\n') }, { page: 2, text: lines.slice(6).join('\n') }];
    const out = dropLineNumbers(pages);
    expect(out.map((p) => p.page)).toEqual([1, 2]);
    expect(out[0].text).toMatch(/^Samen kunnen we werken aan een samenleving waarin\n/);
    expect(out[1].text).toMatch(/^eerlijk en fatsoenlijk is voor jongeren\. We zijn het\n/);
    expect(out.map((p) => p.text).join('\n')).not.toMatch(/ \d{1,2}(\n|$)/);
  });

  it('leaves lists, tables of contents and a short run of numbers alone', () => {
    const list = Array.from({ length: 15 }, (_, i) => `${i + 1} Afschaffing van de ${i + 1}e belasting.`).join('\n');
    const toc = Array.from({ length: 15 }, (_, i) => `Hoofdstuk ${i + 1}. Onderwerp ${i + 1}`).join('\n');
    const short = numberedPage.split('\n').slice(0, 8).join('\n');
    for (const text of [list, toc, short]) expect(dropLineNumbers([{ text }])[0].text).toBe(text);
  });

  it('finds none in the bundled corpus', () => {
    for (const f of corpusFiles()) expect(lineNumberSpans(readFileSync(join(corpusDir!, f), 'utf8')), f).toEqual([]);
  });

  it.skipIf(!programmasDir)('takes the line numbers out of SGP 2021 and PvdA 2021, and finds none in the other 448 programmes (programmas-nl)', () => {
    const clean = (name: string) => cleanPages(parseText(new Uint8Array(readFileSync(join(programmasDir!, name))), 'txt').pages).text;
    expect(clean('SGP_2021.txt')).toContain('In hun eigen gezin moeten mannen en vrouwen de taken onderling kunnen verdelen zoals ze dat zelf willen en niet gedwongen worden door de staat.');
    expect(clean('PvdA_2021.txt')).toMatch(/We voeren een generatietoets in om te beoordelen of klimaatbeleid wel\s+eerlijk en fatsoenlijk is voor jongeren\./);
    const numbered = readdirSync(programmasDir!)
      .filter((f) => f.endsWith('.txt'))
      .filter((f) => lineNumberSpans(readFileSync(join(programmasDir!, f), 'utf8')).length > 0);
    expect(numbered).toEqual(['PvdA_2021.txt', 'SGP_2021.txt']);
  });
});
