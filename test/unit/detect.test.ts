import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { MENTIONS_COMPARISON_ID } from '../../lib/comparisons';
import { addressPattern, DETECTED_ENGINES, detectMentions, isInAddress, isWordChar, detectMentionsBetween, engineOf, mentionPattern, type DetectedEngineId } from '../../lib/detect';

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
  ],
  'TensorRT-LLM: near misses': [
    ['TensorRT', []],
    ['TensorRT is fast', []],
    ['TRT', []],
    ['TRT engine', []],
    ['TensorRT--LLM', []], // two separators
    ['TensorRT\tLLM', []], // a tab is not a space the issue lists
    ['TensorRT\u2013LLM', []], // en dash is not a hyphen
    ['TRT LLM', []], // the short form takes a hyphen or nothing
    ['trt_llm', []],
    ['TensorRT-LLMs', []],
    ['xTRT-LLM', []],
    ['trtllm2', []],
    ['NVTensorRT-LLM', []],
    ['TensorRT-lLM', []], // the LLM part is written LLM, llm or Llm
    ['trt-LlM', []],
  ],
  'TensorRT-LLM: no separator (real authors write it)': [
    ['TensorRTLLM', [[T, 'TensorRTLLM', 0]]],
    ['tensorrtllm', [[T, 'tensorrtllm', 0]]],
    ['Built with TensorRTLLM 0.9.', [[T, 'TensorRTLLM', 11]]],
    ['TensorRTLLMs', []],
  ],
  'URLs, host names and e-mail addresses shown as text are not mentions': [
    ['see https://docs.vllm.ai/en/stable/', []],
    ['see https://docs.vllm.ai/en/stable/ for vLLM', [[V, 'vLLM', 40]]],
    ['join chat.vllm.ai', []],
    ['join chat.vllm.ai.', []],
    ['(docs.vllm.ai)', []],
    ['vllm.ai', []],
    ['VLLM.AI', []],
    ['write to team@vllm.example', []],
    ['mail vllm-team@example.com today', []],
    ['registry.example.com/org/trtllm-runtime:1.0', []],
    ['docker pull nvcr.io/nvidia/tritonserver:24.05-trtllm-python-py3', []],
    ['github.com/NVIDIA/TensorRT-LLM', []],
    ['http://localhost:8000/v1/vllm', []],
    ['<https://github.com/vllm-project/vllm>', []],
    ['"https://vllm.ai"', []],
    ['file:///opt/vllm/README.md', []],
    ['vLLM (https://vllm.ai) and TRT-LLM', [[V, 'vLLM', 0], [T, 'TRT-LLM', 27]]],
    // Tokens with letters outside ASCII take the Unicode build of the address pattern.
    ['see d\u00f6cs.vllm.ai now', []],
    ['write to j\u00fcrgen@vllm.example', []],
    ['https://vllm.ai/\u00e9t\u00e9', []],
    ['\u00e9quipe.vllm.io', []],
  ],
  'dots, at signs and colons that are not addresses keep the mention': [
    ['We use vLLM.', [[V, 'vLLM', 7]]],
    ['vLLM... then TRT-LLM.', [[V, 'vLLM', 0], [T, 'TRT-LLM', 13]]],
    ['We switched to vLLM.It is faster', [[V, 'vLLM', 15]]],
    ['import tensorrt_llm.builder', [[T, 'tensorrt_llm', 7]]],
    ['from vllm.engine import LLMEngine', [[V, 'vllm', 5]]],
    ['vllm.LLM(model)', [[V, 'vllm', 0]]],
    ['vllm.py', [[V, 'vllm', 0]]],
    ['cc @vllm.', [[V, 'vllm', 4]]],
    ['vLLM: fast', [[V, 'vLLM', 0]]],
    ['Note:vLLM', [[V, 'vLLM', 5]]],
    ['vLLM@HEAD', [[V, 'vLLM', 0]]],
    ['12:30 vLLM', [[V, 'vLLM', 6]]],
    ['Caf\u00e9 vLLM.', [[V, 'vLLM', 5]]],
    ['vLLM.\u00c9t\u00e9', [[V, 'vLLM', 0]]],
    // The long s is not an s of a top-level domain (no case folding beyond ASCII).
    ['docs.vllm.\u017fite', [[V, 'vllm', 5]]],
  ],
  'names glued into a longer identifier with underscores are not mentions': [
    ['VLLM_USE_V1=1', []],
    ['export VLLM_ATTENTION_BACKEND=FLASHINFER', []],
    ['enable_vllm_path', []],
    ['load_tensorrt_llm_plugin', []],
    ['tensorrt_llm_plugin', []],
    ['__init__ of VLLM__CONFIG', []],
    ['The environment variable prefix VLLM_ is reserved.', [[V, 'VLLM', 32]]], // the underscore joins nothing
    ['trtllm_serve', []],
    ['tensorrt_llm', [[T, 'tensorrt_llm', 0]]], // the package's own name
    ['pip install tensorrt_llm', [[T, 'tensorrt_llm', 12]]],
  ],
  'hyphen compounds, possessives and slash lists stay mentions': [
    ['vllm-project', [[V, 'vllm', 0]]],
    ['trtllm-serve', [[T, 'trtllm', 0]]],
    ["TensorRT-LLM's builder", [[T, 'TensorRT-LLM', 0]]],
    ['vLLM\u2019s scheduler', [[V, 'vLLM', 0]]],
    ['vLLM/TRT-LLM/SGLang', [[V, 'vLLM', 0], [T, 'TRT-LLM', 5]]],
    ['vllm-project/vllm', [[V, 'vllm', 0], [V, 'vllm', 13]]],
  ],
  'both engines and mixed boundaries': [
    ['vLLM/TensorRT-LLM', [[V, 'vLLM', 0], [T, 'TensorRT-LLM', 5]]],
    ['vLLM vs. TRT-LLM vs. SGLang', [[V, 'vLLM', 0], [T, 'TRT-LLM', 9]]],
    ['TensorRT-LLM-vLLM', [[T, 'TensorRT-LLM', 0], [V, 'vLLM', 13]]],
    ['[vllm](https://github.com/vllm-project/vllm)', [[V, 'vllm', 1]]], // the link text counts, its URL does not
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

describe('isWordChar', () => {
  it('agrees with \\p{L}|\\p{N} on every code point its shortcuts answer, and beyond', () => {
    const wordChar = /^[\p{L}\p{N}]$/u;
    const ranges = [[0, 0x2ff], [0x2000, 0x20ff], [0x3000, 0x303f], [0x1f600, 0x1f64f]] as const;
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) expect(isWordChar(cp), cp.toString(16)).toBe(wordChar.test(String.fromCodePoint(cp)));
    }
  });
});

