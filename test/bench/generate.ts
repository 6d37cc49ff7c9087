/**
 * Generated GitHub-like issue pages for the benchmark. Deterministic (seeded),
 * so every run measures the same documents. The markup imitates what GitHub
 * really sends for an issue timeline: verbose wrappers, avatars, relative
 * timestamps, reaction buttons, and a hidden edit form per comment whose
 * textarea repeats the comment's Markdown (mentions included, never marked).
 */

/** A small, fast, seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = [
  'Thanks for the detailed report, I can reproduce this on an A100 with the latest nightly.',
  'The scheduler keeps preempting requests once the KV cache is about ninety percent full.',
  'Could you share the exact command line and the model revision you used?',
  'We see the same regression after upgrading the CUDA toolkit and the driver.',
  'Closing as a duplicate, please follow the linked issue for updates.',
  'This looks related to chunked prefill interacting with prefix caching.',
  'Latency at batch size one is fine, throughput at high concurrency is the problem.',
  'I bisected it to the commit that changed the default block size.',
  'Not LLVM related: the compiler output is identical before and after.',
  'A VLM such as LLaVA shows the same behaviour with image inputs.',
  'TensorRT alone does not have this issue, and TRT engines build fine.',
];

const MENTIONING = [
  'With vLLM 0.6.3 the throughput is about 20% higher than with TensorRT-LLM on this GPU.',
  "vLLM's PagedAttention keeps memory fragmentation low.",
  'We moved from TRT-LLM to vLLM because building engines for every shape was too slow.',
  'trtllm-build took twelve minutes for the 70B checkpoint.',
  'Is (vLLM) expected to match TensorRT‑LLM on FP8 here?',
  'FastChat-vLLM workers behave the same way.',
  'Comparing vLLM/TensorRT-LLM/SGLang on identical hardware would settle this.',
  'The tensorrt_llm Python package version was 0.12.',
  // Real prose ends sentences on a name too ("vLLM."): the detector then checks for an address.
  'At low latency targets the one still ahead with in-flight batching is TRTLLM.',
];

const CODE = [
  'pip install vllm==0.6.3\nvllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 8192',
  'trtllm-build --checkpoint_dir ./ckpt --output_dir ./engine --gemm_plugin auto',
  'from vllm import LLM, SamplingParams\nllm = LLM(model="facebook/opt-125m")',
  'python3 benchmarks/benchmark_throughput.py --backend tensorrt_llm --num-prompts 1000',
];

const USERS = ['octocat', 'hubot', 'monalisa', 'defunkt', 'mojombo', 'pjhyett', 'wycats', 'ezmobius'];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Sentences for one paragraph; `mentionRate` is the chance that a sentence mentions an engine. */
function sentences(next: () => number, count: number, mentionRate: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pool = next() < mentionRate ? MENTIONING : PROSE;
    out.push(pool[Math.floor(next() * pool.length)]!);
  }
  return out;
}

