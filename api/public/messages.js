// Every message the page can show about the API, in Dutch. The API keeps its error codes (lib/errors.ts, the closed
// catalogue); this file maps each code, and each field of a validation error, to Dutch text. No DOM here, so the
// tests check it against the catalogue.

/** "1 pagina", "3 pagina’s". */
export function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** "50 MB" from bytes. */
export function sizeText(bytes) {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/** A code's text, or a function of the error (its field, limit, retryAfter) where the text depends on them. */
export const ERROR_TEXTS = {
  ERR_FILE_UNREADABLE: 'Het bestand kon niet worden gelezen.',
  ERR_FILE_EMPTY: 'Het bestand is leeg.',
  ERR_UNSUPPORTED_TYPE: 'Dit soort bestand kan het archief niet lezen.',
  ERR_FILE_CORRUPT: 'Het bestand is beschadigd.',
  ERR_FILE_ENCRYPTED: 'Het bestand is beveiligd met een wachtwoord; sla het op zonder wachtwoord en voeg het opnieuw toe.',
  ERR_PDF_ENCRYPTED: 'De pdf is beveiligd met een wachtwoord; vul het wachtwoord in en voeg het bestand opnieuw toe.',
  ERR_PDF_PASSWORD: 'Het wachtwoord opent deze beveiligde pdf niet.',
  ERR_PDF_MALFORMED: 'De pdf is beschadigd.',
  ERR_PDF_NO_PAGES: 'De pdf heeft geen pagina’s.',
  ERR_PDF_NO_TEXT: 'Gescande pdf zonder tekstlaag: er is geen tekst uit te halen.',
  ERR_PARSE_TIMEOUT: 'Het lezen van het bestand duurde te lang.',
  ERR_TOO_LARGE: (e) => (e.limit ? `Te groot: de grens is ${sizeText(e.limit)}.` : 'Te groot.'),
  ERR_TOO_MANY_FILES: (e) => `Te veel bestanden tegelijk${e.limit ? `: de grens is ${e.limit}` : ''}.`,
  ERR_NO_TEXT: 'Na het opschonen bleef er geen tekst over.',
  ERR_TEXT_ENCODING: 'De tekst is in geen bekende tekenset te lezen.',
  ERR_DOC_NOT_FOUND: 'Dit document staat niet (meer) in het archief.',
  ERR_PAGE_NOT_FOUND: 'Deze pagina bestaat niet.',
  ERR_LIST_NOT_FOUND: 'Deze leeslijst bestaat niet (meer).',
  ERR_LIST_ITEM_NOT_FOUND: 'Dit onderdeel staat niet (meer) op de leeslijst.',
  ERR_LIST_FULL: (e) => `De grens is bereikt${e.limit ? ` (${e.limit})` : ''}: verwijder eerst iets.`,
  ERR_EMBEDDER_MISMATCH: 'Het archief moet opnieuw worden geïndexeerd; vraag het de beheerder.',
  ERR_MODEL_UNAVAILABLE: 'Zoeken op betekenis werkt nu niet: het taalmodel is niet beschikbaar.',
  ERR_MODEL_DOWNLOAD: 'Het taalmodel kon niet worden gedownload; vraag de beheerder.',
  ERR_STORE_VERSION: 'Het archief is gemaakt door een nieuwere versie van het programma; vraag de beheerder.',
  ERR_INDEX_CORRUPT: 'De zoekindex is beschadigd; vraag de beheerder hem opnieuw op te bouwen.',
  ERR_BAD_REQUEST: (e) => fieldText(e.field),
  ERR_UNAUTHORIZED: 'De API-sleutel ontbreekt of klopt niet.',
  ERR_USAGE: 'De invoer is niet geldig.',
  ERR_NO_ARCHIVE: 'Er is nog geen archief: voeg eerst documenten toe.',
  ERR_WRITES_DISABLED: 'Toevoegen en wijzigen staan uit: de server is zonder API-sleutel gestart.',
  ERR_NOT_FOUND: 'Dit adres bestaat niet.',
  ERR_RATE_LIMITED: 'Te veel verzoeken achter elkaar; probeer het over een minuut opnieuw.',
  ERR_BUSY: (e) => `De server is druk; probeer het over ${e.retryAfter ?? 'enkele'} seconden opnieuw.`,
  ERR_INTERNAL: 'Er ging iets mis op de server.',
};

/** A 401 on a request that carried a key: that key is wrong (the page then forgets it). */
export const KEY_REJECTED = 'De API-sleutel klopt niet en is vergeten. Voer onder ‘Beheer’ de juiste sleutel in.';

/** Validation errors name a field (e.g. "filters.yearFrom"); the first part says what to fix. */
const FIELD_TEXTS = [
  [/^(query|question)$/, 'Typ een vraag van hoogstens 1000 tekens.'],
  [/^filters\.year/, 'Controleer de jaartallen: tussen 1800 en 2100, en “Jaar vanaf” niet na “Jaar tot en met”.'],
  [/^filters\.documents/, 'Kies een document uit de lijst.'],
  [/^filters\.organisation/, 'Kies een organisatie uit de lijst.'],
  [/^(k|mode|filters)$/, 'Deze zoekinstelling is niet geldig.'],
  [/^name$/, 'Geef de leeslijst een naam van hoogstens 200 tekens.'],
  [/^note$/, 'De notitie is te lang (hoogstens 4000 tekens).'],
  [/^(text|source|kind|question)/, 'Dit fragment kan niet op de leeslijst.'],
  [/^items$/, 'De volgorde kon niet worden bewaard; laad de leeslijst opnieuw.'],
  [/^(id|itemId|params)$/, 'Dit adres verwijst niet naar een bestaand onderdeel.'],
];

export function fieldText(field) {
  for (const [re, text] of FIELD_TEXTS) if (field && re.test(field)) return text;
  return 'De invoer is niet geldig.';
}

/** Dutch text for an API error body (`{ code, message, field?, limit? }`), never the API's English message. */
export function errorText(error, retryAfter) {
  const text = error && ERROR_TEXTS[error.code];
  if (typeof text === 'function') return text({ ...error, retryAfter });
  if (text) return text;
  return `Er ging iets mis${error?.code ? ` (${error.code})` : ''}.`;
}

/** One upload's outcome in Dutch (archive/api.ts IngestOutcome). */
export function outcomeText(o) {
  const size = o.pages ? ` (${count(o.pages, 'pagina', 'pagina’s')}, ${count(o.passages ?? 0, 'passage', 'passages')})` : '';
  if (o.status === 'ingested') return `Toegevoegd${size}.`;
  if (o.status === 'replaced') return `Vervangen door deze nieuwe versie${size}.`;
  if (o.status === 'unchanged') return 'Ongewijzigd: dit bestand stond er al.';
  if (o.status === 'duplicate') return 'Niet opnieuw toegevoegd: dezelfde inhoud staat al in het archief.';
  return `Overgeslagen: ${errorText({ code: o.code, limit: o.limit })}`;
}
