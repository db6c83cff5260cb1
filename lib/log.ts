// Diagnostics go to stderr, always: stdout is reserved for results (and for JSON with --json).
const quiet = () => process.env.RAADSARCHIEF_QUIET === '1';

export const log = {
  info(msg: string): void {
    if (!quiet()) process.stderr.write(`${msg}\n`);
  },
  warn(msg: string): void {
    process.stderr.write(`warning: ${msg}\n`);
  },
};
