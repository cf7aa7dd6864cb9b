/**
 * The lint worker thread's entry (scripts/lint-worker.ts starts it): lints the
 * spec it is sent and answers once. The launcher (scripts/run.mjs) builds this
 * file with Redocly inside into one CommonJS bundle, so the thread loads one
 * file through the V8 code cache (scripts/code-cache.mjs) instead of resolving
 * and compiling Redocly's ~600 modules, ES modules that Node 20 cannot cache.
 */
import { parentPort } from "node:worker_threads";
import { GenerateError } from "../errors.js";
import { lintSpec } from "./lint.js";
import type { LintReply, LintRequest } from "./lint-worker.js";

/** What the launcher offers a worker thread: writing the code cache, if this run added to it. */
const launcher = (globalThis as { [key: symbol]: { saveCodeCache?: () => Promise<void> } | undefined })[Symbol.for("telnyx-typed-generate.worker")];

parentPort?.once("message", async ({ spec, mode, cwd }: LintRequest) => {
  const started = performance.now();
  let reply: LintReply;
  try {
    const ok = await lintSpec(spec, mode, cwd);
    reply = { ok, ms: performance.now() - started };
  } catch (error) {
    const e = error as Error;
    const generate = error instanceof GenerateError;
    reply = {
      error: { message: generate ? e.message : (e.stack ?? e.message), place: generate ? error.place : {}, fix: generate ? error.fix : undefined, generate },
      ms: performance.now() - started,
    };
  }
  // Before answering: the main thread ends this thread as soon as the answer arrives.
  await launcher?.saveCodeCache?.().catch(() => {});
  parentPort!.postMessage(reply);
});
