// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isSiteHovercardTrigger, selectionTouches } from '@/entrypoints/card.content/page-state';

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

/** A range over `word` in the first text node of `element`. */
function rangeOf(element: Element, word: string): Range {
  const text = element.firstChild as Text;
  const at = text.data.indexOf(word);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + word.length);
  return range;
}

function select(node: Node, start: number, end: number): void {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('selectionTouches', () => {
  it('is true when the selection overlaps or touches the mention, false otherwise', () => {
    const p = document.createElement('p');
    p.textContent = 'We moved from vLLM to TensorRT-LLM last week.';
    document.body.append(p);
    const text = p.firstChild as Text;
    const mention = rangeOf(p, 'vLLM'); // characters 14-18
    expect(selectionTouches(document, mention)).toBe(false); // no selection
    select(text, 3, 16);
    expect(selectionTouches(document, mention)).toBe(true); // overlaps its start
    select(text, 18, 25);
    expect(selectionTouches(document, mention)).toBe(true); // touches its end
    select(text, 22, 30);
    expect(selectionTouches(document, mention)).toBe(false); // elsewhere
    select(text, 15, 15);
    expect(selectionTouches(document, mention)).toBe(false); // a caret is not a selection
  });
});

describe('isSiteHovercardTrigger', () => {
  it('is true inside a link that opens GitHub’s own hovercard', () => {
    document.body.innerHTML =
      '<p id="plain">vLLM here</p><a id="repo" data-hovercard-type="repository" href="/vllm-project/vllm"><span id="inner">vllm-project/vllm</span></a>';
    expect(isSiteHovercardTrigger(rangeOf(document.getElementById('plain')!, 'vLLM'))).toBe(false);
    expect(isSiteHovercardTrigger(rangeOf(document.getElementById('inner')!, 'vllm'))).toBe(true);
  });
});
