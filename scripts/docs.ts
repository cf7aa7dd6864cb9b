/**
 * `npm run docs` writes the generated pages of docs/ (today one: the api-diff
 * rule table, from scripts/api-diff/rules.ts); `npm run docs -- --check`
 * writes nothing and exits 1 when a page differs from what its source gives
 * (CI runs it). Each page is built as `{ path, content }`; only `runDocs`
 * touches the disk.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES } from "./api-diff/rules.js";
import { RULES_DOC_PATH, RULES_SOURCE_PATH, apiDiffRulesDoc } from "./docs/api-diff-rules.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface DocFile {
  /** Relative to the repository's root, `/`-separated. */
  path: string;
  /** The file it is generated from, for messages. */
  source: string;
  content: string;
}

/** Every generated page, built from the sources in this repository. */
export function docFiles(): DocFile[] {
  const source = readFileSync(join(ROOT, RULES_SOURCE_PATH), "utf8");
  return [{ path: RULES_DOC_PATH, source: RULES_SOURCE_PATH, content: apiDiffRulesDoc(RULES, source) }];
}

export interface DocsIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = "usage: npm run docs [-- --check]";

/** Writes the pages under `root` (or, with `--check`, compares them); returns the exit code. */
export function runDocs(args: string[], root: string = ROOT, io: DocsIo = consoleIo): number {
  const unknown = args.find((arg) => arg !== "--check");
  if (unknown !== undefined) {
    io.err(`error: ${unknown} is not an option of npm run docs\n  fix: ${USAGE}`);
    return 2;
  }
  const files = docFiles();
  if (args.includes("--check")) {
    const stale = files.filter((file) => read(join(root, file.path)) !== file.content);
    for (const file of stale) {
      const missing = read(join(root, file.path)) === undefined;
      io.err(`docs: ${file.path} is ${missing ? "missing" : "stale"}: it must be what ${file.source} generates`);
    }
    if (stale.length > 0) {
      io.err("fix: run `npm run docs` and commit docs/");
      return 1;
    }
    io.out(`docs: up to date (${files.map((file) => file.path).join(", ")})`);
    return 0;
  }
  for (const file of files) {
    const target = join(root, file.path);
    if (read(target) === file.content) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    io.out(`wrote ${file.path}`);
  }
  io.out(`docs: up to date (${files.map((file) => file.path).join(", ")})`);
  return 0;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

const consoleIo: DocsIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = runDocs(process.argv.slice(2));
