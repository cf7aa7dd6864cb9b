/**
 * `npm run spec:update [-- --from FILE|URL]`: replaces spec/spec3.yml with
 * Telnyx's published spec (or the file or URL given), then regenerates.
 *
 * 1. Fetch: the URL (http/https, a time limit, at most --max-size bytes) or
 *    the file.
 * 2. Check: the text is written to a temporary file beside the spec and
 *    loaded by the generator's own load step (size, YAML safety, OpenAPI 3.x,
 *    the ref policy). Anything wrong: the temporary file goes, spec/ is as it
 *    was, exit 2 with the reason.
 * 3. Replace: one rename over the spec (atomic on one file system).
 * 4. Generate (`npm run generate`, in this process), ending with the API
 *    change summary against the spec that was replaced.
 */
import { enableCompileCache } from "./threads/compile-cache.js";

enableCompileCache();
const { updateSpec } = await import("./spec-update/update.js");
process.exitCode = await updateSpec(process.argv.slice(2));
