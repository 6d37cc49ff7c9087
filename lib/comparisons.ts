/**
 * The comparison hover cards and the popup show for mentions on a page: the
 * detector (lib/detect.ts) finds these two engines, and this is the bundled
 * dataset's comparison of them (test/unit/detect.test.ts checks both).
 */
export const MENTIONS_COMPARISON_ID = 'vllm-vs-tensorrt-llm';
