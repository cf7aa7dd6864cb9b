/**
 * Paired runs for the benchmarks: subject and baseline take turns (the
 * order alternating per pair), each after a full GC so neither pays for the
 * other's garbage, and each run is timed both in wall time and in this
 * process's CPU time (user + system). Results are medians of per-pair ratios.
 */
import { median } from "./measure.js";

/** One run of the work being measured. */
export type Walk = () => Promise<void>;

export interface Ratio {
  ratio: number;
  subjectMs: number;
  baselineMs: number;
}

export async function pairedRatio(runs: number, subject: Walk, baseline: Walk): Promise<{ wall: Ratio; cpu: Ratio }> {
  const gc = exposeGc();
  const timed = async (walk: Walk) => {
    gc();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await walk();
    const wall = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    return { wall, cpu: (user + system) / 1000 };
  };
  const pairs: { subject: { wall: number; cpu: number }; baseline: { wall: number; cpu: number } }[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      const baselineRun = await timed(baseline);
      pairs.push({ baseline: baselineRun, subject: await timed(subject) });
    } else {
      const subjectRun = await timed(subject);
      pairs.push({ subject: subjectRun, baseline: await timed(baseline) });
    }
  }
  const of = (kind: "wall" | "cpu"): Ratio => ({
    ratio: median(pairs.map((p) => p.subject[kind] / p.baseline[kind])),
    subjectMs: median(pairs.map((p) => p.subject[kind])),
    baselineMs: median(pairs.map((p) => p.baseline[kind])),
  });
  return { wall: of("wall"), cpu: of("cpu") };
}

/** V8's `gc()`: `npm run bench` starts Node with --expose-gc (no V8 flags set at run time). */
export function exposeGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("this bench needs `node --expose-gc`: run it with `npm run bench`");
  return gc;
}
