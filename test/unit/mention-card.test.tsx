// @vitest-environment happy-dom
import { act } from 'react';
import { useTestRoot } from './react-root';
import { describe, expect, it, vi } from 'vitest';
import { MentionCard, cardLabel, type MentionCardProps } from '@/components/card/MentionCard';
import { bundledDataset } from '@/lib/bundled-dataset';
import { TeamPickBanner, teamPickHeadline } from '@/components/card/TeamPickBanner';
import { TeamPickFrame } from '@/components/card/TeamPickFrame';
import { selectCardData, type CardData } from '@/lib/card-data';
import { loadSourceDataset } from '@/lib/normalize';
import { cardSourceDataset } from './fixtures/card-source-dataset';
import { FONT_DEPENDENT } from './fixtures/glyphs';

const data: CardData = selectCardData(loadSourceDataset(structuredClone(cardSourceDataset)), 'vllm-vs-tensorrt-llm');

const dom = useTestRoot();

function renderCard(overrides: Partial<MentionCardProps> = {}) {
  const props: MentionCardProps = {
    data,
    mentionedEngineId: 'tensorrt-llm',
    theme: 'light',
    pinned: false,
    onPinnedChange: vi.fn(),
    onClose: vi.fn(),
    onOpenFullComparison: vi.fn(),
    onDragStart: vi.fn(),
    ...overrides,
  };
  act(() => dom.root.render(<MentionCard {...props} />));
  return props;
}

