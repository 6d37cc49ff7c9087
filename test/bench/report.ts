/** The benchmark's result file shape and its Markdown summary. */

export interface PageResult {
  page: { bytes: number; comments: number };
  engineLens: {
    /** Main-thread time in the content script's callbacks until every mention is registered (median). */
    busyMsMedian: number;
    busyMsRuns: number[];
    /** Script start → every mention registered, yields included. */
    wallMsMedian: number;
    /** Longest single callback, self-measured with performance.now (wall time), over all runs. */
    longestCallbackMsMax: number;
    mentions: number;
    rangesInHighlights: number;
    /** CPU-profiler self time in the content script's file, one run (big page only). */
    profilerSelfMs: number | null;
    traced: {
      longestTaskWallMsMax: number;
      longestTaskCpuMsMax: number;
      longestTaskCpuMsMedian: number;
      tasksMedian: number;
      longestFrameWallMsMedian: number;
      longestFrameCpuMsMedian: number;
    };
  };
  withoutExtension: { longestFrameWallMsMedian: number; longestFrameCpuMsMedian: number };
  markjs: { msMedian: number; msRuns: number[]; marks: number };
  floor: { msMedian: number; msRuns: number[]; matches: number };
  markjsOverEngineLens: number;
  engineLensOverFloor: number;
}

export interface BenchResults {
  date: string;
  environment: {
    browser: string;
    node: string;
    cpu: string;
    loadAverage: { before: number; after: number };
    runs: Record<string, number>;
  };
  initialMarking: Partial<Record<'big' | 'prose' | 'code' | 'normal' | 'none', PageResult>>;
  upkeep: Record<string, { frameMsWith: number; frameMsWithout: number }>;
  hostile: {
    dense: { busyMsMedian: number; mentionsRegistered: number; rangesInHighlights: number; longestTaskCpuMs: number };
    append: { seconds: number; extraCpuMs: number; extraCpuPercentOfCore: number; ownBusyMs: number; mentionsRegistered: number };
    storm: { mutations: number; extraCpuMs: number; extraCpuPercentOfCore: number; extraCpuMsHighlightsEmptied: number; ownBusyMs: number; cpuMsWithout: number };
  };
  appendLatency: { comments: number; samples: number; p50Ms: number; p95Ms: number; maxMs: number; everyMentionRegistered: boolean };
  memory: Record<
    'afterBigPage' | 'normalPage' | 'after20SoftNavigations',
    {
      jsHeapKiB: number;
      blinkHeapKiB: number;
      mentionsRegistered: number;
      rangesInHighlights: number;
      staleRanges: number;
      /** Heap growth within the page over its soft navigations, with minus without the extension (0 without navigations). */
      growthKiB: number;
      /** Of which compiled code (bytecode, machine code, feedback). */
      growthCodeKiB: number;
      /** Of which everything else: objects, DOM, strings. */
      growthObjectsKiB: number;
    }
  > & { softNavigationGrowthKiB: number };
  size: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number; alwaysLoadedGzipBytes: number };
  targets: Record<string, boolean>;
}

