/**
 * Records a Chromium performance trace around a page load and answers two
 * questions from it: how long were the tasks that ran the content script's
 * code, and how long were the rendering frames. Thread (CPU) time is reported
 * beside wall time because the benchmark may share its machine: wall time then
 * includes time the renderer was not scheduled at all.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** The subset of a Chrome trace event the analysis reads (times in µs). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { message?: string } };
}

/** The `console.timeStamp` label the content script emits at the start of each timed callback. */
const TASK_TIMESTAMP = 'engine-lens:task';
/** Events inside a task that make it a rendering frame. */
const FRAME_EVENTS = new Set(['PrePaint', 'Paint', 'Layout', 'UpdateLayoutTree']);

/** Runs `fn` (which should load `page`) while recording a trace of task-level events. */
export async function traced(context: BrowserContext, page: Page, fn: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  await fn();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

export interface TaskStats {
  /** Tasks that ran content-script code. */
  ourTasks: number;
  ourLongestWallMs: number;
  ourLongestCpuMs: number;
  /** The longest rendering frame (style, layout, paint) in the window. */
  frameLongestWallMs: number;
  frameLongestCpuMs: number;
  /** Tasks whose thread time the trace gives as longer than their wall time (clamped, see below). */
  cpuOverWall: number;
}

/**
 * Task statistics for the page's renderer main thread. The main thread is the
 * one that recorded the `probeMark` user-timing mark. Frames are counted in
 * [DOMContentLoaded, DOMContentLoaded + windowMs].
 */
export function taskStats(events: TraceEvent[], probeMark: string, windowMs: number): TaskStats {
  const probe = events.find((e) => e.name === probeMark && e.cat.includes('user_timing'));
  if (!probe) throw new Error(`trace has no "${probeMark}" mark`);
  const onMain = events.filter((e) => e.pid === probe.pid && e.tid === probe.tid);
  const dcl = onMain.find((e) => e.name === 'MarkDOMContent')?.ts ?? probe.ts;
  const windowEnd = dcl + windowMs * 1000;

  // Top-level tasks only (a nested RunTask lies inside another one).
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const topLevel: TraceEvent[] = [];
  for (const t of tasks) {
    const last = topLevel[topLevel.length - 1];
    if (last && t.ts < last.ts + last.dur!) continue;
    topLevel.push(t);
  }

  const inside = onMain.filter((e) => e.name !== 'RunTask').sort((a, b) => a.ts - b.ts);
  const stats: TaskStats = { ourTasks: 0, ourLongestWallMs: 0, ourLongestCpuMs: 0, frameLongestWallMs: 0, frameLongestCpuMs: 0, cpuOverWall: 0 };
  let i = 0;
  for (const task of topLevel) {
    const end = task.ts + task.dur!;
    let ours = false;
    let frame = false;
    while (i < inside.length && inside[i]!.ts < task.ts) i++;
    for (let j = i; j < inside.length && inside[j]!.ts < end; j++) {
      const e = inside[j]!;
      if (e.name === 'TimeStamp' && e.args?.data?.message === TASK_TIMESTAMP) ours = true;
      if (FRAME_EVENTS.has(e.name)) frame = true;
    }
    const wall = task.dur! / 1000;
    // A task cannot use more of its thread than the time it took. On this VM
    // the thread clock now and then reports more (18 ms of "CPU" in a 12 ms
    // task): that is the clock, not the task, so thread time is capped at wall time.
    const thread = (task.tdur ?? task.dur!) / 1000;
    if (thread > wall) stats.cpuOverWall++;
    const cpu = Math.min(thread, wall);
    if (ours) {
      stats.ourTasks++;
      stats.ourLongestWallMs = Math.max(stats.ourLongestWallMs, wall);
      stats.ourLongestCpuMs = Math.max(stats.ourLongestCpuMs, cpu);
    }
    if (frame && task.ts >= dcl && task.ts <= windowEnd) {
      stats.frameLongestWallMs = Math.max(stats.frameLongestWallMs, wall);
      stats.frameLongestCpuMs = Math.max(stats.frameLongestCpuMs, cpu);
    }
  }
  return stats;
}
