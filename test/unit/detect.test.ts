import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { MENTIONS_COMPARISON_ID } from '../../lib/comparisons';
import { DETECTED_ENGINES, detectMentions, engineOf, mentionPattern, type DetectedEngineId } from '../../lib/detect';

/** [input, expected mentions as [engine, text, start]] — start pins the exact offsets. */
type Case = [input: string, expected: Array<[DetectedEngineId, string, number]>];

const V = 'vllm' as const;
const T = 'tensorrt-llm' as const;

const cases: Record<string, Case[]> = {
  'vLLM: the three accepted spellings': [
    ['vLLM', [[V, 'vLLM', 0]]],
    ['vllm', [[V, 'vllm', 0]]],
    ['VLLM', [[V, 'VLLM', 0]]],
    ['We serve with vLLM today.', [[V, 'vLLM', 14]]],
    ['pip install vllm', [[V, 'vllm', 12]]],
    ['VLLM_USE_V1=1', [[V, 'VLLM', 0]]], // underscore is neither letter nor digit
  ],
  'vLLM: other casings are not vLLM': [
    ['Vllm', []],
    ['VLlm', []],
    ['vLlM', []],
    ['vlLM', []],
  ],
  'vLLM: near misses': [
    ['LLVM', []],
    ['VLM', []],
    ['vLM', []],
    ['myvllmapp', []],
    ['vllmx', []],
    ['xvllm', []],
    ['vLLM2', []], // a digit continues the word
    ['2vLLM', []],
    ['vLLMé', []], // a non-ASCII letter continues the word
    ['évLLM', []],
    ['llvm vlm llm v llm', []],
    ['', []],
  ],
  'vLLM: boundaries': [
    ["vLLM's scheduler", [[V, 'vLLM', 0]]],
    ['(vLLM)', [[V, 'vLLM', 1]]],
    ['#vLLM', [[V, 'vLLM', 1]]],
    ['FastChat-vLLM', [[V, 'vLLM', 9]]],
    ['vllm-project/vllm', [[V, 'vllm', 0], [V, 'vllm', 13]]],
    ['"vLLM"', [[V, 'vLLM', 1]]],
    ['vLLM.', [[V, 'vLLM', 0]]],
    ['vLLM,vLLM', [[V, 'vLLM', 0], [V, 'vLLM', 5]]],
    ['@vllm', [[V, 'vllm', 1]]],
    ['vLLM\u00a0rocks', [[V, 'vLLM', 0]]], // no-break space
    ['«vLLM»', [[V, 'vLLM', 1]]],
    ['😀vLLM😀', [[V, 'vLLM', 2]]], // surrogate pairs: offsets are UTF-16 code units
  ],
  'TensorRT-LLM: separators': [
    ['TensorRT-LLM', [[T, 'TensorRT-LLM', 0]]],
    ['TensorRT\u2010LLM', [[T, 'TensorRT\u2010LLM', 0]]], // U+2010 hyphen
    ['TensorRT\u2011LLM', [[T, 'TensorRT\u2011LLM', 0]]], // U+2011 non-breaking hyphen
    ['TensorRT LLM', [[T, 'TensorRT LLM', 0]]],
    ['tensorrt_llm', [[T, 'tensorrt_llm', 0]]],
    ['tensorrt-llm', [[T, 'tensorrt-llm', 0]]],
    ['import tensorrt_llm.builder', [[T, 'tensorrt_llm', 7]]],
  ],
  'TensorRT-LLM: case-insensitive': [
    ['TENSORRT-LLM', [[T, 'TENSORRT-LLM', 0]]],
    ['Tensorrt-Llm', [[T, 'Tensorrt-Llm', 0]]],
    ['tensorRT-llm', [[T, 'tensorRT-llm', 0]]],
  ],
  'TRT forms': [
    ['TRT-LLM', [[T, 'TRT-LLM', 0]]],
    ['trt-llm', [[T, 'trt-llm', 0]]],
    ['TRTLLM', [[T, 'TRTLLM', 0]]],
    ['trtllm', [[T, 'trtllm', 0]]],
    ['TrtLlm', [[T, 'TrtLlm', 0]]],
    ['TRT\u2011LLM', [[T, 'TRT\u2011LLM', 0]]],
    ['trtllm-build --checkpoint_dir', [[T, 'trtllm', 0]]],
    ['trtllm_serve', [[T, 'trtllm', 0]]],
  ],
  'TensorRT-LLM: near misses': [
    ['TensorRT', []],
    ['TensorRT is fast', []],
    ['TRT', []],
    ['TRT engine', []],
    ['TensorRT--LLM', []], // two separators
    ['TensorRTLLM', []], // the long form needs a separator
    ['TensorRT\tLLM', []], // a tab is not a space the issue lists
    ['TensorRT\u2013LLM', []], // en dash is not a hyphen
    ['TRT LLM', []], // the short form takes a hyphen or nothing
    ['trt_llm', []],
    ['TensorRT-LLMs', []],
    ['xTRT-LLM', []],
    ['trtllm2', []],
    ['NVTensorRT-LLM', []],
  ],
  'both engines and mixed boundaries': [
    ['vLLM/TensorRT-LLM', [[V, 'vLLM', 0], [T, 'TensorRT-LLM', 5]]],
    ['vLLM vs. TRT-LLM vs. SGLang', [[V, 'vLLM', 0], [T, 'TRT-LLM', 9]]],
    ['TensorRT-LLM-vLLM', [[T, 'TensorRT-LLM', 0], [V, 'vLLM', 13]]],
    ['[vllm](https://github.com/vllm-project/vllm)', [[V, 'vllm', 1], [V, 'vllm', 26], [V, 'vllm', 39]]],
    ['TensorRT-LLM: faster than vLLM?', [[T, 'TensorRT-LLM', 0], [V, 'vLLM', 26]]],
    ['line one vLLM\nline two trtllm', [[V, 'vLLM', 9], [T, 'trtllm', 23]]],
  ],
};

