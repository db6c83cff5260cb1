// Asking and searching: the cited answer, the passages with highlighted terms, and "Verzamel" on both.
import { $, api, apiKey, el, fold, highlighted, placeText, srOnly, whoseLine } from './dom.js';
import { openPage } from './viewer.js';

/** Filled by initSearch: the reading list (has/toggle), the document metadata, the status line. */
let ctx = null;

/** Dutch names of the retrieval signals (retrieval/signals.ts); an unknown signal shows under its own name. */
/** How each ranking found a passage, in staff's words (the line under a passage: "gevonden via woorden #3 · …"). */
const SIGNAL_NAMES = { lexical: 'woorden', dense: 'vectoren', semantic: 'betekenis', source: 'genoemde bron', encoder: 'taalmodel' };
const SCORES_HELP = 'Plaats van deze passage in elke zoeklijst: woorden = de woorden van de vraag; betekenis = woorden die '
  + 'ervoor staan of erop lijken; genoemde bron = binnen de partij, organisatie of het jaar dat de vraag noemt.';

export function initSearch(context) {
  ctx = context;
}

export function clearResults() {
  $('antwoord').hidden = true;
  $('passages-blok').hidden = true;
  $('passages').replaceChildren();
}

/** The latest search; an older one that answers later (filters changed quickly) is not shown over it. */
let latest = 0;

/** Runs the search a state describes: an answer with passages, or passages only in the chosen mode. */
export async function runSearch(s, filters) {
  const mine = ++latest;
  $('resultaten').setAttribute('aria-busy', 'true');
  ctx.status('Bezig met zoeken…');
  try {
    const body = s.mode === 'antwoord' ? { question: s.question } : { query: s.question, mode: s.mode };
    if (filters) body.filters = filters;
    if (s.mode === 'antwoord') {
      const result = await api('/api/ask', body);
      if (mine !== latest) return;
      renderAnswer(result, filters);
      renderPassages(result.hits);
      ctx.status(answerStatus(result, filters));
    } else {
      const result = await api('/api/search', body);
      if (mine !== latest) return;
      $('antwoord').hidden = true;
      renderPassages(result.hits);
      ctx.status(result.hits.length > 0 ? `${result.hits.length} passages gevonden.` : emptyText(filters));
    }
  } catch (e) {
    if (mine !== latest) return;
    clearResults();
    ctx.status(`Zoeken lukte niet. ${e.message}`);
  } finally {
    if (mine === latest) $('resultaten').setAttribute('aria-busy', 'false');
  }
}

function emptyText(filters) {
  return filters
    ? 'Binnen de gekozen filters is niets gevonden. Verruim of wis de filters.'
    : 'Er is niets gevonden. Probeer andere woorden.';
}

function answerStatus(result, filters) {
  if (result.answered) {
    const n = new Set(result.citations.map((c) => c.docId)).size;
    return `Antwoord gevonden in ${n} ${n === 1 ? 'bron' : 'bronnen'}; ${result.hits.length} passages.`;
  }
  // The answer box says "Hierover staat niets in het archief."; the status does not say it a second time.
  if (result.hits.length === 0) return emptyText(filters);
  return `Geen antwoord${filters ? ' binnen de gekozen filters' : ''}; de meest verwante passages staan hieronder.`;
}

function renderAnswer(result, filters) {
  const box = $('antwoord');
  const text = $('antwoord-tekst');
  text.replaceChildren();
  $('bronnen').replaceChildren();
  box.hidden = false;
  box.classList.toggle('abstained', !result.answered);
  // No answer, no sources: the empty list would still draw its rule under the text.
  $('bronnen').hidden = !result.answered;
  if (!result.answered) {
    // The filters may have left the sources out: the answer says it looked only within them, and offers the rest. The
    // note says what the archive holds instead ("… geen stuk uit 1986, wel uit 1971, …").
    const answer = filters ? `${result.answer.replace(/\.$/, '')} binnen de gekozen filters.` : result.answer;
    text.append(el('span', { text: result.note ? `${answer} ${result.note}` : answer }));
    if (filters) text.append(' ', el('button', { type: 'button', class: 'small', onclick: withoutFilters }, 'Zoek zonder filters'));
    return;
  }
  for (const s of result.sentences) {
    const c = result.citations[s.citation - 1];
    text.append(s.text, ' ', el('button', {
      type: 'button',
      class: 'cite',
      onclick: () => openCitation(c),
    }, `[${s.citation}]`, srOnly(` bron: ${c.title}, ${placeText(c)}`)), ' ');
  }
  for (const group of byDocument(result.citations)) $('bronnen').append(sourceItem(group, result));
}

/** The same question over the whole archive; the keyboard goes to the question, as the button goes with the answer. */
function withoutFilters() {
  ctx.clearFilters();
  $('vraag').focus();
}

/** The citations grouped by document, in the order each document is first cited: three sentences of one programme
 *  are one source with three quotes, not the same title three times. */
function byDocument(citations) {
  const groups = new Map();
  for (const c of citations) (groups.get(c.docId) ?? groups.set(c.docId, []).get(c.docId)).push(c);
  return [...groups.values()];
}

/** One cited document: its title, organisation and year (falling back to the document's metadata), a warning when it
 *  is not the source the question names, then each quote with its number, the quoted sentence's own page(s) (or
 *  paragraph, or section and heading for Word/HTML) and "Verzamel" for the sentences it backs. */
