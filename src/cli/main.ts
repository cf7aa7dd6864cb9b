#!/usr/bin/env node
/**
 * The `telnyx` command (package.json `bin`). Ctrl-C aborts the request in
 * flight (exit 130); a closed pipe (`telnyx ... | head`) ends quietly.
 * Node's own compile cache (Node 22.1+; a no-op before) is switched on
 * before the CLI's modules load, so later runs skip compiling them.
 */
import module from "node:module";
import { processIo } from "./io.js";

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { run } = await import("./run.js");

const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") {
    controller.abort();
    process.exit(0);
  }
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo(), controller.signal);
