// Entry of the vector index thread: registers the TypeScript loader (as bin/ does for the main thread), then runs
// index/vector-thread-main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./vector-thread-main.ts');