function sourceItem(citations, result) {
  const first = citations[0];
  const doc = ctx.documents().get(first.docId);
  const who = {
    organisation: first.organisation ?? doc?.organisation ?? null,
    year: first.year ?? doc?.year ?? null,
    fileName: doc?.fileName ?? null,
  };
  return el('li', {},
    el('button', { type: 'button', class: 'source-link', onclick: () => openCitation(first) },
      el('span', { class: 'source-title title-text', text: first.title, title: first.title }),
      el('span', { class: 'source-who', text: whoseLine(who) })),
    first.otherSource ? el('p', { class: 'hint', text: 'Let op: dit document is niet de bron die in de vraag wordt genoemd.' }) : null,
    ...citations.map((c) => quoteItem(c, who, result)));
}

/** One quote of a cited document: its number and place open the page at the quote; "Verzamel" keeps its sentences. */
function quoteItem(c, who, result) {
  const where = [
    placeText(c),
    c.ocr ? `tekst uit scan (OCR, ${Math.round(c.ocr.confidence * 100)}%)` : null,
  ].filter(Boolean).join(' · ');
  const source = {
    docId: c.docId, title: c.title, organisation: who.organisation, year: who.year, pageFirst: c.pageFirst, pageLast: c.pageLast,
    place: c.place, start: c.start, end: c.end, quote: c.quote, fileName: who.fileName,
  };
  const sentences = result.sentences.filter((s) => s.citation === c.n).map((s) => s.text).join(' ');
  const item = { kind: 'answer', text: sentences || fold(c.quote), question: result.question, source };
  return el('div', { class: 'source-quote', id: `bron-${c.n}` },
    el('button', { type: 'button', class: 'source-place', onclick: () => openCitation(c) },
      el('span', { class: 'source-n', text: `${c.n}` }),
      el('span', { class: 'source-pages', text: where })),
    el('blockquote', { text: fold(c.quote) }),
    collectButton(item, `antwoordzin bij bron ${c.n}`));
}

function openCitation(c) {
  openPage(c.docId, c.pageFirst, { start: c.start, end: c.end }, ctx.status);
}

function renderPassages(hits) {
  const list = $('passages');
  list.replaceChildren();
  $('passages-blok').hidden = hits.length === 0;
  for (const h of hits) list.append(passageCard(h));
}

function scoresText(signals) {
  const parts = Object.entries(signals ?? {}).map(([name, s]) => `${SIGNAL_NAMES[name] ?? name} #${s.rank}`);
  return parts.length > 0 ? `gevonden via ${parts.join(' · ')}` : '';
}

/** A toggle that adds the item to the open reading list or takes it off again. Without the key the open list (a
 *  shared link) can only be read: an item on it says so and is no toggle. */
function collectButton(item, what) {
  const btn = el('button', { type: 'button', class: 'collect' });
  const show = () => {
    const on = ctx.reading.has(item);
    const readOnly = on && !apiKey();
    if (readOnly) {
      btn.removeAttribute('aria-pressed');
      btn.setAttribute('aria-disabled', 'true');
    } else {
      btn.setAttribute('aria-pressed', String(on));
      btn.removeAttribute('aria-disabled');
    }
    btn.replaceChildren(readOnly ? 'Op de leeslijst' : on ? 'Verzameld ✓' : 'Verzamel', srOnly(` ${what}`));
  };
  btn.addEventListener('click', async () => {
    await ctx.reading.toggle(item);
    show();
  });
  btn.refresh = show;
  show();
  return btn;
}

/** After the reading list changed elsewhere (another list chosen, an item removed): the toggles follow. */
export function refreshCollectButtons() {
  for (const b of document.querySelectorAll('button.collect')) b.refresh?.();
}

function passageCard(h) {
  const source = {
    docId: h.docId,
    title: h.document.title,
    organisation: h.document.organisation ?? null,
    year: h.document.year ?? null,
    pageFirst: h.pageFirst,
    pageLast: h.pageLast,
    place: h.place,
    start: h.start,
    end: h.end,
    quote: h.text,
    fileName: h.document.fileName ?? null,
    headingPath: h.headingPath,
  };
  const where = placeText(h);
  return el('li', { class: 'passage' },
    el('div', { class: 'passage-head' },
      el('span', { class: 'rank', text: `${h.rank}` }),
      el('div', { class: 'passage-title' },
        el('h3', { class: 'title-text', text: h.document.title, title: h.document.title }),
        el('p', { class: 'meta', text: [whoseLine(h.document), where].filter(Boolean).join(' · ') }),
        h.namedSource === false ? el('p', { class: 'other-source', text: 'Uit een ander document dan de vraag noemt' }) : null)),
    h.headingPath.length > 0 ? el('p', { class: 'crumbs', text: h.headingPath.join(' › ') }) : null,
    el('p', { class: 'passage-text' }, highlighted(h.text, h.highlights)),
    el('div', { class: 'passage-foot' },
      el('span', { class: 'scores', text: scoresText(h.signals), title: SCORES_HELP }),
      el('span', { class: 'actions' },
        el('button', {
          type: 'button',
          onclick: () => openPage(h.docId, h.pageFirst, { start: h.start, end: h.end }, ctx.status),
        }, `Bekijk ${{ paragraph: 'tekst', section: 'sectie' }[h.document.pageKind] ?? 'pagina'}`, srOnly(` ${where} van ${h.document.title}`)),
        collectButton({ kind: 'passage', text: h.text, source }, `passage ${h.rank}`))));
}
