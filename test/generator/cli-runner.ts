/** Spawns the real generator CLI the way `npm run generate` does (`node scripts/run.mjs`) and collects its output. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RUN = fileURLToPath(new URL("../../scripts/run.mjs", import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function generate(args: string[], cwd: string = ROOT): RunResult {
  const result = spawnSync(process.execPath, [RUN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
