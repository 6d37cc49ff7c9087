// @vitest-environment happy-dom
import { act } from 'react';
import { useTestRoot } from './react-root';
import { describe, expect, it, vi } from 'vitest';
import { ImportApp, type ImportClient } from '@/components/pins/ImportApp';
import { PinsProvider, type PinsClient, type PinsList, type SaveRequest } from '@/components/pins/pins-context';
import { PinsSection } from '@/components/pins/PinsSection';
import { bundledDataset } from '@/lib/bundled-dataset';
import { comparedEngines } from '@/lib/comparison-view';
import { buildPin } from '@/lib/pin-edit';
import { pinsDocument, readPinsDocument, type Pin } from '@/lib/pins';
import { decodeSharePayload, encodeSharePayload } from '@/lib/share';
import { PINS_V1 } from './fixtures/pins-v1';

const dataset = bundledDataset();
const comparison = dataset.comparisons[0]!;
const view = { dataset, comparison, engines: comparedEngines(dataset, comparison) };
const fixturePins = () => structuredClone(PINS_V1) as unknown as Pin[];

const dom = useTestRoot();

/** Lets promises and React updates settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}
/** Settles until `check` passes (async work such as compression takes a varying number of turns). */
async function until(check: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      check();
      return;
    } catch (error) {
      if (i >= 200) throw error;
      await act(async () => new Promise((r) => setTimeout(r, 10)));
    }
  }
}
const q = <T extends Element = HTMLElement>(selector: string) => dom.container.querySelector<T>(selector);
const byText = <T extends HTMLElement = HTMLButtonElement>(tag: string, text: string | RegExp) =>
  [...dom.container.querySelectorAll<T>(tag)].find((el) => (typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? '')));
const labelled = <T extends HTMLElement>(label: string) => {
  const l = [...dom.container.querySelectorAll('label')].find((x) => x.textContent?.trim() === label);
  return (l?.htmlFor ? dom.container.querySelector<T>(`#${CSS.escape(l.htmlFor)}`) : l?.querySelector<T>('input')) ?? null;
};
async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => (el as HTMLElement).click());
  await settle();
}
/** Types into a React-controlled field (the native setter, then an input event). */
async function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null, value: string): Promise<void> {
  if (!el) throw new Error('no field');
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  await act(async () => void el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true })));
}
async function key(el: Element, name: string): Promise<void> {
  await act(async () => void el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true })));
}

function fakeClient(initial: Pin[] = [], page: string | null = null) {
  const state: PinsList = { pins: initial, activeId: null, unreadable: [] };
  const client = {
    list: vi.fn(async () => structuredClone(state)),
    save: vi.fn(async (request: SaveRequest) => {
      const existing = state.pins.find((p) => p.id === request.id) ?? undefined;
      const pin = buildPin({ draft: request.draft, comparison, datasetVersion: dataset.version, existing, newId: 'fake-new-pin-01', now: 5 });
      state.pins = [pin, ...state.pins.filter((p) => p.id !== pin.id)];
      if (request.active) state.activeId = pin.id;
      return pin;
    }),
    remove: vi.fn(async (id: string) => void (state.pins = state.pins.filter((p) => p.id !== id))),
    setActive: vi.fn(async (id: string | null) => void (state.activeId = id)),
    subscribe: vi.fn(() => () => undefined),
    copyText: vi.fn(async (_text: string) => undefined),
    download: vi.fn((_name: string, _text: string) => undefined),
    openImportPage: vi.fn(),
    currentPageUrl: vi.fn(async () => page),
  } satisfies PinsClient;
  return { client, state };
}

async function renderSection(client: PinsClient) {
  act(() =>
    dom.root.render(
      <PinsProvider client={client}>
        <PinsSection {...view} />
      </PinsProvider>,
    ),
  );
  await settle();
}