const dialog = () => dom.container.querySelector<HTMLElement>('[role="dialog"]')!;
const button = (name: string | RegExp) =>
  Array.from(dom.container.querySelectorAll('button')).find((b) =>
    typeof name === 'string' ? (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name : name.test(b.textContent ?? ''),
  );
const click = (el: Element | undefined) => act(() => (el as HTMLElement).click());
const text = () => dialog().textContent ?? '';

describe('MentionCard', () => {
  it('is a dialog named "Engine Lens: vLLM vs TensorRT-LLM", themed through data-theme', () => {
    renderCard({ theme: 'dark' });
    expect(dialog().getAttribute('aria-label')).toBe('Engine Lens: vLLM vs TensorRT-LLM');
    expect(cardLabel(data)).toBe('Engine Lens: vLLM vs TensorRT-LLM');
    expect(dialog().getAttribute('data-theme')).toBe('dark');
    expect(dialog().tabIndex).toBe(-1);
  });

  it('highlights the mentioned engine beside the other, with both scores', () => {
    renderCard();
    const tiles = Array.from(dom.container.querySelectorAll<HTMLElement>('.el-engine'));
    expect(tiles.map((t) => [t.dataset.engineId, t.dataset.mentioned])).toEqual([
      ['vllm', 'false'],
      ['tensorrt-llm', 'true'],
    ]);
    expect(tiles[1]!.textContent).toContain('Mentioned on this page');
    expect(tiles[0]!.textContent).not.toContain('Mentioned');
    expect(tiles[0]!.textContent).toContain('8.6');
    expect(tiles[1]!.textContent).toContain('6.4');
  });

  it('has a title that says whose scores these are', () => {
    renderCard();
    expect(dom.container.querySelector('.el-title')?.textContent).toBe('vLLM vs TensorRT-LLM, The source’s scores, AI-generated');
    expect(dom.container.querySelector('.el-subtitle')?.textContent).toBe('The source’s scores, AI-generated');
  });

  it('shows both halves of the verdict, the hovered engine first', () => {
    const lines = () => Array.from(dom.container.querySelectorAll<HTMLElement>('.el-verdict-line')).map((l) => [l.dataset.engineId, l.textContent]);
    renderCard({ mentionedEngineId: 'tensorrt-llm' });
    expect(dom.container.querySelector('.el-verdict-label')?.textContent).toBe('Verdict · AI-assisted');
    expect(lines()).toEqual([
      ['tensorrt-llm', 'Choose TensorRT-LLM if you are on NVIDIA.'],
      ['vllm', 'Choose vLLM if you need flexibility.'],
    ]);
    renderCard({ mentionedEngineId: 'vllm' });
    expect(lines()).toEqual([
      ['vllm', 'Choose vLLM if you need flexibility.'],
      ['tensorrt-llm', 'Choose TensorRT-LLM if you are on NVIDIA.'],
    ]);
    // Without halves for both engines, the single verdict line.
    renderCard({ data: { ...data, verdict: { ...data.verdict, byEngine: { vllm: 'Choose vLLM if you need flexibility.' } } } });
    expect(lines()).toEqual([[undefined, data.verdict.line]]);
  });

  it('warns about the contradictions in words on the verdict line, expanding to every quoted statement', () => {
    const real = selectCardData(bundledDataset(), 'vllm-vs-tensorrt-llm');
    renderCard({ data: real });
    const toggle = button(/Sources disagree in words/)!;
    expect(toggle.textContent).toBe('Sources disagree in words (5)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = () => dom.container.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)!;
    expect(panel().hasAttribute('hidden')).toBe(true);
    click(toggle);
    expect(Array.from(panel().querySelectorAll('[data-contradiction-id] .el-claims-engine')).map((t) => t.textContent)).toEqual([
      'Which engine is faster',
      'How much faster TensorRT-LLM is per token',
      'Setup Time (basic inference): minutes or days',
      'Which engine has the higher throughput',
      'Whether vLLM runs on CPUs',
    ]);
    expect(panel().textContent).toContain('vLLM is a faster, more flexible open-source inference engine (Short Answer)');
    expect(panel().textContent).toContain('+57% (Key Facts & Figures, “Per-Token Latency (Llama 2 70B)”, Diff)');
    // No warning when the data has none.
    renderCard();
    expect(button(/Sources disagree in words/)).toBeUndefined();
  });

  it('uses no character that needs an emoji or symbol font, everything expanded', () => {
    renderCard({ data: selectCardData(bundledDataset(), 'vllm-vs-tensorrt-llm') });
    click(button(/Show all/));
    act(() => dom.container.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]').forEach((b) => b.click()));
    expect(text().match(FONT_DEPENDENT)).toBeNull();
    expect(dom.container.querySelectorAll('svg.el-icon-warning').length).toBeGreaterThan(3);
  });

  it('shows 3 key differences with both values and the winner marked, and all 7 after the toggle', () => {
    renderCard();
    const items = () => Array.from(dom.container.querySelectorAll<HTMLElement>('[data-difference-id]'));
    expect(items().map((i) => i.dataset.differenceId)).toEqual(data.differences.slice(0, 3).map((d) => d.id));
    const values = (item: HTMLElement) => Array.from(item.querySelectorAll('.el-value')).map((v) => v.textContent);
    expect(items()[0]!.querySelector('h3')?.textContent).toBe('Hardware Compatibility');
    expect(values(items()[0]!)).toEqual(['vLLM: Multi-platform (wins)', 'TensorRT-LLM: NVIDIA GPUs only']);
    expect(values(items()[1]!)).toEqual(['vLLM: 10-40x faster', 'TensorRT-LLM: 20-50x faster on NVIDIA GPUs (wins)']);
    expect(items()[1]!.querySelector('[data-winner="true"] svg')).not.toBeNull();

    const toggle = button(/Show all 7 differences/)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(dom.container.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)).not.toBeNull();
    // The source's "at a glance" ones are labelled as such.
    const labels = () => Array.from(dom.container.querySelectorAll('.el-group-label')).map((l) => l.textContent);
    expect(labels()).toEqual(['At a glance: the source’s top 3']);
    click(toggle);
    expect(items()).toHaveLength(7);
    expect(labels()).toEqual(['At a glance: the source’s top 3', 'The other 4']);
    expect(items().map((i) => i.dataset.atAGlance)).toEqual(['true', 'true', 'true', 'false', 'false', 'false', 'false']);
    const glanceList = dom.container.querySelector(`ul[aria-labelledby]`)!;
    expect(document.getElementById(glanceList.getAttribute('aria-labelledby')!)?.textContent).toMatch(/^At a glance/);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(items()[6]!.textContent).toContain('No winner');
    expect(items()[6]!.querySelector('[data-winner="true"]')).toBeNull();
    click(toggle);
    expect(items()).toHaveLength(3);
  });

  it('shows the figures side by side with units, and a "sources disagree" marker that expands to every claim', () => {
    renderCard();
    const rows = Array.from(dom.container.querySelectorAll<HTMLElement>('[data-figure-id]'));
    expect(rows.map((r) => r.dataset.figureId)).toEqual(data.figures.map((f) => f.id));
    const latency = rows.find((r) => r.dataset.figureId === 'per-token-latency')!;
    expect(Array.from(latency.querySelectorAll('.el-value')).map((v) => v.textContent)).toEqual([
      'vLLM: 50-60ms',
      'TensorRT-LLM: 30-40ms',
    ]);
    expect(latency.querySelector('.el-unit')?.textContent).toBe(' · milliseconds');
    expect(latency.querySelector('.el-disagree')).toBeNull();

    const stars = rows.find((r) => r.dataset.figureId === 'stars-2026')!;
    const marker = stars.querySelector<HTMLButtonElement>('.el-disagree')!;
    expect(marker.textContent).toContain('Sources disagree');
    expect(marker.getAttribute('aria-expanded')).toBe('false');
    const panel = () => dom.container.querySelector(`#${CSS.escape(marker.getAttribute('aria-controls')!)}`)!;
    expect(panel().hasAttribute('hidden')).toBe(true);
    click(marker);
    expect(marker.getAttribute('aria-expanded')).toBe('true');
    expect(panel().hasAttribute('hidden')).toBe(false);
    for (const claim of ['50,000+', '7,500+', '7,500+ GitHub stars, 300+ contributors', '3,200+']) {
      expect(panel().textContent).toContain(claim);
    }
  });

  it('shows "—" for a missing value, never a blank', () => {
    renderCard({ data: { ...data, figures: [{ ...data.figures[0]!, values: { vllm: '1 ms' } }] } });
    const values = Array.from(dom.container.querySelectorAll('[data-figure-id] .el-value')).map((v) => v.textContent);
    expect(values).toEqual(['vLLM: 1 ms', 'TensorRT-LLM: — (no value in the source)']);
  });

  it('flags a disagreeing key difference too', () => {
    renderCard();
    click(button(/Show all/));
    const community = dom.container.querySelector('[data-difference-id="kd-community"]')!;
    expect(community.querySelector('.el-disagree')?.textContent).toContain('Sources disagree');
  });

  it('explains the compact warning sign once per section, only where a shown row disagrees', () => {
    renderCard();
    const legends = () => Array.from(dom.container.querySelectorAll('.el-section')).map((section) => section.querySelector('.el-legend')?.textContent ?? null);
    // In this fixture only a difference beyond the top 3 disagrees: its legend comes with "Show all".
    expect(legends()).toEqual([null, ' sources disagree']);
    click(button(/Show all/));
    expect(legends()).toEqual([' sources disagree', ' sources disagree']);
    // The sign is drawn, not the ⚠ character (which needs a symbol font).
    expect(dom.container.querySelector('.el-legend svg.el-icon-warning')).not.toBeNull();
    // The legend is for sighted readers; each marker names its subject for screen readers.
    expect(dom.container.querySelector('.el-legend')?.getAttribute('aria-hidden')).toBe('true');
    expect(dom.container.querySelector('[data-figure-id="stars-2026"] .el-disagree')?.textContent).toContain(
      'Sources disagree on GitHub Stars (2026)',
    );
  });

  it('keeps both engines and their scores in the header (the drag handle)', () => {
    renderCard();
    const header = dom.container.querySelector('.el-header')!;
    expect(header.querySelectorAll('.el-engine')).toHaveLength(2);
    expect(header.textContent).toContain('8.6');
    expect(header.textContent).toContain('6.4');
  });

  it('shows provenance: source, last updated, AI generated', () => {
    renderCard();
    expect(dom.container.querySelector('.el-provenance')?.textContent).toBe(
      'Source: vLLM vs TensorRT-LLM · Last updated Jun 2026 · AI generated',
    );
    expect(dom.container.querySelector('.el-provenance a')).toBeNull();
  });

  it('links the source only over https, with noopener', () => {
    renderCard({ data: { ...data, provenance: { ...data.provenance, sourceUrl: 'https://example.com/compare' } } });
    const link = dom.container.querySelector('.el-provenance a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/compare');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
    renderCard({ data: { ...data, provenance: { ...data.provenance, sourceUrl: 'http://example.com/compare' } } });
    expect(dom.container.querySelector('.el-provenance a')).toBeNull();
  });

  it('leaves out the team pick slot when empty and leads with the extension frame when set', () => {
    const frame = <TeamPickFrame src="chrome-extension://dynamic-id/team-pick.html?theme=light" />;
    renderCard({ teamPickFrame: frame });
    expect(dom.container.querySelector('[data-team-pick-frame]')).toBeNull();
    renderCard({ data: { ...data, teamPick: { frame: true } }, teamPickFrame: frame });
    const body = dom.container.querySelector('.el-body')!;
    const first = body.firstElementChild as HTMLIFrameElement;
    expect(first.tagName).toBe('IFRAME');
    expect(first.getAttribute('src')).toBe('chrome-extension://dynamic-id/team-pick.html?theme=light');
    // One fixed height whatever the note says, and out of the tab order (it holds no control).
    expect(first.getAttribute('height')).toBe('84');
    expect(first.tabIndex).toBe(-1);
    expect(first.title).toBe('Your team’s pick (Engine Lens)');
  });

  it('the team pick banner (drawn inside the frame) names the team and the pick, or says undecided', () => {
    const engines = data.engines;
    const pick = { title: 'Serving', teamName: 'Infra team', engineId: 'tensorrt-llm', note: 'We run H100s only.' };
    act(() => dom.root.render(<TeamPickBanner pick={pick} engines={engines} />));
    expect(dom.container.textContent).toBe('Infra team picks TensorRT-LLMWe run H100s only.');
    expect(teamPickHeadline({ ...pick, engineId: null }, engines)).toBe('Infra team is undecided');
    expect(teamPickHeadline({ ...pick, teamName: '', engineId: 'vllm' }, engines)).toBe('Team pick: vLLM');
    expect(teamPickHeadline({ ...pick, teamName: '', engineId: null }, engines)).toBe('Team pick: undecided');
  });

  it('Pin is a toggle button, Close is named "Close", Open full comparison reports the comparison', () => {
    const props = renderCard();
    const pin = button('Pin')!;
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    click(pin);
    expect(props.onPinnedChange).toHaveBeenCalledWith(true);
    renderCard({ ...props, pinned: true });
    expect(button('Pin')!.getAttribute('aria-pressed')).toBe('true');
    click(button('Close'));
    expect(props.onClose).toHaveBeenCalledTimes(1);
    click(button(/Open full comparison/));
    expect(props.onOpenFullComparison).toHaveBeenCalledWith('vllm-vs-tensorrt-llm');
  });

  it('starts a drag from the bare header, not from its buttons', () => {
    const props = renderCard();
    const header = dom.container.querySelector('.el-header')!;
    act(() => {
      header.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
    });
    expect(props.onDragStart).toHaveBeenCalledTimes(1);
    act(() => {
      button('Pin')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
    });
    expect(props.onDragStart).toHaveBeenCalledTimes(1);
  });

  it('renders hostile text as text, never as markup', () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    renderCard({
      data: {
        ...data,
        verdict: { line: evil, label: null, byEngine: { vllm: evil, 'tensorrt-llm': evil } },
        contradictions: [{ id: 'x', title: evil, claims: [{ quote: evil, where: evil }, { quote: evil, where: evil }] }],
        figures: [{ ...data.figures[0]!, values: { vllm: evil, 'tensorrt-llm': evil } }],
      },
    });
    click(button(/Sources disagree in words/));
    expect(dom.container.querySelector('.el-words [data-contradiction-id="x"]')?.textContent).toContain(evil);
    expect(dom.container.querySelector('img, b')).toBeNull();
    expect(text()).toContain(evil);
  });
});
