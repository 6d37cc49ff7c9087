import { describe, expect, it } from 'vitest';
import { isLoadUiReply, isOpenImportReply, isPageConfigReply, parseDataChanged, parseTabRequest } from '@/lib/content-guard';
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

const config = { enabled: true, includeCode: false, hoverDelayMs: 300, requireModifier: false, theme: 'auto' };
const pageConfigReplies: Array<[string, unknown, boolean]> = [
  ['the defaults', config, true],
  ['disabled, dark, code, modifier', { enabled: false, includeCode: true, hoverDelayMs: 0, requireModifier: true, theme: 'dark' }, true],
  ['the longest delay', { ...config, hoverDelayMs: 2000 }, true],
  ['a delay above the longest', { ...config, hoverDelayMs: 2001 }, false],
  ['a negative delay', { ...config, hoverDelayMs: -1 }, false],
  ['a fractional delay', { ...config, hoverDelayMs: 12.5 }, false],
  ['a delay as a string', { ...config, hoverDelayMs: '300' }, false],
  ['an unknown theme', { ...config, theme: 'sepia' }, false],
  ['enabled as a string', { ...config, enabled: 'true' }, false],
  ['a missing field', { enabled: true, includeCode: false, hoverDelayMs: 300, requireModifier: false }, false],
  ['an extra field (a feed URL)', { ...config, datasetFeedUrl: 'https://x.example' }, false],
  ['null', null, false],
  ['an array', [config], false],
];

describe('isPageConfigReply', () => {
  it.each(pageConfigReplies)('%s', (_name, raw, valid) => {
    expect(isPageConfigReply(raw)).toBe(valid);
    expect(Messages['page/config'].reply.safeParse(raw).success).toBe(valid);
  });
});