describe('detectMentions', () => {
  for (const [group, rows] of Object.entries(cases)) {
    describe(group, () => {
      it.each(rows)('%j', (input, expected) => {
        const got = detectMentions(input).map((m) => [m.engine, m.text, m.start] as const);
        expect(got).toEqual(expected);
      });
    });
  }

  it('has a table of at least 60 cases', () => {
    expect(Object.values(cases).flat().length).toBeGreaterThanOrEqual(60);
  });

  it('reports offsets that slice back to the mention text', () => {
    const text = 'Compare (vLLM) with TensorRT\u2011LLM and trtllm-build 😀 vllm.';
    const mentions = detectMentions(text);
    expect(mentions).toHaveLength(4);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('gives the same result when called repeatedly (no leaked regex state)', () => {
    const text = 'vLLM and vLLM';
    expect(detectMentions(text)).toEqual(detectMentions(text));
    expect(detectMentions('x')).toEqual([]);
    expect(detectMentions(text)).toHaveLength(2);
  });
});

describe('engineOf / mentionPattern', () => {
  it('maps each form to its engine', () => {
    expect(engineOf('vLLM')).toBe('vllm');
    expect(engineOf('VLLM')).toBe('vllm');
    expect(engineOf('TRT-LLM')).toBe('tensorrt-llm');
    expect(engineOf('tensorrt_llm')).toBe('tensorrt-llm');
  });

  it('returns an independent global regex each time', () => {
    const a = mentionPattern();
    const b = mentionPattern();
    expect(a).not.toBe(b);
    expect(a.flags).toContain('g');
    expect('vLLM and TRTLLM'.match(a)).toEqual(['vLLM', 'TRTLLM']);
  });
});

describe('detected engines and the dataset', () => {
  it('every engine the detector knows is an engine of the bundled dataset and of its comparison', () => {
    const dataset = bundledDataset();
    const comparison = dataset.comparisons.find((c) => c.id === MENTIONS_COMPARISON_ID);
    expect(comparison?.engines).toEqual([...DETECTED_ENGINES]);
    for (const id of DETECTED_ENGINES) expect(dataset.engines.map((e) => e.id)).toContain(id);
  });
});
