/**
 * The underline styles (assets/public/underline/): each is a file the
 * registration and the worker inject after the mentions CSS. In every style
 * that draws a line, the two engines differ by line style, not colour alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNDERLINE_FILES } from '@/entrypoints/background/content-scripts';
import { UnderlineStyleSchema } from '@/lib/settings';

const read = (file: string) => fs.readFileSync(path.join('assets/public', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The declarations of the rule for one highlight name (rules may list several names). */
function declarations(css: string, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!selectors!.split(',').some((s) => s.trim() === `:root::highlight(${name})`)) continue;
    for (const declaration of body!.split(';')) {
      const [property, value] = declaration.split(':').map((part) => part.trim());
      if (property && value) out[property] = value;
    }
  }
  return out;
}

describe('underline styles', () => {
  it('there is one file per setting, and it exists', () => {
    expect(Object.keys(UNDERLINE_FILES).sort()).toEqual([...UnderlineStyleSchema.options].sort());
    for (const file of Object.values(UNDERLINE_FILES)) expect(fs.existsSync(path.join('assets/public', file))).toBe(true);
  });

  it.each(['dotted', 'solid'] as const)('%s: both engines are underlined, in different line styles', (style) => {
    const css = read(UNDERLINE_FILES[style]);
    const vllm = declarations(css, 'engine-lens-vllm');
    const trt = declarations(css, 'engine-lens-tensorrt-llm');
    expect(vllm['text-decoration-line']).toBe('underline');
    expect(trt['text-decoration-line']).toBe('underline');
    expect(vllm['text-decoration-style']).toBe(style);
    expect(trt['text-decoration-style']).toBeTruthy();
    expect(trt['text-decoration-style']).not.toBe(vllm['text-decoration-style']);
  });

  it('none: neither engine is drawn', () => {
    const css = read(UNDERLINE_FILES.none);
    expect(declarations(css, 'engine-lens-vllm')['text-decoration-line']).toBe('none');
    expect(declarations(css, 'engine-lens-tensorrt-llm')['text-decoration-line']).toBe('none');
  });

  it('only styles Engine Lens’s own two highlights (nothing of the page)', () => {
    for (const file of Object.values(UNDERLINE_FILES)) {
      const selectors = [...read(file).matchAll(/([^{}]+)\{/g)].flatMap(([, s]) => s!.split(',').map((x) => x.trim()));
      expect(selectors.every((s) => /^:root::highlight\(engine-lens-(vllm|tensorrt-llm)\)$/.test(s))).toBe(true);
    }
  });
});
