// The linalg helper thread (started by linalg-helper.ts): runs a kernel over the rows it is given, in shared memory.
import { parentPort } from 'node:worker_threads';
import { runKernel, type Kernel } from './linalg.ts';

parentPort!.on('message', (m: { re: number; job: Kernel; from: number; to: number }) => {
  try {
    runKernel(m.job, m.from, m.to);
    parentPort!.postMessage({ re: m.re, ok: true });
  } catch (e) {
    parentPort!.postMessage({ re: m.re, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
