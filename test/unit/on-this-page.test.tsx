// @vitest-environment happy-dom
import { act } from 'react';
import { useTestRoot } from './react-root';
import { describe, expect, it, vi } from 'vitest';
import { OnThisPage, type PageDigest, type PageDigestState } from '@/components/on-this-page/OnThisPage';

const dom = useTestRoot();

function render(state: PageDigestState, onChoose = vi.fn(), message: string | null = null) {
  act(() => dom.root.render(<OnThisPage state={state} onChoose={onChoose} message={message} />));
  return onChoose;
}

const digest: PageDigest = {
  counts: { vllm: 2, 'tensorrt-llm': 1 },
  total: 3,
  mentions: [
    { id: 4, engine: 'vllm', text: 'vLLM', before: 'We benchmarked ', after: ' 0.6 against' },
    { id: 5, engine: 'tensorrt-llm', text: 'TRT-LLM', before: '…batching in ', after: ' matters.' },
    { id: 9, engine: 'vllm', text: 'vllm', before: '<img src=x onerror=alert(1)> ', after: '' },
  ],
};
const ready: PageDigestState = { phase: 'ready', digest };

describe('OnThisPage', () => {
  it('is a section headed "On this page"', () => {
    render({ phase: 'loading' });
    expect(dom.container.querySelector('section')?.getAttribute('aria-labelledby')).toBe('on-this-page-heading');
    expect(dom.container.querySelector('h2')?.textContent).toBe('On this page');
    expect(dom.container.querySelector('[role="status"]')?.textContent).toContain('Looking for mentions');
  });

  it('says kindly when the tab is not a page Engine Lens marks', () => {
    render({ phase: 'unavailable' });
    expect(dom.container.textContent).toContain('Engine Lens does not mark this page');
    expect(dom.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when the page has no mentions', () => {
    render({ phase: 'ready', digest: { counts: {}, total: 0, mentions: [] } });
    expect(dom.container.textContent).toContain('No vLLM or TensorRT-LLM mentions');
    expect(dom.container.querySelector('ul')).toBeNull();
  });

  it('counts mentions per engine and lists each with its snippet, as text', () => {
    render(ready);
    expect(dom.container.querySelector('.digest-counts')?.textContent).toBe('vLLM 2 · TensorRT-LLM 1');
    const items = Array.from(dom.container.querySelectorAll('.digest-item'));
    expect(items.map((b) => b.textContent)).toEqual([
      'vLLMWe benchmarked vLLM 0.6 against',
      'TensorRT-LLM…batching in TRT-LLM matters.',
      'vLLM<img src=x onerror=alert(1)> vllm',
    ]);
    expect(items[1]!.querySelector('mark')?.textContent).toBe('TRT-LLM');
    expect(dom.container.querySelector('img')).toBeNull(); // page text is never markup
  });

  it('reports the chosen mention by id', () => {
    const onChoose = render(ready);
    act(() => (dom.container.querySelectorAll<HTMLButtonElement>('.digest-item')[1]!).click());
    expect(onChoose).toHaveBeenCalledWith(5);
  });

  it('is one Tab stop: only the current mention is tabbable, the arrow keys, Home and End move focus', () => {
    render(ready);
    const items = () => Array.from(dom.container.querySelectorAll<HTMLButtonElement>('.digest-item'));
    expect(items().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    const list = dom.container.querySelector('ul')!;
    expect(document.getElementById(list.getAttribute('aria-describedby')!)?.textContent).toMatch(/arrow keys move between mentions/);
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      act(() => {
        document.activeElement!.dispatchEvent(event);
      });
      return event;
    };
    act(() => items()[0]!.focus());
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(items()[1]);
    expect(items().map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    press('End');
    expect(document.activeElement).toBe(items()[2]);
    press('ArrowDown'); // stays on the last
    expect(document.activeElement).toBe(items()[2]);
    press('Home');
    expect(document.activeElement).toBe(items()[0]);
    expect(items().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    // Other keys are left alone: Tab leaves the list, Enter activates the button.
    expect(press('Tab').defaultPrevented).toBe(false);
  });

  it('a click makes that mention the current one (the next Tab into the list lands on it)', () => {
    render(ready);
    const items = () => Array.from(dom.container.querySelectorAll<HTMLButtonElement>('.digest-item'));
    act(() => items()[2]!.focus());
    expect(items().map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('says when only the first mentions are listed, and shows a status message', () => {
    render({ phase: 'ready', digest: { ...digest, total: 500 } }, vi.fn(), 'That mention is no longer on the page.');
    expect(dom.container.textContent).toContain('Showing the first 3 of 500 mentions.');
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe('That mention is no longer on the page.');
  });
});
