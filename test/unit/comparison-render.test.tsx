// @vitest-environment happy-dom
/**
 * The comparison view as rendered (no layout): what reads first, what is
 * marked, the Diff legend, the charts' axes and directions, and the
 * contradictions in words, on the bundled data.
 */
import { act } from 'react';
import { useTestRoot } from './react-root';
import { beforeEach, describe, expect, it } from 'vitest';
import { ComparisonView } from '@/components/comparison/ComparisonView';
import { bundledDataset } from '@/lib/bundled-dataset';
import { FONT_DEPENDENT } from './fixtures/glyphs';


const dom = useTestRoot();

beforeEach(() => {
  act(() => dom.root.render(<ComparisonView dataset={bundledDataset()} />));
});

const section = (headingId: string) => dom.container.querySelector(`section[aria-labelledby="${headingId}"]`)!;
const texts = (selector: string, within: ParentNode = dom.container) =>
  Array.from(within.querySelectorAll(selector)).map((e) => e.textContent?.trim() ?? '');

function expandEverything() {
  act(() => {
    dom.container.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]').forEach((b) => b.click());
  });
  dom.container.querySelectorAll('details').forEach((d) => (d.open = true));
}

describe('ComparisonView', () => {
  it('uses no character that needs an emoji or symbol font, expanded panels included', () => {
    expandEverything();
    const text = dom.container.textContent ?? '';
    expect(text.match(FONT_DEPENDENT)).toBeNull();
    // The winner's trophy and the warning sign are drawn.
    expect(section('differences-heading').querySelectorAll('svg.el-icon-trophy').length).toBe(7);
    expect(dom.container.querySelectorAll('.disagree-flag svg.el-icon-warning').length).toBeGreaterThan(0);
  });

  it('reads verdict first: both "Choose … if" sentences, then the audiences, then the short answer under its own title', () => {
    const verdict = section('verdict-heading');
    expect(texts('.verdict-line', verdict)).toEqual([
      'Choose vLLM if you need flexibility across multiple hardware platforms, quick deployment, and support for hundreds of models without vendor lock-in.',
      "Choose TensorRT-LLM if you're exclusively on NVIDIA infrastructure and require absolute maximum throughput and latency optimization (20-30% faster on A100/H100 GPUs) for mission-critical production workloads with supported models.",
    ]);
    expect(texts('.choose h3', verdict)).toEqual(['Choose vLLM if', 'Choose TensorRT-LLM if']);
    expect(texts('h3', verdict).at(-1)).toBe('Short answer');
    const order = ['.verdict-line', '.choose', '.short-answer'].map((s) =>
      Array.from(verdict.querySelectorAll('*')).indexOf(verdict.querySelector(s)!),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('flags the verdict and the short answer where the source contradicts them in words', () => {
    const verdict = section('verdict-heading');
    const flags = Array.from(verdict.querySelectorAll<HTMLButtonElement>('.disagree-flag'));
    expect(flags.map((f) => f.textContent)).toEqual(['Sources disagree (3)', 'Sources disagree']);
    act(() => flags[1]!.click());
    const panel = document.getElementById(flags[1]!.getAttribute('aria-controls')!)!;
    expect(panel.textContent).toContain('Which engine is faster');
    expect(panel.textContent).toContain('vLLM is a faster, more flexible open-source inference engine');
    expect(panel.textContent).toContain('Pros, TensorRT-LLM');
  });

  it('marks the source\'s three "at a glance" differences', () => {
    const items = Array.from(section('differences-heading').querySelectorAll<HTMLElement>('li.difference'));
    expect(items.filter((i) => i.querySelector('.tag.glance')?.textContent === 'At a glance').map((i) => i.querySelector('h3')!.firstChild!.textContent)).toEqual([
      'Hardware Compatibility',
      'Throughput Improvement vs Standard PyTorch',
      'Model Support Range',
    ]);
  });

  it('shows the contradictions in words in "Where the sources disagree", beside the numeric ones', () => {
    const panel = section('disagreements-heading');
    expect(panel.querySelector('h2')?.textContent).toBe('Where the sources disagree (9)');
    expect(texts('h3', panel)).toEqual(['In figures (4)', 'In words (5)']);
    expect(texts('[data-text-group] .disagreement-name', panel)).toEqual([
      'Which engine is faster',
      'How much faster TensorRT-LLM is per token',
      'Setup Time (basic inference): minutes or days',
      'Which engine has the higher throughput',
      'Whether vLLM runs on CPUs',
    ]);
    const setup = panel.querySelector('[data-text-group="setup-time-minutes-or-days"]')!;
    expect(texts('.claim-quote', setup)).toEqual(['120-420 minutes', '2-7 days with infrastructure']);
    expect(texts('.claim-source', setup)).toEqual([
      'Key Facts & Figures, “Setup Time (basic inference)”, vLLM',
      'Key Facts & Figures, “Setup Time (basic inference)”, vLLM',
    ]);
  });

  it('explains the Diff column: relative to what, and that "+" means higher, not better', () => {
    const legend = section('facts-heading').querySelector('.diff-legend')!;
    expect(legend.textContent).toBe(
      'Diff is the source’s own column: vLLM’s figure relative to TensorRT-LLM’s (middle of a range). “+” means vLLM’s figure is higher, not that it is better: read each metric’s direction.',
    );
    const header = Array.from(section('facts-heading').querySelectorAll('th')).find((th) => th.textContent === 'Diff')!;
    expect(header.getAttribute('aria-describedby')).toBe(legend.id);
  });

  it('gives every chart an axis from 0 to its labelled maximum, and a direction only where the metric has one', () => {
    const charts = Array.from(section('charts-heading').querySelectorAll<HTMLElement>('figure.chart'));
    const chart = (id: string) => charts.find((c) => c.dataset.factId === id)!;
    expect(texts('.axis span', chart('memory-usage-reduction'))).toEqual(['0%', '100%']);
    expect(texts('.axis span', chart('per-token-latency-llama-2-70b'))).toEqual(['0 ms', '60 ms']);
    expect(chart('per-token-latency-llama-2-70b').querySelector('.direction')?.textContent).toBe('Lower is better');
    expect(chart('throughput-a100').querySelector('.direction')?.textContent).toBe('Higher is better');
    expect(chart('github-stars-2026').querySelector('.direction')).toBeNull();
    // A contested row draws every claim and says so.
    expect(chart('github-stars-2026').dataset.contested).toBe('true');
    expect(chart('github-stars-2026').querySelectorAll('.bar-row')).toHaveLength(8);
    expect(chart('pre-optimized-model-count').querySelector('.chart-left-out')?.textContent).toContain('Unlimited (HuggingFace)');
  });
});
