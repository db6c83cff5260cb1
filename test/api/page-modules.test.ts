// The staff page's DOM-free modules, run in Node: every error code of the closed catalogue has Dutch text, and the
// address bar round-trips a search.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../lib/errors.ts';

const PUBLIC = resolve(import.meta.dirname, '../../api/public');
// Plain browser modules without type declarations: loaded by URL.
const load = async (name: string) => (await import(pathToFileURL(resolve(PUBLIC, name)).href)) as Record<string, any>;

describe('api/public/messages.js', () => {
  it('has Dutch text for every code in lib/errors.ts, and no code it does not know', async () => {
    const { ERROR_TEXTS, errorText } = await load('messages.js');
    expect(Object.keys(ERROR_TEXTS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const text = errorText({ code, message: 'English text', field: 'query', limit: 52428800 }, '3');
      expect(text, code).not.toContain('English');
      expect(text, code).toMatch(/^[A-Z“].+[.]$/);
    }
    expect(errorText({ code: 'ERR_TOO_LARGE', limit: 52428800 })).toBe('Te groot: de grens is 50 MB.');
    expect(errorText({ code: 'ERR_BUSY' }, '4')).toBe('De server is druk; probeer het over 4 seconden opnieuw.');
    expect(errorText({ code: 'ERR_SOMETHING_NEW' })).toBe('Er ging iets mis (ERR_SOMETHING_NEW).');
    expect(errorText(undefined)).toBe('Er ging iets mis.');
  });

  it('says each upload outcome in Dutch', async () => {
    const { outcomeText } = await load('messages.js');
    expect(outcomeText({ status: 'ingested', pages: 1, passages: 3 })).toBe('Toegevoegd (1 pagina, 3 passages).');
    expect(outcomeText({ status: 'replaced', pages: 12, passages: 1 })).toBe('Vervangen door deze nieuwe versie (12 pagina’s, 1 passage).');
    expect(outcomeText({ status: 'unchanged' })).toBe('Ongewijzigd: dit bestand stond er al.');
    expect(outcomeText({ status: 'duplicate', docId: 'jaarplan' })).toBe('Niet opnieuw toegevoegd: dezelfde inhoud staat al in het archief.');
    expect(outcomeText({ status: 'skipped', code: 'ERR_PDF_PASSWORD', reason: 'encrypted PDF' })).toBe('Overgeslagen: Het wachtwoord opent deze beveiligde pdf niet.');
  });
});

describe('api/public/dom.js', () => {
  it('highlights the listed words as whole words, not inside longer ones', async () => {
    const { highlightRanges } = await load('dom.js');
    const text = 'Wethouders en het wethouderschap: de wethouders, (Wethouders) en oud-wethouders.';
    const marked = highlightRanges(text, ['wethouders', 'Wethouders']).map(([a, b]: [number, number]) => text.slice(a, b));
    expect(marked).toEqual(['Wethouders', 'wethouders', 'Wethouders', 'wethouders']);
    expect(highlightRanges('Een (stikstof)advies', ['stikstof', 'a'])).toEqual([[5, 13]]);
  });
});

describe('api/public/url-state.js', () => {
  it('round-trips a search and drops what it cannot trust', async () => {
    const { stateFromQuery, queryFromState } = await load('url-state.js');
    const s = { view: 'zoeken', question: 'Wat is wethouderssocialisme?', mode: 'lexical', document: 'jaarplan-2024', organisation: 'PvdA', yearFrom: 2018, yearTo: 2022, list: null };
    expect(stateFromQuery(queryFromState(s))).toEqual(s);
    expect(queryFromState({ ...s, question: '', mode: 'antwoord', document: '', organisation: '', yearFrom: null, yearTo: null })).toBe('');
    const bad = stateFromQuery('?modus=<script>&van=20x0&tot=99999&leeslijst=../x&weergave=beheer');
    expect(bad).toMatchObject({ view: 'zoeken', mode: 'antwoord', yearFrom: null, yearTo: null, list: null });
  });
});
