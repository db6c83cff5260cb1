// Reading lists on the server: choose or make a named list, collect passages and answer sentences with their
// citations, add notes, reorder, export (Markdown, Word) and share a read-only link. Changing needs the API key.
import { $, api, apiKey, el, fold, placeText, srOnly, whoseLine } from './dom.js';
import { openPage } from './viewer.js';

const CURRENT = 'raadsarchief.leeslijst';
let ctx = null;
/** The open list ({ id, name, items }) or null. */
let current = null;

const sameItem = (a, b) => a.kind === b.kind && a.source.docId === b.source.docId && a.source.start === b.source.start && a.source.end === b.source.end;

export function has(item) {
  return current?.items.some((i) => sameItem(i, item)) ?? false;
}

/** Keys of the items being added or removed right now, and the chain that runs the changes one after another. */
const pending = new Set();
let queue = Promise.resolve();
const itemKey = (i) => `${i.kind} ${i.source.docId} ${i.source.start} ${i.source.end}`;

/** Adds the item to the open list (making "Mijn leeslijst" when there is none yet), or removes it when it is there.
 *  A second click on the same item while the first is under way is ignored (a double click adds once); changes to
 *  different items wait for each other, so two quick clicks never make two lists. */
export function toggle(item) {
  if (!apiKey()) {
    ctx.status(current
      ? 'Deze leeslijst is alleen te lezen. Voer onder ‘Beheer’ de API-sleutel in om te verzamelen.'
      : 'Voer eerst onder ‘Beheer’ de API-sleutel in om te verzamelen.');
    return Promise.resolve();
  }
  const key = itemKey(item);
  if (pending.has(key)) return queue;
  pending.add(key);
  queue = queue.then(() => change(item)).finally(() => pending.delete(key));
  return queue;
}

async function change(item) {
  try {
    if (!current) await createList('Mijn leeslijst');
    const existing = current.items.find((i) => sameItem(i, item));
    if (existing) await api(`/api/reading-lists/${current.id}/items/${existing.id}`, undefined, 'DELETE');
    else await api(`/api/reading-lists/${current.id}/items`, item);
    await openList(current.id);
    ctx.status(existing ? 'Verwijderd uit de leeslijst.' : `Toegevoegd aan de leeslijst “${current.name}”.`);
  } catch (e) {
    ctx.status(`De leeslijst kon niet worden bijgewerkt. ${e.message}`);
  }
}

async function createList(name) {
  const { list } = await api('/api/reading-lists', { name });
  await loadLists(list.id);
}

/** With the key: the lists to choose from, then the chosen one (`preferred`, else the last used, else the newest).
 *  Returns what went wrong (also said in the status line), or null. */
export async function loadLists(preferred) {
  let lists = [];
  let failed = null;
  if (apiKey()) {
    try {
      lists = (await api('/api/reading-lists')).lists;
    } catch (e) {
      // A wrong key (401) has been dropped by api(); its message says so, and the lists are not shown as "none".
      failed = e.status === 401 ? e.message : `De leeslijsten konden niet worden geladen. ${e.message}`;
      ctx.status(failed);
    }
  }
  const editable = Boolean(apiKey());
  showEditable(editable);
  const select = $('leeslijst-keuze');
  select.replaceChildren(...lists.map((l) => el('option', { value: l.id, text: `${l.name} (${l.itemCount})` })));
  select.disabled = lists.length === 0;
  if (lists.length === 0) select.append(el('option', { value: '', text: failed ? 'Lijsten niet geladen' : 'Nog geen lijsten' }));
  // The list used last in this tab, unless it is gone (deleted by a colleague): then the newest.
  const stored = sessionStorage.getItem(CURRENT);
  const id = preferred ?? (stored && (!editable || failed || lists.some((l) => l.id === stored)) ? stored : lists[0]?.id);
  if (id) return (await openList(id)) ?? failed;
  show(null);
  return failed;
}

function showEditable(editable) {
  $('leeslijst-beheer').hidden = !editable;
  $('leeslijst-uitleg').textContent = editable
    ? 'Verzamel passages en antwoordzinnen voor lesmateriaal; exporteer of deel de lijst.'
    : 'Met de API-sleutel (Beheer) maakt u leeslijsten. Een gedeelde lijst opent u via haar link.';
}

/** The key turned out wrong and was dropped: the panel as without a key, the open list read-only. */
export function keyDropped() {
  showEditable(false);
  show(current);
}

/** Opens a list; returns what went wrong (also said in the status line), or null. */
export async function openList(id) {
  try {
    show((await api(`/api/reading-lists/${encodeURIComponent(id)}`)).list);
    return null;
  } catch (e) {
    sessionStorage.removeItem(CURRENT);
    show(null);
    const problem = `De leeslijst kon niet worden geopend. ${e.message}`;
    ctx.status(problem);
    return problem;
  }
}

