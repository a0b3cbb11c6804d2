// Shared benchmark helpers: run tinybench tasks and print one table of throughput, median
// and p99, with each task's throughput as a ratio of the first (the baseline or the peer).
import { Bench } from 'tinybench';

/** One task: `fn` does `ops` operations per call (1,000,000 appends, say). */
export interface BenchTask {
  name: string;
  ops: number;
  fn: () => unknown;
  /** Runs before each call, outside the timing (fresh state). */
  setup?: () => void;
}

/** Runs the tasks and prints a table; returns the per-task figures for goals checked by the caller. */
export async function runBench(
  title: string,
  tasks: BenchTask[],
  options: { iterations?: number; time?: number } = {},
): Promise<Map<string, { opsPerSecond: number; medianMs: number; p99Ms: number }>> {
  const bench = new Bench({
    iterations: options.iterations ?? 5,
    time: options.time ?? 0,
    warmupIterations: 1,
    warmupTime: 0,
  });
  for (const task of tasks)
    bench.add(task.name, task.fn, task.setup ? { beforeEach: task.setup } : {});
  await bench.run();

  const figures = new Map<string, { opsPerSecond: number; medianMs: number; p99Ms: number }>();
  const rows = tasks.map((task, index) => {
    const latency = bench.tasks[index]?.result;
    const stats = latency && 'latency' in latency ? latency.latency : undefined;
    const medianMs = stats?.p50 ?? NaN;
    const p99Ms = stats?.p99 ?? NaN;
    const opsPerSecond = (task.ops * 1000) / medianMs;
    figures.set(task.name, { opsPerSecond, medianMs, p99Ms });
    return { task: task.name, ops: task.ops, opsPerSecond, medianMs, p99Ms };
  });
  const base = rows[0]?.opsPerSecond ?? NaN;
  console.log(`\n${title}`);
  console.table(
    rows.map((row) => ({
      task: row.task,
      'ops/call': row.ops.toLocaleString('en'),
      'ops/s (median)': Math.round(row.opsPerSecond).toLocaleString('en'),
      'median ms/call': row.medianMs.toFixed(3),
      'p99 ms/call': row.p99Ms.toFixed(3),
      'vs first': `${(row.opsPerSecond / base).toFixed(2)}x`,
    })),
  );
  return figures;
}

/** Heap in use after a full collection, in MiB (run node with --expose-gc for exact figures). */
export function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
