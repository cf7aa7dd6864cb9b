#!/usr/bin/env node
/**
 * The `telnyx` command (package.json `bin`). Ctrl-C aborts the request in
 * flight (exit 130); a closed pipe (`telnyx ... | head`) ends quietly.
 */
import { processIo } from "./io.js";
import { run } from "./run.js";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") {
    controller.abort();
    process.exit(0);
  }
  throw error;
});

run(process.argv.slice(2), processIo(), controller.signal).then((code) => {
  process.exitCode = code;
});
