/**
 * Lint on a worker thread of the same process: Redocly's start-up and the
 * lint itself overlap with the types and paginator steps on the main thread.
 * The result is only read before anything is written, so a lint error still
 * stops the run with nothing written. The thread runs scripts/lint-thread.ts,
 * as the launcher (scripts/run.mjs) says; without the launcher (under a
 * TypeScript loader) lint runs on this thread instead.
 */
import { Worker } from "node:worker_threads";
import type { LoadedSpec } from "../spec/load.js";
import type { LintResult } from "./lint.js";
import type { LintMode } from "../options.js";
import { GenerateError } from "../errors.js";

export interface LintRequest {
  spec: LoadedSpec;
  mode: Exclude<LintMode, "off">;
  cwd: string;
}

export type LintReply = { ok: LintResult; ms: number } | { error: { message: string; place: GenerateError["place"]; fix?: string; generate: boolean }; ms: number };

/** What scripts/run.mjs tells the bundle: how to start a thread that runs scripts/lint-thread.ts. */
interface Launch {
  lintWorker: { filename: string; workerData: unknown };
}

export interface LintJob {
  /** Hands the loaded spec to the worker; the result comes from `result`. */
  start(spec: LoadedSpec): void;
  /** Settles once `start` was called (a job never started never settles: check `started`). */
  result: Promise<{ result: LintResult; ms: number }>;
  readonly started: boolean;
  cancel(): void;
}

/** Starts the worker now (so its imports begin at once); lint runs when `start` gets the spec. */
export function startLintWorker(mode: Exclude<LintMode, "off">, cwd: string): LintJob {
  const launch = (globalThis as { [key: symbol]: Launch | undefined })[Symbol.for("telnyx-typed-generate.launch")];
  if (!launch) return inThread(mode, cwd);
  const worker = new Worker(launch.lintWorker.filename, { workerData: launch.lintWorker.workerData });
  const result = new Promise<{ result: LintResult; ms: number }>((resolve, reject) => {
    worker.once("message", (reply: LintReply) => {
      void worker.terminate();
      if ("ok" in reply) resolve({ result: reply.ok, ms: reply.ms });
      else if (reply.error.generate) reject(new GenerateError(reply.error.message, reply.error.place, reply.error.fix));
      else reject(new Error(reply.error.message));
    });
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the lint worker stopped before answering")));
  });
  result.catch(() => {});
  let started = false;
  return {
    start(spec) {
      started = true;
      worker.postMessage({ spec, mode, cwd } satisfies LintRequest);
    },
    result,
    get started() {
      return started;
    },
    cancel: () => void worker.terminate(),
  };
}

/** Lint on this thread (no launcher: under a TypeScript loader). */
function inThread(mode: Exclude<LintMode, "off">, cwd: string): LintJob {
  let begin!: (spec: LoadedSpec) => void;
  let started = false;
  const result = new Promise<LoadedSpec>((resolve) => (begin = resolve)).then(async (spec) => {
    const started = performance.now();
    // A computed specifier: the launcher's main bundle leaves lint (and Redocly) to the worker's bundle.
    const lintModule = "./lint.js";
    const { lintSpec } = (await import(lintModule)) as typeof import("./lint.js");
    const lint = await lintSpec(spec, mode, cwd);
    return { result: lint, ms: performance.now() - started };
  });
  result.catch(() => {});
  return {
    start(spec) {
      started = true;
      begin(spec);
    },
    result,
    get started() {
      return started;
    },
    cancel: () => {},
  };
}
