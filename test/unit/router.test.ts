import { describe, expect, it, vi } from 'vitest';
import { Messages } from '@/lib/messaging';
import { createRouter, isExtensionPage, type Handlers } from '@/lib/router';
import { PINS_V1 } from './fixtures/pins-v1';

/** Every handler of the table, each refusing to run until a test gives it a body. */
function stubAll(): Handlers {
  return Object.fromEntries(
    Object.keys(Messages).map((type) => [type, vi.fn(async () => Promise.reject(new Error(`${type} is not stubbed`)))]),
  ) as unknown as Handlers;
}

const self = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const contentScript = { id: 'ext-id', url: 'https://github.com/vllm-project/vllm/issues/1', tab: { id: 3 }, frameId: 0 };
const otherExtension = { id: 'other', url: 'chrome-extension://other/page.html' };

function makeHandlers() {
  return {
    ...stubAll(),
    'dataset/get': vi.fn(async () => ({ version: 'v' }) as never),
    'status/get': vi.fn(async () => ({
      datasetVersion: 'v',
      source: 'store' as const,
      repairReason: null,
      log: [],
      unreadableLogRows: 0,
    })),
    'card/get': vi.fn(async () => ({}) as never),
    'card/load-ui': vi.fn(async () => ({ injected: true })),
    'comparison/open': vi.fn(async () => ({ opened: true as const })),
    'dataset/reset': vi.fn(async () => ({ datasetVersion: 'v' })),
  } satisfies Handlers;
}

