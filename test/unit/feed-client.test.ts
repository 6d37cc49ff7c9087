/**
 * The feed client and the feed body reader against every bad response the
 * freshness issue lists, with a stubbed fetch: each is survived with a reason
 * a person can act on, and nothing usable is returned from it.
 */
import { describe, expect, it, vi } from 'vitest';
import { fetchFeed, FEED_MAX_BYTES } from '@/entrypoints/background/feed-client';
import sourceJson from '@/assets/data/vllm-vs-tensorrt-llm.json';
import { readDatasetFeed, readTeamFeed } from '@/lib/feed-body';
import { pinsDocument } from '@/lib/pins';
import { PINS_V1 } from './fixtures/pins-v1';

const FEED = 'https://feeds.example.com/vllm-vs-tensorrt-llm.json';
const none = { etag: null, lastModified: null };
const json = (value: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
const stub = (respond: (url: string, init: RequestInit) => Response | Promise<Response>) =>
  vi.fn(async (url: string | URL | Request, init?: RequestInit) => respond(String(url), init ?? {})) as unknown as typeof fetch;

/** What a dataset feed serving `body` ends in: the client, then the body reader. */
async function datasetFrom(respond: (url: string, init: RequestInit) => Response | Promise<Response>, options = {}) {
  const outcome = await fetchFeed(FEED, none, { fetchImpl: stub(respond), ...options });
  if (outcome.kind === 'failed') return { ok: false as const, reason: outcome.reason };
  if (outcome.kind === 'not-modified') return { ok: false as const, reason: 'not modified' };
  return readDatasetFeed(outcome.text, outcome.contentType);
}

const newer = { ...structuredClone(sourceJson), version: '2026-07-01.1' };

describe('feed client: conditional requests', () => {
  it('sends the stored validators, omits cookies and referrer, refuses redirects', async () => {
    const fetchImpl = stub(() => new Response(null, { status: 304 }));
    const outcome = await fetchFeed(FEED, { etag: '"v1"', lastModified: 'Wed, 24 Jun 2026 10:00:00 GMT' }, { fetchImpl });
    expect(outcome).toEqual({ kind: 'not-modified' });
    const init = (fetchImpl as unknown as ReturnType<typeof vi.fn>).mock.calls[0]![1] as RequestInit;
    expect(init.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Wed, 24 Jun 2026 10:00:00 GMT' });
    expect(init).toMatchObject({ redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('returns the body with its validators', async () => {
    const outcome = await fetchFeed(FEED, none, {
      fetchImpl: stub(() => json(newer, { headers: { etag: '"v2"', 'last-modified': 'Wed, 01 Jul 2026 10:00:00 GMT', 'content-type': 'application/json' } })),
    });
    expect(outcome).toMatchObject({ kind: 'body', etag: '"v2"', lastModified: 'Wed, 01 Jul 2026 10:00:00 GMT' });
  });

  it('never fetches a non-https address', async () => {
    const fetchImpl = stub(() => json(newer));
    expect(await fetchFeed('http://feeds.example.com/d.json', none, { fetchImpl })).toMatchObject({ kind: 'failed', reason: /https/ });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('every bad response is survived with a reason', () => {
  const big = 'x'.repeat(FEED_MAX_BYTES + 1);
  const cases: Array<[string, (url: string, init: RequestInit) => Response | Promise<Response>, RegExp]> = [
    ['HTTP 404', () => new Response('Not found', { status: 404 }), /HTTP 404/],
    ['HTTP 500', () => new Response('Oops', { status: 500 }), /HTTP 500/],
    [
      'HTML instead of JSON (a captive portal)',
      () => new Response('<!doctype html><title>Sign in to the Wi-Fi</title>', { status: 200, headers: { 'content-type': 'text/html' } }),
      /web page instead of JSON/,
    ],
    ['HTML served as JSON', () => new Response('<html><body>error</body></html>', { status: 200, headers: { 'content-type': 'application/json' } }), /web page/],
    ['an empty body', () => new Response('', { status: 200 }), /empty response/],
    ['truncated JSON', () => new Response(JSON.stringify(newer).slice(0, 5000), { status: 200 }), /malformed or cut off/],
    ['valid JSON of the wrong shape', () => json({ hello: 'world' }), /not a valid dataset/],
    ['a dataset with a newer format version', () => json({ ...newer, formatVersion: 2 }), /newer than this Engine Lens understands.*update Engine Lens/],
    ['a body over the limit with a Content-Length', () => new Response(big, { status: 200, headers: { 'content-length': String(big.length) } }), /larger than 2 MB/],
    [
      'a body over the limit without a Content-Length (streamed)',
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)));
              controller.close();
            },
          }),
          { status: 200 },
        ),
      /larger than 2 MB/,
    ],
    [
      'a redirect to a non-https URL (fetch refuses it: redirect "error")',
      (_url, init) => {
        if (init.redirect === 'error') throw new TypeError('Failed to fetch: redirect mode is "error"');
        return new Response(null, { status: 302, headers: { location: 'http://evil.example/d.json' } });
      },
      /could not reach the feed.*redirect/,
    ],
    ['a redirect answered as such', () => new Response(null, { status: 301, headers: { location: 'http://evil.example/' } }), /redirected/],
  ];

  it.each(cases)('%s', async (_name, respond, reason) => {
    const result = await datasetFrom(respond);
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toMatch(reason);
    expect('value' in result).toBe(false);
  });

  it('a response slower than the timeout', async () => {
    vi.useFakeTimers();
    const slow = stub(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = fetchFeed(FEED, none, { fetchImpl: slow });
    await vi.advanceTimersByTimeAsync(10_001);
    expect(await pending).toEqual({ kind: 'failed', reason: 'the feed did not answer within 10 s' });
    vi.useRealTimers();
  });
});

describe('feed bodies', () => {
  it('reads a newer dataset in the published format', () => {
    const read = readDatasetFeed(JSON.stringify(newer), 'application/json');
    expect(read).toMatchObject({ ok: true, value: { version: '2026-07-01.1' } });
  });

  it('keeps markup as text and makes bidi controls visible and inert', () => {
    const hostile = structuredClone(newer);
    hostile.comparisons[0]!.title = '<img src=x onerror=alert(1)> vLLM \u202Eevil\u202C wins';
    const read = readDatasetFeed(JSON.stringify(hostile), 'application/json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.comparisons[0]!.title).toBe('<img src=x onerror=alert(1)> vLLM [U+202E]evil[U+202C] wins');
  });

  it('reads a team feed serving a document or one pin, and refuses a bad one', () => {
    const pins = PINS_V1 as unknown as Parameters<typeof pinsDocument>[0];
    expect(readTeamFeed(JSON.stringify(pinsDocument(pins, new Date())), 'application/json')).toMatchObject({ ok: true });
    expect(readTeamFeed(JSON.stringify(pins[0]), null)).toMatchObject({ ok: true });
    expect(readTeamFeed('{"formatVersion":1}', null)).toMatchObject({ ok: false, reason: /team feed is not valid/ });
  });
});
