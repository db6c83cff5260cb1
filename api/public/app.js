// Raadsarchief staff page: ask and search, manage documents, keep reading lists. The address holds the search
// (url-state.js) so it can be shared and walked with back/forward. All archive text is inserted with textContent.
import { $, apiKey, el, setApiKey, setStatus } from './dom.js';
import { queryFromState, stateFromQuery } from './url-state.js';
import { initViewer } from './viewer.js';
import { clearResults, initSearch, refreshCollectButtons, runSearch } from './search.js';
import { initDocuments, loadDocuments, renderDocuments } from './documents.js';
import * as reading from './reading.js';

const state = { documents: [], byId: new Map(), view: 'zoeken' };

// ---- filters (shared by search and the documents view) -------------------------------------------

function fillFilterOptions() {
  const docSelect = $('filter-document');
  const orgSelect = $('filter-organisatie');
  const keepDoc = docSelect.value;
  const keepOrg = orgSelect.value;
  docSelect.replaceChildren(el('option', { value: '', text: 'Alle documenten' }),
    ...state.documents.map((d) => el('option', { value: d.id, text: `${d.title}${d.year ? ` (${d.year})` : ''}` })));
  const orgs = [...new Set(state.documents.map((d) => d.organisation).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'nl'));
  orgSelect.replaceChildren(el('option', { value: '', text: 'Alle organisaties' }), ...orgs.map((o) => el('option', { value: o, text: o })));
  docSelect.value = keepDoc;
  orgSelect.value = keepOrg;
}

/** The filter controls as a state fragment; years that are not whole numbers are left out. */
function filterState() {
  const year = (id) => {
    const v = $(id).value.trim();
    return /^\d{4}$/.test(v) ? Number(v) : null;
  };
  return { document: $('filter-document').value, organisation: $('filter-organisatie').value, yearFrom: year('filter-van'), yearTo: year('filter-tot') };
}

/** The state's filters as the API takes them, or a Dutch reason they cannot be used. */
function apiFilters(s) {
  for (const [id, y] of [['filter-van', s.yearFrom], ['filter-tot', s.yearTo]]) {
    if ($(id).value.trim() && (y === null || y < 1800 || y > 2100)) return { error: 'Een jaartal moet tussen 1800 en 2100 liggen.', field: id };
  }
  if (s.yearFrom != null && s.yearTo != null && s.yearFrom > s.yearTo) return { error: '“Jaar vanaf” ligt na “Jaar tot en met”.', field: 'filter-van' };
  const f = {};
  if (s.document) f.documents = [s.document];
  if (s.organisation) f.organisation = s.organisation;
  if (s.yearFrom != null) f.yearFrom = s.yearFrom;
  if (s.yearTo != null) f.yearTo = s.yearTo;
  return { filters: Object.keys(f).length > 0 ? f : undefined };
}

function showFilterCount(s) {
  const n = [s.document, s.organisation, s.yearFrom, s.yearTo].filter((x) => x != null && x !== '').length;
  $('filters-actief').textContent = n > 0 ? `(${n} actief)` : '';
  if (n > 0) $('filters').open = true;
}

// ---- state <-> page ----------------------------------------------------------------------------------

function formState() {
  return { view: state.view, question: $('vraag').value.trim(), mode: $('modus').value, ...filterState() };
}

function fillForm(s) {
  $('vraag').value = s.question;
  $('modus').value = s.mode;
  // An id from a link that is not (or no longer) in the archive still filters: keep it selectable.
  if (s.document && ![...$('filter-document').options].some((o) => o.value === s.document)) {
    $('filter-document').append(el('option', { value: s.document, text: s.document }));
  }
  $('filter-document').value = s.document;
  $('filter-organisatie').value = s.organisation;
  $('filter-van').value = s.yearFrom ?? '';
  $('filter-tot').value = s.yearTo ?? '';
  showFilterCount(s);
}

