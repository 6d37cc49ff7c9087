import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, send } from '@/lib/browser/send';
import { sendGuarded } from '@/lib/browser/send-guarded';
import { bundledDataset } from '@/lib/bundled-dataset';
import { selectCardData } from '@/lib/card-data';
import { isLoadUiReply } from '@/lib/content-guard';
import { Messages, TabMessages } from '@/lib/messaging';
import { unwrapReply } from '@/lib/reply';
import { createRouter, type Handlers } from '@/lib/router';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const self = { extensionId: fakeBrowser.runtime.id, extensionOrigin: 'chrome-extension://test/' };
const page = { id: fakeBrowser.runtime.id, url: 'chrome-extension://test/popup.html' };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unstubbed = Object.fromEntries(
    Object.keys(Messages).map((type) => [type, async () => Promise.reject(new Error(`${type} is not stubbed`))]),
  ) as unknown as Handlers;
  return {
    ...unstubbed,
    'dataset/get': async () => bundledDataset(),
    'status/get': async () => ({
      datasetVersion: 'v1',
      source: 'store',
      repairReason: null,
      log: [{ at: 1, kind: 'install', message: 'loaded' }],
      unreadableLogRows: 0,
    }),
    'card/get': async ({ comparisonId }) => selectCardData(bundledDataset(), comparisonId),
    'card/load-ui': async () => ({ injected: true }),
    'comparison/open': async () => ({ opened: true }),
    'dataset/reset': async () => ({ datasetVersion: 'v1' }),
    'settings/get': async () => DEFAULT_SETTINGS,
    'settings/update': async () => DEFAULT_SETTINGS,
    'pins/list': async () => ({ pins: [], activeId: null, unreadable: [] }),
    'pins/save': async () => Promise.reject(new Error('not used')),
    'pins/delete': async () => ({ deleted: true }),
    'pins/set-active': async ({ id }) => ({ activeId: id }),
    'pins/import': async () => ({ imported: [] }),
    'pins/team-pick': async () => null,
    'pins/open-import': async () => ({ opened: true }),
    'page/config': async () => ({ enabled: true, includeCode: false, hoverDelayMs: 300, requireModifier: false, theme: 'auto' }),
    'storage/usage': async () => ({ databaseBytes: 1, syncBytes: 2, syncQuotaBytes: 102400, localBytes: 3 }),
    'data/reset': async () => ({ datasetVersion: 'v1', pinsDeleted: false }),
    ...overrides,
  };
}

/** Wires `send` to a router, the way the worker's onMessage listener does. */
function connect(h: Handlers) {
  const route = createRouter(h, self);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => route(message, page)) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the message table', () => {
  it.each(Object.entries({ ...Messages, ...TabMessages }))('"%s" is declared once, under its own type', (type, spec) => {
    expect(spec.request.shape.type.value).toBe(type);
    expect(typeof spec.privileged).toBe('boolean');
  });

  it('privileged messages are exactly those that change data or hold private data', () => {
    const privileged = Object.entries(Messages)
      .filter(([, spec]) => spec.privileged)
      .map(([type]) => type);
    expect(privileged).toEqual([
      'dataset/reset',
      'settings/get',
      'settings/update',
      'feeds/status',
      'feeds/check',
      'changes/seen',
      // Pins are the team's own: reading their content and changing them are privileged...
      'pins/list',
      'pins/save',
      'pins/delete',
      'pins/set-active',
      'pins/import',
      'pins/team-pick',
      'storage/usage',
      'data/reset',
    ]);
    // ...and the one pins message a content script may send carries only a link's payload, unread.
    expect(Messages['pins/open-import'].privileged).toBe(false);
  });
});

describe('send: a round trip validates the reply', () => {
  it('returns the validated payload', async () => {
    connect(handlers());
    const status = await send({ type: 'status/get' });
    expect(status.log[0]?.message).toBe('loaded');
    const card = await send({ type: 'card/get', comparisonId: 'vllm-vs-tensorrt-llm' });
    expect(card.engines.map((e) => e.name)).toEqual(['vLLM', 'TensorRT-LLM']);
    expect((await send({ type: 'dataset/get' })).version).toBe(bundledDataset().version);
  });

  it('rejects a reply of the wrong shape with "invalid-reply" (a log row whose message is not a string)', async () => {
    connect(
      handlers({
        'status/get': async () =>
          ({ datasetVersion: 'v1', source: 'store', repairReason: null, log: [{ at: 1, kind: 'install', message: 42 }], unreadableLogRows: 0 }) as never,
      }),
    );
    const error = await send({ type: 'status/get' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe('invalid-reply');
    expect((error as MessageError).message).toMatch(/log\.0\.message/);
  });

  it('rejects a dataset reply that is shaped right but inconsistent', async () => {
    const broken = structuredClone(bundledDataset());
    broken.comparisons[0]!.keyDifferences[0]!.winner = 'nobody';
    connect(handlers({ 'dataset/get': async () => broken }));
    await expect(send({ type: 'dataset/get' })).rejects.toMatchObject({ code: 'invalid-reply', message: /unknown winner/ });
  });

  it('passes an error reply on with its code', async () => {
    connect(handlers({ 'dataset/reset': async () => Promise.reject(new Error('disk full')) }));
    await expect(send({ type: 'dataset/reset' })).rejects.toMatchObject({ code: 'internal', message: 'disk full' });
  });

  it('the content script’s guarded send checks the reply without zod', async () => {
    connect(handlers({ 'card/load-ui': async () => ({ injected: 'yes' }) as never }));
    await expect(sendGuarded({ type: 'card/load-ui' }, isLoadUiReply)).rejects.toMatchObject({ code: 'invalid-reply' });
  });
});

describe('unwrapReply', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['ok without data', { ok: true }],
    ['an unknown error code', { ok: false, error: { code: 'teapot', message: 'x' } }],
    ['an error without message', { ok: false, error: { code: 'internal' } }],
  ])('refuses %s', (_name, raw) => {
    expect(() => unwrapReply(raw, 'status/get')).toThrow(MessageError);
  });
});
