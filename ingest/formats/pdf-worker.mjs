// Worker thread that parses one PDF per message with pdf-parse (pdf.js). Plain JS so it runs without a TS
// loader. It lives in its own thread so the parent can cut off a parse that hangs or eats memory.
// Message in:  { id, data: Uint8Array, maxPages, password? }
// Message out: { id, ok: true, total, pages: [{ page, text }], info: { title?, author?, creationDate? } }
//           or { id, ok: false, name, message }
import { parentPort } from 'node:worker_threads';

// pdfjs-dist's legacy build installs core-js's JavaScript Array.prototype.push on Node 20 (its feature check for a
// spec corner case, lengths near 2^53, fails there). That stand-in was the top self-time entry of parsing (~20%);
// this thread only runs pdf.js, so the native push is put back.
const nativePush = Array.prototype.push;
const { PDFParse } = await import('pdf-parse');
if (Array.prototype.push !== nativePush) Array.prototype.push = nativePush;

function str(v) {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function isoDate(infoResult) {
  try {
    const d = infoResult.getDateNode().CreationDate;
    if (d instanceof Date && !Number.isNaN(d.getTime())) return d.toISOString();
  } catch {
    // An unparsable date is not worth failing the file for.
  }
  return str(infoResult.info?.CreationDate);
}

/** Text of every page. A page that pdf.js cannot read becomes empty, so one bad page does not cost the file. */
async function pageTexts(parser, total) {
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => ({ page: p.num, text: p.text }));
  } catch (whole) {
    if (whole?.name === 'PasswordException') throw whole;
    const pages = [];
    let anyRead = false;
    for (let i = 1; i <= total; i++) {
      try {
        const r = await parser.getText({ partial: [i], pageJoiner: '' });
        pages.push({ page: i, text: r.pages[0]?.text ?? '' });
        anyRead = true;
      } catch {
        pages.push({ page: i, text: '' });
      }
    }
    if (!anyRead) throw whole;
    return pages;
  }
}

async function parse(data, maxPages, password) {
  const parser = new PDFParse({ data, password, verbosity: 0, maxImageSize: 1 });
  try {
    const info = await parser.getInfo();
    const total = info.total;
    // A bogus /Count (e.g. 213 million pages in a 340-byte file) would make pdf.js loop "forever".
    if (total > maxPages) {
      return { ok: false, name: 'BogusPageCount', message: `claims ${total} pages, more than its size allows` };
    }
    const pages = total === 0 ? [] : await pageTexts(parser, total);
    return {
      ok: true,
      total,
      pages,
      info: { title: str(info.info?.Title), author: str(info.info?.Author), creationDate: isoDate(info) },
    };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

parentPort.on('message', async ({ id, data, maxPages, password }) => {
  let reply;
  try {
    reply = await parse(data, maxPages, password);
  } catch (e) {
    reply = { ok: false, name: e?.name ?? 'Error', message: String(e?.message ?? e) };
  }
  parentPort.postMessage({ id, ...reply });
});
