/**
 * The rule list (README "API changes"): every kind of change the report
 * names, with a stable kebab-case id in the spirit of oasdiff's check ids,
 * the verdict for code using this package (a client, not a server) and a
 * one-line reason. `typeVisible` says whether the generated types show the
 * change: for those rules the TypeScript compiler is the oracle (a
 * "breaking" change makes some client code stop compiling, a "safe" one
 * never does; test/api-diff/oracle.test.ts checks it case by case).
 *
 * Requests and responses are judged in opposite directions: a client writes
 * requests (a narrower request type breaks it, a wider one does not) and
 * reads responses (a wider response type breaks it, a narrower one does not).
 */
import type { Verdict } from "./change.js";

export interface Rule {
  verdict: Verdict;
  typeVisible: boolean;
  why: string;
}

const rule = (verdict: Verdict, typeVisible: boolean, why: string): Rule => ({ verdict, typeVisible, why });

export const RULES = {
  // Operations
  "operation-added": rule("safe", true, "a new operation; nothing that exists changes"),
  "operation-removed": rule(
    "breaking",
    true,
    "calls of this method and path no longer compile, and the server no longer answers them",
  ),
  "operation-path-changed": rule(
    "breaking",
    true,
    "the path's key in `paths` changed (a renamed path parameter): typed calls of the old path no longer compile",
  ),
  "operation-id-changed": rule(
    "breaking",
    true,
    "`operations[...]` is keyed by operationId: references to the old key no longer compile",
  ),
  "operation-id-added": rule(
    "safe",
    true,
    "an operation without operationId gets one: a new `operations[...]` key, and no key existed before",
  ),
  "operation-id-removed": rule(
    "breaking",
    true,
    "`operations[...]` is keyed by operationId: references to the removed key no longer compile",
  ),

  // Parameters (query, path, header, cookie): the client writes them
  "new-required-request-parameter": rule(
    "breaking",
    true,
    "calls that do not pass the new parameter no longer compile, and the server rejects them",
  ),
  "new-optional-request-parameter": rule("safe", true, "a new optional parameter; existing calls are unchanged"),
  "request-parameter-removed": rule(
    "breaking",
    true,
    "calls that pass it no longer compile (excess property), and the server ignores or rejects it",
  ),
  "request-parameter-became-required": rule(
    "breaking",
    true,
    "calls that leave it out no longer compile, and the server rejects them",
  ),
  "request-parameter-became-optional": rule(
    "safe",
    true,
    "calls may now leave it out; calls that pass it are unchanged",
  ),
  "request-parameter-type-changed": rule(
    "breaking",
    true,
    "values that were valid for the old type may not be for the new one",
  ),
  "request-parameter-type-widened": rule("safe", true, "every value that was accepted still is"),
  "request-parameter-enum-value-removed": rule(
    "breaking",
    true,
    "calls that pass the removed value (or, for an enum introduced, any value outside the list) no longer compile, and the server rejects it",
  ),
  "request-parameter-enum-value-added": rule(
    "safe",
    true,
    "one more accepted value; every value that was accepted still is",
  ),
  "request-parameter-format-changed": rule(
    "review",
    false,
    "the types are the same (formats are strings), but the server may accept other values than before",
  ),
  "request-parameter-max-decreased": rule(
    "breaking",
    false,
    "values above the new maximum (or length) that worked before are rejected now (paginators check page sizes before sending)",
  ),
  "request-parameter-max-increased": rule("safe", false, "every value that was accepted still is"),
  "request-parameter-min-increased": rule(
    "breaking",
    false,
    "values below the new minimum (or length) that worked before are rejected now",
  ),
  "request-parameter-min-decreased": rule("safe", false, "every value that was accepted still is"),
  "request-parameter-pattern-changed": rule(
    "review",
    false,
    "values matching the old pattern may not match the new one; the types cannot tell",
  ),
  "request-parameter-pattern-removed": rule("safe", false, "every value that was accepted still is"),

  // Request bodies: the client writes them
  "new-required-request-body": rule(
    "breaking",
    true,
    "calls without a body no longer compile, and the server rejects them",
  ),
  "new-optional-request-body": rule("safe", true, "calls may now send a body; existing calls are unchanged"),
  "request-body-removed": rule("breaking", true, "calls that send a body no longer compile"),
  "request-body-became-required": rule(
    "breaking",
    true,
    "calls without a body no longer compile, and the server rejects them",
  ),
  "request-body-became-optional": rule("safe", true, "calls may now leave the body out"),
  "request-body-media-type-added": rule("safe", true, "one more accepted media type; the body type only widens"),
  "request-body-media-type-removed": rule(
    "breaking",
    true,
    "bodies of the removed media type no longer compile, and the server rejects them",
  ),
  "new-required-request-property": rule(
    "breaking",
    true,
    "request objects without the new property no longer compile, and the server rejects them",
  ),
  "new-optional-request-property": rule(
    "safe",
    true,
    "a new optional property; existing request objects are unchanged",
  ),
  "request-property-removed": rule(
    "breaking",
    true,
    "request objects that set it no longer compile (excess property), and the server ignores or rejects it",
  ),
  "request-property-became-required": rule(
    "breaking",
    true,
    "request objects that leave it out no longer compile, and the server rejects them",
  ),
  "request-property-became-optional": rule("safe", true, "request objects may now leave it out"),
  "request-property-became-nullable": rule(
    "safe",
    true,
    "null is accepted too; every value that was accepted still is",
  ),
  "request-property-became-not-nullable": rule(
    "breaking",
    true,
    "request objects that send null no longer compile, and the server rejects null",
  ),
  "request-property-type-changed": rule(
    "breaking",
    true,
    "values that were valid for the old type may not be for the new one",
  ),
  "request-property-type-widened": rule("safe", true, "every value that was accepted still is"),
  "request-property-enum-value-removed": rule(
    "breaking",
    true,
    "request objects with the removed value (or, for an enum introduced, any value outside the list) no longer compile, and the server rejects it",
  ),
  "request-property-enum-value-added": rule(
    "safe",
    true,
    "one more accepted value; every value that was accepted still is",
  ),
  "request-property-format-changed": rule(
    "review",
    false,
    "the types are the same (formats are strings), but the server may accept other values than before",
  ),
  "request-property-max-decreased": rule(
    "breaking",
    false,
    "values above the new maximum (or length, or item count) that worked before are rejected now",
  ),
  "request-property-max-increased": rule("safe", false, "every value that was accepted still is"),
  "request-property-min-increased": rule(
    "breaking",
    false,
    "values below the new minimum (or length, or item count) that worked before are rejected now",
  ),
  "request-property-min-decreased": rule("safe", false, "every value that was accepted still is"),
  "request-property-pattern-changed": rule(
    "review",
    false,
    "values matching the old pattern may not match the new one; the types cannot tell",
  ),
  "request-property-pattern-removed": rule("safe", false, "every value that was accepted still is"),
  "request-property-default-added": rule(
    "safe",
    false,
    "a property with a default stays optional in requests (the server fills it in): the generated type does not change",
  ),
  "request-property-default-removed": rule(
    "safe",
    false,
    "the property stays optional in requests (it is not in `required`): the generated type does not change",
  ),
  "request-union-member-added": rule(
    "safe",
    true,
    "one more accepted shape (oneOf/anyOf); every shape that was accepted still is",
  ),
  "request-union-member-removed": rule(
    "breaking",
    true,
    "values of the removed shape (oneOf/anyOf) no longer compile, and the server rejects them",
  ),
  "request-additional-properties-narrowed": rule(
    "breaking",
    true,
    "extra keys that were accepted (additionalProperties) no longer compile, or must now have a narrower type",
  ),
  "request-additional-properties-widened": rule(
    "safe",
    true,
    "more extra keys (additionalProperties) are accepted; nothing that was accepted is refused",
  ),

  // Responses: the client reads them
  "response-property-removed": rule(
    "breaking",
    true,
    "code that reads it no longer compiles, and the value is gone at run time",
  ),
  "response-optional-property-added": rule("safe", true, "a new property to read; existing reads are unchanged"),
  "response-required-property-added": rule("safe", true, "a new property to read; existing reads are unchanged"),
  "response-property-became-optional": rule(
    "breaking",
    true,
    "reads that relied on it being there no longer compile (possibly undefined)",
  ),
  "response-property-became-required": rule(
    "safe",
    true,
    "the type only narrows (no longer undefined): existing reads still compile",
  ),
  "response-property-became-nullable": rule(
    "breaking",
    true,
    "reads that relied on a value no longer compile (possibly null)",
  ),
  "response-property-became-not-nullable": rule(
    "safe",
    true,
    "the type only narrows (no longer null): existing reads still compile",
  ),
  "response-property-type-changed": rule(
    "breaking",
    true,
    "reads that relied on the old type no longer compile, or see other values",
  ),
  "response-property-type-narrowed": rule(
    "safe",
    true,
    "the type only narrows: every value it can have now, it could have before",
  ),
  "response-property-enum-value-added": rule(
    "review",
    true,
    "reads still compile, but an exhaustive `switch` (a `never` check) no longer does, and code that assumed the old values meets a new one",
  ),
  "response-property-enum-value-removed": rule(
    "review",
    true,
    "the value never comes any more (or values are now limited to a list): reads still compile, but a comparison or `case` with a value outside the list no longer does (TS2678/TS2367)",
  ),
  "response-property-format-changed": rule(
    "review",
    false,
    "the types are the same (formats are strings), but code that parses the value may meet a new format",
  ),
  "response-property-max-increased": rule(
    "review",
    false,
    "values may now be larger (or longer) than code was told to expect",
  ),
  "response-property-max-decreased": rule("safe", false, "every value that can come now could come before"),
  "response-property-min-decreased": rule(
    "review",
    false,
    "values may now be smaller (or shorter) than code was told to expect",
  ),
  "response-property-min-increased": rule("safe", false, "every value that can come now could come before"),
  "response-property-pattern-changed": rule(
    "review",
    false,
    "values may no longer match the pattern code was told to expect; the types cannot tell",
  ),
  "response-property-default-added": rule(
    "safe",
    true,
    "the generated type makes a property with a default non-optional: the type only narrows",
  ),
  "response-property-default-removed": rule(
    "breaking",
    true,
    "the generated type makes the property optional again: reads that relied on it being there no longer compile",
  ),
  "response-union-member-added": rule(
    "review",
    true,
    "reads of fields every old shape (oneOf/anyOf) had may no longer compile, and code handling each shape meets a new one",
  ),
  "response-union-member-removed": rule(
    "review",
    true,
    "the shape never comes any more: reads still compile, but code narrowing on it (its discriminator value) no longer does",
  ),
  "response-additional-properties-removed": rule(
    "breaking",
    true,
    "reads of extra keys (additionalProperties) no longer compile",
  ),
  "response-additional-properties-added": rule(
    "safe",
    true,
    "extra keys may come (additionalProperties); declared properties read as before",
  ),
  "response-additional-properties-widened": rule(
    "breaking",
    true,
    "extra keys' values (additionalProperties) may now have other types than code expects",
  ),
  "response-additional-properties-narrowed": rule(
    "safe",
    true,
    "extra keys' values (additionalProperties) only narrow",
  ),
  "response-success-status-added": rule(
    "review",
    true,
    "`data` becomes a union with the new status's body: reads of fields it lacks no longer compile",
  ),
  "response-success-status-removed": rule(
    "breaking",
    true,
    "`data` loses this status's body: reads of it no longer compile, and the answer changes",
  ),
  "response-error-status-added-known-body": rule(
    "safe",
    true,
    "the new status's body type is one the operation's other error statuses already have: `error` does not change",
  ),
  "response-error-status-added": rule(
    "review",
    true,
    "`error` of openapi-fetch calls becomes a union with the new status's body: code reading it as the old bodies may not compile (unwrap() and paginators throw an ApiError for any error status, as before)",
  ),
  "response-error-status-removed": rule(
    "review",
    true,
    "`error` narrows; with no documented error body left it becomes `never`, and code that reads it no longer compiles (the server may still answer errors)",
  ),
  "response-media-type-added": rule(
    "review",
    true,
    "`data` (or `error`, for an error status) of openapi-fetch calls becomes a union with the new media type's body (paginators read JSON only)",
  ),
  "response-media-type-removed": rule(
    "breaking",
    true,
    "reads of the removed media type's body no longer compile, and the server no longer sends it",
  ),
  "response-error-media-type-removed": rule(
    "review",
    true,
    "`error` narrows; with no documented error body left it becomes `never`, and code that reads it no longer compiles",
  ),

  // Security and servers
  "security-requirement-added": rule("safe", false, "one more way to authenticate; every way that worked still does"),
  "security-requirement-removed": rule(
    "review",
    false,
    "a way to authenticate is gone (or a scheme is now needed as well): calls that used it fail with 401",
  ),
  "server-added": rule("safe", false, "one more server; the client's default base URL (servers[0]) is unchanged"),
  "server-removed": rule("review", false, "clients configured with this server's URL (`baseUrl`) may stop working"),
  "default-server-changed": rule(
    "review",
    false,
    "`createClient()` without `baseUrl` now talks to another URL (generated/servers.ts)",
  ),

  // What the report could not judge
  "could-not-judge": rule(
    "review",
    false,
    "comparing this place failed (the message says why): look at it by hand; `--fail-on review` stops on it",
  ),

  // This package's own surface
  "paginator-added": rule("safe", true, "a new paginator function (with its Query, Page and Item types)"),
  "paginator-removed": rule(
    "breaking",
    true,
    "imports of the paginator function and of its Query, Page and Item types no longer compile",
  ),
  "paginator-renamed": rule(
    "breaking",
    true,
    "imports of the old function name and of its Query, Page and Item types no longer compile",
  ),
  "root-type-added": rule("safe", true, "a new root type alias"),
  "root-type-removed": rule("breaking", true, "imports of the type alias no longer compile"),
  "root-type-renamed": rule(
    "breaking",
    true,
    "imports of the old alias name no longer compile, or now name another component's type",
  ),
  "cli-command-added": rule("safe", false, "a new `telnyx <resource> <action>` command"),
  "cli-command-removed": rule("breaking", false, "scripts that run the command fail (unknown command, exit 2)"),
  "cli-command-renamed": rule(
    "breaking",
    false,
    "scripts that run the old command name fail (unknown command, exit 2)",
  ),
  "cli-flag-added": rule("safe", false, "a new optional flag; existing command lines are unchanged"),
  "new-required-cli-flag": rule("breaking", false, "command lines without the new flag fail (exit 2)"),
  "cli-flag-removed": rule("breaking", false, "command lines that pass the flag fail (unknown flag, exit 2)"),
  "cli-flag-renamed": rule(
    "breaking",
    false,
    "command lines that pass the old flag name fail (unknown flag, exit 2), or set another parameter",
  ),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Who a schema change is about: a parameter's own value, or a field the client writes or reads. */
export type SchemaSubject = "request-parameter" | "request-property" | "response-property";

/** What happened to the values a schema allows (schema-values.ts, schema-shapes.ts). */
export type ValueChange =
  | "type-changed"
  | "type-widened"
  | "type-narrowed"
  | "format-changed"
  | "became-nullable"
  | "became-not-nullable"
  | "enum-value-removed"
  | "enum-value-added"
  | "max-decreased"
  | "max-increased"
  | "min-increased"
  | "min-decreased"
  | "pattern-changed"
  | "pattern-removed";

/**
 * The rule of each value change, per subject: every subject has an entry for
 * every change (the compiler checks both the ids and that none is missing).
 * Where a subject has no rule of its own, the entry is the rule that judges
 * the same thing for it: a response type that widens is a type change for
 * code reading it; a deepObject parameter's field that becomes nullable
 * widens what the parameter accepts (a parameter itself is left out, never null).
 */
export const VALUE_RULES: Record<SchemaSubject, Record<ValueChange, RuleId>> = {
  "request-parameter": {
    "type-changed": "request-parameter-type-changed",
    "type-widened": "request-parameter-type-widened",
    "type-narrowed": "request-parameter-type-changed",
    "format-changed": "request-parameter-format-changed",
    "became-nullable": "request-parameter-type-widened",
    "became-not-nullable": "request-parameter-type-changed",
    "enum-value-removed": "request-parameter-enum-value-removed",
    "enum-value-added": "request-parameter-enum-value-added",
    "max-decreased": "request-parameter-max-decreased",
    "max-increased": "request-parameter-max-increased",
    "min-increased": "request-parameter-min-increased",
    "min-decreased": "request-parameter-min-decreased",
    "pattern-changed": "request-parameter-pattern-changed",
    "pattern-removed": "request-parameter-pattern-removed",
  },
  "request-property": {
    "type-changed": "request-property-type-changed",
    "type-widened": "request-property-type-widened",
    "type-narrowed": "request-property-type-changed",
    "format-changed": "request-property-format-changed",
    "became-nullable": "request-property-became-nullable",
    "became-not-nullable": "request-property-became-not-nullable",
    "enum-value-removed": "request-property-enum-value-removed",
    "enum-value-added": "request-property-enum-value-added",
    "max-decreased": "request-property-max-decreased",
    "max-increased": "request-property-max-increased",
    "min-increased": "request-property-min-increased",
    "min-decreased": "request-property-min-decreased",
    "pattern-changed": "request-property-pattern-changed",
    "pattern-removed": "request-property-pattern-removed",
  },
  "response-property": {
    "type-changed": "response-property-type-changed",
    "type-widened": "response-property-type-changed",
    "type-narrowed": "response-property-type-narrowed",
    "format-changed": "response-property-format-changed",
    "became-nullable": "response-property-became-nullable",
    "became-not-nullable": "response-property-became-not-nullable",
    "enum-value-removed": "response-property-enum-value-removed",
    "enum-value-added": "response-property-enum-value-added",
    "max-decreased": "response-property-max-decreased",
    "max-increased": "response-property-max-increased",
    "min-increased": "response-property-min-increased",
    "min-decreased": "response-property-min-decreased",
    "pattern-changed": "response-property-pattern-changed",
    "pattern-removed": "response-property-pattern-changed",
  },
};
