// The staff web page: a handful of files from api/public/, read once at start-up and served with a
// strict Content-Security-Policy (everything from this origin, nothing inline, nothing external).
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const PUBLIC_DIR = join(import.meta.dirname, 'public');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

export function registerStaticPage(app: FastifyInstance): void {
  for (const name of readdirSync(PUBLIC_DIR)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(PUBLIC_DIR, name));
    const url = name === 'index.html' ? '/' : `/${name}`;
    // Outside the rate limit: the page's own files are fixed, cheap and cached; counting them spent a busy user's
    // budget (429 after 106 loads of style.css) before a single search.
    app.get(url, { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) =>
      reply
        .type(type)
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(body),
    );
  }
}
