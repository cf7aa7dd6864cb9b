/**
 * `npm run api-diff` in temporary git repositories: the base from a git ref
 * of a multi-file spec, places in the spec's files, the three formats,
 * `--fail-on` and the exit codes, bad input; and the summary line
 * `npm run generate` ends with. The command line runs in this process
 * (api-diff/main.ts with captured output), except for the exit statuses of
 * `--fail-on`, which come from real processes as a user runs them
 * (`node --import tsx scripts/api-diff.ts`, the package.json script).
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/api-diff/main.js";
import { generatedFiles } from "../helpers/generated-output.js";
import { FIXTURES, ROOT, runEntry, runGenerate, SEED_GENERATED, tempDir } from "../helpers/run-generate.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run api-diff -- <args>` in `cwd`, in this process. */
function apiDiff(args: readonly string[], cwd: string): Promise<Run> {
  return runEntry((io) => main(args, io), cwd);
}

/** `npm run api-diff -- <args>` in `cwd`, as a new Node process. */
function apiDiffProcess(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx/esm", join(ROOT, "scripts", "api-diff.ts"), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync(
    "git",
    ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
}

const repos: string[] = [];
afterAll(() => {
  for (const dir of repos) rmSync(dir, { recursive: true, force: true });
});

/** A git repository with `source` (a spec's folder) committed at `spec/`, and node_modules reachable. */
function repoWith(source: string): string {
  const dir = tempDir("api-diff-repo");
  repos.push(dir);
  cpSync(source, join(dir, "spec"), { recursive: true });
  writeFileSync(join(dir, ".gitignore"), "node_modules\n");
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  return dir;
}

