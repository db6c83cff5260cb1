// `fetch-model` against a local HTTP server that serves the tiny test model in the hub's file layout
// (/<owner>/<name>/resolve/main/<file>): the files land in the data folder, EMBEDDER=e5 then loads them without
// EMBED_MODEL_DIR, and failures are ERR_MODEL_DOWNLOAD with nothing half-written left behind.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activeModelDir, fetchModel } from '../../index/embedders/fetch-model.ts';
import { loadEmbedder } from '../../index/embedders/load.ts';
import { main } from '../../cli/main.ts';
import { writeTinyE5Model } from './e5-tiny-model.ts';

let root: string;
let server: Server;
let hub: string;
const requests: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fetch-model-'));
  writeTinyE5Model(join(root, 'hub', 'test', 'tiny-e5'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/([\w.-]+\/[\w.-]+)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const path = m ? normalize(join(root, 'hub', m[1], m[2])) : '';
    if (m?.[1] === 'test/cut-off') {
      // Promises more bytes than it sends: the client must notice.
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"a": 1}', () => res.socket?.destroy());
      return;
    }
    if (!path.startsWith(join(root, 'hub')) || !existsSync(path)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe('fetch-model', () => {
  it('downloads the model files in the hub layout (int8 ONNX first, then full precision) and marks the model active', async () => {
    const data = join(root, 'data1');
    const r = await fetchModel({ model: 'test/tiny-e5', dataDir: data, hub });
    expect(r.dir).toBe(join(data, 'models', 'test', 'tiny-e5'));
    expect(r.files.map((f) => f.file)).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']);
    expect(requests).toContain('/test/tiny-e5/resolve/main/onnx/model_quantized.onnx');
    expect(readFileSync(join(r.dir, 'onnx', 'model.onnx'))).toEqual(readFileSync(join(root, 'hub', 'test', 'tiny-e5', 'onnx', 'model.onnx')));
    expect(activeModelDir(data)).toBe(r.dir);

    vi.stubEnv('EMBED_MODEL_DIR', '');
    delete process.env.EMBED_MODEL_DIR;
    const { embedder, note } = await loadEmbedder({ preference: 'e5', stateDir: data, tokenize: (t) => t.split(' ') });
    expect(embedder.name).toBe('e5:tiny-e5-fp32');
    expect(note).toContain(r.dir);
    expect((await embedder.embedQuery('wie stelt de begroting vast?')).length).toBe(embedder.dimension);
  }, 60_000);

  it('the CLI command does the same, with --hub', async () => {
    const data = join(root, 'data2');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--data', data, 'fetch-model', 'test/tiny-e5', '--hub', hub, '--json'])).toBe(0);
      expect(JSON.parse(String(write.mock.calls.at(-1)![0])).dir).toBe(join(data, 'models', 'test', 'tiny-e5'));
    } finally {
      write.mockRestore();
      err.mockRestore();
    }
  });

  it('fails with ERR_MODEL_DOWNLOAD on a missing model or a cut-off file, leaving no .part file', async () => {
    const data = join(root, 'data3');
    await expect(fetchModel({ model: 'test/absent', dataDir: data, hub })).rejects.toMatchObject({ code: 'ERR_MODEL_DOWNLOAD' });
    expect(activeModelDir(data)).toBeNull();
    await expect(fetchModel({ model: 'test/cut-off', dataDir: data, hub })).rejects.toMatchObject({ code: 'ERR_MODEL_DOWNLOAD' });
    expect(readdirSync(join(data, 'models', 'test', 'cut-off'))).toEqual([]);
    await expect(fetchModel({ model: 'x/../y', dataDir: data, hub })).rejects.toMatchObject({ code: 'ERR_USAGE' });
  });
});
