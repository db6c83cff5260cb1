// The API's own limits, in one place. Sizes are generous for real use and small enough that one
// client cannot tie up the server.
export const apiDefaults = {
  /** JSON bodies: questions and filters are small. */
  bodyLimit: 64 * 1024,
  /** Uploaded files (PDF/TXT/MD). */
  uploadMaxBytes: 50 * 1024 * 1024,
  /** Per client IP on every endpoint; writes are behind the API key as well. */
  rateLimit: { max: 120, timeWindow: '1 minute' },
  /** Searches and questions start in arrival order (api/fair-queue.ts); at most this many wait. Two run at once
   *  so one's lexical search overlaps the other's HNSW search in the vector thread (100k passages, 64 connections:
   *  100 req/s vs 96 with one). 256 waiting searches are about 2.5 s of work at 100k; beyond, a fast 503. */
  queue: { concurrency: 2, maxWaiting: 256 },
  maxQueryChars: 1000,
  maxFilterDocuments: 100,
};
