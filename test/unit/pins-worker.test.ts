import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/entrypoints/background/data';
import { OFFER_COOLDOWN_MS, openImportPage } from '@/entrypoints/background/import-tab';
import { activeTeamPick, chooseActivePin, hasActivePin, importPins, listPins, removePin, savePin } from '@/entrypoints/background/pins';
import { NO_PRIORITIES, type Pin } from '@/lib/pins';
import { PINS_V1 } from './fixtures/pins-v1';

const draft = {
  title: 'Our serving stack',
  team: 'Platform team',
  rows: { differences: ['hardware-compatibility'], facts: [] },
  priorities: { ...NO_PRIORITIES, hardwareFlexibility: 3 },
  pick: 'vllm',
  note: 'Half the fleet is AMD.',
};
const save = (overrides: Partial<Parameters<typeof savePin>[0]> = {}) =>
  savePin({ type: 'pins/save', id: null, comparisonId: 'vllm-vs-tensorrt-llm', draft, repin: false, active: true, ...overrides });

let pushes: unknown[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  pushes = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => void pushes.push(message)) as never);
  const db = (await database())!;
  await db.clear('pins');
  await db.delete('meta', 'activePinId');
});

describe('the worker’s pins', () => {
  it('saves a draft as a pin with the served data’s snapshot, marks it active and announces the change', async () => {
    const { pin } = await save();
    expect(pin.snapshot).toEqual({ 'hardware-compatibility': { vllm: 'Multi-platform (NVIDIA, AMD, Intel, CPU)', 'tensorrt-llm': 'NVIDIA GPUs only' } });
    expect(await listPins()).toEqual({ pins: [pin], activeId: pin.id, unreadable: [] });
    await vi.waitFor(() => expect(pushes).toContainEqual({ type: 'data/changed', changed: ['pins'] }));
    expect(await hasActivePin('vllm-vs-tensorrt-llm')).toBe(true);
    expect(await activeTeamPick()).toEqual({
      pick: { title: 'Our serving stack', teamName: 'Platform team', engineId: 'vllm', note: 'Half the fleet is AMD.' },
      engines: [
        { id: 'vllm', name: 'vLLM' },
        { id: 'tensorrt-llm', name: 'TensorRT-LLM' },
      ],
    });
  });

  it('an edit with "active" off stops it leading; another active pin is left alone', async () => {
    const first = (await save()).pin;
    const second = (await save({ draft: { ...draft, title: 'Second' }, active: false })).pin;
    expect((await listPins()).activeId).toBe(first.id);
    await save({ id: second.id, draft: { ...draft, title: 'Second, edited' }, active: false });
    expect((await listPins()).activeId).toBe(first.id);
    await save({ id: first.id, draft, active: false });
    expect((await listPins()).activeId).toBeNull();
    expect(await activeTeamPick()).toBeNull();
    expect(await hasActivePin('vllm-vs-tensorrt-llm')).toBe(false);
  });

  it('refuses to edit a pin that is gone, and deletes and activates by id', async () => {
    await expect(save({ id: 'no-such-pin-0001' })).rejects.toThrow(/no longer exists/);
    const { pin } = await save({ active: false });
    await chooseActivePin({ type: 'pins/set-active', id: pin.id });
    expect((await listPins()).activeId).toBe(pin.id);
    expect(await removePin({ type: 'pins/delete', id: pin.id })).toEqual({ deleted: true });
    expect(await listPins()).toEqual({ pins: [], activeId: null, unreadable: [] });
    expect(await removePin({ type: 'pins/delete', id: pin.id })).toEqual({ deleted: false });
  });

  it('imports all or nothing: replace keeps the id, keep both adds a copy, the first can become active', async () => {
    const [a, b] = PINS_V1 as unknown as [Pin, Pin];
    await importPins({ type: 'pins/import', pins: [a], onClash: {}, activateFirst: false });
    await expect(importPins({ type: 'pins/import', pins: [{ ...a, title: 'Changed' }], onClash: {}, activateFirst: false })).rejects.toThrow(/Choose whether/);
    expect((await listPins()).pins).toEqual([a]);

    const { imported } = await importPins({ type: 'pins/import', pins: [{ ...a, title: 'Copy' }, b], onClash: { [a.id]: 'keep-both' }, activateFirst: true });
    expect(imported[0]).not.toBe(a.id);
    expect(imported[1]).toBe(b.id);
    const list = await listPins();
    expect(list.pins.map((p) => p.title).sort()).toEqual(['Copy', 'Latency-critical chat', 'Our serving stack']);
    expect(list.activeId).toBe(imported[0]);

    await importPins({ type: 'pins/import', pins: [{ ...a, title: 'Replaced' }], onClash: { [a.id]: 'replace' }, activateFirst: false });
    expect((await listPins()).pins.find((p) => p.id === a.id)?.title).toBe('Replaced');
  });
});

describe('the import page for a share link', () => {
  it('opens one import tab per tab, reuses it for the next link, and bounds how often a page can make it offer', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    const updated = vi.spyOn(fakeBrowser.tabs, 'update');
    const opener = (await fakeBrowser.tabs.create({ url: 'https://github.com/a' })).id!;
    created.mockClear();
    const t0 = 1_000_000;
    const burst = await Promise.all([openImportPage('1.aaaa', opener, t0), openImportPage('1.aaaa', opener, t0), openImportPage('1.bbbb', opener, t0)]);
    expect(burst.filter((r) => r.opened)).toHaveLength(1);
    expect(created).toHaveBeenCalledOnce();
    expect(created.mock.calls[0]![0]).toMatchObject({ url: expect.stringMatching(/\/import\.html\?from=link#1\.aaaa$/), openerTabId: opener });
    // The same link again, or another one right away (a page rewriting its address in a loop): no new offer.
    expect(await openImportPage('1.aaaa', opener, t0 + 10_000)).toEqual({ opened: false });
    expect(await openImportPage('1.bbbb', opener, t0 + OFFER_COOLDOWN_MS - 1)).toEqual({ opened: false });
    expect(updated).not.toHaveBeenCalled();
    // A later, different link reuses the import tab.
    expect(await openImportPage('1.bbbb', opener, t0 + OFFER_COOLDOWN_MS)).toEqual({ opened: true });
    expect(created).toHaveBeenCalledOnce();
    expect(updated).toHaveBeenCalledWith(expect.any(Number), { url: expect.stringMatching(/#1\.bbbb$/), active: true });
    await expect(openImportPage('1.cccc', undefined)).rejects.toThrow(/must come from a tab/);
  });
});
