/**
 * Helpers for the team-pin end-to-end tests: the popup's pin editor driven
 * like a user, the card's team-pick frame (an extension-origin frame inside
 * the card's closed shadow root, which Playwright reaches as a frame of the
 * page), and the worker's stored pins.
 */
import type { Frame, Page } from '@playwright/test';
import { expect } from './fixtures';
import { sendFromPage } from './extension-helpers';

export interface PinInput {
  title: string;
  team?: string;
  /** The radio's label: "vLLM", "TensorRT-LLM" or "Undecided". */
  pick: string;
  note?: string;
  /** Priority label → 0-3. */
  priorities?: Record<string, number>;
  differences?: string[];
}

/** Creates a pin through the popup's editor, by its labels, as a user would. */
export async function createPinInPopup(popup: Page, pin: PinInput): Promise<void> {
  await popup.getByRole('button', { name: 'Pin comparison' }).click();
  const form = popup.getByRole('form', { name: 'Pin this comparison' });
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.getByLabel('Title').fill(pin.title);
  if (pin.team) await form.getByLabel('Team (optional)').fill(pin.team);
  await form.getByRole('radio', { name: pin.pick, exact: true }).check();
  for (const [label, value] of Object.entries(pin.priorities ?? {})) {
    await form.getByLabel(label, { exact: true }).selectOption(String(value));
  }
  for (const title of pin.differences ?? []) await form.getByRole('checkbox', { name: title, exact: true }).check();
  if (pin.note) await form.getByLabel('Note (plain text)').fill(pin.note);
  await form.getByRole('button', { name: 'Save pin' }).click();
  await expect(popup.getByRole('status').filter({ hasText: `Pinned “${pin.title}”` })).toBeVisible();
}

/** The card's team-pick frame, once it has loaded and shows a pick. */
export async function teamPickFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(async () => {
      frame = page.frames().find((f) => f.url().includes('/team-pick.html'));
      if (!frame) return '';
      return (await frame.locator('body').textContent().catch(() => '')) ?? '';
    })
    .not.toBe('');
  return frame!;
}

export interface StoredPins {
  pins: Array<{ id: string; title: string; team: string; pick: string | null; note: string; rows: { differences: string[]; facts: string[] } }>;
  activeId: string | null;
}

/** The worker's pins, as an extension page reads them. */
export async function storedPins(page: Page): Promise<StoredPins> {
  const reply = await sendFromPage<{ ok: boolean; data: StoredPins }>(page, { type: 'pins/list' });
  if (!reply.ok) throw new Error(`pins/list failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

/** Saves a pin through the worker (the editor's message), for tests about storage rather than the editor. */
export async function savePin(
  page: Page,
  draft: { title: string; pick: string | null; team?: string; note?: string; differences?: string[] },
  active = false,
) {
  const reply = await sendFromPage<{ ok: boolean; data: { pin: { id: string } } }>(page, {
    type: 'pins/save',
    id: null,
    comparisonId: 'vllm-vs-tensorrt-llm',
    draft: {
      title: draft.title,
      team: draft.team ?? '',
      rows: { differences: draft.differences ?? [], facts: [] },
      priorities: { latency: 0, throughput: 0, hardwareFlexibility: 3, modelCoverage: 0, easeOfSetup: 2, cost: 0, community: 0 },
      pick: draft.pick,
      note: draft.note ?? '',
    },
    repin: false,
    active,
  });
  if (!reply.ok) throw new Error(`pins/save failed: ${JSON.stringify(reply)}`);
  return reply.data.pin;
}

export { tabIdOf } from './extension-helpers';

/**
 * What a script of the host page can find of `words`, by every route a page
 * has: the document's text, a select-all selection, `window.find()`, and
 * reading into its frames. Runs in the page's own world.
 */
export async function whatThePageFinds(page: Page, words: string): Promise<Record<string, boolean | string>> {
  return page.evaluate((words) => {
    const found: Record<string, boolean | string> = {};
    found.innerText = document.body.innerText.includes(words);
    found.textContent = (document.documentElement.textContent ?? '').includes(words);
    const selection = getSelection()!;
    selection.selectAllChildren(document.documentElement);
    found.selectAll = selection.toString().includes(words);
    selection.removeAllRanges();
    document.execCommand('selectAll');
    found.execSelectAll = (getSelection()?.toString() ?? '').includes(words);
    getSelection()?.removeAllRanges();
    // window.find(string, caseSensitive, backwards, wrapAround, wholeWord, searchInFrames)
    const find = (window as unknown as { find: (...args: unknown[]) => boolean }).find;
    found.find = find.call(window, words, false, false, true, false, true);
    getSelection()?.removeAllRanges();
    found.frames = [...Array(window.frames.length).keys()]
      .map((i) => {
        try {
          return window.frames[i]!.document.documentElement.textContent ?? '';
        } catch {
          return '(cross-origin)';
        }
      })
      .some((text) => text.includes(words));
    return found;
  }, words);
}
