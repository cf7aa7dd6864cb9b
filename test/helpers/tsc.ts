/** Runs the real TypeScript 5.9 compiler (`tsc --noEmit --strict`, NodeNext) on files, in a folder. */
import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const TSC = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));

/** The compiler options every test compiles with: strict, ES2022, NodeNext, Node's types, no lib check. */
const STRICT = ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"];
const args = (files: readonly string[]) => [TSC, ...STRICT, "--skipLibCheck", "--types", "node", ...files];

export interface TscResult {
  code: number | null;
  /** stdout and stderr together: the diagnostics, empty on success. */
  output: string;
}

export function tscStrict(files: readonly string[], cwd: string): TscResult {
  const result = spawnSync(process.execPath, args(files), { cwd, encoding: "utf8" });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** The same, without blocking this process (tests that run several compilers at once). */
export function tscStrictAsync(files: readonly string[], cwd: string): Promise<TscResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args(files),
      { cwd, encoding: "utf8", maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
}
