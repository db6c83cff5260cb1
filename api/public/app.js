// Raadsarchief staff page: ask, read the cited answer, check each citation on its page, collect passages.
// All archive text is inserted with textContent (never as HTML).

import { $, api, docLine, el, fold, highlighted, pages, setStatus } from './dom.js';

const READING_KEY = 'raadsarchief.leeslijst';

const state = { documents: new Map(), hits: [], citations: [], view: null };

// ---- filters ----------------------------------------------------------------------------------------

async function loadDocuments() {
  try {
    const { documents } = await api('/api/documents');
    const docSelect = $('filter-document');
    const orgSelect = $('filter-organisatie');
    const orgs = new Set();
    for (const d of documents.sort((a, b) => a.title.localeCompare(b.title, 'nl'))) {
      state.documents.set(d.id, d);
      const year = d.year ? ` (${d.year})` : '';
      docSelect.append(el('option', { value: d.id, text: `${d.title}${year}` }));
      if (d.organisation) orgs.add(d.organisation);
    }
    for (const o of [...orgs].sort((a, b) => a.localeCompare(b, 'nl'))) orgSelect.append(el('option', { value: o, text: o }));
    setStatus(`${documents.length} documenten in het archief.`);
  } catch (e) {
    setStatus(`De documentenlijst kon niet worden geladen: ${e.message}`);
  }
}

function currentFilters() {
  const f = {};
  const doc = $('filter-document').value;
  const org = $('filter-organisatie').value;
  const from = parseInt($('filter-van').value, 10);
  const to = parseInt($('filter-tot').value, 10);
  if (doc) f.documents = [doc];
  if (org) f.organisation = org;
  if (Number.isInteger(from)) f.yearFrom = from;
  if (Number.isInteger(to)) f.yearTo = to;
  return Object.keys(f).length > 0 ? f : undefined;
}

// ---- asking -----------------------------------------------------------------------------------------

async function ask(event) {
  event.preventDefault();
  const question = $('vraag').value.trim();
  if (!question) {
    setStatus('Typ eerst een vraag.');
    $('vraag').focus();
    return;
  }
  $('resultaten').setAttribute('aria-busy', 'true');
  setStatus('Bezig met zoeken…');
  try {
    const body = { question };
    const filters = currentFilters();
    if (filters) body.filters = filters;
    const result = await api('/api/ask', body);
    renderAnswer(result);
    renderPassages(result.hits);
    setStatus(result.answered
      ? `Antwoord gevonden met ${result.citations.length} ${result.citations.length === 1 ? 'bron' : 'bronnen'}; ${result.hits.length} passages.`
      : 'Hierover staat niets in het archief. De meest verwante passages staan hieronder.');
  } catch (e) {
    setStatus(`Er ging iets mis: ${e.message}`);
  } finally {
    $('resultaten').setAttribute('aria-busy', 'false');
  }
}

function renderAnswer(result) {
  const box = $('antwoord');
  const text = $('antwoord-tekst');
  const sources = $('bronnen');
  text.replaceChildren();
  sources.replaceChildren();
  box.hidden = false;
  box.classList.toggle('abstained', !result.answered);
  state.citations = result.answered ? result.citations : [];
  if (!result.answered) {
    text.append(el('span', { text: result.answer }));
    return;
  }
  for (const s of result.sentences) {
    const c = result.citations[s.citation - 1];
    text.append(s.text, ' ', el('button', {
      type: 'button',
      class: 'cite',
      text: `[${s.citation}]`,
      'aria-label': `Bron ${s.citation}: ${c.title}, ${pages(c.pageFirst, c.pageLast)}`,
      onclick: () => openCitation(c),
    }), ' ');
  }
  for (const c of result.citations) {
    sources.append(el('li', { id: `bron-${c.n}` },
      el('button', { type: 'button', class: 'source-link', onclick: () => openCitation(c) },
        el('span', { class: 'source-n', text: `${c.n}` }),
        el('span', { class: 'source-title', text: c.title }),
        el('span', { class: 'source-pages', text: pages(c.pageFirst, c.pageLast) })),
      el('blockquote', { text: fold(c.quote) })));
  }
}

function renderPassages(hits) {
  state.hits = hits;
  const list = $('passages');
  list.replaceChildren();
  $('passages-blok').hidden = hits.length === 0;
  for (const h of hits) list.append(passageCard(h));
}

