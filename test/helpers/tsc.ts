/** Runs the real TypeScript 5.9 compiler (`tsc --noEmit --strict`, NodeNext) on files, in a folder. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const TSC = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));

export interface TscResult {
  code: number | null;
  /** stdout and stderr together: the diagnostics, empty on success. */
  output: string;
}

export function tscStrict(files: readonly string[], cwd: string): TscResult {
  const args = [
    "--noEmit",
    "--strict",
    "--target",
    "es2022",
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
    "--skipLibCheck",
    "--types",
    "node",
    ...files,
  ];
  const result = spawnSync(process.execPath, [TSC, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, output: result.stdout + result.stderr };
}
