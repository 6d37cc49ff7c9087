/**
 * Helpers for the hover card's end-to-end tests and benchmark on the real
 * extension.
 *
 * The card lives in a closed shadow root, so neither the page nor
 * Playwright's locators can see inside it. The Chrome DevTools Protocol can:
 * `DOM.getDocument({ pierce: true })` returns closed shadow roots too (that is
 * how DevTools shows them), and `Accessibility.getFullAXTree` exposes the
 * dialog's role and name as assistive technology gets them. These helpers read
 * the card that way — what a user (and a screen reader) gets — without any
 * test hook in the extension.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect, readFixture, serveAt } from './fixtures';
import { HIGHLIGHTS, highlightTexts } from './mentions-helpers';

export const ISSUE_URL = 'https://github.com/vllm-project/vllm/issues/4';

export const CARD_HOST = 'data-engine-lens-card';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * What the card shows, read through CDP. `open` is false when no card host is
 * attached, and when the attached card is one rendered ahead and still hidden
 * (`staged`, during the hover delay).
 */
export interface CardView {
  open: boolean;
  staged: boolean;
  /** The dialog's accessible name (aria-label). */
  label: string | null;
  /** All text in the card, in document order, joined with spaces. */
  text: string;
  /** The dialog's border box in CSS pixels (viewport coordinates). */
  box: { left: number; top: number; right: number; bottom: number; width: number; height: number } | null;
  /** The engine tile marked as the one the page mentions. */
  mentionedEngine: string | null;
  /** The dialog's node, for further CDP calls. */
  dialogNodeId: number | null;
}

function attr(node: DomNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const root of node.shadowRoots ?? []) yield* walk(root);
  for (const child of node.children ?? []) yield* walk(child);
}

/** A CDP session per page, reused. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();
export function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Reads the card (if any) through CDP, piercing the closed shadow root. */
export async function readCard(page: Page): Promise<CardView> {
  try {
    return await readCardOnce(page);
  } catch (error) {
    // The card closed (or re-rendered) between two CDP calls: read again.
    if (!/Could not find node/.test(String(error))) throw error;
    return readCardOnce(page);
  }
}

async function readCardOnce(page: Page): Promise<CardView> {
  const cdp = await cdpOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = [...walk(root)].find((n) => n.nodeType === 1 && attr(n, CARD_HOST) !== null);
  const closed: CardView = { open: false, staged: false, label: null, text: '', box: null, mentionedEngine: null, dialogNodeId: null };
  if (!host) return closed;
  const shadow = host.shadowRoots?.[0];
  if (!shadow) return closed;
  const nodes = [...walk(shadow)];
  const dialog = nodes.find((n) => attr(n, 'role') === 'dialog');
  if (!dialog) return closed;
  // The card rendered ahead sits in a layer marked hidden until it is due (components/card/card.css).
  if (nodes.some((n) => attr(n, 'data-staged') !== null)) return { ...closed, staged: true, dialogNodeId: dialog.nodeId };
  const text = [...walk(dialog)]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.nodeValue)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const mentioned = nodes.find((n) => attr(n, 'data-mentioned') === 'true');
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: dialog.nodeId })) as { model: { border: number[] } };
  const [x1, y1, x2, , , y3] = model.border as [number, number, number, number, number, number, number, number];
  return {
    open: true,
    staged: false,
    label: attr(dialog, 'aria-label'),
    text,
    box: { left: x1, top: y1, right: x2, bottom: y3, width: x2 - x1, height: y3 - y1 },
    mentionedEngine: mentioned ? attr(mentioned, 'data-engine-id') : null,
    dialogNodeId: dialog.nodeId,
  };
}

/** The centre of a node inside the card found by a predicate on its attributes and text, for clicking. */
export async function cardControlCenter(page: Page, name: string): Promise<{ x: number; y: number }> {
  const cdp = await cdpOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const textOf = (n: DomNode): string =>
    [...walk(n)].filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').replace(/\s+/g, ' ').trim();
  const button = [...walk(root)].find(
    (n) => n.nodeName === 'BUTTON' && (attr(n, 'aria-label') === name || textOf(n) === name),
  );
  if (!button) throw new Error(`no card control named "${name}"`);
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { border: number[] } };
  const [x1, y1, x2, , , y3] = model.border as [number, number, number, number, number, number, number, number];
  return { x: (x1 + x2) / 2, y: (y1 + y3) / 2 };
}

/** A computed style property of the card's dialog element. */
export async function cardStyle(page: Page, nodeId: number, property: string): Promise<string | undefined> {
  const cdp = await cdpOf(page);
  await cdp.send('CSS.enable');
  const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId })) as {
    computedStyle: Array<{ name: string; value: string }>;
  };
  return computedStyle.find((p) => p.name === property)?.value;
}

/** The focused node's role and name in the accessibility tree (e.g. the card's dialog or one of its buttons). */
export async function focusedAccessible(page: Page): Promise<{ role: string; name: string } | null> {
  const cdp = await cdpOf(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ role?: { value?: string }; name?: { value?: string }; properties?: Array<{ name: string; value: { value?: unknown } }> }>;
  };
  // The document itself counts as focused too: the focused element is the deepest (last) one.
  const focused = nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).at(-1);
  return focused ? { role: String(focused.role?.value ?? ''), name: String(focused.name?.value ?? '') } : null;
}

/** A point inside the `index`th highlighted mention of `engine` (document order), scrolled into view first. */
export async function mentionPoint(
  page: Page,
  engine: keyof typeof HIGHLIGHTS,
  index = 0,
): Promise<{ x: number; y: number; rect: { left: number; top: number; right: number; bottom: number } }> {
  const found = await page.evaluate(
    ({ name, index }) => {
      const ranges = [...((CSS.highlights.get(name) ?? []) as Iterable<Range>)];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      const rect = range.getClientRects()[0];
      if (!rect || rect.top < 0 || rect.bottom > innerHeight) range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
    },
    { name: HIGHLIGHTS[engine], index },
  );
  if (!found) throw new Error(`no ${engine} mention #${index}`);
  return found;
}

/** True when two boxes share any area. */
export function overlaps(a: { left: number; top: number; right: number; bottom: number }, b: typeof a): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Serves `html` at `url`, opens it in a new tab and waits until its mentions are marked. */
export async function openAt(context: BrowserContext, url: string, html: string, headers: Record<string, string> = {}): Promise<Page> {
  await serveAt(context, url, html, headers);
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await highlightTexts(page)).trt.length).toBeGreaterThan(0);
  return page;
}

export const openIssue = (context: BrowserContext, headers: Record<string, string> = {}) =>
  openAt(context, ISSUE_URL, readFixture('mentions-github-issue.html'), headers);

/** The engine id a card names as mentioned (`data-engine-id`), for each highlight. */
const CARD_ENGINE = { vllm: 'vllm', trt: 'tensorrt-llm' } as const;

/**
 * Rests the pointer on the `index`th mention of `engine` and waits for its card.
 * The pointer jumps straight there: moving in steps, it could cross another
 * mention on the way, and on a loaded machine rest there long enough for that
 * mention's card to open first (a clean-clone CI run caught one such card).
 */
export async function hoverMention(page: Page, engine: 'vllm' | 'trt', index = 0) {
  const point = await mentionPoint(page, engine, index);
  await page.mouse.move(5, 5);
  await page.mouse.move(point.x, point.y);
  await expect
    .poll(async () => {
      const card = await readCard(page);
      return card.open && card.mentionedEngine === CARD_ENGINE[engine];
    })
    .toBe(true);
  return point;
}