/** Dutch names of the retrieval signals (retrieval/signals.ts); an unknown signal shows under its own name. */
const SIGNAL_NAMES = { lexical: 'lexicaal', dense: 'vectoren', semantic: 'betekenis', source: 'genoemde bron' };

function scoresText(signals) {
  return Object.entries(signals ?? {}).map(([name, s]) => `${SIGNAL_NAMES[name] ?? name} #${s.rank}`).join(' · ');
}

function passageCard(h) {
  const collected = readingList().some((r) => r.key === itemKey(h));
  const collectBtn = el('button', {
    type: 'button',
    class: 'collect',
    'aria-pressed': String(collected),
    text: collected ? 'Verzameld ✓' : 'Verzamel',
    onclick: () => {
      toggleCollect(h);
      const now = readingList().some((r) => r.key === itemKey(h));
      collectBtn.setAttribute('aria-pressed', String(now));
      collectBtn.textContent = now ? 'Verzameld ✓' : 'Verzamel';
    },
  });
  return el('li', { class: 'passage' },
    el('div', { class: 'passage-head' },
      el('span', { class: 'rank', text: `${h.rank}` }),
      el('div', {},
        el('h3', { text: h.document.title }),
        el('p', { class: 'meta', text: [docLine(h.document), pages(h.pageFirst, h.pageLast)].filter(Boolean).join(' · ') }),
        h.namedSource === false ? el('p', { class: 'other-source', text: 'Uit een ander document dan de vraag noemt' }) : null)),
    h.headingPath.length > 0 ? el('p', { class: 'crumbs', text: h.headingPath.join(' › ') }) : null,
    el('p', { class: 'passage-text' }, highlighted(h.text, h.highlights)),
    el('div', { class: 'passage-foot' },
      el('span', { class: 'scores', text: scoresText(h.signals) }),
      el('span', { class: 'actions' },
        el('button', {
          type: 'button',
          text: 'Bekijk pagina',
          onclick: () => openPage(h.docId, h.pageFirst, { start: h.start, end: h.end }),
        }),
        collectBtn)));
}

// ---- document view ----------------------------------------------------------------------------------

function openCitation(c) {
  openPage(c.docId, c.pageFirst, { start: c.start, end: c.end });
}

async function openPage(docId, page, mark) {
  const dialog = $('documentweergave');
  try {
    const data = await api(`/api/documents/${encodeURIComponent(docId)}/pages/${page}`);
    state.view = { docId, page, mark, pageCount: data.document.pageCount };
    $('doc-titel').textContent = data.document.title;
    $('doc-meta').textContent = [docLine(data.document), data.document.fileName].filter(Boolean).join(' · ');
    $('doc-pagina').textContent = `Pagina ${page} van ${data.document.pageCount}`;
    $('doc-vorige').disabled = page <= 1;
    $('doc-volgende').disabled = page >= data.document.pageCount;
    renderPage(data, mark);
    if (!dialog.open) dialog.showModal();
    const quote = dialog.querySelector('mark.quote');
    if (quote) quote.scrollIntoView({ block: 'center' });
    else $('doc-tekst').scrollTop = 0;
  } catch (e) {
    setStatus(`De pagina kon niet worden geopend: ${e.message}`);
  }
}

