/**
 * One colour pair per engine, defined once (components/engine-colors.css):
 * the page underline repeats its line colours exactly, the card and the
 * comparison view only refer to it, and the shades keep their contrast on
 * the surfaces they are used on, in light and dark.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const definitions = read('components/engine-colors.css');
const underline = read('entrypoints/mentions.content/style.css');
const ENGINES = ['vllm', 'tensorrt-llm'] as const;

function defined(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})\\s*;`, 'i').exec(definitions);
  if (!match) throw new Error(`--${name} is not defined in components/engine-colors.css`);
  return match[1]!.toLowerCase();
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The surfaces engine colours appear on: page/popup/card backgrounds, light and dark. */
const LIGHT_SURFACES = ['#ffffff', '#f6f8fa'];
const DARK_SURFACES = ['#0d1117', '#151b23', '#161b22', '#1f2630'];

describe('engine colours', () => {
  it('the page underline uses exactly the defined line colours: vLLM solid, TensorRT-LLM dashed', () => {
    const rule = (engine: string) => {
      const match = new RegExp(`(?:^|\\s|:root)::highlight\\(engine-lens-${engine}\\)\\s*{([^}]*)}`).exec(underline);
      expect(match, engine).not.toBeNull();
      return match![1]!;
    };
    for (const engine of ENGINES) {
      expect(rule(engine)).toContain(`text-decoration-color: ${defined(`engine-${engine}-line`)};`);
    }
    expect(rule('vllm')).toContain('text-decoration-style: solid');
    expect(rule('tensorrt-llm')).toContain('text-decoration-style: dashed');
    // The tint behind a mark (what sets it apart from a link) is the same hue.
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(' ');
    for (const engine of ENGINES) {
      expect(rule(engine)).toMatch(new RegExp(`background-color: rgb\\(${rgb(defined(`engine-${engine}-line`))} / 0\\.\\d+\\)`));
    }
  });

  it('the card, the comparison view and "On this page" refer to the definitions and define no engine colour of their own', () => {
    for (const path of ['components/card/card.css', 'components/comparison/comparison.css', 'components/on-this-page/on-this-page.css']) {
      const css = read(path);
      const engineProperties = [...css.matchAll(/--(?:el-)?(?:vllm|trt|tensorrt-llm|first|second)[\w-]*\s*:\s*([^;]+);/g)];
      for (const [declaration, value] of engineProperties) {
        expect(value!.trim(), `${path}: ${declaration}`).toMatch(/^var\(--(?:engine-|el-(?:vllm|trt)|vllm|trt)/);
      }
    }
    expect(read('components/card/card.css')).toContain("@import '../engine-colors.css'");
    expect(read('components/comparison/comparison.css')).toContain("@import '../engine-colors.css'");
  });

  it.each(ENGINES)('%s: lines at least 3:1 and ink at least 4.5:1 on every surface of its theme, also on its tint', (engine) => {
    for (const surface of LIGHT_SURFACES) {
      expect(contrast(defined(`engine-${engine}-line`), surface)).toBeGreaterThanOrEqual(3);
      expect(contrast(defined(`engine-${engine}-ink`), surface)).toBeGreaterThanOrEqual(4.5);
    }
    for (const surface of DARK_SURFACES) {
      expect(contrast(defined(`engine-${engine}-line-dark`), surface)).toBeGreaterThanOrEqual(3);
      expect(contrast(defined(`engine-${engine}-ink-dark`), surface)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(defined(`engine-${engine}-ink`), defined(`engine-${engine}-soft`))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(defined(`engine-${engine}-ink-dark`), defined(`engine-${engine}-soft-dark`))).toBeGreaterThanOrEqual(4.5);
    // The page underline has one colour for light and dark pages alike.
    expect(contrast(defined(`engine-${engine}-line`), '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(defined(`engine-${engine}-line`), '#0d1117')).toBeGreaterThanOrEqual(3);
  });
});
