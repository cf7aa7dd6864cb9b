/**
 * `npm run generate [-- options]`, which runs `node --import tsx/esm
 * scripts/generate.ts`: tsx runs the generator's TypeScript as it is (one
 * process, no build step); Node's compile cache is turned on before anything
 * heavy loads; then the command line (cli.ts) runs.
 */
import { enableCompileCache } from "./threads/compile-cache.js";

enableCompileCache();
const { main } = await import("./cli.js");
process.exitCode = await main(process.argv.slice(2));
