/**
 * The shape of the command tree that `scripts/steps/commands.ts` generates:
 * one entry per operation of the spec, as plain data the CLI reads, in
 * `generated/commands/<resource>.ts`, and the index of the resources in
 * `generated/commands.ts`. Types only; nothing here runs.
 */
import type { FlagRole } from "../paginate/page-styles.js";
import type { PageSpec } from "../paginate/index.js";

/** Scalar type of a flag's value (for arrays: of each repeated value). */
export type FlagType = "string" | "integer" | "number" | "boolean";

export interface FlagSpec {
  /** The flag without dashes: `page[size]` -> `page-size`. */
  readonly flag: string;
  /**
   * The name sent, as is: a parameter's (`sort`), one property of an object
   * query parameter (`page[size]`, `filter[created_at][gte]`), or a
   * top-level property of the request body (`to`).
   */
  readonly param: string;
  readonly in: "query" | "path" | "body";
  readonly type: FlagType;
  /** An array: the flag may be repeated, each value is checked. */
  readonly array?: boolean;
  /** An array sent as one comma-joined value (`filter[status]=a,b`) rather than the key repeated. */
  readonly explode?: false;
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly default?: string | number | boolean;
  readonly required?: boolean;
  readonly description?: string;
  /**
   * Set when the paginator owns the parameter: `size` -> the page size,
   * `page` -> the start page, `offset` -> the start offset, `cursor` -> the
   * cursor to start from (the style's start option, src/paginate/page-styles.ts).
   */
  readonly role?: FlagRole;
}

export interface BodySpec {
  readonly required: boolean;
  /** The media type sent: JSON when the operation accepts it, else the first the spec lists. */
  readonly mediaType: string;
  /** For `multipart/form-data`: the fields that take a file (`format: binary`, or `contentMediaType`), sent with `--file <field>=@<path>`. */
  readonly files?: readonly FileFieldSpec[];
}

export interface FileFieldSpec {
  readonly field: string;
  readonly required?: boolean;
  /** Several files may be sent under this field. */
  readonly array?: boolean;
  /** The part's content type from the spec's `encoding` or `contentMediaType` (else taken from the file's extension). */
  readonly contentType?: string;
  readonly description?: string;
}

export interface CommandSpec {
  /** `voice-clones`: from the operation's first tag, else its path. */
  readonly resource: string;
  /** `list`: from pagination, the operationId or the method. */
  readonly action: string;
  readonly method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  readonly path: string;
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly flags: readonly FlagSpec[];
  /**
   * The operation takes a request body: the CLI adds `--data` (and `--file`
   * for a multipart body's file fields). Its top-level scalar properties
   * are flags too, `in: "body"`.
   */
  readonly body?: BodySpec;
  /** How the command pages: the same object the generated paginator passes to the runtime (the CLI runs it with `paginate`). */
  readonly paginate?: PageSpec;
  /** Item fields shown by `--format table`, most important first (absent: the first item's scalar fields). */
  readonly columns?: readonly string[];
}

/** One resource in the index (generated/commands.ts): its actions, and the loader of its commands. */
export interface ResourceEntry {
  readonly resource: string;
  readonly actions: readonly string[];
  readonly load: () => Promise<{ readonly commands: readonly CommandSpec[] }>;
}

/** The CLI's resources, sorted: what `telnyx --help` lists without loading any command. */
export type CommandIndex = readonly ResourceEntry[];