function showView(view) {
  state.view = view;
  const docs = view === 'documenten';
  $('vraagformulier').hidden = docs;
  $('resultaten').hidden = docs;
  $('documenten-blok').hidden = !docs;
  $('nav-zoeken').removeAttribute('aria-current');
  $('nav-documenten').removeAttribute('aria-current');
  $(docs ? 'nav-documenten' : 'nav-zoeken').setAttribute('aria-current', 'page');
  document.title = docs ? 'Documenten — Raadsarchief' : 'Raadsarchief — zoeken in lokale beleidsdocumenten';
}

/** Makes the page show what a state describes: the view, the form, and the search's results. */
async function apply(s) {
  fillForm(s);
  showView(s.view);
  if (s.view === 'documenten') {
    renderDocs();
    return;
  }
  if (!s.question) {
    clearResults();
    return;
  }
  const f = apiFilters(s);
  if (f.error) {
    setStatus(f.error);
    return;
  }
  await runSearch(s, f.filters);
}

function navigate(s) {
  const url = `${location.pathname}${queryFromState(s)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  return apply(s);
}

function renderDocs() {
  const s = filterState();
  const f = apiFilters(s);
  if (f.error) setStatus(f.error);
  renderDocuments(state.documents, f.error ? undefined : f.filters);
}

async function refreshDocuments() {
  try {
    state.documents = await loadDocuments();
    state.byId = new Map(state.documents.map((d) => [d.id, d]));
    fillFilterOptions();
    if (state.view === 'documenten') renderDocs();
  } catch (e) {
    setStatus(`De documentenlijst kon niet worden geladen. ${e.message}`);
  }
}

// ---- start ------------------------------------------------------------------------------------------

function onSubmit(event) {
  event.preventDefault();
  const s = formState();
  if (!s.question) {
    setStatus('Typ eerst een vraag.');
    $('vraag').focus();
    return;
  }
  const f = apiFilters(s);
  if (f.error) {
    setStatus(f.error);
    $('filters').open = true;
    $(f.field).focus();
    return;
  }
  navigate(s);
}

function onFilterChange() {
  const s = formState();
  showFilterCount(s);
  if (state.view === 'documenten') {
    history.replaceState(null, '', `${location.pathname}${queryFromState(s)}`);
    renderDocs();
  }
}

function showKeyState() {
  $('sleutel-staat').textContent = apiKey() ? '(sleutel ingevoerd)' : '';
  $('api-sleutel').value = '';
}

async function onKey(event, key) {
  event?.preventDefault();
  setApiKey(key);
  showKeyState();
  setStatus(key ? 'De API-sleutel wordt gebruikt tot u dit tabblad sluit.' : 'De API-sleutel is vergeten.');
  if (state.view === 'documenten') renderDocs();
  await reading.loadLists();
}

function wire() {
  $('vraagformulier').addEventListener('submit', onSubmit);
  for (const id of ['filter-document', 'filter-organisatie', 'filter-van', 'filter-tot']) $(id).addEventListener('change', onFilterChange);
  $('filters-wissen').addEventListener('click', () => {
    for (const id of ['filter-document', 'filter-organisatie', 'filter-van', 'filter-tot']) $(id).value = '';
    onFilterChange();
  });
  for (const [id, view] of [['nav-zoeken', 'zoeken'], ['nav-documenten', 'documenten']]) {
    $(id).addEventListener('click', (e) => {
      e.preventDefault();
      navigate({ ...formState(), view, question: view === 'zoeken' ? $('vraag').value.trim() : '' });
    });
  }
  $('sleutelformulier').addEventListener('submit', (e) => onKey(e, $('api-sleutel').value.trim()));
  $('sleutel-vergeten').addEventListener('click', (e) => onKey(e, ''));
  window.addEventListener('popstate', () => apply(stateFromQuery(location.search)));
}

async function start() {
  initViewer(setStatus);
  initSearch({ status: setStatus, documents: () => state.byId, reading });
  initDocuments({ status: setStatus, refresh: refreshDocuments });
  reading.initReading({ status: setStatus, changed: refreshCollectButtons });
  wire();
  showKeyState();
  await refreshDocuments();
  const initial = stateFromQuery(location.search);
  await reading.loadLists(initial.list ?? undefined);
  if (!initial.question) setStatus(`${state.documents.length} documenten in het archief.`);
  await apply(initial);
  if (initial.view === 'zoeken') $('vraag').focus();
}

start();