/** One timeline comment as GitHub renders it (abridged but just as nested). */
export function commentHtml(next: () => number, index: number, mentionRate: number): string {
  const user = USERS[index % USERS.length]!;
  const paragraphs: string[] = [];
  const markdown: string[] = [];
  const count = 1 + Math.floor(next() * 3);
  for (let p = 0; p < count; p++) {
    const text = sentences(next, 1 + Math.floor(next() * 3), mentionRate).join(' ');
    markdown.push(text);
    paragraphs.push(`<p dir="auto">${escapeHtml(text)}</p>`);
  }
  if (next() < 0.3) {
    const code = CODE[Math.floor(next() * CODE.length)]!;
    markdown.push('```\n' + code + '\n```');
    paragraphs.push(
      `<div class="highlight highlight-source-shell notranslate position-relative overflow-auto" dir="auto"><pre>${escapeHtml(code)}</pre></div>`,
    );
  }
  if (next() < 0.2) {
    paragraphs.push(`<p dir="auto">Run <code class="notranslate">vllm serve</code> and compare with <code class="notranslate">trtllm-serve</code>.</p>`);
  }
  return `
<div class="js-timeline-item js-timeline-progressive-focus-container" data-gid="IC_${index}">
  <div class="TimelineItem js-comment-container" data-gid="IC_${index}" data-url="/_render_node/IC_${index}/timeline/issue_comment">
    <div class="avatar-parent-child TimelineItem-avatar d-none d-md-block">
      <a class="d-inline-block" data-hovercard-type="user" href="/${user}"><img class="avatar rounded-2 avatar-user" src="data:," width="40" height="40" alt="@${user}"></a>
    </div>
    <div class="timeline-comment-group js-minimizable-comment-group js-targetable-element TimelineItem-body my-0" id="issuecomment-${100000 + index}">
      <div class="ml-n3 timeline-comment unminimized-comment comment previewable-edit js-task-list-container js-comment timeline-comment--caret">
        <div class="timeline-comment-header clearfix d-flex" data-morpheus-enabled="false">
          <h3 class="f5 text-normal" style="flex: 1 1 auto">
            <div class="d-flex"><strong class="css-truncate"><a class="author Link--primary text-bold css-overflow-wrap-anywhere" data-hovercard-type="user" href="/${user}">${user}</a></strong>
            commented <a href="#issuecomment-${100000 + index}" class="Link--secondary js-timestamp"><relative-time datetime="2024-0${1 + (index % 9)}-1${index % 10}T12:00:00Z" class="no-wrap">Jan ${1 + (index % 28)}, 2024</relative-time></a></div>
          </h3>
          <div class="timeline-comment-actions flex-shrink-0 d-flex flex-items-center">
            <details class="details-overlay details-reset position-relative d-inline-block"><summary class="timeline-comment-action Link--secondary btn-link" aria-label="Show options"><svg aria-hidden="true" height="16" viewBox="0 0 16 16" width="16" class="octicon octicon-kebab-horizontal"><path d="M8 9a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z"></path></svg></summary></details>
          </div>
        </div>
        <div class="edit-comment-hide">
          <task-lists disabled sortable>
            <table class="d-block user-select-contain" data-paste-markdown-skip>
              <tbody class="d-block"><tr class="d-block"><td class="d-block comment-body markdown-body js-comment-body">
                ${paragraphs.join('\n                ')}
              </td></tr></tbody>
            </table>
          </task-lists>
          <div class="comment-reactions flex-items-center border-top js-reactions-container">
            <div class="d-flex"><button type="button" class="social-reaction-summary-item js-reaction-group-button btn-link d-flex no-underline color-fg-muted flex-items-baseline mr-2" value="THUMBS_UP react" aria-pressed="false"><g-emoji class="social-button-emoji" alias="+1">👍</g-emoji><span class="js-discussion-reaction-group-count">${index % 7}</span></button></div>
          </div>
        </div>
        <form class="js-comment-update" action="/vllm-project/vllm/issue_comments/${index}" accept-charset="UTF-8" method="post">
          <div class="previewable-comment-form write-selected" hidden>
            <textarea name="issue_comment[body]" class="form-control input-contrast comment-form-textarea js-comment-field" aria-label="Comment body">${escapeHtml(markdown.join('\n\n'))}</textarea>
          </div>
        </form>
      </div>
    </div>
  </div>
</div>`;
}

export interface GeneratedPage {
  html: string;
  comments: number;
}

