// Small DOM and API helpers shared by the staff page's modules. Archive text is inserted with textContent only.
import { KEY_REJECTED, errorText } from './messages.js';


export const $ = (id) => document.getElementById(id);
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else if (v !== false && v != null) node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/** Words for screen readers only: a button reads "Verwijder" and is announced "Verwijder <title>" (the visible text
 *  stays the start of its accessible name, so speech users can say what they see). */
export function srOnly(text) {
  return el('span', { class: 'visually-hidden', text });
}

/** Line breaks from PDF extraction, folded for reading (paragraphs kept where a new one clearly starts). */
export function fold(text) {
  return text.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}

/** Where a cited span sits, as the API names it (`place`: "p. 3", "sectie 2 (Inleiding), alinea 3", "alinea 212");
 *  reading-list items collected before places existed give their pages. */
export function placeText(s) {
  return s.place ?? (s.pageFirst === s.pageLast ? `p. ${s.pageFirst}` : `p. ${s.pageFirst}–${s.pageLast}`);
}

export function docLine(d) {
  return [d.organisation, d.year].filter((x) => x != null && x !== '').join(' · ');
}

/** Whose words a source holds: its organisation, else its file name (what the archivist named it), and its year. */
export function whoseLine(d) {
  return docLine({ organisation: d.organisation || d.fileName, year: d.year });
}

/** Text with the given terms wrapped in <mark>. */
export function highlighted(text, terms) {
  const frag = document.createDocumentFragment();
  const folded = fold(text);
  let last = 0;
  for (const [start, end] of highlightRanges(folded, terms)) {
    frag.append(folded.slice(last, start), el('mark', { text: folded.slice(start, end) }));
    last = end;
  }
  frag.append(folded.slice(last));
  return frag;
}

/** Where the words to highlight stand in `text`, as whole words: the server lists "wethouders", which must not light
 *  up the first part of "wethouderschap". */
export function highlightRanges(text, terms) {
  const words = [...new Set(terms)].filter((t) => t && t.length > 1).sort((a, b) => b.length - a.length);
  if (words.length === 0) return [];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

const KEY = 'raadsarchief.api-sleutel';

/** The API key lives in this tab's sessionStorage only: gone when the tab closes, never in a URL or on disk. */
export function apiKey() {
  return sessionStorage.getItem(KEY) ?? '';
}
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

/** A failed API call, with the Dutch text to show and the API's code. */
export class ApiError extends Error {
  constructor(text, code, status) {
    super(text);
    this.code = code;
    this.status = status;
  }
}

/** Calls the API: GET without a body, else JSON; `method` for PATCH/PUT/DELETE; the key is sent when one is set. */
export async function api(path, body, method) {
  const headers = {};
  const key = apiKey();
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.', 'NETWORK', 0);
  }
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && key && apiKey() === key) {
    // A wrong key is dropped at once and the page told (app.js), so nothing goes on looking as if it worked: no
    // "(sleutel ingevoerd)", no reading lists shown as empty.
    setApiKey('');
    window.dispatchEvent(new Event('sleutel-afgewezen'));
    throw new ApiError(KEY_REJECTED, data?.error?.code, 401);
  }
  if (!res.ok) throw new ApiError(errorText(data?.error, res.headers.get('retry-after')), data?.error?.code, res.status);
  return data;
}

export function setStatus(text) {
  $('status').textContent = text;
}
