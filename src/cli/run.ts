/**
 * The CLI from argv to exit code: `telnyx <resource> <action> [flags]` is
 * looked up in the generated index (generated/commands.ts), whose resource
 * alone is then loaded (generated/commands/<resource>.ts), its flags parsed,
 * then run. `telnyx --help` loads no command at all.
 * Everything printed on stderr passes through `redactText`, so the API key
 * never appears, whatever failed, and through `oneLine`, so nothing the
 * server sent can drive the terminal.
 */
import { commandIndex } from "../../generated/commands.js";
import type { CommandIndex, CommandSpec } from "./command-spec.js";
import { EXIT, describeFailure } from "./failure.js";
import { PROGRAM, commandHelp, resourceHelp, rootHelp } from "./help.js";
import type { Io } from "./io.js";
import { parseCommand } from "./parse-command.js";
import { redactText } from "../redact.js";
import { apiKeyFromArgv } from "./argv-key.js";
import { didYouMean } from "./suggest.js";
import { oneLine } from "./terminal-text.js";
import { UsageError } from "./usage-error.js";

const HELP = new Set(["--help", "-h", "help"]);

/** `commands`: the generated index, or (tests) the commands themselves. */
export async function run(
  argv: readonly string[],
  io: Io,
  signal: AbortSignal,
  commands: CommandIndex | readonly CommandSpec[] = commandIndex,
): Promise<number> {
  const secrets = [apiKeyFromArgv(argv), io.env.TELNYX_API_KEY];
  const columns = io.stdout.columns ?? 80;
  const index = isIndex(commands) ? commands : indexOf(commands);
  try {
    const [resource, action, ...rest] = argv;
    if (resource === undefined || HELP.has(resource)) {
      (resource === undefined ? io.stderr : io.stdout).write(rootHelp(index, columns));
      return resource === undefined ? EXIT.usage : EXIT.ok;
    }
    const entry = index.find((r) => r.resource === resource);
    if (entry === undefined) {
      const names = index.map((r) => r.resource);
      const hint = resource.startsWith("-")
        ? " (the resource and action come first: telnyx <resource> <action> [flags])"
        : didYouMean(resource, names);
      throw new UsageError(
        `unknown resource ${JSON.stringify(resource)}${hint}; run '${PROGRAM} --help' for the ${names.length} resources`,
      );
    }
    if (action !== undefined && !HELP.has(action) && !entry.actions.includes(action)) {
      throw new UsageError(
        `unknown action ${JSON.stringify(action)} for ${resource}${didYouMean(action, entry.actions)}; actions: ${entry.actions.join(", ")}`,
        `${PROGRAM} ${resource}`,
      );
    }
    const { commands: actions } = await entry.load();
    if (action === undefined || HELP.has(action)) {
      (action === undefined ? io.stderr : io.stdout).write(resourceHelp(resource, actions, columns));
      return action === undefined ? EXIT.usage : EXIT.ok;
    }
    const command = actions.find((c) => c.action === action)!;
    const helpFor = `${PROGRAM} ${resource} ${action}`;
    const parsed = parseCommand(command, rest, helpFor);
    if (parsed.help) {
      io.stdout.write(commandHelp(command, columns));
      return EXIT.ok;
    }
    // Loaded only to run a command: help and bad usage never load the client.
    const { execute } = await import("./execute.js");
    await execute(command, parsed, io, signal, helpFor);
    return EXIT.ok;
  } catch (error) {
    const failure = describeFailure(error);
    // A failure's text may come from the server (an error's title and detail): one line each, no control characters.
    const lines = failure.lines.map((line) => `${PROGRAM}: ${oneLine(line)}\n`).join("");
    const hint = failure.helpFor ? `Run '${failure.helpFor} --help' for usage.\n` : "";
    io.stderr.write(redactText(lines + hint, ...secrets));
    return failure.exit;
  }
}

function isIndex(commands: CommandIndex | readonly CommandSpec[]): commands is CommandIndex {
  return commands.length > 0 && "load" in commands[0]!;
}

/** An index over commands already in memory, sorted by resource as the generated one is. */
export function indexOf(commands: readonly CommandSpec[]): CommandIndex {
  const byResource = new Map<string, CommandSpec[]>();
  for (const c of commands) byResource.set(c.resource, [...(byResource.get(c.resource) ?? []), c]);
  return [...byResource.keys()].sort().map((resource) => {
    const list = byResource.get(resource)!;
    return { resource, actions: list.map((c) => c.action), load: async () => ({ commands: list }) };
  });
}
