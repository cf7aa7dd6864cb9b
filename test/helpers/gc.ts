/**
 * Full garbage collections on demand (the flag is set at run time, as
 * bench/paired.ts does), for tests about what is left once objects are
 * collected: runs up to 10 collections, each followed by a turn of the event
 * loop (finalization callbacks run there), until `done()` holds.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export async function collectGarbage(done: () => boolean): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let round = 0; round < 10 && !done(); round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
