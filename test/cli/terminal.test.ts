/**
 * On a real terminal (a tmux pane): the default format is the table, its
 * columns fitted to the pane's width, and a progress line on stderr shows pages and items
 * while pages arrive, then disappears. Skipped, saying why, where tmux is
 * not installed (CI: `apt-get install -y tmux`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, type BuiltCli } from "./built-cli.js";
import { startVoiceClonesServer, type VoiceClonesServer } from "../helpers/voice-clones-server.js";
import { cliClones } from "./clones.js";

const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;
if (!HAS_TMUX) console.warn("test/cli/terminal.test.ts skipped: tmux is not installed (apt-get install -y tmux)");

const KEY = "KEY0tty-Unusual-5ecret-41c9";
const SOCKET = `telnyx-cli-test-${process.pid}`;
let cli: BuiltCli;
let server: VoiceClonesServer;
let dir: string;

function tmux(...args: string[]): string {
  const result = spawnSync("tmux", ["-L", SOCKET, "-f", "/dev/null", ...args], {
    encoding: "utf8",
    env: { ...process.env, TERM: "xterm-256color" },
  });
  if (result.status !== 0) throw new Error(`tmux ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** Starts the CLI in a detached pane of the given size; the key goes in through the environment, not the command line. */
function openPane(name: string, width: number, args: string[]): void {
  const script = join(dir, `${name}.sh`);
  const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  writeFileSync(
    script,
    [
      `export TELNYX_API_KEY=${quote(KEY)} TELNYX_BASE_URL=${quote(server.url)}`,
      `${quote(process.execPath)} ${quote(cli.main)} ${args.map(quote).join(" ")}`,
      'echo "EXIT=$?"',
      "sleep 60",
      "",
    ].join("\n"),
  );
  tmux("new-session", "-d", "-s", name, "-x", String(width), "-y", "60", `sh ${quote(script)}`);
}

async function waitForPane(name: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const screen = tmux("capture-pane", "-p", "-t", name);
    if (pattern.test(screen)) return screen;
    if (Date.now() > until) throw new Error(`pane ${name} never showed ${pattern}; it shows:\n${screen}`);
    await sleep(30);
  }
}

describe.skipIf(!HAS_TMUX)("on a terminal (tmux)", () => {
  beforeAll(async () => {
    cli = buildCli();
    server = await startVoiceClonesServer({ clones: cliClones(), apiKey: KEY });
    dir = mkdtempSync(join(tmpdir(), "telnyx-cli-tty-"));
  });
  afterAll(async () => {
    spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
    await server?.close();
    cli?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows a progress line while paging, then the table fitted to the pane", async () => {
    const last = server.hold(3);
    openPane("wide", 100, ["voice-clones", "list", "--page-size", "20", "--sort", "name"]);
    await last.requested;
    const during = await waitForPane("wide", /voice-clones list: page 2 of 3, 40 of 45 items/);
    expect(during).not.toMatch(/^ID/m);
    last.release();
    const screen = await waitForPane("wide", /EXIT=\d+/);
    expect(screen).toContain("EXIT=0");
    const lines = screen.split("\n").filter((l) => l.trim() !== "");
    // 100 columns hold the six main columns of the real spec's voice clone, whole.
    expect(lines[0]!.split(/\s{2,}/)).toEqual(["ID", "NAME", "GENDER", "PROVIDER", "STATUS", "CREATED_AT"]);
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(server.clones.length);
    // STATUS is empty: the test server's clones have none.
    expect(rows[0]).toMatch(
      /^00000000-0000-4000-8000-000000000001 {2}clone-01 {2}female {3}telnyx {12}2025-01-01T10:00:00Z$/,
    );
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    expect(screen).not.toContain("page 2 of 3");
    expect(screen).not.toContain(KEY);
  });

  it("shows fewer columns on a narrow pane", async () => {
    openPane("narrow", 60, ["voice-clones", "list", "--limit", "3", "--sort", "name"]);
    const screen = await waitForPane("narrow", /EXIT=\d+/);
    expect(screen).toContain("EXIT=0");
    const lines = screen.split("\n").filter((l) => l.trim() !== "");
    expect(lines[0]!.split(/\s{2,}/)).toEqual(["ID", "NAME", "GENDER"]);
    expect(lines).toHaveLength(5);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/^00000000-0000-4000-8000-000000000001 {2}clone-01 {2}female$/);
  });
});
