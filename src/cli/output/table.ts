/**
 * `--format table`: the command's main columns (most important first),
 * fitted to the terminal by dropping the last ones. Column widths come from
 * the first SAMPLE_ROWS rows (or all, when there are fewer); from then on
 * rows are printed page by page as they arrive, longer values cut to those
 * widths with an ellipsis. So a table of any length costs one page of memory
 * (and the sample), and no step depends on the row count.
 */
import { cellText, cut, pad, width } from "../terminal-text.js";
import type { Print, ItemWriter } from "./item-writer.js";
import { isRecord } from "../../is-record.js";

const GAP = "  ";
/** The widest a column gets: longer values are cut with an ellipsis. */
export const MAX_COLUMN = 40;
/** Rows held to size the columns before the first line is printed. */
export const SAMPLE_ROWS = 200;

export function tableWriter(
  print: Print,
  columns: readonly string[] | undefined,
  maxWidth: number,
  onEmpty: () => void,
): ItemWriter {
  let sample: unknown[] = [];
  let layout: TableLayout | undefined;
  const start = () => {
    layout = tableLayout(sample, columns && columns.length > 0 ? columns : keysOf(sample[0]), maxWidth);
    print(layout.header + layout.rows(sample));
    sample = [];
  };
  return {
    items(items) {
      if (layout) return print(layout.rows(items));
      for (const item of items) sample.push(item);
      if (sample.length >= SAMPLE_ROWS) start();
    },
    end(failed) {
      if (layout) return;
      if (sample.length === 0) return failed ? undefined : onEmpty();
      start();
    },
  };
}

export interface TableLayout {
  /** The header line, with its newline. */
  readonly header: string;
  /** The lines of these rows, each with its newline. */
  rows(rows: readonly unknown[]): string;
}

/** Column widths fitted to `maxWidth` from `sample`, and the lines they give. */
export function tableLayout(sample: readonly unknown[], columns: readonly string[], maxWidth: number): TableLayout {
  const headers = columns.map((c) => c.toUpperCase());
  const cellsOf = (row: unknown) =>
    columns.map((c) => cellText(isRecord(row) ? row[c] : c === "value" ? row : undefined));
  const natural = headers.map((h) => width(h));
  for (const row of sample) {
    cellsOf(row).forEach((cell, i) => {
      natural[i] = Math.max(natural[i]!, width(cell));
    });
  }
  const widths = fitWidths(natural, maxWidth);
  const line = (values: string[]) =>
    `${widths
      .map((w, i) => pad(cut(values[i]!, w), w))
      .join(GAP)
      .trimEnd()}\n`;
  return {
    header: line(headers),
    rows: (rows) => rows.map((row) => line(cellsOf(row))).join(""),
  };
}

/** The whole table of `rows` at once (a command that does not page). */
export function renderTable(rows: readonly unknown[], columns: readonly string[], maxWidth: number): string {
  const layout = tableLayout(rows, columns, maxWidth);
  return layout.header + layout.rows(rows);
}

/**
 * Column widths that fit `maxWidth`. Values are shown whole (an id cut short
 * is no use), except that no column is wider than MAX_COLUMN; when the row
 * is too wide, the last (least important) columns go. Only a single column
 * wider than the terminal is cut to fit.
 */
export function fitWidths(natural: readonly number[], maxWidth: number): number[] {
  const widths = natural.map((w) => Math.min(w, MAX_COLUMN));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, widths.length - 1);
  while (widths.length > 1 && total() > maxWidth) widths.pop();
  if (total() > maxWidth) widths[0] = Math.max(1, maxWidth);
  return widths;
}

function keysOf(row: unknown): string[] {
  return isRecord(row) ? Object.keys(row).filter((k) => !isRecord(row[k]) && !Array.isArray(row[k])) : ["value"];
}
