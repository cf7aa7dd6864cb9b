/**
 * The spec as it was at a git ref: its whole folder is materialized with
 * `git archive <ref> -- <folder>` into a temporary folder, so a multi-file
 * spec keeps every file its refs name, and the load step then reads it under
 * the same limits and ref policy as the working copy (nothing else of the
 * repository is read, and a link out of the folder is refused as usual).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { toPosix } from "../paths.js";
import { GenerateError } from "../errors.js";

export interface MaterializedSpec {
  /** The root spec file inside the temporary copy. */
  specFile: string;
  /** The temporary folder standing for the repository's top level: paths below it read like the repository's. */
  root: string;
  /** `HEAD:spec/spec3.yml`: how messages name the spec. */
  label: string;
  remove(): void;
}

const FIX_BASE = "pass --base <ref> naming a commit that has the spec, or --base-spec <file>";

/** Copies the folder of `specPath` (absolute) as it was at `ref` into a temporary folder. */
export async function materializeSpecAt(ref: string, specPath: string): Promise<MaterializedSpec> {
  const folder = dirname(specPath);
  const top = git(
    ["rev-parse", "--show-toplevel"],
    folder,
    () =>
      new GenerateError(
        `cannot read the spec at git ref ${JSON.stringify(ref)}: ${relative(process.cwd(), folder) || "."} is not in a git repository`,
        {},
        "pass the base spec as a file: --base-spec <file>",
      ),
  );
  const file = toPosix(relative(top, specPath));
  const inRepo = toPosix(relative(top, folder));
  const label = `${ref}:${file}`;
  if (ref.startsWith("-")) throw new GenerateError(`--base ${JSON.stringify(ref)} is not a git ref`, {}, FIX_BASE);
  git(
    ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`],
    top,
    () => new GenerateError(`--base ${JSON.stringify(ref)} names no commit of this repository`, {}, FIX_BASE),
  );
  git(
    ["cat-file", "-e", `${ref}:${file}`],
    top,
    () =>
      new GenerateError(
        `${file} does not exist at ${ref}`,
        { file: label },
        `${FIX_BASE} (a new spec has no base to compare with)`,
      ),
  );
  const root = mkdtempSync(join(tmpdir(), "api-diff-base-"));
  try {
    await archiveInto(ref, inRepo === "" ? "." : inRepo, top, root);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    specFile: join(root, ...file.split("/")),
    root,
    label,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** `git archive --format=tar <ref> -- <path> | tar -x -C <into>`. */
function archiveInto(ref: string, path: string, cwd: string, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn("git", ["archive", "--format=tar", ref, "--", path], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const extract = spawn("tar", ["-x", "-f", "-", "-C", into], { stdio: ["pipe", "ignore", "pipe"] });
    let errors = "";
    archive.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    extract.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    archive.stdout.pipe(extract.stdin);
    const failed = (why: string) =>
      reject(
        new GenerateError(
          `cannot copy the spec's folder at ${ref}: ${why}`,
          {},
          "check that `git` and `tar` are installed, or pass --base-spec <file>",
        ),
      );
    archive.on("error", (e) => failed(e.message));
    extract.on("error", (e) => failed(e.message));
    let done = 0;
    const codes: (number | null)[] = [];
    const finish = (code: number | null) => {
      codes.push(code);
      if (++done < 2) return;
      if (codes.every((c) => c === 0)) resolve();
      else failed(errors.trim().split("\n")[0] || `exit codes ${codes.join(", ")}`);
    };
    archive.on("close", finish);
    extract.on("close", finish);
  });
}

function git(args: string[], cwd: string, failure: () => GenerateError): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.error || result.status !== 0) throw failure();
  return result.stdout.trim();
}
