// Raadsarchief staff page: ask and search, manage documents, keep reading lists. The address holds the search
// (url-state.js) so it can be shared and walked with back/forward. All archive text is inserted with textContent.
import { $, apiKey, el, setApiKey, setStatus } from './dom.js';
import { queryFromState, stateFromQuery } from './url-state.js';
import { initViewer } from './viewer.js';
import { clearResults, initSearch, refreshCollectButtons, runSearch } from './search.js';
import { initDocuments, loadDocuments, renderDocuments } from './documents.js';
import * as reading from './reading.js';

const state = { documents: [], byId: new Map(), view: 'zoeken', keyRejected: false };
const FILTER_IDS = ['filter-document', 'filter-organisatie', 'filter-van', 'filter-tot'];

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
  // True when a chosen document or organisation is gone (deleted): the filter is then off.
  return docSelect.value !== keepDoc || orgSelect.value !== keepOrg;
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

/** The question and mode in the form; the documents view leaves them out of its address but the form keeps them, so
 *  "Zoeken" brings the search back. */
function searchForm() {
  return { question: $('vraag').value.trim(), mode: $('modus').value };
}

function formState() {
  const search = state.view === 'documenten' ? { question: '', mode: 'antwoord' } : searchForm();
  return { view: state.view, ...search, ...filterState() };
}

function fillForm(s) {
  if (s.view !== 'documenten') {
    $('vraag').value = s.question;
    $('modus').value = s.mode;
  }
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
    // No search, no search status: an earlier "Antwoord gevonden …" would speak of results no longer shown.
    setStatus(`${state.documents.length} documenten in het archief.`);
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
    if (fillFilterOptions()) {
      const s = formState();
      showFilterCount(s);
      history.replaceState(null, '', `${location.pathname}${queryFromState(s)}`);
    }
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

/** A changed filter takes effect at once: the documents view narrows, a search with a question runs again (a new
 *  entry in the history, as a sent question is), and the address follows either way. */
function onFilterChange() {
  const s = formState();
  showFilterCount(s);
  if (state.view === 'zoeken' && s.question) {
    const f = apiFilters(s);
    if (!f.error) {
      navigate(s);
      return;
    }
    setStatus(f.error);
  }
  history.replaceState(null, '', `${location.pathname}${queryFromState(s)}`);
  if (state.view === 'documenten') renderDocs();
}

function clearFilters() {
  for (const id of FILTER_IDS) $(id).value = '';
  onFilterChange();
}

function showKeyState() {
  $('sleutel-staat').textContent = apiKey() ? '(sleutel ingevoerd)' : state.keyRejected ? '(sleutel klopt niet)' : '';
  $('api-sleutel').value = '';
}

/** api() dropped a key the server refused: say so where the key was shown, and stop offering what needs it. */
function onKeyRejected() {
  state.keyRejected = true;
  showKeyState();
  reading.keyDropped();
  if (state.view === 'documenten') renderDocs();
}

async function onKey(event, key) {
  event?.preventDefault();
  state.keyRejected = false;
  setApiKey(key);
  showKeyState();
  setStatus(key ? 'De API-sleutel wordt gebruikt tot u dit tabblad sluit.' : 'De API-sleutel is vergeten.');
  if (state.view === 'documenten') renderDocs();
  await reading.loadLists();
}

/** The question field takes at most its maxlength; a longer paste is cut there, which the user is told. */
function onQuestionInput(event) {
  const input = event.target;
  if (input.value.length >= input.maxLength) setStatus(`De vraag is ingekort tot ${input.maxLength} tekens.`);
}

function wire() {
  $('vraagformulier').addEventListener('submit', onSubmit);
  $('vraag').addEventListener('input', onQuestionInput);
  for (const id of FILTER_IDS) $(id).addEventListener('change', onFilterChange);
  $('filters-wissen').addEventListener('click', clearFilters);
  for (const [id, view] of [['nav-zoeken', 'zoeken'], ['nav-documenten', 'documenten']]) {
    $(id).addEventListener('click', (e) => {
      e.preventDefault();
      const search = view === 'zoeken' ? searchForm() : { question: '', mode: 'antwoord' };
      navigate({ ...filterState(), view, ...search });
    });
  }
  window.addEventListener('sleutel-afgewezen', onKeyRejected);
  $('sleutelformulier').addEventListener('submit', (e) => onKey(e, $('api-sleutel').value.trim()));
  $('sleutel-vergeten').addEventListener('click', (e) => onKey(e, ''));
  window.addEventListener('popstate', () => apply(stateFromQuery(location.search)));
}

async function start() {
  initViewer(setStatus);
  initSearch({ status: setStatus, documents: () => state.byId, reading, clearFilters });
  initDocuments({ status: setStatus, refresh: refreshDocuments });
  reading.initReading({ status: setStatus, changed: refreshCollectButtons });
  wire();
  showKeyState();
  await refreshDocuments();
  const initial = stateFromQuery(location.search);
  const problem = await reading.loadLists(initial.list ?? undefined);
  await apply(initial);
  // A shared link whose list is gone (or a key refused) says so; the start-up's own status would hide it.
  if (problem && !initial.question) setStatus(problem);
  if (initial.view === 'zoeken') $('vraag').focus();
}

start();
