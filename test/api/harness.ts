// Shared set-up for the API tests: the real archive over the bundled corpus in a temporary data dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { buildServer, type ServerOptions } from '../../api/server.ts';
import { corpusFiles } from '../corpus.ts';


export interface Harness {
  archive: Archive;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startHarness(opts: ServerOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'raadsarchief-api-'));
  const archive = await openArchive({ dataDir });
  const outcomes = await archive.ingestFiles(corpusFiles());
  const failed = outcomes.filter((o) => o.status === 'skipped');
  if (failed.length > 0) throw new Error(`corpus ingest failed: ${failed.map((o) => `${o.file}: ${o.reason}`).join('; ')}`);
  const app = await buildServer(archive, opts);
  return {
    archive,
    app,
    async close() {
      await app.close();
      await archive.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file field, built by hand (no form-data dependency). */
export function multipartFile(fileName: string, content: string | Buffer, field = 'file', fields: Record<string, string> = {}) {
  const boundary = `----raadsarchief${Date.now().toString(16)}`;
  const before = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const head = `${before}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
