/**
 * The share payload: one pin, versioned and URL-safe. `1.` (the format) then
 * the base64url (no padding) of the pin's JSON compressed with the platform's
 * own `CompressionStream('deflate-raw')`; no home-made codec. Pure apart from
 * those web-platform streams, which Node and every supported browser have.
 *
 * Decoding treats the payload as hostile: bounded before and while it is
 * inflated (at most {@link SHARE_DECODED_MAX} bytes come out, whatever the
 * input claims), strict UTF-8, JSON.parse (which makes `__proto__` an own
 * key, never a prototype), then lib/pins.ts's `readPin` (zod: unknown fields
 * dropped, a fresh object of known keys). Every failure is a reason string;
 * nothing throws.
 */
import { readPin, type Pin } from './pins';
import { SHARE_DECODED_MAX, SHARE_FORMAT_VERSION, SHARE_PAYLOAD_MAX } from './share-link';

export { SHARE_DECODED_MAX, SHARE_FORMAT_VERSION, SHARE_PAYLOAD_MAX };

export type EncodeResult = { ok: true; payload: string; bytes: number } | { ok: false; reason: string; bytes: number };
export type DecodeResult = { ok: true; pin: Pin } | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `limit` bytes; null when the data is damaged or inflates to more. */
async function inflateBounded(bytes: Uint8Array, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: `it unpacks to more than ${limit / 1024} KB, more than a shared pin may have` };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'it is damaged or cut short (it does not unpack)' };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}

/** The pin's JSON as UTF-8: what the 8 KB limit measures. */
export function pinBytes(pin: Pin): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(pin));
}

/**
 * The payload for `pin`, or a reason when the pin is too big for a link
 * (more than {@link SHARE_DECODED_MAX} bytes of JSON).
 */
export async function encodeSharePayload(pin: Pin): Promise<EncodeResult> {
  const json = pinBytes(pin);
  if (json.byteLength > SHARE_DECODED_MAX) {
    return {
      ok: false,
      bytes: json.byteLength,
      reason: `This pin is ${(json.byteLength / 1024).toFixed(1)} KB, more than the ${SHARE_DECODED_MAX / 1024} KB a share link can carry. Export it as JSON instead.`,
    };
  }
  return { ok: true, payload: `${SHARE_FORMAT_VERSION}.${toBase64Url(await deflate(json))}`, bytes: json.byteLength };
}

/** Reads a payload (the part after `#engine-lens=`). Never throws. */
export async function decodeSharePayload(payload: unknown): Promise<DecodeResult> {
  const fail = (why: string): DecodeResult => ({ ok: false, reason: `This link cannot be imported: ${why}.` });
  try {
    if (typeof payload !== 'string' || payload.length === 0) return fail('it carries no pin');
    if (payload.length > SHARE_PAYLOAD_MAX) return fail('it is longer than any link Engine Lens writes');
    const tag = /^(\d{1,4})\.(.*)$/s.exec(payload);
    if (!tag) return fail('it is not an Engine Lens share link (no format number)');
    const version = Number(tag[1]);
    if (version > SHARE_FORMAT_VERSION) {
      return fail(`it was made by a newer Engine Lens (link format ${version}; this one reads ${SHARE_FORMAT_VERSION}). Update Engine Lens to import it`);
    }
    if (version !== SHARE_FORMAT_VERSION) return fail(`link format ${version} is unknown`);
    const packed = fromBase64Url(tag[2] ?? '');
    if (!packed || packed.length === 0) return fail('it is damaged (not base64url)');
    const inflated = await inflateBounded(packed, SHARE_DECODED_MAX);
    if (!inflated.ok) return fail(inflated.reason);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
    } catch {
      return fail('it is damaged (not text)');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail('it is damaged (not JSON)');
    }
    const read = readPin(json);
    return read.ok ? { ok: true, pin: read.pin } : fail(read.reason);
  } catch (error) {
    return fail(`it could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
