/**
 * A bundle holds only the page styles its code names: the generated
 * paginators call their style's entry (`paginateByPageNumber`, ...), so
 * bundling an application that uses `listVoiceClones` (page numbers) leaves
 * the offset, cursor and next-link styles out. `paginate()`, which picks the
 * style from the spec at run time, holds all four. Checked with a real
 * esbuild bundle (minified, as an application would ship it) and the list of
 * the source files that reach its output.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The files of src/paginate/styles/ that reach the bundle of `contents` (a module at the repository's root). */
async function stylesBundled(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: "app.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output!.inputs)
    .filter(([path, input]) => path.startsWith("src/paginate/styles/") && input.bytesInOutput > 0)
    .map(([path]) => path.slice("src/paginate/styles/".length))
    .sort();
}

describe("page styles are tree-shaken", () => {
  it("an application of generated page-number paginators bundles the page-number style alone", async () => {
    expect(await stylesBundled(`export { createClient, listVoiceClones } from "./src/index.js";`)).toEqual([
      "page-number.ts",
      "short-page.ts",
    ]);
  });

  it.each([
    ["paginateByOffset", ["offset.ts", "short-page.ts"]],
    ["paginateByCursor", ["cursor.ts"]],
    ["paginateByNextLink", ["link-header.ts", "next-link.ts"]],
  ])("%s bundles its own style alone", async (entry, files) => {
    expect(await stylesBundled(`export { ${entry} } from "./src/paginate/index.js";`)).toEqual(files);
  });

  it("paginate(), which picks the style from the spec, bundles all four", async () => {
    expect(await stylesBundled(`export { paginate } from "./src/paginate/index.js";`)).toEqual([
      "cursor.ts",
      "link-header.ts",
      "next-link.ts",
      "offset.ts",
      "page-number.ts",
      "short-page.ts",
    ]);
  });
});