/** A whole issue page with `comments` comments. */
export function issuePage(options: {
  comments: number;
  mentionRate: number;
  seed: number;
  title: string;
  /** owner/name shown in the header; the no-mention page needs one that names no engine. */
  repo?: string;
}): GeneratedPage {
  const repo = options.repo ?? 'vllm-project/vllm';
  const next = rng(options.seed);
  const parts: string[] = [];
  for (let i = 0; i < options.comments; i++) parts.push(commentHtml(next, i, options.mentionRate));
  const html = `<!DOCTYPE html>
<html lang="en" data-color-mode="auto">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)} · Issue #4242 · ${escapeHtml(repo)} · GitHub</title>
<style>
  body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; }
  .container-xl { max-width: 1012px; margin: 0 auto; padding: 0 16px; }
  .TimelineItem { display: flex; padding: 16px 0; }
  .timeline-comment { border: 1px solid #d0d7de; border-radius: 6px; flex: 1; }
  .timeline-comment-header { background: #f6f8fa; padding: 0 16px; border-bottom: 1px solid #d0d7de; }
  .comment-body { padding: 16px; }
  .d-none { display: none; } .d-flex { display: flex; } .d-block { display: block; }
  [hidden] { display: none !important; }
  pre { background: #f6f8fa; padding: 16px; overflow: auto; }
</style>
</head>
<body class="logged-in env-production page-responsive">
<div class="position-relative js-header-wrapper">
  <header class="AppHeader"><div class="AppHeader-globalBar"><a href="/${escapeHtml(repo)}">${escapeHtml(repo.replace('/', ' / '))}</a></div></header>
</div>
<div class="application-main" data-commit-hovercards-enabled>
  <main id="js-repo-pjax-container">
    <div class="container-xl clearfix new-discussion-timeline px-3 px-md-4 px-lg-5">
      <div id="partial-discussion-header" class="gh-header mb-3 js-details-container Details">
        <h1 class="gh-header-title mb-2 lh-condensed f1 mr-0 flex-auto wb-break-word"><bdi class="js-issue-title markdown-title">${escapeHtml(options.title)}</bdi> <span class="f1-light color-fg-muted">#4242</span></h1>
      </div>
      <div id="discussion_bucket" class="js-discussion js-socket-channel ml-0 pl-0 ml-md-6 pl-md-3">
${parts.join('\n')}
      </div>
      <div id="partial-new-comment-form-actions"><form class="js-new-comment-form"><textarea name="comment[body]" placeholder="Leave a comment">Draft: vLLM or TensorRT-LLM?</textarea></form></div>
    </div>
  </main>
</div>
<footer class="footer pt-8 pb-6 f6 color-fg-muted p-responsive" role="contentinfo"><p>© 2024 GitHub, Inc.</p></footer>
</body>
</html>`;
  return { html, comments: options.comments };
}

/** The names of the benchmark's page shapes. */
export type BenchPageName = 'big' | 'normal' | 'none' | 'prose' | 'code';

/** The benchmark's page shapes. */
export function benchPages(): Record<BenchPageName, GeneratedPage> {
  return {
    big: issuePage({ comments: 2000, mentionRate: 0.3, seed: 1, title: 'vLLM vs TensorRT-LLM throughput regression megathread' }),
    normal: issuePage({ comments: 40, mentionRate: 0.3, seed: 2, title: 'vLLM is slower than TensorRT-LLM at batch size 1' }),
    none: issuePage({ comments: 40, mentionRate: 0, seed: 3, title: 'Scheduler preempts requests when the KV cache is full', repo: 'acme/inference-server' }),
    prose: prosePage({ comments: 3000, seed: 4 }),
    code: codeViewPage({ lines: 6000, seed: 5 }),
  };
}

// --- long prose, sparse mentions ----------------------------------------------------