describe('message router', () => {
  it('routes a valid message to its handler and wraps the reply', async () => {
    const handlers = makeHandlers();
    const route = createRouter(handlers, self);
    await expect(route({ type: 'status/get' }, popup)).resolves.toEqual({
      ok: true,
      data: { datasetVersion: 'v', source: 'store', repairReason: null, log: [], unreadableLogRows: 0 },
    });
    expect(handlers['status/get']).toHaveBeenCalledOnce();
  });

  it.each([
    ['null', null],
    ['a string', 'dataset/get'],
    ['an object without type', { kind: 'dataset/get' }],
    ['a numeric type', { type: 42 }],
  ])('rejects %s as invalid-message', async (_name, message) => {
    const route = createRouter(makeHandlers(), self);
    const reply = await route(message, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('rejects unknown message types, including prototype keys', async () => {
    const route = createRouter(makeHandlers(), self);
    for (const type of ['dataset/delete', 'toString', '__proto__', 'constructor']) {
      expect(await route({ type }, popup)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    }
  });

  it('rejects a known message with extra or wrong fields and runs no handler', async () => {
    const handlers = makeHandlers();
    const route = createRouter(handlers, self);
    expect(await route({ type: 'dataset/get', evil: true }, popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(handlers['dataset/get']).not.toHaveBeenCalled();
  });

  it('refuses privileged messages from content scripts and other extensions', async () => {
    const handlers = makeHandlers();
    const route = createRouter(handlers, self);
    for (const sender of [contentScript, otherExtension, {}]) {
      expect(await route({ type: 'dataset/reset' }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(handlers['dataset/reset']).not.toHaveBeenCalled();
    expect(await route({ type: 'dataset/reset' }, popup)).toEqual({ ok: true, data: { datasetVersion: 'v' } });
  });

  it('team pins: a content script may not read, change or import pins, nor get the card frame’s pick and note', async () => {
    const handlers = makeHandlers();
    const route = createRouter(handlers, self);
    const pin = { ...PINS_V1[0] };
    const draft = { title: 't', team: '', rows: { differences: [], facts: [] }, priorities: pin.priorities, pick: null, note: '' };
    const requests = [
      { type: 'pins/list' },
      { type: 'pins/save', id: null, comparisonId: 'vllm-vs-tensorrt-llm', draft, repin: false, active: true },
      { type: 'pins/delete', id: pin.id },
      { type: 'pins/set-active', id: null },
      { type: 'pins/import', pins: [pin], onClash: {}, activateFirst: true },
      { type: 'pins/team-pick' },
    ];
    for (const request of requests) {
      for (const sender of [contentScript, otherExtension, {}]) {
        expect(await route(request, sender), request.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(handlers[request.type as keyof typeof handlers]).not.toHaveBeenCalled();
    }
    // The card's frame is an extension page inside a tab: it may ask (its URL is the extension's).
    const frame = { id: 'ext-id', url: 'chrome-extension://ext-id/team-pick.html?theme=dark', tab: { id: 3 }, frameId: 7 };
    await route({ type: 'pins/team-pick' }, frame);
    expect(handlers['pins/team-pick']).toHaveBeenCalledOnce();
  });

  it('a content script may only ask for the import page, with a bounded payload', async () => {
    const handlers = { ...makeHandlers(), 'pins/open-import': vi.fn(async () => ({ opened: true })) };
    const route = createRouter(handlers, self);
    expect(await route({ type: 'pins/open-import', payload: '1.abc' }, contentScript)).toEqual({ ok: true, data: { opened: true } });
    expect(await route({ type: 'pins/open-import', payload: 'x'.repeat(20_000) }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await route({ type: 'pins/open-import', payload: '1.abc', pin: {} }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(handlers['pins/open-import']).toHaveBeenCalledOnce();
  });

  it('lets content scripts read', async () => {
    const route = createRouter(makeHandlers(), self);
    expect(await route({ type: 'card/get', comparisonId: 'vllm-vs-tensorrt-llm' }, contentScript)).toMatchObject({ ok: true });
  });

  it('requests about a comparison must say which one', async () => {
    const handlers = makeHandlers();
    const route = createRouter(handlers, self);
    for (const type of ['card/get', 'comparison/open']) {
      expect(await route({ type }, contentScript)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
      expect(await route({ type, comparisonId: 'Not A Slug' }, contentScript)).toMatchObject({ ok: false });
    }
    expect(handlers['card/get']).not.toHaveBeenCalled();
    await route({ type: 'comparison/open', comparisonId: 'vllm-vs-tensorrt-llm' }, contentScript);
    expect(handlers['comparison/open']).toHaveBeenCalledWith(
      { type: 'comparison/open', comparisonId: 'vllm-vs-tensorrt-llm' },
      expect.objectContaining({ fromExtensionPage: false }),
    );
  });

  it('never echoes an oversized input back in an error', async () => {
    const route = createRouter(makeHandlers(), self);
    const huge = 'x'.repeat(1_000_000);
    for (const message of [{ type: huge }, { type: 'dataset/get', [huge]: 1 }, { type: 'card/get', comparisonId: huge }]) {
      const reply = await route(message, popup);
      expect(reply.ok).toBe(false);
      expect(JSON.stringify(reply).length).toBeLessThan(1200);
    }
    const handlers = makeHandlers();
    handlers['dataset/get'].mockRejectedValueOnce(new Error(huge));
    expect(JSON.stringify(await createRouter(handlers, self)({ type: 'dataset/get' }, popup)).length).toBeLessThan(1200);
  });

  it('turns a throwing handler into an internal error reply', async () => {
    const handlers = makeHandlers();
    handlers['dataset/get'].mockRejectedValueOnce(new Error('disk on fire'));
    const route = createRouter(handlers, self);
    expect(await route({ type: 'dataset/get' }, popup)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });

  it('tells extension pages from content scripts', () => {
    expect(isExtensionPage(popup, self.extensionId, self.extensionOrigin)).toBe(true);
    expect(isExtensionPage(contentScript, self.extensionId, self.extensionOrigin)).toBe(false);
    expect(isExtensionPage(otherExtension, self.extensionId, self.extensionOrigin)).toBe(false);
    expect(isExtensionPage({ id: 'ext-id' }, self.extensionId, self.extensionOrigin)).toBe(false);
  });
});
