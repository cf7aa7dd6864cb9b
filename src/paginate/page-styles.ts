/**
 * Each page style described once, as plain data that the generator
 * (scripts/), the engine (`index.ts`) and the CLI (src/cli/) all read: the
 * engine's entry the generated paginators call, the option that starts a
 * walk mid-way, the query parameter the style sets itself, what the CLI flag
 * of that parameter does, and how docs and `--help` say the style pages.
 *
 * The table is typed by the style name: a style in `PageSpec` without a row
 * here (or a row naming a key its spec lacks) does not compile. How a style
 * runs is in `styles/<style>.ts`; how the generator detects it, in
 * scripts/pagination/styles/<style>.ts.
 */
import type { PageSpec, PageStyleName } from "./types.js";

/** The paginator options that start a walk mid-way; each page style takes one (next links only with a cursor parameter). */
export type StartOption = "startPage" | "startOffset" | "startCursor";

/** What the CLI does with a flag the paginator owns (`FlagSpec.role`): the page size, or the style's start option. */
export type FlagRole = "size" | PageStyleDescriptor<PageStyleName>["flagRole"];

type SpecOf<S extends PageStyleName> = Extract<PageSpec, { style: S }>;

/** The keys of a style's spec that name the query parameter it sets itself (`pageParam`, `offsetParam`, `cursorParam`). */
type OwnedParamKey<S extends PageStyleName> = Extract<Exclude<keyof SpecOf<S>, "sizeParam">, `${string}Param`>;

export interface PageStyleDescriptor<S extends PageStyleName> {
  /** The engine's entry for the style (exported by `index.ts`), which each generated paginator of the style calls. */
  readonly entry: `paginateBy${string}`;
  /** The option that starts the walk mid-way: it sets the owned parameter's first value (only when the spec has one). */
  readonly startOption: StartOption;
  /** The key of the spec that names the query parameter the style sets itself: a paginator's query type leaves it out. */
  readonly ownedParam: OwnedParamKey<S>;
  /** `FlagSpec.role` of the owned parameter's CLI flag. */
  readonly flagRole: "page" | "offset" | "cursor";
  /** How messages name the style: `this operation pages by <label>`. */
  readonly label: string;
  /** How a paginator's doc comment says it pages (Markdown): `{param}` is the owned parameter, `{next}` where the next link is. */
  readonly docs: string;
  /** How `--help` says a list command pages: `{param}` is the owned parameter. */
  readonly help: string;
}

export const PAGE_STYLES: { readonly [S in PageStyleName]: PageStyleDescriptor<S> } = {
  "page-number": {
    entry: "paginateByPageNumber",
    startOption: "startPage",
    ownedParam: "pageParam",
    flagRole: "page",
    label: "page-number",
    docs: "by `{param}`",
    help: "by {param}",
  },
  offset: {
    entry: "paginateByOffset",
    startOption: "startOffset",
    ownedParam: "offsetParam",
    flagRole: "offset",
    label: "offset",
    docs: "by `{param}`",
    help: "by offset, {param}",
  },
  cursor: {
    entry: "paginateByCursor",
    startOption: "startCursor",
    ownedParam: "cursorParam",
    flagRole: "cursor",
    label: "cursor",
    docs: "by the cursor `{param}`",
    help: "by cursor, {param}",
  },
  "next-link": {
    entry: "paginateByNextLink",
    startOption: "startCursor",
    ownedParam: "cursorParam",
    flagRole: "cursor",
    label: "next links",
    docs: "by its next links ({next})",
    help: "by following next links",
  },
};

/** The page styles, in the table's order. */
export const PAGE_STYLE_NAMES = Object.keys(PAGE_STYLES) as readonly PageStyleName[];

/** The start options of all styles, each once. */
export const START_OPTIONS: readonly StartOption[] = [
  ...new Set(PAGE_STYLE_NAMES.map((s) => PAGE_STYLES[s].startOption)),
];

/** The query parameter the spec's style sets itself (page number, offset or cursor), if the spec has one. */
export function ownedParam(spec: PageSpec): string | undefined {
  return (spec as unknown as Record<string, string | undefined>)[PAGE_STYLES[spec.style].ownedParam];
}

/** The style's start option, when its spec has the parameter it sets (next links may have none). */
export function startOptionOf(spec: PageSpec): StartOption | undefined {
  return ownedParam(spec) === undefined ? undefined : PAGE_STYLES[spec.style].startOption;
}

/** The start option a CLI flag role sets, or undefined for the page size. */
export function startOptionOfRole(role: FlagRole): StartOption | undefined {
  return PAGE_STYLE_NAMES.map((s) => PAGE_STYLES[s]).find((d) => d.flagRole === role)?.startOption;
}

/** The flag role of query parameter `name` under `spec`: `size`, the style's own role, or undefined when the paginator does not own it. */
export function flagRoleOf(spec: PageSpec, name: string): FlagRole | undefined {
  if (spec.sizeParam === name) return "size";
  return ownedParam(spec) === name ? PAGE_STYLES[spec.style].flagRole : undefined;
}

/** `template` (`docs` or `help`) with `{param}` and `{next}` filled from `spec`. */
export function describePaging(template: string, spec: PageSpec): string {
  const next = "next" in spec ? ("header" in spec.next ? "the `Link` header" : `\`${spec.next.body.join(".")}\``) : "";
  return template.replaceAll("{param}", ownedParam(spec) ?? "").replaceAll("{next}", next);
}
