// Fixed limits of fetching (the adjustable ones are command-line options).

/** Redirects followed per URL; a 3xx after them is E_REDIRECT. */
export const MAX_REDIRECTS = 5;
/** Requests in flight across all hosts (each host has one at most). */
export const MAX_IN_FLIGHT = 16;
/** Tries of one request: the first and three retries (5xx, 429/503 with Retry-After, network). */
export const MAX_ATTEMPTS = 4;
/** A Retry-After longer than this fails the URL for this run instead of holding the host. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;
export const MAX_BACKOFF_MS = 60_000;
