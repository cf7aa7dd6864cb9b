/** Spawns the real generator CLI the way `npm run generate` does (`node scripts/run.mjs`) and collects its output. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** A temp folder holding a copy of the repo's spec/, generated/ and redocly.yaml. */
export function copyRepo(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ["spec", "generated", "redocly.yaml"]) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** Every file of a folder (not recursive), by name, with its text. */
export function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder)) out[name] = readFileSync(join(folder, name), "utf8");
  return out;
}
