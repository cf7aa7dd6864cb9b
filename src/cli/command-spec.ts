/**
 * The shape of the command tree that `scripts/cli-commands.ts` generates into
 * `generated/commands.ts`: one entry per operation of the spec, as plain data
 * the CLI reads. Types only; nothing here runs.
 */
import type { PageSpec } from "../paginate/index.js";

/** Scalar type of a flag's value (for arrays: of each repeated value). */
export type FlagType = "string" | "integer" | "number" | "boolean";

export interface FlagSpec {
  /** The flag without dashes: `page[size]` -> `page-size`. */
  readonly flag: string;
  /** The parameter's name in the spec, sent as is: `page[size]`. */
  readonly param: string;
  readonly in: "query" | "path";
  readonly type: FlagType;
  /** An array parameter: the flag may be repeated, each value is checked. */
  readonly array?: boolean;
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly default?: string | number | boolean;
  readonly required?: boolean;
  readonly description?: string;
  /**
   * Set when the paginator owns the parameter: `page` -> the start page,
   * `size` -> the page size, `offset` -> the start offset, `cursor` -> the
   * cursor to start from (each where the page style allows starting mid-way).
   */
  readonly role?: "page" | "size" | "offset" | "cursor";
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
  /** The operation takes a request body: the CLI adds `--data`. */
  readonly body?: { readonly required: boolean; readonly mediaType: string };
  /** How the command pages: the same object the generated paginator passes to the runtime (the CLI runs it with `paginate`). */
  readonly paginate?: PageSpec;
  /** Item fields shown by `--format table`, most important first (absent: the first item's scalar fields). */
  readonly columns?: readonly string[];
}