/** A git repository laid out like this one, with the seed excerpt committed as spec/spec3.yml. */
function seedRepo(): string {
  const source = tempDir("seed-spec");
  repos.push(source);
  cpSync(join(FIXTURES, "seed", "openapi.yaml"), join(source, "spec3.yml"));
  return repoWith(source);
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

describe("npm run api-diff", () => {
  it("compares a multi-file spec with itself at HEAD, naming the file and line of each change", async () => {
    const repo = repoWith(join(FIXTURES, "refs", "multi-file"));
    edit(
      join(repo, "spec", "schemas", "cat.yaml"),
      "  lives: {type: integer}",
      "  lives: {type: integer}\n  indoor: {type: boolean}",
    );
    edit(join(repo, "spec", "schemas", "pet.yaml"), "  name: {type: string}\n", "");
    const { code, stdout, stderr } = await apiDiff(["--spec", "spec/openapi.yaml"], repo);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      "API changes from HEAD:spec/openapi.yaml to spec/openapi.yaml: 1 breaking, 0 to review, 1 safe",
    );
    expect(stdout).toContain(
      "GET /pets\n  breaking response-property-removed: `data[].name` in the 200 response (application/json): removed",
    );
    expect(stdout).toContain(
      "safe     response-optional-property-added: `data[].indoor` in the 200 response (application/json): added",
    );
    // The place in the file that says it, through the refs between files; for what is gone, where it was.
    expect(stdout).toContain("at spec/schemas/cat.yaml:6 (#/components/schemas/cat/properties/indoor)");
    expect(stdout).toContain("at spec/schemas/pet.yaml:3 (#/components/schemas/pet/properties/name)");
    expect(lines.at(-2)).toBe("verdict: breaking; version bump: major");
  });

  it("exits 1 with --fail-on when a change is that severe, and writes markdown and JSON", async () => {
    const repo = seedRepo();
    edit(
      join(repo, "spec", "spec3.yml"),
      "            - Minimax\n          description: Voice synthesis provider used for this clone.",
      "            - Minimax\n            - elevenlabs\n          description: Voice synthesis provider used for this clone.",
    );
    const [review, breaking, markdown, json] = await Promise.all([
      apiDiffProcess(["--fail-on", "review"], repo),
      apiDiffProcess(["--fail-on", "breaking"], repo),
      apiDiff(["--format", "markdown"], repo),
      apiDiff(["--format", "json", "--base", "HEAD"], repo),
    ]);
    expect([review.code, breaking.code, markdown.code, json.code]).toEqual([1, 0, 0, 0]);
    expect(markdown.stdout).toContain("### API changes: 0 breaking, 1 to review, 0 safe");
    expect(markdown.stdout).toContain(
      '| **review** | `response-property-enum-value-added` | `data[].provider` in the 200 response (application/json): enum value `"elevenlabs"` added<br>',
    );
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      base: "HEAD:spec/spec3.yml",
      head: "spec/spec3.yml",
      verdict: "review",
      counts: { breaking: 0, review: 1, safe: 0 },
    });
    expect(report.changes[0]).toMatchObject({
      rule: "response-property-enum-value-added",
      operation: "GET /voice_clones",
      pointer: "#/components/schemas/VoiceCloneData/properties/provider/enum",
      location: { file: "spec/spec3.yml", line: expect.any(Number) },
      peer: "breaking",
    });
    const line = readFileSync(join(repo, "spec", "spec3.yml"), "utf8").split("\n")[report.changes[0].location.line - 1];
    expect(line).toBe("          enum:");
  });

  it("compares two files, and says when nothing changed", async () => {
    const { code, stdout } = await apiDiff(
      ["--base-spec", "test/fixtures/seed/openapi.yaml", "--spec", "test/fixtures/seed/openapi.yaml"],
      ROOT,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("nothing changed for code using this package");
  });

  it.each([
    [["--format", "xml"], /--format must be one of text, markdown, json, got "xml"/],
    [["--fail-on", "safe"], /--fail-on must be one of breaking, review/],
    [["--base", "HEAD", "--base-spec", "x.yaml"], /--base and --base-spec cannot be used together/],
    [["--base", "no-such-ref"], /--base "no-such-ref" names no commit of this repository\n {2}fix: pass --base <ref>/],
    [
      ["--base-spec", "missing.yaml"],
      /missing\.yaml: cannot read the spec: no such file \(ENOENT\) \(in the base spec\)\n {2}fix: check the path \(--base-spec <file>\)/,
    ],
    [
      ["--spec", "test/fixtures/load/swagger2.yaml", "--base-spec", "test/fixtures/seed/openapi.yaml"],
      /swagger2\.yaml \(#\/swagger\): this is a Swagger "2\.0" document/,
    ],
    [["--base-spec", "test/fixtures/refs/http-url.yaml"], /is refused: URLs .* \(in the base spec\)/],
  ])("exits 2 on bad input: %j", async (args, message) => {
    const { code, stdout, stderr } = await apiDiff(args, ROOT);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(message);
  });

  it("says when the spec is not in the base commit", async () => {
    const repo = seedRepo();
    mkdirSync(join(repo, "other"));
    cpSync(join(FIXTURES, "seed", "openapi.yaml"), join(repo, "other", "openapi.yaml"));
    const { code, stderr } = await apiDiff(["--spec", "other/openapi.yaml"], repo);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "error: HEAD:other/openapi.yaml: other/openapi.yaml does not exist at HEAD\n  fix: pass --base <ref> naming a commit that has the spec, or --base-spec <file> (a new spec has no base to compare with)",
    );
  });
});

describe("npm run generate, when generated/ changes", () => {
  it("ends with a summary of the API changes since HEAD", async () => {
    const repo = seedRepo();
    const spec = join(repo, "spec", "spec3.yml");
    edit(spec, "        maximum: 250", "        maximum: 100");
    edit(spec, "        name:\n          type: string\n          description: Name of the voice clone.\n", "");
    // The spec's own repository is the one compared with (git runs in the spec's folder).
    const first = await runGenerate(["--spec", spec, "--out", join(repo, "generated")]);
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split("\n").at(-1)).toBe(
      "API changes since HEAD: 2 breaking; `npm run api-diff` for details",
    );
    const again = await runGenerate(["--spec", spec, "--out", join(repo, "generated")]);
    expect(again.stdout.trimEnd().split("\n").at(-1)).toMatch(
      new RegExp(`^done: 0 written, ${generatedFiles(SEED_GENERATED).length} unchanged`),
    );
  });
});
