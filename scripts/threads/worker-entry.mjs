/**
 * What a worker thread of the generator runs first (scripts/threads/thread.ts
 * starts it): Node's compile cache, then tsx through its documented API,
 * since worker threads on Node 20 do not get loaders from the `--import`
 * flag (nodejs/node#47747); then the step's TypeScript module. It answers one
 * message (the arguments) with the result of the named function and ends.
 *
 * tsx is registered with a namespace: it then compiles only the step's own
 * module graph, and the dependencies the step loads with require() (Redocly's
 * ~600 modules) pass its hooks at once (~0.1 s less CPU per thread on Node 24).
 */
import module from "node:module";
import { parentPort, workerData } from "node:worker_threads";

module.enableCompileCache?.();
const { register } = await import("tsx/esm/api");
const tsx = register({ namespace: "telnyx-typed-thread" });
const step = await tsx.import(workerData.module, import.meta.url);

parentPort.once("message", async (args) => {
  let answer;
  try {
    answer = { ok: await step[workerData.export](...args) };
  } catch (error) {
    // GenerateError's place and fix travel as plain data; the main thread rebuilds the error.
    answer = {
      error: {
        message: error?.message ?? String(error),
        stack: error?.stack,
        place: error?.place,
        fix: error?.fix,
        generate: error?.name === "GenerateError",
      },
    };
  }
  parentPort.postMessage(answer);
  parentPort.close();
});
