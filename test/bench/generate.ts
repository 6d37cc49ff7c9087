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
  'TRTLLM with in-flight batching is still ahead at low latency targets.',
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

/** The benchmark's three pages. */
export function benchPages(): Record<'big' | 'normal' | 'none', GeneratedPage> {
  return {
    big: issuePage({ comments: 2000, mentionRate: 0.3, seed: 1, title: 'vLLM vs TensorRT-LLM throughput regression megathread' }),
    normal: issuePage({ comments: 40, mentionRate: 0.3, seed: 2, title: 'vLLM is slower than TensorRT-LLM at batch size 1' }),
    none: issuePage({ comments: 40, mentionRate: 0, seed: 3, title: 'Scheduler preempts requests when the KV cache is full', repo: 'acme/inference-server' }),
  };
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
