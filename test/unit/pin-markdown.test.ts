import { describe, expect, it } from 'vitest';
import { bundledDataset } from '@/lib/bundled-dataset';
import { buildPin } from '@/lib/pin-edit';
import { escapeMarkdown, pinMarkdown } from '@/lib/pin-markdown';
import { NO_PRIORITIES } from '@/lib/pins';

const dataset = bundledDataset();
const comparison = dataset.comparisons[0]!;
const pin = buildPin({
  draft: {
    title: 'Our serving stack',
    team: 'Platform team',
    rows: { differences: ['hardware-compatibility', 'deployment-complexity', 'latency-on-a100'], facts: ['setup-time-basic-deployment', 'time-to-first-token'] },
    priorities: { ...NO_PRIORITIES, hardwareFlexibility: 3, easeOfSetup: 2, latency: 1 },
    pick: 'vllm',
    note: 'We run vLLM on our mixed fleet because half of it is AMD.\n\n- TensorRT-LLM only for the H100 pool\n# not a heading',
  },
  comparison,
  datasetVersion: dataset.version,
  newId: 'pin-mixed-fleet-0001',
  now: 1_780_000_000_000,
});
const LINK = 'https://github.com/vllm-project/vllm/issues/1#engine-lens=1.abc_-';

describe('pinMarkdown', () => {
  it('matches the snapshot: title, pick, note, rows table, weighted verdict, provenance, share link last', async () => {
    const markdown = pinMarkdown({ pin, dataset, share: { link: LINK } });
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/pin-markdown.md');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(`[Open this pin in Engine Lens](<${LINK}>)`);
  });

  it('a value with |, < and backticks stays in its cell and renders as text', () => {
    const hostile = structuredClone(dataset);
    const row = hostile.comparisons[0]!.keyDifferences.find((d) => d.id === 'hardware-compatibility')!;
    row.values.vllm = { raw: 'NVIDIA | AMD <script>alert(1)</script> `rm -rf` *bold* [x](y)', parsed: null };
    row.title = 'Hardware | compatibility';
    const markdown = pinMarkdown({ pin, dataset: hostile, share: { link: LINK } });
    const line = markdown.split('\n').find((l) => l.startsWith('| Hardware'))!;
    expect(line).toBe(
      '| Hardware \\| compatibility | NVIDIA \\| AMD &lt;script&gt;alert(1)&lt;/script&gt; \\`rm -rf\\` \\*bold\\* \\[x\\](y) | NVIDIA GPUs only | vLLM |',
    );
    // Four cells: the escaped pipes did not split any.
    expect(line.split(/(?<!\\)\|/).length - 2).toBe(4);
  });

  it('a pin too big for a link says so where the link would be', () => {
    const markdown = pinMarkdown({ pin, dataset, share: { unavailable: 'This pin is 9.1 KB, more than the 8 KB a share link can carry.' } });
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('_This pin is 9.1 KB, more than the 8 KB a share link can carry._');
    expect(markdown).not.toContain('engine-lens=');
  });

  it('escapes a title and a note with markup', () => {
    const markdown = pinMarkdown({ pin: { ...pin, title: '<b>Ours</b> | `x`', note: '1. first\n> quoted\n<img src=x>' }, dataset, share: { link: LINK } });
    expect(markdown).toContain('### &lt;b&gt;Ours&lt;/b&gt; \\| \\`x\\`');
    expect(markdown).toContain('> 1\\. first\n> &gt; quoted\n> &lt;img src=x&gt;');
  });

  it('escapeMarkdown keeps plain words as they are', () => {
    expect(escapeMarkdown('vLLM vs TensorRT-LLM (2026)')).toBe('vLLM vs TensorRT-LLM (2026)');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });
});
