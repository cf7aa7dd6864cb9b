/** Output pieces in isolation: table fitting, flag values, the progress text, redaction. */
import { describe, expect, it } from "vitest";
import type { FlagSpec } from "../../src/cli/command-spec.js";
import { flagValue } from "../../src/cli/flag-value.js";
import { MAX_COLUMN, SAMPLE_ROWS, fitWidths, renderTable, tableWriter } from "../../src/cli/output/table.js";
import { jsonWriter } from "../../src/cli/output/json.js";
import { progressText } from "../../src/cli/progress.js";
import { REDACTED, redactText } from "../../src/redact.js";
import { UsageError } from "../../src/cli/usage-error.js";

describe("fitWidths", () => {
  it.each<[string, number[], number, number[]]>([
    ["fits already", [4, 10, 6], 40, [4, 10, 6]],
    ["the last columns go first, values stay whole", [36, 8, 7, 8, 20, 20], 100, [36, 8, 7, 8, 20]],
    ["down to what fits", [36, 8, 7, 8, 20, 20], 60, [36, 8, 7]],
    ["no column wider than MAX_COLUMN", [100, 5], 200, [MAX_COLUMN, 5]],
    ["a single column too wide is cut", [36, 8], 20, [20]],
  ])("%s", (_, natural, max, want) => {
    const widths = fitWidths(natural, max);
    expect(widths).toEqual(want);
    expect(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)).toBeLessThanOrEqual(max);
  });
});

describe("renderTable", () => {
  it("upper-case headers, padded cells, cut with an ellipsis, no control characters", () => {
    const rows = [
      { id: "a1", name: "short", extra: 1 },
      { id: "b2", name: "a much longer name\nwith \u001b[31m escapes", extra: null },
    ];
    expect(renderTable(rows, ["id", "name"], 200)).toBe(
      "ID  NAME\na1  short\nb2  a much longer name with \ufffd[31m escapes\n",
    );
    expect(renderTable(rows, ["id", "name"], 20)).toBe("ID\na1\nb2\n");
    expect(renderTable(rows, ["name"], 12)).toBe("NAME\nshort\na much long…\n");
    expect(renderTable([{ label: "x".repeat(60) }], ["label"], 200)).toBe(`LABEL\n${"x".repeat(MAX_COLUMN - 1)}…\n`);
  });
});

describe("flagValue", () => {
  const size: FlagSpec = {
    flag: "page-size",
    param: "page[size]",
    in: "query",
    type: "integer",
    minimum: 1,
    maximum: 250,
  };
  const provider: FlagSpec = { flag: "provider", param: "p", in: "query", type: "string", enum: ["telnyx", "minimax"] };
  it.each<[FlagSpec, string, unknown]>([
    [size, "250", 250],
    [size, "1", 1],
    [provider, "minimax", "minimax"],
    [{ flag: "on", param: "on", in: "query", type: "boolean" }, "false", false],
    [{ flag: "n", param: "n", in: "query", type: "number", exclusiveMinimum: 0 }, "0.5", 0.5],
  ])("%j %s", (flag, raw, want) => {
    expect(flagValue(flag, raw, "telnyx x")).toBe(want);
  });
  it.each<[FlagSpec, string, RegExp]>([
    [size, "251", /251 is out of range; allowed: 1 to 250/],
    [size, "1e2", /expected an integer/],
    [provider, "Telnyx", /allowed values: telnyx, minimax/],
    [{ flag: "n", param: "n", in: "query", type: "number", exclusiveMinimum: 0 }, "0", /allowed: > 0/],
  ])("%j %s is refused", (flag, raw, message) => {
    expect(() => flagValue(flag, raw, "telnyx x")).toThrow(UsageError);
    expect(() => flagValue(flag, raw, "telnyx x")).toThrow(message);
  });
});

describe("progressText", () => {
  it("shows totals when known", () => {
    expect(progressText("voice-clones list", { pages: 2, items: 40, totalPages: 3, totalItems: 45 })).toBe(
      "voice-clones list: page 2 of 3, 40 of 45 items",
    );
    expect(progressText("x", { pages: 1, items: 1 })).toBe("x: page 1, 1 item");
  });
});

