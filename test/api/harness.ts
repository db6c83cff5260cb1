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
  return multipartFiles([[fileName, content]], field, fields);
}

/** A multipart/form-data body with one file field per file, after any plain `fields`. */
export function multipartFiles(files: Array<[string, string | Buffer]>, field = 'file', fields: Record<string, string> = {}) {
  const boundary = `----raadsarchief${Date.now().toString(16)}`;
  const plain = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const parts = files.flatMap(([fileName, content]) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...plain, ...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
