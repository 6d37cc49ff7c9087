// @vitest-environment happy-dom
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARD_HOST_ATTRIBUTE, mountCard, type CardHost, type MentionAnchor } from '@/entrypoints/card.content/host/card-host';
import { selectCardData } from '@/lib/card-data';
import { loadSourceDataset } from '@/lib/normalize';
import type { Box } from '@/lib/placement';
import { cardSourceDataset } from './fixtures/card-source-dataset';

const data = selectCardData(loadSourceDataset(structuredClone(cardSourceDataset)), 'vllm-vs-tensorrt-llm');
const CSS_TEXT = fs.readFileSync('components/card/card.css', 'utf8');

const word = (x: number, y: number): Box => ({ left: x, top: y, right: x + 80, bottom: y + 18 });
const mention = (over: Partial<MentionAnchor> = {}): MentionAnchor => ({ engine: 'tensorrt-llm', rects: [word(100, 100)], ...over });

let host: CardHost;
let shadows: ShadowRoot[];

beforeEach(() => {
  // The shadow root is closed: the test captures it the only way a page could not (in an extension's own world).
  shadows = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    shadows.push(root);
    return root;
  });
  // happy-dom's dispatched events are all untrusted; in a browser only the user's count.
  host = mountCard(document, { css: CSS_TEXT, prefersDark: () => false, isUserEvent: () => true });
});

afterEach(() => {
  host.destroy();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('data-color-mode');
});

const hostElement = () => document.querySelector<HTMLElement>(`[${CARD_HOST_ATTRIBUTE}]`);
const shadow = () => shadows[0]!;
const inCard = (selector: string) => shadow().querySelector<HTMLElement>(selector);
const buttonNamed = (name: string) =>
  Array.from(shadow().querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)!;
