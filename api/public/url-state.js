// What the address bar holds, so a search can be shared, bookmarked and walked with back/forward:
// ?vraag=…&modus=…&document=…&organisatie=…&van=…&tot=…, and weergave=documenten for the documents view.
// A reading list is shared as ?leeslijst=<id>. No DOM here (tested on its own).

export const MODES = ['antwoord', 'hybrid', 'lexical', 'dense'];

const YEAR = /^\d{4}$/;

/** The page state in a query string; unknown or malformed values are dropped, never trusted. */
export function stateFromQuery(search) {
  const p = new URLSearchParams(search);
  const year = (k) => (YEAR.test(p.get(k) ?? '') ? Number(p.get(k)) : null);
  const mode = p.get('modus');
  return {
    view: p.get('weergave') === 'documenten' ? 'documenten' : 'zoeken',
    question: (p.get('vraag') ?? '').slice(0, 1000),
    mode: MODES.includes(mode) ? mode : 'antwoord',
    document: p.get('document') ?? '',
    organisation: p.get('organisatie') ?? '',
    yearFrom: year('van'),
    yearTo: year('tot'),
    list: /^[A-Za-z0-9_-]{22}$/.test(p.get('leeslijst') ?? '') ? p.get('leeslijst') : null,
  };
}

/** The query string for a state: only what differs from the defaults, so links stay short. */
export function queryFromState(s) {
  const p = new URLSearchParams();
  if (s.view === 'documenten') p.set('weergave', 'documenten');
  if (s.question) p.set('vraag', s.question);
  if (s.mode && s.mode !== 'antwoord') p.set('modus', s.mode);
  if (s.document) p.set('document', s.document);
  if (s.organisation) p.set('organisatie', s.organisation);
  if (s.yearFrom != null) p.set('van', String(s.yearFrom));
  if (s.yearTo != null) p.set('tot', String(s.yearTo));
  if (s.list) p.set('leeslijst', s.list);
  const q = p.toString();
  return q ? `?${q}` : '';
}