describe('addressPattern: the ASCII build agrees with the Unicode build on ASCII text', () => {
  const pieces = ['vllm', 'VLLM', 'TRT-LLM', 'docs', 'ai', 'AI', 'io', 'com', 'example', 'x1', '_', '-', '.', '..', '@', ':', '://', '/', '?', '#', '%', '+', '8000', 'https', 'file', '"', '<', '`'];
  /** Tokens built from every pair and a deterministic sample of longer combinations of the pieces. */
  function tokens(): string[] {
    const out: string[] = [];
    for (const a of pieces) for (const b of pieces) out.push(a + b);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let i = 0; i < 3000; i++) {
      let token = '';
      for (let n = 2 + (i % 6); n > 0; n--) token += pieces[next()];
      out.push(token);
    }
    return out;
  }
  const matches = (re: RegExp, token: string) => {
    re.lastIndex = 0;
    return [...token.matchAll(re)].map((m) => [m.index, m[0]]);
  };

  it('finds the same addresses at the same places', () => {
    const ascii = addressPattern(true);
    const unicode = addressPattern(false);
    expect(ascii.flags).not.toContain('u');
    let found = 0;
    for (const token of tokens()) {
      const expected = matches(unicode, token);
      expect(matches(ascii, token), token).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(500); // the sample holds plenty of addresses
  });

  it('isInAddress answers as the pattern alone would: its fast path only skips tokens without an address', () => {
    // Reference: any address in the whole token that covers the mention (no fast path).
    const reference = (token: string, start: number, end: number) => {
      const re = addressPattern(false);
      re.lastIndex = 0;
      return [...token.matchAll(re)].some((m) => m.index <= start && m.index + m[0].length >= end);
    };
    const names = ['vllm', 'VLLM', 'TRT-LLM'];
    let checked = 0;
    let inside = 0;
    for (const base of tokens()) {
      for (const token of [base, base + '.', `${base}é`, `é@${base}`]) {
        for (const name of names) {
          for (let at = token.indexOf(name); at !== -1; at = token.indexOf(name, at + 1)) {
            const expected = reference(token, at, at + name.length);
            expect(isInAddress(token, at, at + name.length), `${token} @${at}`).toBe(expected);
            checked++;
            if (expected) inside++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(inside).toBeGreaterThan(200);
  });

  it('leaves a name that ends a sentence or precedes punctuation to the fast path', () => {
    expect(detectMentions('the one still ahead is TRTLLM.').map((m) => m.text)).toEqual(['TRTLLM']);
    expect(detectMentions('Use vLLM: it is fast (or vLLM.)').map((m) => m.text)).toEqual(['vLLM', 'vLLM']);
    expect(detectMentions('see vllm.ai, vLLM.io: or a@vllm.dev').map((m) => m.text)).toEqual([]);
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

describe('detectMentionsBetween', () => {
  const text = [
    'vLLM at the start, ',
    'x'.repeat(700),
    ' see https://docs.vllm.ai/en/stable/ and TRT-LLM, ',
    'VLLM_USE_V1 ',
    'y'.repeat(900),
    ' then tensorrt_llm at the end',
  ].join('');
  const whole = detectMentions(text);

  it('finds exactly what the whole text has, piece by piece, whatever the piece size', () => {
    for (const piece of [1, 7, 50, 333, 1000, text.length]) {
      const got = [];
      for (let from = 0; from < text.length; from += piece) got.push(...detectMentionsBetween(text, from, from + piece));
      expect(got).toEqual(whole);
    }
  });

  it('re-reads only an appended tail', () => {
    const old = text.slice(0, 800);
    const from = Math.max(0, old.length - 400);
    const kept = detectMentions(old).filter((m) => m.start < from);
    expect([...kept, ...detectMentionsBetween(text, from)]).toEqual(whole);
  });
});

describe('detectMentions agrees with MENTION_PATTERN_SOURCE (what mark.js and the floor run)', () => {
  it('on random text made of the pieces that matter', () => {
    const pieces = ['vLLM', 'vllm', 'VLLM', 'Vllm', 'TensorRT', 'tensorrt', 'TRT', 'trt', '-', '\u2011', '_', '__', ' ', 'LLM', 'llm', 'Llm', 'lLM',
      'x', '2', 'é', '😀', '𝐀', '.', '/', '(', "'", 'LLM_', 'a_'];
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const full = mentionPattern();
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let i = 0, len = 1 + Math.floor(next() * 12); i < len; i++) text += pieces[Math.floor(next() * pieces.length)];
      // No addresses in these pieces (no '@', ':', and '.' only next to non-hosts), so only the pattern decides.
      const expected = [...text.matchAll(full)].map((m) => [m.index, m[0]]);
      const got = detectMentions(text).map((m) => [m.start, m.text]);
      expect(got, JSON.stringify(text)).toEqual(expected);
    }
  });
});