describe('the pins section', () => {
  it('"Pin comparison" opens the editor with focus in the title; Esc closes it and focus returns', async () => {
    const { client } = fakeClient();
    await renderSection(client);
    const pinButton = byText('button', 'Pin comparison')!;
    await click(pinButton);
    const title = labelled<HTMLInputElement>('Title')!;
    expect(document.activeElement).toBe(title);
    expect(title.value).toBe('vLLM vs TensorRT-LLM');
    await key(title, 'Escape');
    expect(q('form')).toBeNull();
    expect(document.activeElement).toBe(pinButton);
  });

  it('saves what the editor holds: title, team, pick, priorities, chosen rows and a plain-text note (at most 2,000 characters)', async () => {
    const { client } = fakeClient();
    await renderSection(client);
    await click(byText('button', 'Pin comparison'));
    await type(labelled('Title'), 'Our serving stack');
    await type(labelled('Team (optional)'), 'Platform team');
    await click(labelled('TensorRT-LLM'));
    await type(labelled<HTMLSelectElement>('Latency'), '3');
    await click(labelled('Hardware Compatibility'));
    const note = labelled<HTMLTextAreaElement>('Note (plain text)')!;
    expect(note.maxLength).toBe(2000);
    await type(note, '<b>not markup</b>');
    expect(dom.container.textContent).toContain('17 / 2,000 characters');
    await click(byText('button', 'Save pin'));
    expect(client.save).toHaveBeenCalledWith({
      id: null,
      comparisonId: 'vllm-vs-tensorrt-llm',
      draft: {
        title: 'Our serving stack',
        team: 'Platform team',
        rows: { differences: ['hardware-compatibility'], facts: [] },
        priorities: { latency: 3, throughput: 0, hardwareFlexibility: 0, modelCoverage: 0, easeOfSetup: 0, cost: 0, community: 0 },
        pick: 'tensorrt-llm',
        note: '<b>not markup</b>',
      },
      repin: false,
      // No pin was active: the first one leads.
      active: true,
    });
    expect(q('[role="status"]')!.textContent).toBe('Pinned “Our serving stack”.');
    // Shown as text, never as markup.
    expect(q('.pin-note')!.textContent).toBe('<b>not markup</b>');
    expect(q('.pin-note b')).toBeNull();
  });

  it('"Copy share link" copies a link on the page the popup is about, which decodes to the pin', async () => {
    const pins = fixturePins();
    const { client } = fakeClient(pins, 'https://github.com/vllm-project/vllm/issues/1#issuecomment-2');
    await renderSection(client);
    await click(byText('button', 'Copy share link'));
    await until(() => expect(client.copyText).toHaveBeenCalledOnce());
    const link = client.copyText.mock.calls[0]![0];
    expect(link).toMatch(/^https:\/\/github\.com\/vllm-project\/vllm\/issues\/1#engine-lens=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeSharePayload(link.split('#engine-lens=')[1])).toEqual({ ok: true, pin: pins[0] });
    await until(() => expect(q('[role="status"]')!.textContent).toMatch(/Share link copied/));
  });

  it('a pin too big for a link: the UI says so and offers JSON instead', async () => {
    const big: Pin = {
      ...fixturePins()[0]!,
      note: 'n'.repeat(2000),
      snapshot: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`row-${i}`, { vllm: `${i}`.repeat(100) }])),
    };
    expect((await encodeSharePayload(big)).ok).toBe(false);
    const { client } = fakeClient([big]);
    await renderSection(client);
    await click(byText('button', 'Copy share link'));
    await until(() => expect(q('[role="status"]')!.textContent).toMatch(/more than the 8 KB a share link can carry\. Export it as JSON instead/));
    expect(client.copyText).not.toHaveBeenCalled();
    await click(byText('button', 'Export this pin as JSON'));
    expect(client.download).toHaveBeenCalledWith('engine-lens-pin-our-serving-stack.json', expect.any(String));
  });

  it('"Copy as Markdown" copies the GFM summary with the share link at the end', async () => {
    const { client } = fakeClient(fixturePins());
    await renderSection(client);
    await click(byText('button', 'Copy as Markdown'));
    await until(() => expect(client.copyText).toHaveBeenCalledOnce());
    const markdown = client.copyText.mock.calls[0]![0];
    expect(markdown).toMatch(/^### Our serving stack\n/);
    expect(markdown).toContain('| Hardware Compatibility | Multi-platform (NVIDIA, AMD, Intel, CPU) | NVIDIA GPUs only | vLLM |');
    expect(markdown.trimEnd().split('\n').at(-1)).toMatch(/^\[Open this pin in Engine Lens\]\(<https:\/\/github\.com\/#engine-lens=1\./);
  });

  it('"Export pins" writes a pins document of every pin that reads back', async () => {
    const pins = fixturePins();
    const { client } = fakeClient(pins);
    await renderSection(client);
    await click(byText('button', 'Export pins'));
    const [name, text] = client.download.mock.calls[0]!;
    expect(name).toMatch(/^engine-lens-pins-\d{4}-\d{2}-\d{2}\.json$/);
    expect(readPinsDocument(JSON.parse(text))).toEqual({ ok: true, pins });
  });

  it('delete asks first; Esc keeps the pin; "Delete pin" removes it', async () => {
    const { client } = fakeClient(fixturePins());
    await renderSection(client);
    await click(byText('button', 'Delete'));
    const confirm = byText('button', 'Delete pin')!;
    expect(document.activeElement).toBe(confirm);
    await key(confirm, 'Escape');
    expect(byText('button', 'Delete pin')).toBeUndefined();
    expect(client.remove).not.toHaveBeenCalled();
    await click(byText('button', 'Delete'));
    await click(byText('button', 'Delete pin'));
    expect(client.remove).toHaveBeenCalledWith('pin-mixed-fleet-0001');
    expect(q('[role="status"]')!.textContent).toBe('Deleted “Our serving stack”.');
  });

  it('shows what changed in the pin’s rows since its dataset version, and can pin against the current data', async () => {
    const { client } = fakeClient(fixturePins()); // pinned against 2026-06-24.1, with a snapshot of Hardware Compatibility
    const later = structuredClone(dataset);
    later.version = '2026-07-01.1';
    later.comparisons[0]!.keyDifferences.find((d) => d.id === 'hardware-compatibility')!.values['tensorrt-llm'] = { raw: 'NVIDIA and Grace', parsed: null };
    act(() =>
      dom.root.render(
        <PinsProvider client={client}>
          <PinsSection dataset={later} comparison={later.comparisons[0]!} engines={comparedEngines(later, later.comparisons[0]!)} />
        </PinsProvider>,
      ),
    );
    await settle();
    const changes = q('[data-pin-changes="changed"]')!;
    expect(changes.textContent).toContain('One of its rows changed since dataset 2026-06-24.1 (now 2026-07-01.1)');
    expect(changes.textContent).toContain('Hardware Compatibility · TensorRT-LLM: NVIDIA GPUs only → NVIDIA and Grace');
    await click(byText('button', 'Pin against the current data'));
    expect(client.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'pin-mixed-fleet-0001', repin: true }));
  });

  it('"Import pins" opens the import page', async () => {
    const { client } = fakeClient();
    await renderSection(client);
    await click(byText('button', 'Import pins'));
    expect(client.openImportPage).toHaveBeenCalledOnce();
  });
});

