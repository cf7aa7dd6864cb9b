/** Timing helpers shared by the benchmarks: wall time of commands, medians, interleaved runs. */
import { spawnSync } from "node:child_process";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall time of one command in ms; throws when it exits with a code not in `okCodes`. */
export function timeCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; okCodes?: number[]; env?: Record<string, string> } = {},
): number {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", ...options.env },
  });
  const ms = performance.now() - start;
  if (!(options.okCodes ?? [0]).includes(result.status ?? -1)) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(-500)}`);
  }
  return ms;
}

/** Runs `subject` and `baseline` alternately `runs` times; returns both medians and their ratio. */
export async function interleaved(
  runs: number,
  subject: () => number | Promise<number>,
  baseline: () => number | Promise<number>,
) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(await baseline());
    a.push(await subject());
  }
  const subjectMs = median(a);
  const baselineMs = median(b);
  return { subjectMs, baselineMs, ratio: subjectMs / baselineMs };
}
