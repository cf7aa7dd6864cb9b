/**
 * The documentation's links between its own pages hold: every relative link
 * of README.md, CONTRIBUTING.md and docs/*.md names a file of the repository,
 * and every `#anchor` a heading of that page (GitHub's slugs).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/run-generate.js";

const PAGES = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The page without its fenced code blocks (their brackets are code, not links). */
function prose(page: string): string {
  return readFileSync(join(ROOT, page), "utf8").replace(/^```[\s\S]*?^```$/gm, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

function anchors(page: string): string[] {
  return [...prose(page).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!));
}

describe("the documentation's links", () => {
  it("slugs headings as GitHub does", () => {
    expect(slug("Pagination rules: `pagination.yaml` and `x-pagination`")).toBe(
      "pagination-rules-paginationyaml-and-x-pagination",
    );
    expect(slug("Real-spec defects, and how they are handled")).toBe("real-spec-defects-and-how-they-are-handled");
  });

  it.each(PAGES)("%s: every relative link reaches a file, and its anchor a heading", (page) => {
    const broken: string[] = [];
    for (const [, target] of prose(page).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split("#") as [string, string | undefined];
      const path = file === "" ? page : normalize(join(dirname(page), file));
      if (!existsSync(join(ROOT, path))) broken.push(`${target}: no file ${path}`);
      else if (anchor && path.endsWith(".md") && !anchors(path).includes(anchor))
        broken.push(`${target}: no heading #${anchor} in ${path}`);
    }
    expect(broken).toEqual([]);
  });
});
