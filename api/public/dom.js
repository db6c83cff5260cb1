// Small DOM and API helpers shared by the staff page's modules. Archive text is inserted with textContent only.

export const $ = (id) => document.getElementById(id);
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/** Line breaks from PDF extraction, folded for reading (paragraphs kept where a new one clearly starts). */
export function fold(text) {
  return text.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}

export function pages(first, last) {
  return first === last ? `p. ${first}` : `p. ${first}–${last}`;
}

export function docLine(d) {
  return [d.organisation, d.year].filter((x) => x != null && x !== '').join(' · ');
}

/** Text with the given terms wrapped in <mark>. */
export function highlighted(text, terms) {
  const frag = document.createDocumentFragment();
  const folded = fold(text);
  const words = [...new Set(terms)].filter((t) => t && t.length > 1).sort((a, b) => b.length - a.length);
  if (words.length === 0) {
    frag.append(folded);
    return frag;
  }
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(${escaped.join('|')})`, 'giu');
  let last = 0;
  for (const m of folded.matchAll(re)) {
    frag.append(folded.slice(last, m.index), el('mark', { text: m[0] }));
    last = m.index + m[0].length;
  }
  frag.append(folded.slice(last));
  return frag;
}

export async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(dutchError(data?.error, res) ?? data?.error?.message ?? `HTTP ${res.status}`);
  return data;
}

// Load errors a staff member can act on, in Dutch; the rest keep the API's own message.
function dutchError(error, res) {
  const wait = res.headers.get('retry-after');
  if (error?.code === 'ERR_BUSY') return `De server is druk; probeer het over ${wait ?? 'enkele'} seconden opnieuw.`;
  if (error?.code === 'ERR_RATE_LIMITED') return 'Te veel verzoeken achter elkaar; probeer het over een minuut opnieuw.';
  return null;
}

export function setStatus(text) {
  $('status').textContent = text;
}