function importClient(existing: Pin[] = [], activeId: string | null = null) {
  return {
    loadDataset: vi.fn(async () => dataset),
    list: vi.fn(async () => ({ pins: existing, activeId, unreadable: [] })),
    importPins: vi.fn(async (request: Parameters<ImportClient['importPins']>[0]) => request.pins.map((p) => p.id)),
  } satisfies ImportClient;
}

async function renderImport(client: ImportClient, initialPayload: string | null) {
  act(() => dom.root.render(<ImportApp client={client} initialPayload={initialPayload} />));
  await settle();
}

describe('the import page', () => {
  it('previews a shared pin and imports it only when the user confirms', async () => {
    const [pin] = fixturePins();
    const encoded = await encodeSharePayload(pin!);
    if (!encoded.ok) throw new Error('fixture must fit');
    const client = importClient();
    await renderImport(client, encoded.payload);
    await until(() => expect(q('[data-preview-pin]')).not.toBeNull());
    const preview = q('[data-preview-pin]')!;
    expect(q('h2')!.textContent).toBe('One pin from a share link');
    expect(preview.textContent).toContain('Our serving stack');
    expect(preview.textContent).toContain('Platform team picks vLLM');
    expect(preview.textContent).toContain('Hardware Compatibility; Deployment Complexity; Setup Time (basic deployment)');
    expect(preview.textContent).toContain('pinned against 2026-06-24.1');
    expect(client.importPins).not.toHaveBeenCalled();
    await click(byText('button', 'Import 1 pin'));
    expect(client.importPins).toHaveBeenCalledWith({ pins: [pin], onClash: {}, activateFirst: true });
    await until(() => expect(dom.container.textContent).toContain('Imported one pin.'));
  });

  it.each([
    ['a malformed link', 'garbage!', /This link cannot be imported: it is not an Engine Lens share link/],
    ['a newer format', '2.AAAA', /made by a newer Engine Lens .* Update Engine Lens/],
    ['a truncated payload', '1.q1ZKy0nMS', /damaged/],
  ])('%s gets a clear message and changes nothing', async (_name, payload, message) => {
    const client = importClient();
    await renderImport(client, payload);
    await until(() => expect(q('[role="alert"]')).not.toBeNull());
    const alert = q('[role="alert"]')!;
    expect(alert.textContent).toMatch(message);
    expect(alert.textContent).toMatch(/Nothing was changed\.$/);
    expect(q('[data-preview-pin]')).toBeNull();
    expect(client.importPins).not.toHaveBeenCalled();
  });

  it('on an id that is taken the user chooses keep both (the default) or replace', async () => {
    const pins = fixturePins();
    const client = importClient([{ ...pins[0]!, title: 'Mine' }], pins[0]!.id);
    await renderImport(client, null);
    await type(labelled<HTMLTextAreaElement>('Share link or JSON'), JSON.stringify(pinsDocument(pins, new Date())));
    await click(byText('button', 'Preview pasted text'));
    await until(() => expect(q('h2')?.textContent).toBe('2 pins from pasted JSON'));
    expect(dom.container.textContent).toContain('You already have a pin with this id: “Mine”');
    const replace = [...dom.container.querySelectorAll('label')].find((l) => l.textContent?.includes('Replace “Mine”'))!.querySelector('input')!;
    await click(replace);
    await click(byText('button', 'Import 2 pins'));
    await until(() => expect(client.importPins).toHaveBeenCalledOnce());
    // A pin was active already: the import does not take over unless asked.
    expect(client.importPins).toHaveBeenCalledWith({ pins, onClash: { [pins[0]!.id]: 'replace' }, activateFirst: false });
  });

  it('pasted text that is neither a link nor JSON, or a bad file, is refused', async () => {
    const client = importClient();
    await renderImport(client, null);
    await type(labelled<HTMLTextAreaElement>('Share link or JSON'), 'hello');
    await click(byText('button', 'Preview pasted text'));
    await until(() => expect(q('[role="alert"]')?.textContent).toMatch(/Paste an Engine Lens share link/));
    await type(labelled<HTMLTextAreaElement>('Share link or JSON'), '{"format":"engine-lens.pins","formatVersion":7}');
    await click(byText('button', 'Preview pasted text'));
    await until(() => expect(q('[role="alert"]')?.textContent).toMatch(/newer than this Engine Lens understands; update Engine Lens/));
    expect(client.importPins).not.toHaveBeenCalled();
  });
});
