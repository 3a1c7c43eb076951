/**
 * Main-thread CPU of a page's renderer, from a Chrome trace: every top-level task's thread time
 * (`tdur`, CPU time, so other processes competing for the cores do not inflate it), split into
 * the tasks that ran the extension's own code and the rest (parsing, style, layout, paint).
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  id2?: { local?: string };
  args?: Record<string, unknown> & { name?: string };
}

export interface RendererCpu {
  /** CPU of every top-level task on the page's main thread, in ms. */
  totalMs: number;
  /** CPU of the tasks that ran the content script: its evaluation and its `spendprint:*` spans, in ms. */
  contentScriptMs: number;
  /** CPU of every task from the first scan on: the extension's work and the rendering it causes. */
  sinceScanMs: number;
  /** Style, layout, pre-paint and paint from the first scan on (the badges' rendering). */
  sinceScanRenderingMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'];
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);

export type { TraceEvent };

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** The renderer main thread that parsed `url` (the trace covers every process of the browser). */
function mainThread(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData as { url?: string } | undefined)?.url === url);
  if (!parse) throw new Error(`the trace has no parsing of ${url}`);
  return { pid: parse.pid, tid: parse.tid };
}

/** `spendprint:*` measures (async begin/end pairs in blink.user_timing) as [start, end] in µs. */
function spendprintSpans(events: TraceEvent[], pid: number): Array<[number, number]> {
  const open = new Map<string, number>();
  const spans: Array<[number, number]> = [];
  for (const e of events) {
    if (e.pid !== pid || !e.cat.includes('blink.user_timing') || !e.name.startsWith('spendprint:')) continue;
    const key = `${e.name}|${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') open.set(key, e.ts);
    if (e.ph === 'e' && open.has(key)) {
      spans.push([open.get(key)!, e.ts]);
      open.delete(key);
    }
  }
  return spans;
}

export function rendererCpu(events: TraceEvent[], url: string): RendererCpu {
  const { pid, tid } = mainThread(events, url);
  const complete = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = complete.filter((e) => e.name === 'RunTask');
  const topLevel = tasks.filter((task) => !tasks.some((other) => other !== task && other.ts <= task.ts && other.ts + other.dur! >= task.ts + task.dur! && other.dur! > task.dur!));
  const spans = spendprintSpans(events, pid);
  const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  const evaluations = complete.filter((e) => e.name === 'EvaluateScript' && String((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith('chrome-extension://'));
  const within = (task: TraceEvent, e: TraceEvent) => e.ts >= task.ts && e.ts <= task.ts + task.dur!;
  const ranOurCode = (task: TraceEvent) =>
    spans.some(([start, end]) => start < task.ts + task.dur! && end > task.ts) || evaluations.some((e) => within(task, e));
  const sum = (list: TraceEvent[]) => list.reduce((total, e) => total + cpu(e), 0);
  const ours = topLevel.filter(ranOurCode);
  const firstScan = Math.min(...topLevel.filter((task) => spans.some(([start, end]) => start < task.ts + task.dur! && end > task.ts)).map((task) => task.ts));
  return {
    totalMs: sum(topLevel),
    contentScriptMs: sum(ours),
    sinceScanMs: sum(topLevel.filter((task) => task.ts >= firstScan)),
    sinceScanRenderingMs: sum(complete.filter((e) => RENDERING.has(e.name) && e.ts >= firstScan)),
  };
}
