// Entry of the project's TypeScript worker threads: registers the TypeScript loader (as bin/ does for the main
// thread), then runs the module named by workerData.module (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
