/**
 * Help at the real spec's size, in-process: the root help lists every
 * resource on one line each without loading any command, a resource's help
 * stays near a screenful however many actions it has (grouped by verb past
 * MAX_ACTION_ROWS), and running a command loads its resource only.
 */
import { describe, expect, it } from "vitest";
import type { CommandIndex, CommandSpec } from "../../src/cli/command-spec.js";
import { MAX_ACTION_ROWS } from "../../src/cli/help.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

const VERBS = ["list", "get", "create", "update", "delete", "activate", "preview"];
const OBJECTS = [
  "",
  "activation-job",
  "loa-configuration",
  "phone-number-block",
  "comment",
  "report",
  "additional-document",
  "verification-code",
];

/** 53 actions, as Telnyx's porting-orders has. */
function manyCommands(resource: string, count = 53): CommandSpec[] {
  const actions = OBJECTS.flatMap((o) => VERBS.map((v) => (o ? `${v}-${o}` : v))).slice(0, count);
  return actions.map((action) => ({
    resource,
    action,
    method: "get",
    path: `/${resource}/${action}`,
    summary: `Does ${action} with a summary long enough to wrap`,
    flags: [],
  }));
}

/** An index of `resources` resources that counts what it loads. */
function countingIndex(resources: number): { index: CommandIndex; loaded: string[] } {
  const loaded: string[] = [];
  const index = Array.from({ length: resources }, (_, i) => {
    const resource = `resource-${String(i).padStart(3, "0")}`;
    const commands = manyCommands(resource, 3 + (i % 60));
    return {
      resource,
      actions: commands.map((c) => c.action),
      load: async () => {
        loaded.push(resource);
        return { commands };
      },
    };
  });
  return { index, loaded };
}

async function telnyx(
  args: string[],
  commands: CommandIndex | CommandSpec[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t), columns: 80 },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
    readStdin: async () => "",
  };
  return { code: await run(args, io, new AbortController().signal, commands), stdout, stderr };
}

describe("help at scale", () => {
  it("telnyx --help: one line per resource, cut to the width, and no resource loaded", async () => {
    const { index, loaded } = countingIndex(192);
    const help = await telnyx(["--help"], index);
    expect(help.code).toBe(0);
    expect(loaded).toEqual([]);
    expect(help.stdout).toContain("Resources (192) and their actions:");
    const rows = help.stdout.split("\n").filter((l) => l.startsWith("  resource-"));
    expect(rows).toHaveLength(192);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
    expect(rows.at(-1)).toMatch(/^ {2}resource-191 {2}list, get, create, .*, … \(\+\d+ more\)$/);
    expect(help.stdout).toContain("TELNYX_LOG");
  });

  it("a resource with 53 actions lists them by verb within a screenful; one with few lists each with its summary", async () => {
    const help = await telnyx(["porting-orders", "--help"], manyCommands("porting-orders"));
    expect(help.code).toBe(0);
    const lines = help.stdout.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(30);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(help.stdout).toContain("Actions (53), by verb:");
    for (const command of manyCommands("porting-orders"))
      expect(help.stdout.replace(/\s+/g, " ")).toContain(command.action);
    const few = await telnyx(["things", "--help"], manyCommands("things", MAX_ACTION_ROWS));
    const rows = few.stdout.split("\n").filter((l) => /^ {2}[a-z]/.test(l));
    expect(rows).toHaveLength(MAX_ACTION_ROWS);
    expect(rows[0]).toMatch(/^ {2}list {2,}Does list with a summary long enough to wrap$/);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
    expect(few.stdout.trimEnd().split("\n").length).toBeLessThanOrEqual(24);
  });

  it("a command's help, and a command, load only its resource", async () => {
    const { index, loaded } = countingIndex(192);
    const help = await telnyx(["resource-007", "get", "--help"], index);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: telnyx resource-007 get [flags]");
    expect(loaded).toEqual(["resource-007"]);
    const unknown = await telnyx(["resource-007", "fetch"], index);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown action "fetch" for resource-007');
    expect(loaded).toEqual(["resource-007"]); // the index knows the action names
  });
});
