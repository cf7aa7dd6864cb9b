/**
 * One step on a worker thread of the same process. The thread starts at once,
 * so the step's module and the dependencies it loads load while this thread
 * goes on; `run` hands it the step's arguments (structured copies) and
 * resolves with its answer; the thread then ends by itself. A failure in the
 * thread comes back as the same GenerateError (exit 2) or as an Error with
 * its stack.
 */
import { Worker } from "node:worker_threads";
import { GenerateError } from "../errors.js";

type Step = (...args: never[]) => unknown;

export interface Thread<F extends Step> {
  run(...args: Parameters<F>): Promise<Awaited<ReturnType<F>>>;
  /** Ends the thread now (a run that fails before it needs the thread). */
  cancel(): void;
}

type Answer<Output> =
  | { ok: Output }
  | { error: { message: string; stack?: string; place?: GenerateError["place"]; fix?: string; generate: boolean } };

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/** Starts a thread for the function `exportName` of `module` (a URL of a scripts/ TypeScript module). */
export function startThread<F extends Step>(name: string, module: URL, exportName: string): Thread<F> {
  type Output = Awaited<ReturnType<F>>;
  // execArgv: [] so that the thread registers tsx once, itself (worker-entry.mjs), on every Node version.
  const worker = new Worker(ENTRY, { workerData: { module: module.href, export: exportName }, execArgv: [] });
  const answer = new Promise<Output>((resolve, reject) => {
    worker.once("message", (message: Answer<Output>) => {
      if ("ok" in message) return resolve(message.ok);
      const { error } = message;
      reject(
        error.generate
          ? new GenerateError(error.message, error.place, error.fix)
          : Object.assign(new Error(error.message), { stack: error.stack }),
      );
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the ${name} thread stopped (exit code ${code}) before answering`)));
  });
  answer.catch(() => {}); // read by `run`; a cancelled thread's answer is never read
  let started = false;
  return {
    run(...args) {
      if (started) throw new Error(`the ${name} thread runs once`);
      started = true;
      worker.postMessage(args);
      return answer;
    },
    cancel: () => void worker.terminate(),
  };
}
