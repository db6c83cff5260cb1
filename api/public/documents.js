// The documents view: every document with its metadata, narrowed by the same filters as search; with the API key,
// adding files (chosen or dropped, several at once, progress and outcome per file) and deleting with confirmation.
import { $, api, apiKey, el, srOnly } from './dom.js';
import { count, errorText, outcomeText } from './messages.js';
import { openPage } from './viewer.js';

let ctx = null;

/** The documents as the API lists them, sorted by title; refilled after every upload and delete. */
export async function loadDocuments() {
  const { documents } = await api('/api/documents');
  return documents.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

function matches(d, f) {
  if (!f) return true;
  if (f.documents && !f.documents.includes(d.id)) return false;
  if (f.organisation && d.organisation !== f.organisation) return false;
  if (f.yearFrom != null && (d.year == null || d.year < f.yearFrom)) return false;
  if (f.yearTo != null && (d.year == null || d.year > f.yearTo)) return false;
  return true;
}

/** OCR marks (details.ocrPages: the pages read from a scan, with the recogniser's mean confidence). */
function ocrText(d) {
  const pagesRead = d.details?.ocrPages ?? [];
  if (pagesRead.length === 0) return null;
  const confidence = pagesRead.reduce((sum, p) => sum + (p.confidence ?? 0), 0) / pagesRead.length;
  return `${count(pagesRead.length, 'pagina', 'pagina’s')} via tekstherkenning (OCR, zekerheid ${Math.round(confidence * 100)}%)`;
}

function docCard(d) {
  const facts = [
    d.organisation,
    d.year,
    // A text without pages (pageKind 'paragraph') has no page count worth saying.
    d.details?.pageKind === 'paragraph' ? null
      : d.details?.pageKind === 'section' ? count(d.pageCount, 'sectie', 'secties') : count(d.pageCount, 'pagina', 'pagina’s'),
    count(d.passageCount, 'passage', 'passages'),
    ocrText(d),
  ].filter((x) => x != null && x !== '');
  const added = d.ingestedAt ? new Date(d.ingestedAt).toLocaleDateString('nl-NL') : null;
  return el('li', { class: 'doc-card' },
    el('h3', { class: 'title-text', text: d.title, title: d.title }),
    el('p', { class: 'meta', text: facts.join(' · ') }),
    el('p', { class: 'meta file', text: [d.fileName, added ? `toegevoegd ${added}` : null].filter(Boolean).join(' · ') }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => openPage(d.id, 1, null, ctx.status) }, 'Bekijk', srOnly(` ${d.title}`)),
      apiKey() ? el('button', { type: 'button', class: 'danger', onclick: () => remove(d) }, 'Verwijder', srOnly(` ${d.title}`)) : null));
}

/** Shows the documents that pass the filters. */
export function renderDocuments(documents, filters) {
  const shown = documents.filter((d) => matches(d, filters));
  $('documenten').replaceChildren(...shown.map(docCard));
  $('documenten-telling').textContent = shown.length === documents.length
    ? `${documents.length} documenten in het archief.`
    : shown.length === 0
      ? `Geen van de ${documents.length} documenten valt binnen de gekozen filters.`
      : `${shown.length} van de ${documents.length} documenten binnen de gekozen filters.`;
  const editable = Boolean(apiKey());
  $('dropzone').hidden = !editable;
  $('upload-uitleg').hidden = editable;
}

async function remove(d) {
  if (!confirm(`“${d.title}” verwijderen uit het archief? Passages en zoekindex gaan mee; dit kan niet ongedaan worden gemaakt.`)) return;
  try {
    await api(`/api/documents/${encodeURIComponent(d.id)}`, undefined, 'DELETE');
    ctx.status(`“${d.title}” is verwijderd.`);
    await ctx.refresh();
  } catch (e) {
    ctx.status(`Verwijderen lukte niet. ${e.message}`);
  }
}

/** One file in its own request, so each has its own progress bar and outcome (the API also takes several at once). */
function uploadOne(file, row) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    const password = $('pdf-wachtwoord').value;
    if (password) form.append('password', password);
    form.append('file', file, file.name);
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('x-api-key', apiKey());
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) row.progress.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.upload.addEventListener('load', () => {
      row.progress.value = 100;
      row.text.textContent = 'Verwerken…';
    });
    xhr.addEventListener('load', () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch { /* not JSON: the status says enough */ }
      const outcome = body.outcome ?? body.outcomes?.[0];
      const ok = xhr.status < 300;
      row.li.dataset.status = outcome?.status ?? 'skipped';
      row.text.textContent = outcome ? outcomeText({ ...outcome, limit: body.error?.limit }) : `Mislukt: ${errorText(body.error)}`;
      resolve(ok);
    });
    xhr.addEventListener('error', () => {
      row.li.dataset.status = 'skipped';
      row.text.textContent = 'Mislukt: de server is niet bereikbaar.';
      resolve(false);
    });
    xhr.send(form);
  });
}

function uploadRow(file) {
  const progress = el('progress', { max: '100', value: '0', 'aria-label': `Voortgang van ${file.name}` });
  const text = el('span', { class: 'upload-status', text: 'Wacht…' });
  const li = el('li', { class: 'upload-row' }, el('span', { class: 'upload-name title-text', text: file.name, title: file.name }), progress, text);
  $('uploads').prepend(li);
  return { li, progress, text };
}

async function uploadAll(files) {
  if (files.length === 0) return;
  const rows = files.map((f) => [f, uploadRow(f)]);
  ctx.status(`${files.length} ${files.length === 1 ? 'bestand wordt' : 'bestanden worden'} toegevoegd…`);
  let done = 0;
  for (const [file, row] of rows) {
    row.text.textContent = 'Bezig met uploaden…';
    if (await uploadOne(file, row)) done++;
  }
  ctx.status(`Klaar: ${done} van ${files.length} ${files.length === 1 ? 'bestand' : 'bestanden'} verwerkt. De uitkomst staat per bestand.`);
  await ctx.refresh();
}

export function initDocuments(context) {
  ctx = context;
  const input = $('bestanden');
  const zone = $('dropzone');
  $('kies-bestanden').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';
    uploadAll(files);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    uploadAll([...(e.dataTransfer?.files ?? [])]);
  });
}
