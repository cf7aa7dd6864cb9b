/**
 * Lint on a worker thread of the same process: Redocly's start-up and the
 * lint itself overlap with the types and paginator steps on the main thread.
 * The result is only read before anything is written, so a lint error still
 * stops the run with nothing written.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import type { LoadedSpec } from "./load.js";
import type { LintResult } from "./lint.js";
import type { LintMode } from "./options.js";
import { GenerateError } from "./errors.js";

interface Request {
  spec: LoadedSpec;
  mode: Exclude<LintMode, "off">;
  cwd: string;
}

type Reply = { ok: LintResult; ms: number } | { error: { message: string; place: GenerateError["place"]; fix?: string; generate: boolean }; ms: number };

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
  if (import.meta.url.endsWith(".ts")) return inThread(mode, cwd);
  const worker = new Worker(new URL(import.meta.url), { workerData: { lintWorker: true } });
  const result = new Promise<{ result: LintResult; ms: number }>((resolve, reject) => {
    worker.once("message", (reply: Reply) => {
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
      worker.postMessage({ spec, mode, cwd } satisfies Request);
    },
    result,
    get started() {
      return started;
    },
    cancel: () => void worker.terminate(),
  };
}

/** Under a TypeScript loader (tests, tsx) a worker cannot load this file: lint on this thread instead. */
function inThread(mode: Exclude<LintMode, "off">, cwd: string): LintJob {
  let begin!: (spec: LoadedSpec) => void;
  let started = false;
  const result = new Promise<LoadedSpec>((resolve) => (begin = resolve)).then(async (spec) => {
    const started = performance.now();
    const { lintSpec } = await import("./lint.js");
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

if (!isMainThread && (workerData as { lintWorker?: boolean } | undefined)?.lintWorker) {
  const { lintSpec } = await import("./lint.js");
  parentPort!.once("message", async ({ spec, mode, cwd }: Request) => {
    const started = performance.now();
    try {
      const ok = await lintSpec(spec, mode, cwd);
      parentPort!.postMessage({ ok, ms: performance.now() - started } satisfies Reply);
    } catch (error) {
      const e = error as Error;
      const generate = error instanceof GenerateError;
      parentPort!.postMessage({
        error: { message: generate ? e.message : (e.stack ?? e.message), place: generate ? error.place : {}, fix: generate ? error.fix : undefined, generate },
        ms: performance.now() - started,
      } satisfies Reply);
    }
  });
}