function show(list) {
  current = list;
  if (list) sessionStorage.setItem(CURRENT, list.id);
  const editable = Boolean(apiKey()) && list !== null;
  const option = list && [...$('leeslijst-keuze').options].find((o) => o.value === list.id);
  if (option) {
    option.textContent = `${list.name} (${list.items.length})`;
    $('leeslijst-keuze').value = list.id;
  }
  $('leeslijst-naam-kop').textContent = list ? list.name : '';
  $('leeslijst-naam-kop').title = list ? list.name : '';
  $('leeslijst-aantal').textContent = String(list?.items.length ?? 0);
  $('leeslijst-acties').hidden = !list;
  $('leeslijst-verwijderen').hidden = !editable;
  if (list) {
    $('export-md').href = `/api/reading-lists/${list.id}/export.md`;
    $('export-docx').href = `/api/reading-lists/${list.id}/export.docx`;
    $('deellink').value = `${location.origin}/?leeslijst=${list.id}`;
  }
  const ol = $('leeslijst');
  ol.replaceChildren(...(list?.items ?? []).map((item, i) => itemView(item, i, list.items.length, editable)));
  if (list && list.items.length === 0) ol.append(el('li', { class: 'hint', text: 'Nog leeg: kies ‘Verzamel’ bij een passage of bron.' }));
  ctx.changed();
}

function itemView(item, i, count, editable) {
  const s = item.source;
  const where = placeText(s);
  const li = el('li', { class: 'reading-item' },
    el('button', { type: 'button', class: 'reading-open', onclick: () => openPage(s.docId, s.pageFirst, { start: s.start, end: s.end }, ctx.status) },
      el('strong', { class: 'title-text', text: s.title, title: s.title }),
      el('span', { class: 'meta', text: ` ${[whoseLine(s), where].filter(Boolean).join(' · ')}` })),
    el('p', { class: 'kind', text: item.kind === 'answer' ? `Antwoordzin${item.question ? ` op “${item.question}”` : ''}` : 'Passage' }),
    el('p', { class: 'reading-quote', text: excerpt(item.text) }));
  if (editable) li.append(noteEditor(item), moveButtons(item, i, count));
  else if (item.note) li.append(el('p', { class: 'note', text: `Notitie: ${item.note}` }));
  return li;
}

function excerpt(text) {
  const t = fold(text);
  return t.length > 220 ? `${t.slice(0, 220)}…` : t;
}

function noteEditor(item) {
  const id = `notitie-${item.id}`;
  const area = el('textarea', { id, rows: '2', maxlength: '4000', class: 'note-input' });
  area.value = item.note;
  area.addEventListener('change', async () => {
    try {
      await api(`/api/reading-lists/${current.id}/items/${item.id}`, { note: area.value }, 'PATCH');
      item.note = area.value;
      ctx.status('Notitie bewaard.');
    } catch (e) {
      ctx.status(`De notitie kon niet worden bewaard. ${e.message}`);
    }
  });
  return el('div', { class: 'note-box' }, el('label', { for: id, text: 'Notitie' }), area);
}

function moveButtons(item, i, count) {
  const title = item.source.title;
  return el('div', { class: 'item-actions' },
    el('button', { type: 'button', class: 'small move-up', disabled: i === 0, onclick: () => move(i, -1) }, 'Omhoog', srOnly(`: ${title}`)),
    el('button', { type: 'button', class: 'small move-down', disabled: i === count - 1, onclick: () => move(i, 1) }, 'Omlaag', srOnly(`: ${title}`)),
    el('button', { type: 'button', class: 'small', onclick: () => removeItem(item) }, 'Verwijder', srOnly(` uit de leeslijst: ${title}`)));
}

async function move(i, delta) {
  const ids = current.items.map((x) => x.id);
  [ids[i], ids[i + delta]] = [ids[i + delta], ids[i]];
  try {
    show((await api(`/api/reading-lists/${current.id}/order`, { items: ids }, 'PUT')).list);
    // Keep the keyboard where it was: on the same item's button, now one place further.
    const moved = $('leeslijst').children[i + delta]?.querySelector(delta < 0 ? 'button.move-up' : 'button.move-down');
    (moved && !moved.disabled ? moved : $('leeslijst').children[i + delta]?.querySelector('button.reading-open'))?.focus();
    ctx.status(`Onderdeel ${delta < 0 ? 'omhoog' : 'omlaag'} geschoven naar plaats ${i + delta + 1}.`);
  } catch (e) {
    ctx.status(`De volgorde kon niet worden bewaard. ${e.message}`);
  }
}

async function removeItem(item) {
  try {
    await api(`/api/reading-lists/${current.id}/items/${item.id}`, undefined, 'DELETE');
    await openList(current.id);
    ctx.status('Verwijderd uit de leeslijst.');
  } catch (e) {
    ctx.status(`Verwijderen lukte niet. ${e.message}`);
  }
}

export function initReading(context) {
  ctx = context;
  $('leeslijst-keuze').addEventListener('change', (e) => e.target.value && openList(e.target.value));
  $('leeslijst-nieuw').addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = $('leeslijst-naam').value.trim();
    if (!name) {
      ctx.status('Geef de nieuwe leeslijst eerst een naam.');
      $('leeslijst-naam').focus();
      return;
    }
    try {
      await createList(name);
      $('leeslijst-naam').value = '';
      ctx.status(`Leeslijst “${name}” gemaakt.`);
    } catch (err) {
      ctx.status(`De leeslijst kon niet worden gemaakt. ${err.message}`);
    }
  });
  $('deellink').addEventListener('focus', (e) => e.target.select());
  $('leeslijst-verwijderen').addEventListener('click', async () => {
    if (!current || !confirm(`De leeslijst “${current.name}” verwijderen? Dit kan niet ongedaan worden gemaakt.`)) return;
    try {
      await api(`/api/reading-lists/${current.id}`, undefined, 'DELETE');
      sessionStorage.removeItem(CURRENT);
      await loadLists();
      ctx.status('Leeslijst verwijderd.');
    } catch (e) {
      ctx.status(`Verwijderen lukte niet. ${e.message}`);
    }
  });
}
