// Opens the archive and serves it until SIGINT/SIGTERM, then closes the server and the archive cleanly.
import { openArchive } from '../archive/archive.ts';
import { ask } from '../answer/ask.ts';
import { buildServer } from './server.ts';

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  apiKey?: string;
  trustProxy?: boolean | number | string[];
}

export async function serve(opts: ServeOptions): Promise<void> {
  // watch: what another process (the CLI, a second server) commits to the data folder is picked up within a second.
  const archive = await openArchive({ dataDir: opts.dataDir, watch: true });
  const app = await buildServer(archive, { apiKey: opts.apiKey, trustProxy: opts.trustProxy, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  // The first question after start-up cost ~450 ms (code paths compiled, caches filled) against ~15 ms after:
  // pay it here, before the first member of staff does.
  const t0 = performance.now();
  await ask(archive, { question: 'Wat doet de gemeenteraad?' }).catch(() => undefined);
  app.log.info({ ms: Math.round(performance.now() - t0) }, 'warmed up');
  app.addHook('onClose', async () => archive.close());

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: opts.port, host: opts.host });
}
