// `raadsarchief fetch-model [owner/name]`: download a pretrained E5 model into the data folder (for machines that can
// reach a model hub); EMBEDDER=e5 then uses it, and `reindex` re-embeds the archive with it.
import type { Command } from 'commander';
import { dataDir, embedderDefaults } from '../lib/config.ts';
import { fetchModel } from '../index/embedders/fetch-model.ts';
import { command, print, type Globals } from './common.ts';

export function registerFetchModel(program: Command): void {
  command(program, 'fetch-model', `download a pretrained E5 model into <data>/models (default ${embedderDefaults.e5.model})`)
    .argument('[model]', 'hub model id, owner/name', embedderDefaults.e5.model)
    .option('--hub <url>', 'hub base URL (env HF_ENDPOINT, default the public hub)')
    .option('--fp32', 'the full-precision ONNX file instead of the int8 one')
    .action(async (model: string, o: { hub?: string; fp32?: boolean }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const r = await fetchModel({
        model, dataDir: dataDir(g.data), hub: o.hub, fp32: o.fp32,
        onFile: (file, bytes) => process.stderr.write(`${file}  ${(bytes / 1e6).toFixed(1)} MB\n`),
      });
      print(g.json, r, () => `model in ${r.dir}; use it with EMBEDDER=e5 (or auto), then run \`raadsarchief reindex\``);
    });
}
