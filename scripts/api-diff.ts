/**
 * `npm run api-diff [-- options]`: what changed between two versions of the
 * spec (base: a git ref or a file; head: the working spec or a file), and
 * what it breaks for code using this package. The command line is
 * api-diff/main.ts; its exit code (0 compared, 1 a change at or above
 * --fail-on, 2 bad input) is the process's.
 */
import { main } from "./api-diff/main.js";

process.exitCode = await main(process.argv.slice(2));
