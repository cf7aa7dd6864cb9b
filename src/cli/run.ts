/**
 * The CLI from argv to exit code: `telnyx <resource> <action> [flags]` is
 * looked up in the generated command data, its flags parsed, then run.
 * Everything printed on stderr passes through `redactText`, so the API key
 * never appears, whatever failed.
 */
import { commands as generatedCommands } from "../../generated/commands.js";
import type { CommandSpec } from "./command-spec.js";
import { execute } from "./execute.js";
import { EXIT, describeFailure } from "./failure.js";
import { PROGRAM, commandHelp, groupByResource, resourceHelp, rootHelp } from "./help.js";
import type { Io } from "./io.js";
import { parseCommand } from "./parse-command.js";
import { redactText } from "../redact.js";
import { apiKeyFromArgv } from "./argv-key.js";
import { didYouMean } from "./suggest.js";
import { UsageError } from "./usage-error.js";

const HELP = new Set(["--help", "-h", "help"]);

export async function run(argv: readonly string[], io: Io, signal: AbortSignal, commands: readonly CommandSpec[] = generatedCommands): Promise<number> {
  const secrets = [apiKeyFromArgv(argv), io.env.TELNYX_API_KEY];
  const columns = io.stdout.columns ?? 80;
  try {
    const [resource, action, ...rest] = argv;
    const resources = groupByResource(commands);
    if (resource === undefined || HELP.has(resource)) {
      (resource === undefined ? io.stderr : io.stdout).write(rootHelp(commands, columns));
      return resource === undefined ? EXIT.usage : EXIT.ok;
    }
    const actions = resources.get(resource);
    if (actions === undefined) {
      const hint = resource.startsWith("-") ? " (the resource and action come first: telnyx <resource> <action> [flags])" : didYouMean(resource, [...resources.keys()]);
      throw new UsageError(`unknown resource ${JSON.stringify(resource)}${hint}; resources: ${[...resources.keys()].join(", ")}`);
    }
    if (action === undefined || HELP.has(action)) {
      (action === undefined ? io.stderr : io.stdout).write(resourceHelp(resource, actions, columns));
      return action === undefined ? EXIT.usage : EXIT.ok;
    }
    const command = actions.find((c) => c.action === action);
    if (command === undefined) {
      const names = actions.map((c) => c.action);
      throw new UsageError(`unknown action ${JSON.stringify(action)} for ${resource}${didYouMean(action, names)}; actions: ${names.join(", ")}`, `${PROGRAM} ${resource}`);
    }
    const helpFor = `${PROGRAM} ${resource} ${action}`;
    const parsed = parseCommand(command, rest, helpFor);
    if (parsed.help) {
      io.stdout.write(commandHelp(command, columns));
      return EXIT.ok;
    }
    await execute(command, parsed, io, signal, helpFor);
    return EXIT.ok;
  } catch (error) {
    const failure = describeFailure(error);
    const lines = failure.lines.map((line) => `${PROGRAM}: ${line}\n`).join("");
    const hint = failure.helpFor ? `Run '${failure.helpFor} --help' for usage.\n` : "";
    io.stderr.write(redactText(lines + hint, ...secrets));
    return failure.exit;
  }
}