describe("redactText (the one rule, library and CLI)", () => {
  it("replaces every occurrence of each key, ignores missing or tiny keys", () => {
    expect(redactText("a KEY123 b KEY123", "KEY123", undefined)).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(redactText("a b c", "a")).toBe("a b c");
    expect(redactText('{"k":"KEY\\"12"}', 'KEY\\"12')).toBe('{"k":"***"}');
  });
});

describe("tableWriter streams", () => {
  const row = (i: number) => ({
    id: `id-${String(i).padStart(6, "0")}`,
    name: i % 7 === 0 ? `name ${i} that is long` : `n${i}`,
  });

  it("130,000 rows in pages of 250: every row printed, in order, the first lines long before the end", () => {
    const printed: string[] = [];
    const writer = tableWriter(
      (text) => printed.push(text),
      ["id", "name"],
      80,
      () => {},
    );
    for (let start = 0; start < 130_000; start += 250) {
      writer.items(Array.from({ length: 250 }, (_, k) => row(start + k)));
      if (start === SAMPLE_ROWS + 250) expect(printed.join("").split("\n").length).toBeGreaterThan(SAMPLE_ROWS);
    }
    writer.end(false);
    const lines = printed.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(130_001);
    expect(lines[0]).toBe("ID         NAME");
    expect(lines[130_000]).toBe("id-129999  n129999");
  });

  it("widths come from the first rows; a longer value later is cut to them", () => {
    const printed: string[] = [];
    const writer = tableWriter(
      (text) => printed.push(text),
      ["id", "name"],
      80,
      () => {},
    );
    writer.items(Array.from({ length: SAMPLE_ROWS }, (_, i) => ({ id: `${i}`.padStart(3, "0"), name: "short" })));
    writer.items([{ id: "999", name: "a name longer than short" }]);
    writer.end(false);
    expect(printed.join("").trimEnd().split("\n").at(-1)).toBe("999  a na…");
  });

  it("fewer rows than the sample are printed at the end, sized to all of them", () => {
    const printed: string[] = [];
    let empty = 0;
    const writer = tableWriter(
      (text) => printed.push(text),
      ["id"],
      80,
      () => empty++,
    );
    writer.items([{ id: "a" }, { id: "bbb" }]);
    expect(printed).toEqual([]);
    writer.end(false);
    expect(printed.join("")).toBe("ID\na\nbbb\n");
    tableWriter(
      () => {},
      ["id"],
      80,
      () => empty++,
    ).end(false);
    expect(empty).toBe(1);
  });
});

describe("jsonWriter", () => {
  it("end() closes the array whatever came before: no items, some items", () => {
    let out = "";
    const none = jsonWriter((text) => (out += text));
    none.end(false);
    expect(JSON.parse(out)).toEqual([]);
    out = "";
    const some = jsonWriter((text) => (out += text));
    some.items([{ a: 1 }, { a: 2 }]);
    some.end(false);
    expect(JSON.parse(out)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("after a failure before any item, prints nothing (no [] after a 401); after some items, closes the array", () => {
    let out = "";
    jsonWriter((text) => (out += text)).end(true);
    expect(out).toBe("");
    const some = jsonWriter((text) => (out += text));
    some.items([{ a: 1 }]);
    some.end(true);
    expect(JSON.parse(out)).toEqual([{ a: 1 }]);
  });
});

describe("tableWriter after a failure", () => {
  it('prints no "No items." when nothing came, and the rows that did come', () => {
    let empty = 0;
    const printed: string[] = [];
    tableWriter(
      (text) => printed.push(text),
      ["id"],
      80,
      () => empty++,
    ).end(true);
    expect({ empty, printed }).toEqual({ empty: 0, printed: [] });
    const writer = tableWriter(
      (text) => printed.push(text),
      ["id"],
      80,
      () => empty++,
    );
    writer.items([{ id: "a" }]);
    writer.end(true);
    expect(printed.join("")).toBe("ID\na\n");
  });
});
