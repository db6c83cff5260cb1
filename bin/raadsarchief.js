#!/usr/bin/env node
// The CLI entry point (`npx raadsarchief …`). natural prints dotenv banners on stdout unless told not to,
// which would break `--json` output, so quieten it before anything loads.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
