/**
 * The package as other projects get it. Once, in beforeAll: copy the sources
 * to a scratch folder (the working tree's dist/ is left alone), `npm pack`
 * there (prepare runs `npm run build`), and `npm install` the tarball into a
 * scratch consumer folder. Then real `tsc` over the consumer setups in
 * fixtures/ (TypeScript 5.9 and 7) and plain Node over the runtime entry.
 *
 * fixtures/<setup>/ holds only a package.json and tsconfig.json; the sources
 * every setup compiles are the same, in fixtures/common/.
 */
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const NAME = "telnyx-typed";
const TSC5 = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const TSC7 = join(ROOT, "node_modules", "typescript7", "bin", "tsc");
const TS7_VERSION = JSON.parse(readFileSync(join(ROOT, "node_modules", "typescript7", "package.json"), "utf8"))
  .version as string;
/** What `npm pack` needs to build: the build inputs, never dist/ or node_modules/. */
const PACK_INPUTS = [
  "package.json",
  "README.md",
  "LICENSE",
  "tsconfig.json",
  "tsconfig.build.json",
  "tsconfig.build.cjs.json",
  "src",
  "generated",
  "scripts",
];
const SETUPS = ["esm-nodenext", "cjs-node16", "bundler"];
/** The only errors tsc may report: the two misuses in fixtures/common/misuses.ts. */
const EXPECTED_ERRORS = ["misuses.ts:5 TS2322", "misuses.ts:6 TS2322"];

let scratch: string;
let consumer: string;
let installed: string;

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function mustRun(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${result.code}):\n${result.output}`);
  return result.output;
}

/** `file:line code` for every error tsc printed, config errors included. */
function errorsOf(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => / error TS\d+/.test(line))
    .map((line) => line.replace(/^(.*?)\((\d+),\d+\): error (TS\d+).*$/, "$1:$2 $3"));
}

function packedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "consumers-"));
  const source = join(scratch, "package");
  for (const entry of PACK_INPUTS) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(source, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
  await mustRun("npm", ["pack", "--pack-destination", scratch], source);
  const tarball = readdirSync(scratch).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball in ${scratch}`);

  consumer = join(scratch, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  await mustRun(
    "npm",
    [
      "install",
      join(scratch, tarball),
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--no-package-lock",
    ],
    consumer,
  );
  installed = join(consumer, "node_modules", NAME);

  for (const setup of SETUPS) {
    cpSync(join(FIXTURES, setup), join(consumer, setup), { recursive: true });
    cpSync(join(FIXTURES, "common"), join(consumer, setup), { recursive: true });
  }
  cpSync(join(FIXTURES, "runtime"), join(consumer, "runtime"), { recursive: true });
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds dist/ (ESM and CJS, each with .d.ts), package.json, README and LICENSE, no sources", () => {
    const files = packedFiles(installed);
    for (const format of ["esm", "cjs"]) {
      for (const file of [
        "src/index.js",
        "src/index.d.ts",
        "src/types.js",
        "src/types.d.ts",
        "generated/schema.d.ts",
        "generated/paginators.js",
      ]) {
        expect(files).toContain(`dist/${format}/${file}`);
      }
    }
    expect(files.filter((file) => !file.startsWith("dist/"))).toEqual(["LICENSE", "README.md", "package.json"]);
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith(".d.ts"))).toEqual([]);
    expect(JSON.parse(readFileSync(join(installed, "dist/cjs/package.json"), "utf8"))).toEqual({ type: "commonjs" });
  });

  it("gives the ./types entry runtime files that import nothing", () => {
    for (const file of [
      "dist/esm/src/types.js",
      "dist/cjs/src/types.js",
      "dist/esm/generated/schema.js",
      "dist/cjs/generated/schema.js",
    ]) {
      expect(readFileSync(join(installed, file), "utf8"), file).not.toMatch(/\bimport\b|\brequire\s*\(/);
    }
  });
});

describe.concurrent("consumers of the installed package", { timeout: 90_000 }, () => {
  const cases: [string, string, string][] = [
    ["ESM, moduleResolution nodenext (TypeScript 5.9)", "esm-nodenext", TSC5],
    ["CJS, module node16 (TypeScript 5.9)", "cjs-node16", TSC5],
    ["bundler resolution (TypeScript 5.9)", "bundler", TSC5],
    [`ESM, moduleResolution nodenext (TypeScript ${TS7_VERSION})`, "esm-nodenext", TSC7],
  ];

  it.for(cases)("%s: uses-*.ts compile, misuses.ts fails on each wrong line", async ([, setup, tsc]) => {
    const result = await run(
      process.execPath,
      [tsc, "-p", ".", "--noEmit", "--pretty", "false"],
      join(consumer, setup),
    );
    expect(errorsOf(result.output), result.output).toEqual(EXPECTED_ERRORS);
    expect(result.output).toMatch(
      /misuses\.ts\(5,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );
    expect(result.code).not.toBe(0);
  });

  it("a verbatimModuleSyntax consumer that only imports types emits no import or require of the package", async () => {
    const dir = join(consumer, "esm-nodenext");
    await mustRun(process.execPath, [TSC5, "-p", "tsconfig.emit.json", "--pretty", "false"], dir);
    const emitted = readFileSync(join(dir, "out", "uses-types.js"), "utf8");
    expect(emitted).toContain("export function describeClone");
    expect(emitted).not.toMatch(/\bimport\b|\brequire\s*\(|telnyx-typed/);
  });

  it("installs the `telnyx` bin, which runs from node_modules/.bin (built path, shebang)", async () => {
    const output = await mustRun(join(consumer, "node_modules", ".bin", "telnyx"), ["--help"], consumer);
    expect(output).toMatch(/^Usage: telnyx /);
  });

  it("the runtime entry works under plain Node ESM import and CJS require, with the same exports", async () => {
    const dir = join(consumer, "runtime");
    const [esm, cjs] = await Promise.all([
      mustRun(process.execPath, ["esm.mjs"], dir),
      mustRun(process.execPath, ["cjs.cjs"], dir),
    ]);
    const fromImport = JSON.parse(esm);
    expect(fromImport).toMatchObject({
      names: ["Ada", "Grace"],
      notFound: { isApiError: true, status: 404 },
      typesEntryExports: [],
    });
    expect(fromImport.exports).toEqual(
      expect.arrayContaining(["ApiError", "createClient", "listVoiceClones", "unwrap"]),
    );
    expect(JSON.parse(cjs)).toEqual(fromImport);
  });
});
