// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { detectMentions, type DetectedEngineId } from '../../lib/detect';
import { cssHighlightSink } from '../../entrypoints/mentions.content/highlight-sink';
import { MAX_ENTRIES_PER_NODE, MAX_MARKS_PER_NODE, MentionRegistry, NEAR_SCREENS, PAINT_ALL_LIMIT, PAINT_WINDOW } from '../../entrypoints/mentions.content/registry';

/** Records what would be painted, in place of CSS.highlights. */
function fakeSink() {
  const painted = { vllm: new Set<Range>(), 'tensorrt-llm': new Set<Range>() };
  return {
    painted,
    texts: (engine: DetectedEngineId) => [...painted[engine]].map((r) => r.toString()),
    add: (engine: DetectedEngineId, range: Range) => void painted[engine].add(range),
    delete: (engine: DetectedEngineId, range: Range) => void painted[engine].delete(range),
    ensureRegistered: vi.fn(),
    dispose: vi.fn(),
  };
}

function paragraph(text: string): Text {
  const node = document.createTextNode(text);
  const p = document.createElement('p');
  p.append(node);
  document.body.append(p);
  return node;
}

describe('MentionRegistry', () => {
  beforeEach(() => document.body.replaceChildren());

  it('registers one range per mention covering exactly its characters', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const node = paragraph('Compare vLLM with TRT-LLM and vllm.');
    registry.set(node, detectMentions(node.data));
    expect(registry.size).toBe(3);
    // Registered at once, painted when the batch is committed.
    expect(sink.painted.vllm.size).toBe(0);
    registry.commit();
    expect(sink.texts('vllm')).toEqual(['vLLM', 'vllm']);
    expect(sink.texts('tensorrt-llm')).toEqual(['TRT-LLM']);
    const [first] = registry.list();
    expect(first).toMatchObject({ engine: 'vllm', text: 'vLLM' });
    expect(first!.range.startContainer).toBe(node);
    expect(first!.range.startOffset).toBe(8);
    expect(first!.range.endOffset).toBe(12);
  });

  it('replaces (never duplicates) the mentions of a node registered again', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const node = paragraph('vLLM and vLLM');
    registry.set(node, detectMentions(node.data));
    registry.commit();
    registry.set(node, detectMentions(node.data));
    registry.commit();
    expect(registry.size).toBe(2);
    expect(sink.painted.vllm.size).toBe(2);
    expect(registry.isCurrent(node)).toBe(true);
  });

  it('lists mentions in document order, whatever the order they were registered in', () => {
    const registry = new MentionRegistry(document, fakeSink());
    const a = paragraph('first vLLM');
    const b = paragraph('second TRTLLM then vllm');
    const c = paragraph('third TensorRT-LLM');
    for (const node of [c, a, b]) registry.set(node, detectMentions(node.data));
    expect(registry.list().map((m) => m.text)).toEqual(['vLLM', 'TRTLLM', 'vllm', 'TensorRT-LLM']);
    const ids = registry.list().map((m) => m.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('sweeps mentions whose text node left the page, and notifies listeners once per commit', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const kept = paragraph('kept vLLM');
    const gone = paragraph('gone TRT-LLM');
    registry.set(kept, detectMentions(kept.data));
    registry.set(gone, detectMentions(gone.data));
    const listener = vi.fn();
    registry.onChange(listener);
    registry.commit();
    expect(listener).toHaveBeenCalledTimes(1);

    gone.parentElement!.remove();
    expect(registry.sweep()).toBe(1);
    registry.commit();
    registry.commit(); // nothing changed since: no second call
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.list().map((m) => m.text)).toEqual(['vLLM']);
    expect(sink.painted['tensorrt-llm'].size).toBe(0);
    expect(registry.has(registry.list()[0]!)).toBe(true);
  });

  it('holds nothing of a removed page once the batch that swept it is committed (soft navigations)', () => {
    const registry = new MentionRegistry(document, fakeSink());
    // Each "page" is a few marks; a soft navigation replaces it. A dropped entry
    // left in any list would keep its detached text node, and through it the
    // whole old page, alive.
    for (let page = 0; page < 20; page++) {
      document.body.replaceChildren();
      registry.sweep();
      for (let i = 0; i < 5; i++) {
        const node = paragraph(`page ${page}: vLLM and TRT-LLM`);
        registry.set(node, detectMentions(node.data));
      }
      registry.commit();
      // White-box on purpose: the registration-order list is the one place that could retain old nodes.
      const held = (registry as unknown as { markable: Array<{ node: Text }> }).markable;
      expect(held.every((e) => e.node.isConnected)).toBe(true);
      expect(held).toHaveLength(10);
    }
  });

  it('paints only on a painting commit, and never paints what was removed before it', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const a = paragraph('vLLM here');
    const b = paragraph('TRTLLM there');
    registry.set(a, detectMentions(a.data));
    registry.set(b, detectMentions(b.data));
    registry.commit(false);
    expect(registry.unpaintedCount).toBe(2);
    expect(sink.painted.vllm.size + sink.painted['tensorrt-llm'].size).toBe(0);
    registry.remove(b);
    registry.commit(true);
    expect(sink.texts('vllm')).toEqual(['vLLM']);
    expect(sink.painted['tensorrt-llm'].size).toBe(0);
    expect(registry.unpaintedCount).toBe(0);
  });

  // Moved and rewritten nodes (live ranges collapsing) need a real browser: see test/e2e/mentions.spec.ts.

  it('dispose removes every range and the highlights', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const node = paragraph('vLLM');
    registry.set(node, detectMentions(node.data));
    registry.dispose();
    expect(registry.size).toBe(0);
    expect(sink.painted.vllm.size).toBe(0);
    expect(sink.dispose).toHaveBeenCalled();
  });

  it('paints at most MAX_MARKS_PER_NODE marks of one text node, and still lists and counts the rest', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const node = paragraph(Array.from({ length: 120 }, (_, i) => `vLLM ${i}`).join(', '));
    registry.set(node, detectMentions(node.data));
    registry.commit();
    expect(registry.size).toBe(120);
    expect(registry.list()).toHaveLength(120);
    expect(sink.painted.vllm.size).toBe(MAX_MARKS_PER_NODE);
    // A mention past the cap still has a range when a feature asks for it.
    const last = registry.list()[119]!;
    expect(last.range.toString()).toBe('vLLM');
  });

  it('keeps the mentions before an append (same ids) and replaces the rest', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const node = paragraph('vLLM then TRT-LLM');
    registry.set(node, detectMentions(node.data));
    registry.commit();
    const firstId = registry.list()[0]!.id;
    node.appendData(' and vllm');
    const from = 10; // re-read from here: TRT-LLM and what was appended
    registry.set(node, detectMentions(node.data).filter((m) => m.start >= from), from);
    registry.commit();
    expect(registry.list().map((m) => m.text)).toEqual(['vLLM', 'TRT-LLM', 'vllm']);
    expect(registry.list()[0]!.id).toBe(firstId);
    expect(registry.size).toBe(3);
    expect(sink.texts('vllm')).toEqual(['vLLM', 'vllm']);
    expect(sink.texts('tensorrt-llm')).toEqual(['TRT-LLM']);
  });

  it('keeps painted only the marks near the viewport or without a box, and paints them again when they come near', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const height = window.innerHeight;
    const place = (node: Text, top: number | null) => {
      const box = top === null ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, top, 600, 20);
      node.parentElement!.getBoundingClientRect = () => box;
    };
    const onScreen = paragraph('on screen: vLLM');
    const far = paragraph('far below: TRT-LLM');
    const hidden = paragraph('hidden: vllm');
    place(onScreen, 10);
    place(far, height * (1 + NEAR_SCREENS) + 50);
    place(hidden, null);
    for (const node of [onScreen, far, hidden]) registry.set(node, detectMentions(node.data));
    // Painted when committed (positions are not read mid-scan), trimmed after the next frame.
    registry.commit();
    expect(registry.paintedMarks).toBe(3);
    registry.updateWindow();
    expect(sink.texts('vllm').sort()).toEqual(['vLLM', 'vllm']);
    expect(sink.texts('tensorrt-llm')).toEqual([]);
    expect(registry.size).toBe(3);
    // Scrolled: the far one comes within a viewport height, the first goes more than one above.
    place(far, height + 20);
    place(onScreen, -height * NEAR_SCREENS - 30);
    registry.updateWindow();
    expect(sink.texts('vllm')).toEqual(['vllm']);
    expect(sink.texts('tensorrt-llm')).toEqual(['TRT-LLM']);
    expect(registry.paintedMarks).toBe(2);
    // A mark registered but not committed yet is left for the commit.
    const late = paragraph('late: vLLM');
    place(late, 10);
    registry.set(late, detectMentions(late.data));
    registry.updateWindow();
    expect(registry.unpaintedCount).toBe(1);
    registry.commit();
    expect(sink.texts('vllm').sort()).toEqual(['vLLM', 'vllm']);
    registry.dispose();
  });

  it('past PAINT_ALL_LIMIT marks, paints only a window of PAINT_WINDOW', () => {
    const sink = fakeSink();
    const registry = new MentionRegistry(document, sink);
    const nodes = Array.from({ length: PAINT_ALL_LIMIT + 200 }, (_, i) => paragraph(`comment ${i}: vLLM`));
    for (const node of nodes) registry.set(node, detectMentions(node.data));
    registry.commit();
    // The window moves after the next frame; here, move it now.
    registry.updateWindow();
    expect(registry.size).toBe(nodes.length);
    expect(sink.painted.vllm.size).toBe(PAINT_WINDOW);
    expect(registry.paintedMarks).toBe(PAINT_WINDOW);
    registry.dispose();
    expect(sink.painted.vllm.size).toBe(0);
  });

  it('keeps the mentions of a node past MAX_ENTRIES_PER_NODE compactly, and still lists them in order', () => {
    const registry = new MentionRegistry(document, fakeSink());
    const count = MAX_ENTRIES_PER_NODE + 250;
    const node = paragraph(Array.from({ length: count }, (_, i) => (i % 2 ? `TRT-LLM ${i}` : `vLLM ${i}`)).join(', '));
    const before = paragraph('before: vllm');
    node.parentElement!.before(before.parentElement!);
    registry.set(node, detectMentions(node.data));
    registry.set(before, detectMentions(before.data));
    const listed = registry.list();
    expect(registry.size).toBe(count + 1);
    expect(listed).toHaveLength(count + 1);
    expect(listed[0]!.text).toBe('vllm');
    expect(listed.at(-1)!.text).toBe('TRT-LLM');
    expect(listed.at(-1)!.range.toString()).toBe('TRT-LLM');
    expect(new Set(listed.map((m) => m.id)).size).toBe(count + 1);
    expect(registry.has(listed.at(-1)!)).toBe(true);
    // An append keeps the compact prefix and adds after it.
    const length = node.length;
    node.appendData(', last vllm');
    registry.set(node, detectMentions(node.data).filter((m) => m.start >= length), length);
    expect(registry.size).toBe(count + 2);
    expect(registry.list().at(-1)!.text).toBe('vllm');
    registry.remove(node);
    expect(registry.size).toBe(1);
  });
});

describe('cssHighlightSink', () => {
  /** A stand-in for the Custom Highlight API (happy-dom has none). */
  function stubHighlightApi() {
    const registry = new Map<string, Set<Range>>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', class extends Set<Range> {});
    return registry;
  }

  it('registers nothing until the first mark, then both highlights, and puts them back if the page clears them', () => {
    const registry = stubHighlightApi();
    try {
      const sink = cssHighlightSink()!;
      sink.ensureRegistered();
      expect([...registry.keys()]).toEqual([]); // a page without a mention gets no highlight at all
      const node = paragraph('vLLM');
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 4);
      sink.add('vllm', range);
      expect([...registry.keys()].sort()).toEqual(['engine-lens-tensorrt-llm', 'engine-lens-vllm']);
      expect([...registry.get('engine-lens-vllm')!]).toEqual([range]);
      registry.clear();
      sink.ensureRegistered();
      expect([...registry.get('engine-lens-vllm')!]).toEqual([range]);
      sink.dispose();
      expect(registry.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
