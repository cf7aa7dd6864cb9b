/**
 * The page style object for a spec of any style, picked by `spec.style`: what
 * `paginate()` runs (the CLI, hand-written code). One per walk, since a style
 * keeps what it learns as it goes.
 */
import type { PagingSettings } from "../options.js";
import type { PageSpec, PageStyle } from "../types.js";
import { cursorStyle } from "./cursor.js";
import { nextLinkStyle } from "./next-link.js";
import { offsetStyle } from "./offset.js";
import { pageNumberStyle } from "./page-number.js";

export function pageStyleFor(spec: PageSpec, settings: PagingSettings): PageStyle {
  switch (spec.style) {
    case "page-number":
      return pageNumberStyle(spec, settings);
    case "offset":
      return offsetStyle(spec, settings);
    case "cursor":
      return cursorStyle(spec, settings);
    case "next-link":
      return nextLinkStyle(spec, settings);
    default:
      throw new TypeError(`GET ${(spec as PageSpec).path}: unknown page style ${JSON.stringify((spec as { style: unknown }).style)}`);
  }
}