/** The page text in paragraphs, with the cited span (document offsets) marked. */
function renderPage(page, mark) {
  const box = $('doc-tekst');
  box.replaceChildren();
  const text = page.text;
  let from = -1;
  let to = -1;
  if (mark) {
    from = Math.max(0, mark.start - page.start);
    to = Math.min(text.length, mark.end - page.start);
  }
  // Paragraph breaks: a blank line followed by something that starts a paragraph.
  const paragraphs = [];
  let begin = 0;
  for (const m of text.matchAll(/\n\s*\n(?=["'‘“(]?[\p{Lu}\p{N}•–-])/gu)) {
    paragraphs.push([begin, m.index]);
    begin = m.index + m[0].length;
  }
  paragraphs.push([begin, text.length]);
  for (const [a, b] of paragraphs) {
    const p = el('p');
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (from >= 0 && lo < hi) {
      p.append(fold(text.slice(a, lo)), el('mark', { class: 'quote', text: fold(text.slice(lo, hi)) }), fold(text.slice(hi, b)));
    } else {
      p.append(fold(text.slice(a, b)));
    }
    if (p.textContent.trim()) box.append(p);
  }
}

function turnPage(delta) {
  if (!state.view) return;
  const next = state.view.page + delta;
  if (next >= 1 && next <= state.view.pageCount) openPage(state.view.docId, next, state.view.mark);
}

// ---- reading list -----------------------------------------------------------------------------------

function readingList() {
  try {
    const list = JSON.parse(localStorage.getItem(READING_KEY) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function saveReadingList(list) {
  localStorage.setItem(READING_KEY, JSON.stringify(list));
  renderReadingList();
}

function itemKey(h) {
  return `${h.docId}:${h.start}-${h.end}`;
}

function toggleCollect(h) {
  const list = readingList();
  const key = itemKey(h);
  const i = list.findIndex((r) => r.key === key);
  if (i >= 0) list.splice(i, 1);
  else {
    list.push({
      key,
      docId: h.docId,
      title: h.document.title,
      organisation: h.document.organisation,
      year: h.document.year,
      fileName: h.document.fileName,
      pageFirst: h.pageFirst,
      pageLast: h.pageLast,
      headingPath: h.headingPath,
      start: h.start,
      end: h.end,
      quote: h.text,
      collectedAt: new Date().toISOString(),
    });
  }
  saveReadingList(list);
  setStatus(i >= 0 ? 'Passage verwijderd uit de leeslijst.' : 'Passage toegevoegd aan de leeslijst.');
}

function renderReadingList() {
  const list = readingList();
  const ol = $('leeslijst');
  ol.replaceChildren();
  $('leeslijst-aantal').textContent = String(list.length);
  $('exporteer').disabled = list.length === 0;
  $('leegmaken').disabled = list.length === 0;
  for (const item of list) {
    ol.append(el('li', {},
      el('button', {
        type: 'button',
        class: 'reading-open',
        onclick: () => openPage(item.docId, item.pageFirst, { start: item.start, end: item.end }),
      }, el('strong', { text: item.title }), el('span', { class: 'meta', text: ` ${pages(item.pageFirst, item.pageLast)}` })),
      el('p', { class: 'reading-quote', text: fold(item.quote).slice(0, 160) + (item.quote.length > 160 ? '…' : '') }),
      el('button', {
        type: 'button',
        class: 'remove',
        'aria-label': `Verwijder ${item.title}, ${pages(item.pageFirst, item.pageLast)} uit de leeslijst`,
        text: 'Verwijder',
        onclick: () => saveReadingList(readingList().filter((r) => r.key !== item.key)),
      })));
  }
}

/** The reading list as Markdown, each passage with a full citation a trainer can paste into course material. */
function toMarkdown(list) {
  const lines = ['# Leeslijst Raadsarchief', '', `_Samengesteld op ${new Date().toLocaleDateString('nl-NL')}, ${list.length} passages._`, ''];
  list.forEach((item, i) => {
    lines.push(`## ${i + 1}. ${item.title}`, '');
    const meta = [
      item.organisation ? `**Organisatie:** ${item.organisation}` : null,
      item.year ? `**Jaar:** ${item.year}` : null,
      `**Pagina's:** ${item.pageFirst === item.pageLast ? item.pageFirst : `${item.pageFirst}–${item.pageLast}`}`,
    ].filter(Boolean);
    lines.push(`- ${meta.join(' · ')}`);
    if (item.headingPath?.length) lines.push(`- **Hoofdstuk:** ${item.headingPath.join(' › ')}`);
    lines.push(`- **Bron:** ${item.fileName ?? item.docId} (tekens ${item.start}–${item.end})`, '');
    lines.push(`> ${fold(item.quote).trim()}`, '');
  });
  return lines.join('\n');
}

function exportMarkdown() {
  const blob = new Blob([toMarkdown(readingList())], { type: 'text/markdown;charset=utf-8' });
  const a = el('a', { href: URL.createObjectURL(blob), download: 'leeslijst-raadsarchief.md' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  setStatus('Leeslijst geëxporteerd als Markdown.');
}

// ---- start ------------------------------------------------------------------------------------------

$('vraagformulier').addEventListener('submit', ask);
$('doc-sluiten').addEventListener('click', () => $('documentweergave').close());
$('doc-vorige').addEventListener('click', () => turnPage(-1));
$('doc-volgende').addEventListener('click', () => turnPage(1));
$('exporteer').addEventListener('click', exportMarkdown);
$('leegmaken').addEventListener('click', () => {
  if (confirm('De hele leeslijst leegmaken?')) saveReadingList([]);
});
$('documentweergave').addEventListener('click', (e) => {
  if (e.target === $('documentweergave')) $('documentweergave').close();
});
renderReadingList();
loadDocuments();
$('vraag').focus();
