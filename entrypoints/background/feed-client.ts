/**
 * Fetches one feed URL the way a careful client does: a conditional request
 * (ETag / Last-Modified), no cookies or referrer, a 10 s timeout over the
 * whole exchange, a 2 MB limit counted while reading (so a body without a
 * Content-Length cannot exceed it either), and no redirects (a request goes
 * only to the address the user configured). Returns an outcome, never
 * throws. `fetchImpl` is a parameter so tests can stub every bad response.
 */

export const FEED_TIMEOUT_MS = 10_000;
export const FEED_MAX_BYTES = 2 * 1024 * 1024;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'body'; text: string; contentType: string | null; etag: string | null; lastModified: string | null }
  | { kind: 'failed'; reason: string };

export interface FetchOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const MB = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export async function fetchFeed(url: string, validators: Validators, options: FetchOptions = {}): Promise<FetchOutcome> {
  const { fetchImpl = fetch, timeoutMs = FEED_TIMEOUT_MS, maxBytes = FEED_MAX_BYTES } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'failed', reason: 'the feed address is not a URL' };
  }
  if (parsed.protocol !== 'https:') return { kind: 'failed', reason: 'feeds must be served over https' };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  try {
    const response = await fetchImpl(parsed.href, {
      headers,
      signal: controller.signal,
      redirect: 'error',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
    });
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { kind: 'failed', reason: `the feed redirected (HTTP ${response.status}); Engine Lens only fetches the address you set` };
    }
    if (!response.ok) return { kind: 'failed', reason: `the feed answered HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      return { kind: 'failed', reason: `the feed is larger than ${MB(maxBytes)} (${MB(declared)})` };
    }
    const text = await readLimited(response, maxBytes);
    if (text === null) return { kind: 'failed', reason: `the feed is larger than ${MB(maxBytes)}` };
    return {
      kind: 'body',
      text,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } catch (error) {
    if (timedOut) return { kind: 'failed', reason: `the feed did not answer within ${timeoutMs / 1000} s` };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: `could not reach the feed (${message}; a redirect also ends here, since feeds are not followed elsewhere)` };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null as soon as it passes `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}
