/**
 * Changes of this package's own surface (surface.ts) for code using it:
 * paginator functions and their types, root type aliases, CLI commands and
 * flags. Matched by what stays put across a change: a paginator and a command
 * by their operation, an alias by its component, a flag by its parameter; so
 * a flag that the CLI's naming rules rename because another parameter came
 * (`--filter-name` -> `--filter-name-2`) is reported as renamed, and an
 * operation whose path was renamed keeps its paginator and command (a path
 * parameter's flag renamed with it: `--app-id` -> `--id`).
 */
import type { FoundChange } from "./change.js";
import type { LocatePath } from "./locate.js";
import type { Command, Surface } from "./surface.js";

/** `renames`: base operation labels -> head labels for operations whose path was renamed (operationRenames): compared as one operation. */
export function surfaceChanges(
  base: Surface,
  head: Surface,
  renames: ReadonlyMap<string, string> = new Map(),
): FoundChange[] {
  const rekey = <T>(map: Map<string, T>, move: (value: T, from: string, to: string) => T = (value) => value) =>
    new Map(
      [...map].map(([operation, value]) => {
        const to = renames.get(operation);
        return to === undefined ? [operation, value] : [to, move(value, operation, to)];
      }),
    );
  const moved: Surface = {
    ...base,
    paginators: rekey(base.paginators),
    commands: rekey(base.commands, withPathParameters),
  };
  return [...paginatorChanges(moved, head), ...rootTypeChanges(moved, head), ...commandChanges(moved, head)];
}

/** A command of a renamed path with its path parameters named as in the new path (by position), so their flags compare as renamed. */
function withPathParameters(command: Command, from: string, to: string): Command {
  const names = (operation: string) => [...operation.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const [was, now] = [names(from), names(to)];
  return {
    ...command,
    flags: command.flags.map((flag) => {
      const i = flag.in === "path" ? was.indexOf(flag.param) : -1;
      return i >= 0 && now[i] !== undefined ? { ...flag, param: now[i] } : flag;
    }),
  };
}

/** `GET /voice_clones` -> `["paths", "/voice_clones", "get"]`. */
function operationPath(operation: string): LocatePath {
  const space = operation.indexOf(" ");
  return ["paths", operation.slice(space + 1), operation.slice(0, space).toLowerCase()];
}

function paginatorChanges(base: Surface, head: Surface): FoundChange[] {
  const out: FoundChange[] = [];
  const types = (prefix: string) => `\`${prefix}Query\`, \`${prefix}Page\`, \`${prefix}Item\``;
  for (const [operation, old] of base.paginators) {
    const now = head.paginators.get(operation);
    if (!now)
      out.push({
        rule: "paginator-removed",
        operation,
        message: `paginator \`${old.name}\` removed (and ${types(old.typePrefix)})`,
        at: { side: "base", path: operationPath(operation) },
      });
    else if (now.name !== old.name)
      out.push({
        rule: "paginator-renamed",
        operation,
        message: `paginator \`${old.name}\` -> \`${now.name}\` (and ${types(old.typePrefix)} -> ${types(now.typePrefix)})`,
        at: { side: "head", path: operationPath(operation) },
      });
  }
  for (const [operation, now] of head.paginators) {
    if (!base.paginators.has(operation))
      out.push({
        rule: "paginator-added",
        operation,
        message: `paginator \`${now.name}\` added (with ${types(now.typePrefix)})`,
        at: { side: "head", path: operationPath(operation) },
      });
  }
  return out;
}

function rootTypeChanges(base: Surface, head: Surface): FoundChange[] {
  const out: FoundChange[] = [];
  const key = (a: { kind: string; name: string }) => `${a.kind}/${a.name}`;
  const after = new Map(head.rootTypes.map((a) => [key(a), a]));
  const before = new Map(base.rootTypes.map((a) => [key(a), a]));
  const path = (a: { kind: string; name: string }): LocatePath => ["components", a.kind, a.name];
  for (const old of base.rootTypes) {
    const now = after.get(key(old));
    if (!now)
      out.push({
        rule: "root-type-removed",
        message: `type \`${old.alias}\` removed (components/${key(old)} is gone)`,
        at: { side: "base", path: path(old) },
      });
    else if (now.alias !== old.alias)
      out.push({
        rule: "root-type-renamed",
        message: `type \`${old.alias}\` -> \`${now.alias}\` (components/${key(old)})`,
        at: { side: "head", path: path(now) },
      });
  }
  for (const now of head.rootTypes) {
    if (!before.has(key(now)))
      out.push({
        rule: "root-type-added",
        message: `type \`${now.alias}\` added (components/${key(now)})`,
        at: { side: "head", path: path(now) },
      });
  }
  return out;
}

function commandChanges(base: Surface, head: Surface): FoundChange[] {
  const out: FoundChange[] = [];
  for (const [operation, old] of base.commands) {
    const now = head.commands.get(operation);
    const at = { side: "head" as const, path: operationPath(operation) };
    if (!now) {
      out.push({
        rule: "cli-command-removed",
        operation,
        message: `command \`telnyx ${old.name}\` removed`,
        at: { side: "base", path: operationPath(operation) },
      });
      continue;
    }
    if (now.name !== old.name)
      out.push({
        rule: "cli-command-renamed",
        operation,
        message: `command \`telnyx ${old.name}\` -> \`telnyx ${now.name}\``,
        at,
      });
    const param = (f: { param: string; in: string }) => `${f.in}:${f.param}`;
    const flagsAfter = new Map(now.flags.map((f) => [param(f), f]));
    const flagsBefore = new Map(old.flags.map((f) => [param(f), f]));
    for (const flag of old.flags) {
      const renamed = flagsAfter.get(param(flag));
      if (!renamed)
        out.push({
          rule: "cli-flag-removed",
          operation,
          message: `\`telnyx ${now.name}\`: flag \`--${flag.flag}\` removed`,
          at,
        });
      else if (renamed.flag !== flag.flag)
        out.push({
          rule: "cli-flag-renamed",
          operation,
          message: `\`telnyx ${now.name}\`: flag \`--${flag.flag}\` -> \`--${renamed.flag}\` (${flag.in} parameter \`${flag.param}\`)`,
          at,
        });
    }
    for (const flag of now.flags) {
      if (flagsBefore.has(param(flag))) continue;
      out.push({
        rule: flag.required ? "new-required-cli-flag" : "cli-flag-added",
        operation,
        message: `\`telnyx ${now.name}\`: flag \`--${flag.flag}\` added${flag.required ? " (required)" : ""}`,
        at,
      });
    }
  }
  for (const [operation, now] of head.commands) {
    if (!base.commands.has(operation))
      out.push({
        rule: "cli-command-added",
        operation,
        message: `command \`telnyx ${now.name}\` added`,
        at: { side: "head", path: operationPath(operation) },
      });
  }
  return out;
}
