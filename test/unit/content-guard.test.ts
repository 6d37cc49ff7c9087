import { describe, expect, it } from 'vitest';
import { isLoadUiReply, isOpenImportReply, parseDataChanged, parseTabRequest } from '@/lib/content-guard';
import { DataChangedSchema, Messages, TabMessages } from '@/lib/messaging';

/** Parses with the zod schema of the message's own type, like a sender with zod would. */
function zodAcceptsTabRequest(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(TabMessages, type)) return false;
  return TabMessages[type as keyof typeof TabMessages].request.safeParse(raw).success;
}

const tabRequests: Array<[string, unknown, boolean]> = [
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
  ['background message', { type: 'card/get', comparisonId: 'x' }, false],
  ['the push is not a request', { type: 'data/changed', changed: ['dataset'] }, false],
  ['unknown type', { type: 'content/eval' }, false],
  ['prototype key as type', { type: '__proto__' }, false],
  ['no type', {}, false],
  ['null', null, false],
  ['string', 'content/list-mentions', false],
  ['array', [{ type: 'content/list-mentions' }], false],
];

describe('parseTabRequest (the content script’s zod-free guard)', () => {
  it.each(tabRequests)('%s', (_name, raw, valid) => {
    expect(parseTabRequest(raw) !== null).toBe(valid);
    // The guard and the protocol's schemas agree on every case.
    expect(zodAcceptsTabRequest(raw)).toBe(valid);
  });

  it('returns the message itself when valid', () => {
    const message = { type: 'content/list-mentions' };
    expect(parseTabRequest(message)).toBe(message);
  });
});

const pushes: Array<[string, unknown, boolean]> = [
  ['dataset', { type: 'data/changed', changed: ['dataset'] }, true],
  ['all three', { type: 'data/changed', changed: ['dataset', 'pins', 'settings'] }, true],
  ['empty list', { type: 'data/changed', changed: [] }, false],
  ['four entries', { type: 'data/changed', changed: ['dataset', 'pins', 'settings', 'pins'] }, false],
  ['unknown kind', { type: 'data/changed', changed: ['everything'] }, false],
  ['not a list', { type: 'data/changed', changed: 'dataset' }, false],
  ['extra key', { type: 'data/changed', changed: ['pins'], pins: [] }, false],
  ['other type', { type: 'data/updated', changed: ['pins'] }, false],
  ['null', null, false],
];

describe('parseDataChanged', () => {
  it.each(pushes)('%s', (_name, raw, valid) => {
    expect(parseDataChanged(raw) !== null).toBe(valid);
    expect(DataChangedSchema.safeParse(raw).success).toBe(valid);
  });
});

const loadUiReplies: Array<[string, unknown, boolean]> = [
  ['injected', { injected: true }, true],
  ['already there', { injected: false }, true],
  ['string', { injected: 'yes' }, false],
  ['missing', {}, false],
  ['null', null, false],
];

describe('isLoadUiReply', () => {
  it.each(loadUiReplies)('%s', (_name, raw, valid) => {
    expect(isLoadUiReply(raw)).toBe(valid);
    expect(Messages['card/load-ui'].reply.safeParse(raw).success).toBe(valid);
  });
});

describe('isOpenImportReply', () => {
  it.each<[string, unknown, boolean]>([
    ['opened', { opened: true }, true],
    ['not opened', { opened: false }, true],
    ['string', { opened: 'yes' }, false],
    ['missing', {}, false],
    ['null', null, false],
  ])('%s', (_name, raw, valid) => {
    expect(isOpenImportReply(raw)).toBe(valid);
    expect(Messages['pins/open-import'].reply.safeParse(raw).success).toBe(valid);
  });
});
