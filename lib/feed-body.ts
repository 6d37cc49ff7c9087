/**
 * Reads what a feed sent: the body's text and its Content-Type, into a
 * validated dataset (dataset feed) or validated pins (team feed), or a reason
 * a person can act on. Pure; the fetching (timeout, size limit, redirects)
 * is the worker's feed client. Nothing here throws.
 */
import { inertStrings } from './inert-text';
import { loadSourceDataset } from './normalize';
import { readPinsDocument } from './pins';
import { clip, SOURCE_FORMAT_VERSION, type Dataset } from './schema';
import type { Pin } from './pins';

export type FeedRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses a body as JSON, or says what it is instead (empty, a web page, cut off). */
export function parseFeedJson(text: string, contentType: string | null): FeedRead<unknown> {
  if (text.trim() === '') return { ok: false, reason: 'the feed sent an empty response' };
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('html') || /^\s*</.test(text)) {
    return { ok: false, reason: 'the feed sent a web page instead of JSON (a sign-in or error page?)' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the feed's JSON is malformed or cut off (${clip(detail, 120)})` };
  }
}

/** A dataset feed's body: the published format (like assets/data), validated and normalized. */
export function readDatasetFeed(text: string, contentType: string | null): FeedRead<Dataset> {
  const json = parseFeedJson(text, contentType);
  if (!json.ok) return json;
  const format = typeof json.value === 'object' && json.value !== null ? (json.value as { formatVersion?: unknown }).formatVersion : undefined;
  if (typeof format === 'number' && format > SOURCE_FORMAT_VERSION) {
    return {
      ok: false,
      reason: `the feed uses dataset format ${format}, newer than this Engine Lens understands (${SOURCE_FORMAT_VERSION}); update Engine Lens`,
    };
  }
  try {
    return { ok: true, value: loadSourceDataset(inertStrings(json.value)) };
  } catch (error) {
    return { ok: false, reason: `the feed's data is not a valid dataset: ${clip(error instanceof Error ? error.message : String(error), 400)}` };
  }
}

/** A team feed's body: one pin or a pins document. */
export function readTeamFeed(text: string, contentType: string | null): FeedRead<Pin[]> {
  const json = parseFeedJson(text, contentType);
  if (!json.ok) return json;
  const read = readPinsDocument(inertStrings(json.value));
  return read.ok ? { ok: true, value: read.pins } : { ok: false, reason: `the team feed is not valid: ${read.reason}` };
}
