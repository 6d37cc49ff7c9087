import { describe, expect, it } from 'vitest';
import { parseContentRequest } from '@/lib/content-guard';
import { ContentRequestSchemas } from '@/lib/messaging';

/** Parses with the zod schema of the message's own type, like a sender with zod would. */
function zodAccepts(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(ContentRequestSchemas, type)) return false;
  return ContentRequestSchemas[type as keyof typeof ContentRequestSchemas].safeParse(raw).success;
}

const cases: Array<[string, unknown, boolean]> = [
  ['list', { type: 'content/list-mentions' }, true],
  ['list with an extra key', { type: 'content/list-mentions', all: true }, false],
  ['open by selection', { type: 'content/open-card', target: { kind: 'selection' }, focus: true, scroll: false }, true],
  ['open by id', { type: 'content/open-card', target: { kind: 'mention', id: 12 }, focus: true, scroll: true }, true],
  ['open by id 0', { type: 'content/open-card', target: { kind: 'mention', id: 0 }, focus: false, scroll: false }, true],
  ['negative id', { type: 'content/open-card', target: { kind: 'mention', id: -1 }, focus: true, scroll: true }, false],
  ['fractional id', { type: 'content/open-card', target: { kind: 'mention', id: 1.5 }, focus: true, scroll: true }, false],
  ['id as string', { type: 'content/open-card', target: { kind: 'mention', id: '1' }, focus: true, scroll: true }, false],
  ['selection with an id', { type: 'content/open-card', target: { kind: 'selection', id: 1 }, focus: true, scroll: true }, false],
  ['unknown target kind', { type: 'content/open-card', target: { kind: 'first' }, focus: true, scroll: true }, false],
  ['missing focus', { type: 'content/open-card', target: { kind: 'selection' }, scroll: true }, false],
  ['focus as string', { type: 'content/open-card', target: { kind: 'selection' }, focus: 'yes', scroll: true }, false],
  ['extra key', { type: 'content/open-card', target: { kind: 'selection' }, focus: true, scroll: true, html: '<b>' }, false],
  ['target array', { type: 'content/open-card', target: [], focus: true, scroll: true }, false],
  ['background message', { type: 'card/get' }, false],
  ['unknown type', { type: 'content/eval' }, false],
  ['no type', {}, false],
  ['null', null, false],
  ['string', 'content/list-mentions', false],
  ['array', [{ type: 'content/list-mentions' }], false],
];

describe('parseContentRequest (the content script’s zod-free guard)', () => {
  it.each(cases)('%s', (_name, raw, valid) => {
    expect(parseContentRequest(raw) !== null).toBe(valid);
    // The guard and the protocol's schemas agree on every case.
    expect(zodAccepts(raw)).toBe(valid);
  });

  it('returns the message itself when valid', () => {
    const message = { type: 'content/list-mentions' };
    expect(parseContentRequest(message)).toBe(message);
  });
});