const press = (key: string, target: EventTarget = document, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('the card host: it shows, hides and reports; it decides nothing', () => {
  it('is one host per document', () => {
    expect(mountCard(document)).toBe(host);
  });

  it('adds nothing to the page until a card is shown, and removes its host on close', () => {
    expect(hostElement()).toBeNull();
    host.show(data, mention());
    expect(hostElement()?.parentElement).toBe(document.documentElement);
    expect(host.isOpen()).toBe(true);
    expect(host.hide()).toBe(true);
    expect(hostElement()).toBeNull();
    expect(host.isOpen()).toBe(false);
    expect(host.hide()).toBe(false);
  });

  it('keeps the card in a closed shadow root the page cannot read', () => {
    host.show(data, mention());
    const element = hostElement()!;
    expect(element.shadowRoot).toBeNull();
    expect(element.textContent).toBe('');
    expect(element.getAttributeNames()).toEqual([CARD_HOST_ATTRIBUTE]);
    expect(document.documentElement.textContent).not.toContain('Hardware Compatibility');
    expect(shadows[0]?.mode).toBe('closed');
    expect(inCard('[role="dialog"]')?.getAttribute('aria-label')).toBe('Engine Lens: vLLM vs TensorRT-LLM');
    for (const key of Object.keys(window)) expect((window as unknown as Record<string, unknown>)[key]).not.toBe(shadow());
  });

  it('loads its CSS as a constructed stylesheet', () => {
    host.show(data, mention());
    expect(host.styleMode).toBe('adopted');
    expect(shadow().adoptedStyleSheets).toHaveLength(1);
    expect(shadow().querySelector('style')).toBeNull();
  });

  it('renders the mentioned engine highlighted and follows the page theme', () => {
    document.documentElement.setAttribute('data-color-mode', 'dark');
    host.show(data, mention({ engine: 'vllm' }));
    expect(inCard('[role="dialog"]')?.dataset.theme).toBe('dark');
    expect(inCard('.el-engine[data-mentioned="true"]')?.dataset.engineId).toBe('vllm');
  });

  it.each([
    ['light', 'dark', 'light'],
    ['dark', 'light', 'dark'],
    ['auto', 'dark', 'dark'],
  ] as const)('the theme setting %s on a %s page gives a %s card', (setting, page, expected) => {
    host.destroy();
    shadows = [];
    host = mountCard(document, { css: CSS_TEXT, prefersDark: () => false, isUserEvent: () => true, theme: () => setting });
    document.documentElement.setAttribute('data-color-mode', page);
    host.show(data, mention());
    expect(inCard('[role="dialog"]')?.dataset.theme).toBe(expected);
  });

  it('shows one card at a time: a second show replaces the first', () => {
    host.show(data, mention());
    host.show(data, mention({ engine: 'vllm' }));
    expect(document.querySelectorAll(`[${CARD_HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(shadow().querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(inCard('.el-engine[data-mentioned="true"]')?.dataset.engineId).toBe('vllm');
  });

  it('prepare renders a card ahead and attaches it hidden; show then reveals that very card', () => {
    host.prepare(data, 'vllm');
    expect(hostElement()).not.toBeNull();
    expect(inCard('.el-layer')?.hasAttribute('data-staged')).toBe(true);
    expect(host.isOpen()).toBe(false);
    const prepared = inCard('[role="dialog"]');
    expect(prepared?.querySelector('.el-engine[data-mentioned="true"]')?.getAttribute('data-engine-id')).toBe('vllm');
    const onOpenFullComparison = vi.fn();
    host.show(data, mention({ engine: 'vllm' }), { onOpenFullComparison });
    expect(hostElement()).not.toBeNull();
    expect(inCard('.el-layer')?.hasAttribute('data-staged')).toBe(false);
    expect(inCard('[role="dialog"]')).toBe(prepared); // not rendered again
    // The callbacks reach the card that is shown, though it was rendered before it existed.
    buttonNamed('Open full comparison').click();
    expect(onOpenFullComparison).toHaveBeenCalledWith('vllm-vs-tensorrt-llm');
    buttonNamed('Pin').click();
    expect(host.isPinned()).toBe(true);
  });

  it('a card rendered ahead leaves the page when discarded or hidden, and is used again without a re-render', () => {
    host.prepare(data, 'vllm');
    const prepared = inCard('[role="dialog"]');
    host.discardPrepared();
    expect(hostElement()).toBeNull();
    host.prepare(data, 'vllm');
    expect(hostElement()).not.toBeNull();
    expect(inCard('[role="dialog"]')).toBe(prepared);
    expect(host.hide()).toBe(false); // no card was open, yet the hidden one goes too
    expect(hostElement()).toBeNull();
  });

  it('discarding never takes a shown card off the page', () => {
    host.show(data, mention());
    host.discardPrepared();
    expect(hostElement()).not.toBeNull();
    expect(host.isOpen()).toBe(true);
  });

  it('a card prepared for another engine is rendered again for the mention shown', () => {
    host.prepare(data, 'vllm');
    const prepared = inCard('[role="dialog"]');
    host.show(data, mention({ engine: 'tensorrt-llm' }));
    expect(inCard('[role="dialog"]')).not.toBe(prepared);
    expect(inCard('.el-engine[data-mentioned="true"]')?.dataset.engineId).toBe('tensorrt-llm');
  });

  it('prepare never touches a card on screen, and a closed card starts fresh next time', () => {
    host.show(data, mention());
    const shown = inCard('[role="dialog"]');
    host.prepare(data, 'vllm');
    expect(inCard('[role="dialog"]')).toBe(shown);
    expect(inCard('.el-engine[data-mentioned="true"]')?.dataset.engineId).toBe('tensorrt-llm');
    buttonNamed('Show all 7 differences').click();
    host.hide();
    host.prepare(data, 'tensorrt-llm');
    host.show(data, mention());
    expect(buttonNamed('Show all 7 differences').getAttribute('aria-expanded')).toBe('false');
  });

  it('places the card below the mention', () => {
    host.show(data, mention({ rects: [word(120, 200)] }));
    const layer = inCard('.el-layer')!;
    expect(layer.style.left).toBe('120px');
    expect(layer.style.top).toBe(`${218 + 6}px`);
    expect(layer.dataset.side).toBe('below');
  });

  it('reports the Close button and stays open until told to hide', () => {
    const onCloseButton = vi.fn();
    host.show(data, mention(), { onCloseButton });
    buttonNamed('Close').click();
    expect(onCloseButton).toHaveBeenCalledOnce();
    expect(host.isOpen()).toBe(true);
    expect(host.hide()).toBe(true);
    expect(host.isOpen()).toBe(false);
  });

  it('opens the full comparison through the callback', () => {
    const onOpenFullComparison = vi.fn();
    host.show(data, mention(), { onOpenFullComparison });
    buttonNamed('Open full comparison').click();
    expect(onOpenFullComparison).toHaveBeenCalledWith('vllm-vs-tensorrt-llm');
  });

  it('reports Esc from the page and lets it reach the page; hiding then takes no focus', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const onEscape = vi.fn();
    const pageListener = vi.fn();
    document.body.addEventListener('keydown', pageListener);
    host.show(data, mention(), { onEscape });
    press('Escape', input);
    expect(onEscape).toHaveBeenCalledOnce();
    expect(pageListener).toHaveBeenCalledOnce();
    host.hide();
    expect(document.activeElement).toBe(input);
    document.body.removeEventListener('keydown', pageListener);
  });

  it('keyboard opening: focus moves into the dialog, Tab cycles inside, Esc is the card’s, hiding returns focus', () => {
    const trigger = document.createElement('button');
    document.body.append(trigger);
    const onEscape = vi.fn();
    host.show(data, mention(), { focus: true, returnFocusTo: trigger, onEscape });
    expect(document.activeElement).toBe(hostElement());
    expect(shadow().activeElement).toBe(inCard('[role="dialog"]'));
    expect(host.hasFocus()).toBe(true);

    // Shift+Tab from the dialog wraps to its last control; Tab from the last control wraps to the first.
    press('Tab', shadow().activeElement!, { shiftKey: true });
    expect(shadow().activeElement?.textContent).toContain('Open full comparison');
    press('Tab', shadow().activeElement!);
    expect(shadow().activeElement?.getAttribute('aria-label')).toBe('Pin');

    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    shadow().activeElement!.dispatchEvent(escape);
    expect(onEscape).toHaveBeenCalledOnce();
    expect(escape.defaultPrevented).toBe(true);
    host.hide();
    expect(document.activeElement).toBe(trigger);
    expect(host.hasFocus()).toBe(false);
  });

  it('a card the pointer opened says how to reach it, and Tab from the page moves focus in', () => {
    const link = document.createElement('a');
    link.href = '#';
    document.body.append(link);
    link.focus();
    host.show(data, mention());
    expect(inCard('.el-keyboard-hint')?.textContent).toMatch(/Tab to move into this card/);
    expect(host.hasFocus()).toBe(false);
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    link.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(host.hasFocus()).toBe(true);
    expect(shadow().activeElement).toBe(inCard('[role="dialog"]'));
    expect(inCard('.el-keyboard-hint')).toBeNull();
    host.hide();
    expect(document.activeElement).toBe(link);
  });

  it('a card opened from the keyboard needs no hint', () => {
    host.show(data, mention(), { focus: true });
    expect(inCard('.el-keyboard-hint')).toBeNull();
  });

  it('keys typed in the card do not reach the page (no site shortcuts)', () => {
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    host.show(data, mention(), { focus: true });
    press('s', shadow().activeElement!);
    expect(pageListener).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageListener);
  });

  it('the Pin button pins and unpins; a card can also open pinned', () => {
    host.show(data, mention());
    buttonNamed('Pin').click();
    expect(host.isPinned()).toBe(true);
    expect(buttonNamed('Pin').getAttribute('aria-pressed')).toBe('true');
    buttonNamed('Pin').click();
    expect(host.isPinned()).toBe(false);
    host.show(data, mention(), { pinned: true });
    expect(host.isPinned()).toBe(true);
  });

  it('reports the pointer entering and leaving the card', () => {
    const onPointerEnter = vi.fn();
    const onPointerLeave = vi.fn();
    host.show(data, mention(), { onPointerEnter, onPointerLeave });
    inCard('.el-layer')!.dispatchEvent(new PointerEvent('pointerenter'));
    expect(onPointerEnter).toHaveBeenCalledOnce();
    inCard('.el-layer')!.dispatchEvent(new PointerEvent('pointerleave'));
    expect(onPointerLeave).toHaveBeenCalledOnce();
    expect(host.isOpen()).toBe(true);
  });

  it('a press anywhere changes nothing by itself (the controller decides about clicks)', () => {
    host.show(data, mention());
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(host.isOpen()).toBe(true);
  });

  it('recognises events from inside the card as its own', () => {
    host.show(data, mention());
    expect(host.containsTarget(hostElement())).toBe(true);
    expect(host.containsTarget(inCard('.el-verdict'))).toBe(true);
    expect(host.containsTarget(document.body)).toBe(false);
    expect(host.containsTarget(null)).toBe(false);
  });

  it('follows the mention when the page scrolls', async () => {
    let rects = [word(100, 100)];
    host.show(data, mention({ rects, getRects: () => rects }));
    expect(inCard('.el-layer')!.style.top).toBe('124px');
    rects = [word(100, 40)];
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(inCard('.el-layer')!.style.top).toBe('64px');
  });

  it('reports an unpinned card whose mention left the page; a pinned one stays where it was', async () => {
    let rects: Box[] = [word(100, 100)];
    const onAnchorGone = vi.fn();
    host.show(data, mention({ getRects: () => rects }), { onAnchorGone });
    rects = [];
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(onAnchorGone).toHaveBeenCalledOnce();

    rects = [word(100, 100)];
    host.show(data, mention({ getRects: () => rects }), { pinned: true });
    rects = [];
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect(host.isOpen()).toBe(true);
    expect(inCard('.el-layer')!.style.top).toBe('124px');
  });

  it('drags by the header: the card moves, pins itself and stops following the mention', async () => {
    let rects = [word(100, 100)];
    host.show(data, mention({ rects, getRects: () => rects }));
    const header = inCard('.el-header')!;
    header.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerId: 1, clientX: 150, clientY: 130 }));
    header.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerId: 1, clientX: 250, clientY: 330 }));
    header.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerId: 1, clientX: 250, clientY: 330 }));
    expect(host.isPinned()).toBe(true);
    const layer = inCard('.el-layer')!;
    const moved = [layer.style.left, layer.style.top];
    expect(moved).toEqual(['200px', '324px']); // (100, 124) moved by (100, 200)
    rects = [word(100, 40)];
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    expect([layer.style.left, layer.style.top]).toEqual(moved);
  });
});

describe('card.css', () => {
  it('sizes everything in px, so the host page font size cannot change the card', () => {
    const withoutComments = CSS_TEXT.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(withoutComments).not.toMatch(/\d(r?em|ch|ex)\b/);
    expect(withoutComments).toMatch(/font-size: 12px/);
  });

  it('resets everything the page could inherit or force onto the host', () => {
    expect(CSS_TEXT).toMatch(/:host\s*{\s*all: initial !important;/);
  });

  it('respects reduced motion and has visible focus rings', () => {
    expect(CSS_TEXT).toContain('@media (prefers-reduced-motion: reduce)');
    expect(CSS_TEXT).toMatch(/:focus-visible\s*{\s*outline: 2px solid/);
  });
});