/** The Markdown summary written to test/bench/results/latest.md. */
export function summary(r: BenchResults): string {
  const env = r.environment;
  const lines = [
    '# Mentions content script: benchmark results',
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC · ${env.browser} · ${env.cpu} · Node ${env.node} · load average ${env.loadAverage.before} → ${env.loadAverage.after}.`,
    `Medians of ${env.runs.big}/${env.runs.prose}/${env.runs.code}/${env.runs.normal}/${env.runs.none} runs (big/prose/code/normal/none); every contender measured on the same pages in the same run. How each number is measured: test/bench/README.md.`,
    '',
    '## Marking a freshly loaded page',
    '',
    '| page | HTML | mentions (painted) | Engine Lens JS | mark.js | textContent floor | mark.js ÷ Engine Lens | Engine Lens ÷ floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, p] of Object.entries(r.initialMarking)) {
    lines.push(
      `| ${name} | ${(p.page.bytes / 1e6).toFixed(2)} MB, ${p.page.comments} comments | ${p.engineLens.mentions} (${p.engineLens.rangesInHighlights}; mark.js: ${p.markjs.marks}) | ${p.engineLens.busyMsMedian} ms | ${p.markjs.msMedian} ms | ${p.floor.msMedian} ms | **${p.markjsOverEngineLens}×** | ${p.engineLensOverFloor}× |`,
    );
  }
  lines.push(
    '',
    '| page | wall time to all registered | longest content-script task (CPU / wall, worst of traced runs) | longest frame while marking | longest frame without Engine Lens |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const [name, p] of Object.entries(r.initialMarking)) {
    const t = p.engineLens.traced;
    lines.push(
      `| ${name} | ${p.engineLens.wallMsMedian} ms | ${t.longestTaskCpuMsMax} ms / ${t.longestTaskWallMsMax} ms | ${t.longestFrameCpuMsMedian} ms CPU (${t.longestFrameWallMsMedian} ms wall) | ${p.withoutExtension.longestFrameCpuMsMedian} ms CPU (${p.withoutExtension.longestFrameWallMsMedian} ms wall) |`,
    );
  }
  const big = r.initialMarking.big;
  if (big?.engineLens.profilerSelfMs != null) {
    lines.push('', `CPU-profiler cross-check, big page: ${big.engineLens.profilerSelfMs} ms of samples in the content script (profiler overhead included) vs. ${big.engineLens.busyMsMedian} ms self-timed.`);
  }
  lines.push('', '## Living with the page', '');
  for (const [name, u] of Object.entries(r.upkeep)) {
    lines.push(`- Frame after a one-word DOM change, ${name} page: ${u.frameMsWith} ms with Engine Lens, ${u.frameMsWithout} ms without (Chromium rebuilds every highlight marker after DOM changes).`);
  }
  const a = r.appendLatency;
  lines.push(
    `- ${a.comments} comments appended at once → all their mentions registered and painted: p50 ${a.p50Ms} ms, **p95 ${a.p95Ms} ms**, max ${a.maxMs} ms (${a.samples} batches; counts correct: ${a.everyMentionRegistered ? 'yes' : 'NO'}).`,
  );
  const m = r.memory;
  const h = r.hostile;
  lines.push(
    `- Retained after marking the big page: JS heap +${m.afterBigPage.jsHeapKiB} KiB, Blink heap +${m.afterBigPage.blinkHeapKiB} KiB (${m.afterBigPage.mentionsRegistered} mentions, ${m.afterBigPage.rangesInHighlights} painted).`,
    `- Retained on the normal page: JS +${m.normalPage.jsHeapKiB} KiB, Blink +${m.normalPage.blinkHeapKiB} KiB; after 20 soft navigations: JS +${m.after20SoftNavigations.jsHeapKiB} KiB, Blink +${m.after20SoftNavigations.blinkHeapKiB} KiB (${m.after20SoftNavigations.mentionsRegistered} mentions registered, ${m.after20SoftNavigations.rangesInHighlights} ranges painted, ${m.after20SoftNavigations.staleRanges} stale): ${m.softNavigationGrowthKiB} KiB more than the normal page.`,
    `- Growth within the page over those 20 soft navigations (heap snapshots before the first and after the last, with minus without the extension): ${m.after20SoftNavigations.growthKiB} KiB, of which compiled code ${m.after20SoftNavigations.growthCodeKiB} KiB and **objects ${m.after20SoftNavigations.growthObjectsKiB} KiB**.`,
    `- Always-loaded content script: ${(r.size.jsGzipBytes / 1024).toFixed(1)} KB JS + ${(r.size.cssGzipBytes / 1024).toFixed(1)} KB CSS, gzipped.`,
    '',
    '## Hostile input',
    '',
    `- 13,000 mentions in one comment (plus the normal page): ${h.dense.mentionsRegistered} registered in ${h.dense.busyMsMedian} ms of JS, ${h.dense.rangesInHighlights} painted (at most 50 per text node, 600 around the viewport past 1,000); longest task ${h.dense.longestTaskCpuMs} ms CPU.`,
    `- A hidden 8 MB text node appended to every 10 ms for ${h.append.seconds} s: +${h.append.extraCpuMs} ms of main-thread CPU with Engine Lens (${h.append.extraCpuPercentOfCore} % of a core), ${h.append.ownBusyMs} ms of it in the script's own callbacks; ${h.append.mentionsRegistered} mentions registered at the end.`,
    `- ${h.storm.mutations} text mutations in 10 s: +${h.storm.extraCpuMs} ms of main-thread CPU with Engine Lens (${h.storm.extraCpuPercentOfCore} % of a core; the page itself used ${h.storm.cpuMsWithout} ms), ${h.storm.ownBusyMs} ms in the script's own callbacks; +${h.storm.extraCpuMsHighlightsEmptied} ms with the extension running but its highlights emptied (the rest is Chromium revalidating and repainting the painted ranges after each DOM change).`,
    '',
    '## Targets',
    '',
    '| target | met |',
    '| --- | --- |',
    ...Object.entries(r.targets).map(([k, v]) => `| ${k} | ${v ? 'yes' : '**no**'} |`),
    '',
  );
  return lines.join('\n');
}
