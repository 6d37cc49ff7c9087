// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { excludedSelector, LONG_TEXT, scanAll, TextScan } from '../../entrypoints/mentions.content/walker';
import { installFakeQueryEngine } from './fake-query-engine';

/** Builds the fixture with DOM calls (no HTML strings), then returns "engine:text" of every mention found. */
function found(root: Node, includeCode = false): string[] {
  return scanAll(root, { includeCode }).flatMap(({ mentions }) => mentions.map((m) => `${m.engine}:${m.text}`));
}

function el(tag: string, children: Array<Node | string> = [], attrs: Record<string, string> = {}): Element {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

describe('text walker', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('finds prose mentions in document order', () => {
    document.body.append(
      el('h1', ['vLLM vs TensorRT-LLM']),
      el('p', ['Both ', el('em', ["vLLM's"]), ' and ', el('strong', ['TRT-LLM'])]),
    );
    expect(found(document.body)).toEqual(['vllm:vLLM', 'tensorrt-llm:TensorRT-LLM', 'vllm:vLLM', 'tensorrt-llm:TRT-LLM']);
  });

  it.each([
    ['input', () => el('input', [], { value: 'vLLM', placeholder: 'vLLM' })],
    ['textarea', () => el('textarea', ['vLLM draft'])],
    ['select/option', () => el('select', [el('option', ['vLLM'])])],
    ['contenteditable', () => el('div', [el('p', ['vLLM'])], { contenteditable: 'true' })],
    ['contenteditable=""', () => el('div', ['vLLM'], { contenteditable: '' })],
    ['island inside an editor', () => el('div', [el('p', ['vLLM'], { contenteditable: 'false' })], { contenteditable: 'true' })],
    ['script', () => el('script', ['const engine = "vLLM";'])],
    ['style', () => el('style', ['.vLLM { color: red }'])],
    ['noscript', () => el('noscript', ['vLLM'])],
    ['svg', () => { const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg'); const t = document.createElementNS('http://www.w3.org/2000/svg', 'text'); t.textContent = 'vLLM'; svg.append(t); return svg; }],
    ['pre', () => el('pre', ['pip install vllm'])],
    ['code', () => el('p', ['Run ', el('code', ['trtllm-build'])])],
    ['kbd', () => el('kbd', ['vllm'])],
    ['samp', () => el('samp', ['TRTLLM ready'])],
    ['GitHub blob line', () => el('table', [el('tr', [el('td', ['from vllm import LLM'], { class: 'blob-code blob-code-inner' })])])],
    ['GitHub React code view', () => el('div', [el('div', ['import vllm'], { class: 'react-file-line' })], { class: 'react-code-lines' })],
    ['highlighted block', () => el('div', [el('span', ['vllm serve'])], { class: 'highlight' })],
    // Digits only on GitHub; the name inside checks that the column is excluded, not merely empty.
    ['GitHub line-number column', () => el('div', [el('div', ['vllm 12'], { class: 'react-line-number' })], { class: 'react-line-numbers' })],
  ])('skips %s', (_name, make) => {
    document.body.append(make(), el('p', ['kept: vLLM']));
    expect(found(document.body)).toEqual(['vllm:vLLM']);
  });

  it('marks a contenteditable="false" region that is not inside an editor', () => {
    document.body.append(el('div', ['trtllm'], { contenteditable: 'false' }));
    expect(found(document.body)).toEqual(['tensorrt-llm:trtllm']);
  });

  it('never reads attributes', () => {
    document.body.append(el('img', [], { alt: 'vLLM logo', title: 'TensorRT-LLM' }), el('a', ['link'], { title: 'vLLM', href: '/vllm' }));
    expect(found(document.body)).toEqual([]);
  });

  it('includes code when asked to, but still never forms, editors or scripts', () => {
    document.body.append(
      el('pre', ['pip install vllm']),
      el('code', ['trtllm-build']),
      el('div', ['import vllm'], { class: 'blob-code' }),
      el('textarea', ['vLLM']),
      el('script', ['"vLLM"']),
      el('div', ['vLLM'], { contenteditable: 'true' }),
    );
    expect(found(document.body, true)).toEqual(['vllm:vllm', 'tensorrt-llm:trtllm', 'vllm:vllm']);
    expect(excludedSelector({ includeCode: true })).toContain('.react-line-numbers');
    expect(excludedSelector({ includeCode: true })).not.toContain('pre');
    expect(excludedSelector()).toContain('pre');
  });

  it('accepts a text node or a detached subtree as root', () => {
    const text = document.createTextNode('(vLLM)');
    document.body.append(el('p', [text]));
    expect(found(text)).toEqual(['vllm:vLLM']);
    const detached = el('div', [el('p', ['TRTLLM'])]);
    expect(found(detached)).toEqual(['tensorrt-llm:TRTLLM']);
  });

  it('can stop and resume a walk without losing or repeating nodes', () => {
    for (let i = 0; i < 500; i++) document.body.append(el('p', [`comment ${i} about vLLM`]));
    const seen: string[] = [];
    const scan = new TextScan(document.body, excludedSelector(), (node) => seen.push(node.data));
    let slices = 0;
    // Stop at every check point: the walk must still visit each node exactly once.
    while (!scan.run(() => true)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(seen).toHaveLength(500);
    expect(new Set(seen).size).toBe(500);
  });

  it('reads a run of consecutive siblings, and nothing after it', () => {
    const a = el('p', ['first vLLM']);
    const b = el('p', ['second TRT-LLM']);
    const c = el('p', ['third vllm']);
    document.body.append(a, b, c);
    const seen: string[] = [];
    new TextScan(a, excludedSelector(), (node) => seen.push(node.data), 2).run();
    expect(seen).toEqual(['first vLLM', 'second TRT-LLM']);
  });

  it('hands text nodes longer than LONG_TEXT to onTooLong instead of reading them', () => {
    const long = document.createTextNode('vLLM '.repeat(LONG_TEXT / 4));
    document.body.append(el('p', [long]), el('p', ['short vLLM']));
    const seen: string[] = [];
    const tooLong: Text[] = [];
    new TextScan(document.body, excludedSelector(), (node) => seen.push(node.data), 1, (node) => tooLong.push(node)).run();
    expect(seen).toEqual(['short vLLM']);
    expect(tooLong).toEqual([long]);
  });
});

/** Slices timed on a fake clock, with a stand-in query engine (happy-dom has no XPath). */
describe('text walker time slices with a query engine', () => {
  let engine: ReturnType<typeof installFakeQueryEngine>;
  beforeEach(() => {
    document.body.replaceChildren();
    engine = installFakeQueryEngine({ queryMs: 4 });
  });
  afterEach(() => engine.restore());

  it('never starts a query that would overrun a slice it has already used', () => {
    // Three blocks of 1,500 mentions: too big to query as one, so one query per block.
    for (let b = 0; b < 3; b++) {
      const block = el('div');
      for (let i = 0; i < 1500; i++) block.append(el('span', [`vllm ${b}-${i}`]));
      document.body.append(block);
    }
    const budget = 6;
    let seen = 0;
    // Registering a mention "takes" 10 µs, so a block's candidates span several slices.
    const scan = new TextScan(document.body, excludedSelector(), () => {
      seen++;
      engine.clock.now += 0.01;
    });
    const sliceMs: number[] = [];
    for (let done = false; !done; ) {
      const start = engine.clock.now;
      done = scan.run((reserve = 0) => engine.clock.now + reserve >= start + budget);
      sliceMs.push(engine.clock.now - start);
      expect(sliceMs.length).toBeLessThan(100);
    }
    expect(seen).toBe(4500);
    // A slice may end up to one clock check (32 visits) late, never a whole query late.
    expect(Math.max(...sliceMs)).toBeLessThanOrEqual(budget + 32 * 0.01 + 1e-9);
  });

  it('after a slow query, reads the text nodes that follow in one slice instead of one per slice', () => {
    engine.restore();
    engine = installFakeQueryEngine({ queryMs: 20 });
    // A big element (split into a run: one query slower than a whole slice), then 20 bare text nodes.
    const big = el('div');
    for (let i = 0; i < 4001; i++) big.append(el('i'));
    document.body.append(big);
    for (let i = 0; i < 20; i++) document.body.append(document.createTextNode(`note ${i} on vllm `));
    let seen = 0;
    const scan = new TextScan(document.body, excludedSelector(), () => seen++);
    let calls = 0;
    for (let done = false; !done; calls++) {
      const start = engine.clock.now;
      done = scan.run((reserve = 0) => engine.clock.now + reserve >= start + 6);
      expect(calls).toBeLessThan(50);
    }
    expect(seen).toBe(20);
    // The query's slice, then the text nodes together (before: one call per text node).
    expect(calls).toBeLessThanOrEqual(3);
  });
});
