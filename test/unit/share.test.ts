import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIN_FORMAT_VERSION, PRIORITY_KEYS, PinSchema, type Pin } from '@/lib/pins';
import { decodeSharePayload, encodeSharePayload, pinBytes, SHARE_DECODED_MAX, SHARE_PAYLOAD_MAX } from '@/lib/share';
import { PINS_V1 } from './fixtures/pins-v1';

const pin = structuredClone(PINS_V1[0]) as unknown as Pin;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** Packs any text the way the encoder does, for hand-made (hostile) payloads. */
async function pack(text: string | Uint8Array, version = 1): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  return `${version}.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,24}$/);
/** Text as a user types it: any Unicode (no lone surrogates), trimmed where the schema trims. */
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).filter((s) => s.length <= max);
const pinArbitrary: fc.Arbitrary<Pin> = fc.record({
  formatVersion: fc.constant(PIN_FORMAT_VERSION as 1),
  id: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  title: text(120)
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
  team: text(80).map((s) => s.trim()),
  comparisonId: slug,
  datasetVersion: text(100).filter((s) => s.length > 0),
  rows: fc.record({ differences: fc.array(slug, { maxLength: 8 }), facts: fc.array(slug, { maxLength: 20 }) }),
  priorities: fc.record(
    Object.fromEntries(PRIORITY_KEYS.map((k) => [k, fc.integer({ min: 0, max: 3 })])) as Record<(typeof PRIORITY_KEYS)[number], fc.Arbitrary<number>>,
  ),
  pick: fc.option(slug, { nil: null }),
  note: text(2000),
  snapshot: fc.dictionary(slug, fc.dictionary(slug, text(80), { maxKeys: 2, noNullPrototype: true }), { maxKeys: 6, noNullPrototype: true }),
  createdAt: fc.nat(),
  updatedAt: fc.nat(),
});

describe('share payload: encode and decode', () => {
  it('round-trips random pins (property): what is decoded is the pin that was encoded', async () => {
    let roundTrips = 0;
    await fc.assert(
      fc.asyncProperty(pinArbitrary, async (random) => {
        const valid = PinSchema.parse(random);
        const encoded = await encodeSharePayload(valid);
        if (!encoded.ok) {
          // Only ever refused for being too big for a link.
          expect(pinBytes(valid).byteLength).toBeGreaterThan(SHARE_DECODED_MAX);
          return;
        }
        expect(encoded.payload).toMatch(/^1\.[A-Za-z0-9_-]+$/);
        expect(encoded.payload.length).toBeLessThanOrEqual(SHARE_PAYLOAD_MAX);
        expect(await decodeSharePayload(encoded.payload)).toEqual({ ok: true, pin: valid });
        roundTrips += 1;
      }),
      { numRuns: 150 },
    );
    // Most random pins fit a link: the property really exercised the round trip.
    expect(roundTrips).toBeGreaterThan(100);
  });

  it('refuses random strings without throwing (property)', async () => {
    const base64ish = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), base64ish.map((s) => `1.${s}`), fc.anything()), async (junk) => {
        const read = await decodeSharePayload(junk);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.reason).toMatch(/^This link cannot be imported: /);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every truncation of a valid payload (property)', async () => {
    const encoded = await encodeSharePayload(pin);
    if (!encoded.ok) throw new Error('fixture pin must fit a link');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: encoded.payload.length - 1 }), async (cut) => {
        expect((await decodeSharePayload(encoded.payload.slice(0, cut))).ok).toBe(false);
      }),
      { numRuns: 120 },
    );
  });

  it('a pin over 8 KB gets no payload, with a reason that offers JSON', async () => {
    const big = { ...pin, note: 'x'.repeat(2000), snapshot: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`row-${i}`, { vllm: 'y'.repeat(120) }])) };
    const encoded = await encodeSharePayload(PinSchema.parse(big));
    expect(encoded).toEqual({ ok: false, bytes: expect.any(Number), reason: expect.stringMatching(/more than the 8 KB a share link can carry\. Export it as JSON/) });
  });

  it.each<[string, () => Promise<unknown> | unknown, RegExp]>([
    ['an empty payload', () => '', /carries no pin/],
    ['a number', () => 42, /carries no pin/],
    ['no format number', () => 'eJzLSM3JyVcozy/KSQEAGgQEXQ', /no format number/],
    ['a newer format', () => '2.AAAA', /made by a newer Engine Lens \(link format 2; this one reads 1\)\. Update Engine Lens/],
    ['format 0', () => '0.AAAA', /link format 0 is unknown/],
    ['characters outside base64url', () => '1.abc+/=', /not base64url/],
    ['an impossible base64 length', () => '1.abcde', /not base64url/],
    ['bytes that are not deflate', () => '1.____________', /damaged or cut short/],
    ['deflated text that is not JSON', () => pack('not json at all'), /not JSON/],
    ['deflated bytes that are not UTF-8', () => pack(new Uint8Array([0xff, 0xfe, 0xfd])), /not text/],
    ['JSON that is not a pin', () => pack('{"hello":"world"}'), /not an Engine Lens pin/],
    ['a pin of a newer pin format', () => pack(JSON.stringify({ ...pin, formatVersion: 2 })), /update Engine Lens/],
    ['a tampered pin (priority 9)', () => pack(JSON.stringify({ ...pin, priorities: { ...pin.priorities, cost: 9 } })), /invalid pin: priorities\.cost/],
    ['a tampered pin (note over 2,000 characters)', () => pack(JSON.stringify({ ...pin, note: 'x'.repeat(2001) })), /invalid pin: note/],
    ['a tampered pin (pick with markup)', () => pack(JSON.stringify({ ...pin, pick: '<img src=x onerror=alert(1)>' })), /invalid pin: pick/],
    ['a payload that unpacks to more than 8 KB (a zip bomb)', () => pack(' '.repeat(5_000_000)), /unpacks to more than 8 KB/],
    ['a payload longer than any link', () => `1.${'A'.repeat(SHARE_PAYLOAD_MAX)}`, /longer than any link/],
  ])('refuses %s with a clear reason', async (_name, make, reason) => {
    const read = await decodeSharePayload(await make());
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('drops unknown fields; __proto__, constructor and prototype keys pollute nothing', async () => {
    const json = JSON.stringify({ ...pin, extra: 'dropped', snapshot: { ...pin.snapshot, constructor: { vllm: 'own key' }, prototype: { vllm: 'own key' } } }).replace(
      /^\{/,
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},',
    );
    const read = await decodeSharePayload(await pack(json));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.pin).sort()).toEqual(Object.keys(PinSchema.shape).sort());
    expect(Object.getPrototypeOf(read.pin)).toBe(Object.prototype);
    expect(Object.hasOwn(read.pin.snapshot, 'constructor')).toBe(true);
    expect(read.pin.snapshot.constructor).toEqual({ vllm: 'own key' });
    // A __proto__ row key in a record is dropped (zod skips it): the snapshot keeps a plain prototype.
    const protoRow = await decodeSharePayload(await pack(JSON.stringify(pin).replace('"snapshot":{', '"snapshot":{"__proto__":{"vllm":"x"},')));
    expect(protoRow.ok).toBe(true);
    if (protoRow.ok) {
      expect(Object.hasOwn(protoRow.pin.snapshot, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(protoRow.pin.snapshot)).toBe(Object.prototype);
      expect(protoRow.pin.snapshot).toEqual(pin.snapshot);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });

  it('leaves Object.prototype untouched after everything above', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
