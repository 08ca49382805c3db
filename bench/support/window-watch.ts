import type { CDPSession, Page } from 'playwright-core';

export interface WindowWatch {
  /** Frame intervals (ms), the first dropped. */
  frames: number[];
  /** Long tasks: when they started (ms after the watch began) and how long they took. */
  longTasks: { at: number; ms: number }[];
}

/** Frame intervals and long tasks in the window for `seconds`. */
export function watchWindow(page: Page, seconds: number): Promise<WindowWatch> {
  return page.evaluate(
    (seconds) =>
      new Promise<WindowWatch>((done) => {
        const frames: number[] = [];
        const longTasks: { at: number; ms: number }[] = [];
        const began = performance.now();
        new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ at: e.startTime - began, ms: e.duration }))).observe({
          type: 'longtask',
          buffered: false,
        });
        let last = began;
        const end = began + seconds * 1000;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else done({ frames: frames.slice(1), longTasks });
        };
        requestAnimationFrame(tick);
      }),
    seconds,
  );
}

/** Seconds the window's main thread has spent so far: in all tasks, in script, in layout and style. */
export async function mainThreadSeconds(cdp: CDPSession): Promise<{ task: number; script: number; layout: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: value('TaskDuration'), script: value('ScriptDuration'), layout: value('LayoutDuration') + value('RecalcStyleDuration') };
}

/** The functions the window's profile spent most self time in, heaviest first. */
export async function stopProfile(cdp: CDPSession, top = 25): Promise<string> {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<number, number>();
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Chromium's top-level task events, with the thread CPU time each one got next to its wall time. */
export const TASK_TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];

/**
 * The window's long tasks from a Chromium trace, each with the CPU time its thread actually got:
 * a task whose CPU time is far below its wall time was waiting for a core, not computing.
 */
export function longTasksFromTrace(trace: Buffer, overMs = 50): { wallMs: number; cpuMs: number }[] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && mainThreads.has(`${e.pid}:${e.tid}`))
    .filter((e) => (e.dur ?? 0) > overMs * 1000)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // A RunTask nests inside its ThreadControllerImpl::RunTask: keep the outermost only.
  const outermost: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outermost[outermost.length - 1];
    if (!last || task.ts >= last.ts + (last.dur ?? 0)) outermost.push(task);
  }
  return outermost.map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}
