/**
 * Wall time and peak RSS of one command. Node reports no resource usage of
 * its children, so the command runs under GNU time (`/usr/bin/time -f %M`,
 * the largest resident set size in KB, written to a file of its own so the
 * command's output stays apart); where GNU time is missing, RSS is NaN.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

export interface ChildUsage {
  ms: number;
  /** Peak resident set size in MB (NaN when unknown). */
  rssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs `command`; throws when it exits with a code not in `okCodes`. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd?: string; okCodes?: number[]; env?: Record<string, string> } = {},
): ChildUsage {
  const scratch = mkdtempSync(join(tmpdir(), "bench-usage-"));
  const rssFile = join(scratch, "rss");
  const timed = existsSync(GNU_TIME);
  try {
    const start = performance.now();
    const result = spawnSync(timed ? GNU_TIME : command, timed ? ["-f", "%M", "-o", rssFile, command, ...args] : args, {
      cwd: options.cwd,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", ...options.env },
    });
    const ms = performance.now() - start;
    if (!(options.okCodes ?? [0]).includes(result.status ?? -1)) {
      throw new Error(
        `${command} ${args.join(" ")} exited ${result.status}: ${(result.stderr || result.stdout).slice(-1500)}`,
      );
    }
    const kb = timed ? Number(/(\d+)\s*$/.exec(readFileSync(rssFile, "utf8"))?.[1]) : Number.NaN;
    return { ms, rssMb: kb / 1024, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
