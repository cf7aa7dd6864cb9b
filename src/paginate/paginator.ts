/**
 * The paginator of one operation with a given page style: options checked
 * once, then a fresh page stream (and a fresh style object, which keeps what
 * it learns as it goes) for each iteration. The public entries in `index.ts`
 * call it with the style they name, so a bundle holds only the styles its
 * code names.
 */
import { itemsOf } from "./items.js";
import { apiKeyOf } from "../client-key.js";
import { pagingSettings, type PagingSettings } from "./options.js";
import { startOptionOf } from "./page-styles.js";
import { pageStream } from "./stream.js";
import type { Page, PageRequest, PageSpec, PageStyle, PaginateOptions, Paginator, PagingClient } from "./types.js";

/** Makes the style object of one walk: `pageNumberStyle`, `cursorStyle`, ... (`styles/`). */
export type StyleMaker<Spec extends PageSpec> = (spec: Spec, settings: PagingSettings) => PageStyle;

/** The style's start option (`page-styles.ts`) starts the walk mid-way, if the spec has its parameter; another is a RangeError. */
export function paginateWith<Item, Body, Spec extends PageSpec>(
  makeStyle: StyleMaker<Spec>,
  client: PagingClient,
  spec: Spec,
  request: PageRequest = {},
  options: PaginateOptions = {},
): Paginator<Item, Body> {
  const settings = pagingSettings(spec, startOptionOf(spec), request.query, options, apiKeyOf(client));
  const pages = () =>
    pageStream(client, spec, makeStyle(spec, settings), request, settings) as AsyncGenerator<
      Page<Item, Body>,
      void,
      undefined
    >;
  const paginator: Paginator<Item, Body> = {
    [Symbol.asyncIterator]: () => itemsOf<Item>(pages(), settings.limit),
    pages: () => ({ [Symbol.asyncIterator]: pages }),
    async toArray() {
      const out: Item[] = [];
      for await (const item of paginator) out.push(item);
      return out;
    },
  };
  return paginator;
}