/** Plain sentences for the prose page: long, varied, no engine named. */
const LONG_PROSE = [
  'I spent the afternoon going through the scheduler logs and the pattern is always the same: the queue grows, the cache fills, and then a handful of long requests are preempted and recomputed from scratch.',
  'What surprised me is that the regression only shows up with more than sixty-four concurrent sequences; below that the numbers are within noise of the previous release.',
  'For reference, the machine has eight GPUs connected with NVLink, two sockets, and plenty of host memory, so swapping should not be the bottleneck here.',
  'Could we add a metric for the number of preemptions per minute? It would make this kind of report much easier to read without attaching a debugger.',
  'I tried lowering the maximum number of batched tokens as suggested in the documentation, which helps a little but costs about a tenth of the throughput.',
  'The tokenizer is not the problem either: profiling shows it at under two percent of the wall time, even with the largest prompts in the data set.',
  'Let me know if a smaller reproduction would help; I can strip the proprietary parts of the prompt set and share the rest in a gist.',
  'We rolled back to the previous image in production for now, and the latency percentiles went back to what we had last month.',
  'As a side note, the warm-up phase takes noticeably longer since the last update, which matters for us because we scale to zero at night.',
  'Happy to test a patch on our cluster, we can run the full benchmark suite overnight and post the numbers tomorrow morning.',
];

/** One sentence that names an engine (the prose page has one every third comment). */
const PROSE_MENTION = [
  'We saw the same shape of curve on the same hardware with vLLM.',
  'With TensorRT-LLM the preemptions do not happen, but the engine build takes a while.',
  'Is this expected for TRT-LLM as well, or only for the paged attention path?',
];

const PROSE_CODE = [
  'python -m serve.bench --model llama-3-8b --concurrency 128\n# also tried: vllm serve --max-num-seqs 64',
  'export CUDA_VISIBLE_DEVICES=0,1,2,3\ntorchrun --nproc-per-node 4 bench.py --backend tensorrt_llm',
];

/** One prose-heavy comment: a lighter wrapper than {@link commentHtml}, several paragraphs and a list. */
function proseCommentHtml(next: () => number, index: number): string {
  const user = USERS[index % USERS.length]!;
  const pick = <T>(pool: readonly T[]) => pool[Math.floor(next() * pool.length)]!;
  const paragraphs: string[] = [];
  const count = 2 + Math.floor(next() * 2);
  for (let p = 0; p < count; p++) paragraphs.push(`<p dir="auto">${escapeHtml(pick(LONG_PROSE))}</p>`);
  // Sparse mentions: one sentence in every third comment, at a varying place.
  if (index % 3 === 0) paragraphs.splice(Math.floor(next() * paragraphs.length), 0, `<p dir="auto">${escapeHtml(pick(PROSE_MENTION))}</p>`);
  const items = [0, 1, 2].map(() => `<li>${escapeHtml(pick(LONG_PROSE).split(',')[0]!)}</li>`);
  paragraphs.push(`<ul dir="auto">${items.join('')}</ul>`);
  if (index % 5 === 0) {
    paragraphs.push(`<div class="highlight highlight-source-shell notranslate"><pre>${escapeHtml(pick(PROSE_CODE))}</pre></div>`);
  }
  return `<div class="js-timeline-item TimelineItem" id="issuecomment-${200000 + index}"><a class="TimelineItem-avatar" href="/${user}"><img src="data:," width="40" height="40" alt="@${user}"></a><div class="timeline-comment comment"><div class="timeline-comment-header"><strong><a class="author" href="/${user}">${user}</a></strong> commented <relative-time datetime="2024-05-1${index % 10}T12:00:00Z">May ${1 + (index % 28)}, 2024</relative-time></div><div class="comment-body markdown-body js-comment-body">${paragraphs.join('')}</div></div></div>`;
}

/**
 * Long prose with sparse mentions: 3,000 comments of several paragraphs and a
 * list each, a mention in every third comment and a code block in every fifth
 * (about 3.3 MB). Most of the page is text without a mention, the case where
 * reading the text should cost close to the floor.
 */
export function prosePage(options: { comments: number; seed: number }): GeneratedPage {
  const next = rng(options.seed);
  const parts: string[] = [];
  for (let i = 0; i < options.comments; i++) parts.push(proseCommentHtml(next, i));
  return { html: pageShell('Scheduler preemptions under high concurrency', 'acme/inference-server', parts.join('\n')), comments: options.comments };
}

