// Starts a worker thread that runs a TypeScript module (through lib/ts-worker.mjs, which registers the loader).
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./ts-worker.mjs', import.meta.url);

export function startTsWorker(module: URL): Worker {
  return new Worker(BOOTSTRAP, { workerData: { module: module.href } });
}
