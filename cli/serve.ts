// `raadsarchief serve`: the API and the staff page, until a signal stops the process.
import type { Command } from 'commander';
import { dataDir, trustProxy } from '../lib/config.ts';
import { command, intOption, type Globals } from './common.ts';

export function registerServe(program: Command): void {
  command(program, 'serve', 'serve the API and the staff page')
    .addOption(intOption('--port <n>', 'port', 0, 65535).default(3000))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (o: { port: number; host: string }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const { serve } = await import('../api/serve.ts');
      await serve({ dataDir: dataDir(g.data), port: o.port, host: o.host, apiKey: process.env.API_KEY || undefined, trustProxy: trustProxy() });
      process.stderr.write(`Raadsarchief: http://${o.host}:${o.port}/ (API docs at /docs)\n`);
      await new Promise(() => undefined); // serve until a signal closes the process
    });
}