// --- GitHub's React file view: mentions only in code ---------------------------------

const CODE_LINES = [
  'from vllm import LLM, SamplingParams',
  'import tensorrt_llm',
  'from vllm.engine.arg_utils import AsyncEngineArgs',
  'def build_engine(config):',
  '    """Build the serving engine for the given configuration."""',
  '    params = SamplingParams(temperature=0.8, top_p=0.95)',
  '    if config.backend == "vllm":',
  '        return LLM(model=config.model, tensor_parallel_size=config.tp)',
  '    runner = tensorrt_llm.runtime.ModelRunner.from_dir(config.engine_dir)',
  '    return runner',
  '',
  'class Scheduler:',
  '    def __init__(self, max_batch: int = 256) -> None:',
  '        self.queue: list[Request] = []',
  '        self.max_batch = max_batch',
  '    # trtllm and vLLM differ in how they batch prefill and decode',
  '    def step(self) -> None:',
  '        batch = self.queue[: self.max_batch]',
  '        for request in batch:',
  '            request.advance()',
];

/** Python tokens wrapped the way GitHub's highlighter wraps them (keywords, strings, comments). */
function highlightedLine(line: string): string {
  const escaped = escapeHtml(line);
  if (/^\s*#/.test(line)) return `<span class="pl-c">${escaped}</span>`;
  return escaped
    .replace(/\b(from|import|def|class|return|if|for|in|self|None)\b/g, '<span class="pl-k">$1</span>')
    .replace(/(&quot;[^&]*&quot;)/g, '<span class="pl-s">$1</span>');
}

/**
 * A file in GitHub's React code view: line numbers, one `react-file-line` per
 * line, the hidden textarea GitHub keeps the raw file in, and the embedded JSON
 * payload. Mentions appear only in code (excluded by default), so there is
 * nothing to mark: what matters is that reading this page costs little.
 */
export function codeViewPage(options: { lines: number; seed: number }): GeneratedPage {
  const next = rng(options.seed);
  const raw: string[] = [];
  for (let i = 0; i < options.lines; i++) raw.push(CODE_LINES[(i + Math.floor(next() * 3)) % CODE_LINES.length]!);
  const numbers = raw.map((_, i) => `<div data-line-number="${i + 1}" class="react-line-number react-code-text">${i + 1}</div>`);
  const lines = raw.map(
    (line, i) =>
      `<div class="react-code-text react-code-line-contents-no-virtualization react-file-line html-div" id="LC${i + 1}" data-line-number="${i + 1}">${highlightedLine(line)}</div>`,
  );
  const payload = JSON.stringify({ payload: { blob: { rawLines: raw }, path: 'serving/engine.py' } }).replace(/</g, '\\u003c');
  const body = `<div class="react-code-view"><div class="react-blob-header"><a href="/acme/serving">acme / serving</a> / serving / engine.py</div>
<div class="react-code-file-contents" role="presentation"><div class="react-line-numbers">${numbers.join('')}</div><div class="react-code-lines">${lines.join('')}</div></div>
<textarea id="read-only-cursor-text-area" aria-label="file content" readonly hidden>${escapeHtml(raw.join('\n'))}</textarea>
<script type="application/json" data-target="react-app.embeddedData">${payload}</script></div>`;
  return { html: pageShell('serving/engine.py at main · acme/serving', 'acme/serving', body), comments: 0 };
}

/** The document around generated content: GitHub-like head, header and footer naming no engine. */
function pageShell(title: string, repo: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en" data-color-mode="auto">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · ${escapeHtml(repo)} · GitHub</title>
<style>
  body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; }
  main { max-width: 1012px; margin: 0 auto; padding: 0 16px; }
  .TimelineItem { display: flex; padding: 16px 0; }
  .timeline-comment { border: 1px solid #d0d7de; border-radius: 6px; flex: 1; }
  .timeline-comment-header { background: #f6f8fa; padding: 0 16px; }
  .comment-body { padding: 16px; }
  .react-code-file-contents { display: flex; font: 12px/20px ui-monospace, monospace; }
  .react-code-lines { white-space: pre; }
  [hidden] { display: none !important; }
  pre { background: #f6f8fa; padding: 16px; overflow: auto; }
</style>
</head>
<body class="logged-in env-production page-responsive">
<header class="AppHeader"><div class="AppHeader-globalBar"><a href="/${escapeHtml(repo)}">${escapeHtml(repo.replace('/', ' / '))}</a></div></header>
<div class="application-main">
  <main id="js-repo-pjax-container">
    <h1 class="gh-header-title"><bdi class="js-issue-title markdown-title">${escapeHtml(title)}</bdi></h1>
    <div id="discussion_bucket" class="js-discussion">
${content}
    </div>
  </main>
</div>
<footer class="footer pt-8 pb-6 f6 color-fg-muted p-responsive" role="contentinfo"><p>© 2024 GitHub, Inc.</p></footer>
</body>
</html>`;
}

/** What {@link appendComments} needs from Node: the sentence pools and the mention pattern. */
export const APPEND_POOLS = { mentioning: MENTIONING, prose: PROSE };

/**
 * Runs in the page world (passed to page.evaluate, so it must be self-contained):
 * builds `count` new timeline comments — two prose paragraphs each, half of the
 * sentences mentioning an engine, plus a code block that must not be marked —
 * and returns the fragment and how many prose mentions it holds.
 */
export function buildComments(
  count: number,
  seed: number,
  pools: { mentioning: string[]; prose: string[] },
  patternSource: string,
): { fragment: DocumentFragment; mentions: number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pattern = new RegExp(patternSource, 'gu');
  const fragment = document.createDocumentFragment();
  let mentions = 0;
  for (let i = 0; i < count; i++) {
    const item = document.createElement('div');
    item.className = 'js-timeline-item';
    const body = document.createElement('div');
    body.className = 'comment-body markdown-body';
    for (let p = 0; p < 2; p++) {
      const para = document.createElement('p');
      const pool = next() < 0.5 ? pools.mentioning : pools.prose;
      const text = pool[Math.floor(next() * pool.length)]!;
      mentions += text.match(pattern)?.length ?? 0;
      para.textContent = text;
      body.append(para);
    }
    const code = document.createElement('pre');
    code.textContent = 'vllm serve model  # code: never marked';
    body.append(code);
    item.append(body);
    fragment.append(item);
  }
  return { fragment, mentions };
}

// --- hostile input -------------------------------------------------------------------

/**
 * The normal page plus one comment holding 13,000 mentions (130 paragraphs of
 * 100): what a hostile page or one pasted log can do. Every later DOM change
 * makes Chromium rebuild the marker of every painted range.
 */
export function denseCommentPage(): GeneratedPage {
  const base = issuePage({ comments: 40, mentionRate: 0.3, seed: 2, title: 'vLLM is slower than TensorRT-LLM at batch size 1' });
  const forms = ['vLLM', 'TensorRT-LLM', 'vllm', 'TRT-LLM'];
  const paragraphs: string[] = [];
  for (let p = 0; p < 130; p++) {
    const words: string[] = [];
    for (let i = 0; i < 100; i++) words.push(`${forms[(p + i) % forms.length]} run ${i}`);
    paragraphs.push(`<p dir="auto">${words.join(', ')}.</p>`);
  }
  const comment = `<div class="js-timeline-item TimelineItem" id="issuecomment-dense"><div class="timeline-comment comment"><div class="comment-body markdown-body js-comment-body">${paragraphs.join('\n')}</div></div></div>`;
  const marker = '\n      </div>\n      <div id="partial-new-comment-form-actions">';
  return { html: base.html.replace(marker, `\n${comment}${marker}`), comments: 41 };
}
