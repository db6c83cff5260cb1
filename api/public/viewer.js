// The page viewer: one page of a document's clean text in a dialog, the cited span marked, page by page.
import { $, api, docLine, el, fold } from './dom.js';

let view = null;

/** Opens a page; `mark` ({start, end}, document offsets) is highlighted and scrolled into view. */
export async function openPage(docId, page, mark, onError) {
  const dialog = $('documentweergave');
  try {
    const data = await api(`/api/documents/${encodeURIComponent(docId)}/pages/${page}`);
    view = { docId, page, mark, pageCount: data.document.pageCount };
    $('doc-titel').textContent = data.document.title;
    $('doc-titel').title = data.document.title;
    $('doc-meta').textContent = [docLine(data.document), data.document.fileName].filter(Boolean).join(' · ');
    const kind = data.document.details?.pageKind;
    $('doc-pagina').textContent = kind === 'paragraph' ? 'Hele tekst, alinea’s genummerd'
      : `${kind === 'section' ? 'Sectie' : 'Pagina'} ${page} van ${data.document.pageCount}`;
    const focused = document.activeElement;
    $('doc-vorige').disabled = page <= 1;
    $('doc-volgende').disabled = page >= data.document.pageCount;
    $('doc-vorige').hidden = $('doc-volgende').hidden = kind === 'paragraph'; // one text, nothing to turn
    const unit = kind === 'section' ? 'sectie' : 'pagina';
    $('doc-vorige').textContent = `← Vorige ${unit}`;
    $('doc-volgende').textContent = `Volgende ${unit} →`;
    renderPage(data, mark);
    // Turning to the first or last page disables the button the keyboard was on: move to the other one (or the text)
    // rather than let focus fall to the page behind the dialog.
    if (focused?.disabled) {
      const other = focused === $('doc-vorige') ? $('doc-volgende') : $('doc-vorige');
      (other.disabled || other.hidden ? $('doc-tekst') : other).focus();
    }
    if (!dialog.open) dialog.showModal();
    const quote = dialog.querySelector('mark.quote');
    if (quote) quote.scrollIntoView({ block: 'center' });
    else $('doc-tekst').scrollTop = 0;
  } catch (e) {
    onError?.(`De pagina kon niet worden geopend. ${e.message}`);
  }
}

/** The page text in paragraphs, with the cited span (document offsets) marked. Where the document has no pages of its
 *  own, the API gives the paragraphs and the viewer numbers them as citations do ("alinea 212"). */
function renderPage(page, mark) {
  const box = $('doc-tekst');
  box.replaceChildren();
  const text = page.text;
  const from = mark ? Math.max(0, mark.start - page.start) : -1;
  const to = mark ? Math.min(text.length, mark.end - page.start) : -1;
  const paragraphs = [];
  if (page.paragraphs) {
    const starts = page.paragraphs.map((s) => s - page.start);
    starts.forEach((a, i) => paragraphs.push([a, starts[i + 1] ?? text.length]));
  } else {
    // Paragraph breaks: a blank line followed by something that starts a paragraph.
    let begin = 0;
    for (const m of text.matchAll(/\n\s*\n(?=["'‘“(]?[\p{Lu}\p{N}•–-])/gu)) {
      paragraphs.push([begin, m.index]);
      begin = m.index + m[0].length;
    }
    paragraphs.push([begin, text.length]);
  }
  for (const [i, [a, b]] of paragraphs.entries()) {
    const p = el('p', page.paragraphs ? { 'data-n': `${i + 1}` } : {});
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

function turnPage(delta, onError) {
  if (!view) return;
  const next = view.page + delta;
  if (next >= 1 && next <= view.pageCount) openPage(view.docId, next, view.mark, onError);
}

export function initViewer(onError) {
  const dialog = $('documentweergave');
  $('doc-sluiten').addEventListener('click', () => dialog.close());
  $('doc-vorige').addEventListener('click', () => turnPage(-1, onError));
  $('doc-volgende').addEventListener('click', () => turnPage(1, onError));
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
}
