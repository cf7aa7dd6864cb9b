/**
 * `--format table`: the command's main columns (most important first),
 * fitted to the terminal by dropping the last ones. Rows are collected (widths depend on every row) and printed at
 * the end; the progress line shows pages meanwhile.
 */
import { cellText, cut, pad, width } from "../terminal-text.js";
import type { Print, Sink } from "./sink.js";

const GAP = "  ";
/** The widest a column gets: longer values are cut with an ellipsis. */
export const MAX_COLUMN = 40;

export function tableSink(print: Print, columns: readonly string[] | undefined, maxWidth: number, onEmpty: () => void): Sink {
  const rows: unknown[] = [];
  return {
    items(items) {
      rows.push(...items);
    },
    end() {
      if (rows.length === 0) return onEmpty();
      print(renderTable(rows, columns && columns.length > 0 ? columns : keysOf(rows[0]), maxWidth));
    },
  };
}

export function renderTable(rows: readonly unknown[], columns: readonly string[], maxWidth: number): string {
  const headers = columns.map((c) => c.toUpperCase());
  const cells = rows.map((row) => columns.map((c) => cellText(isRecord(row) ? row[c] : c === "value" ? row : undefined)));
  const natural = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i]!))));
  const widths = fit(natural, maxWidth);
  const line = (values: string[]) => widths.map((w, i) => pad(cut(values[i]!, w), w)).join(GAP).trimEnd();
  return `${[line(headers), ...cells.map(line)].join("\n")}\n`;
}

/**
 * Column widths that fit `maxWidth`. Values are shown whole (an id cut short
 * is no use), except that no column is wider than MAX_COLUMN; when the row
 * is too wide, the last (least important) columns go. Only a single column
 * wider than the terminal is cut to fit.
 */
export function fit(natural: readonly number[], maxWidth: number): number[] {
  const widths = natural.map((w) => Math.min(w, MAX_COLUMN));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, widths.length - 1);
  while (widths.length > 1 && total() > maxWidth) widths.pop();
  if (total() > maxWidth) widths[0] = Math.max(1, maxWidth);
  return widths;
}

function keysOf(row: unknown): string[] {
  return isRecord(row) ? Object.keys(row).filter((k) => !isRecord(row[k]) && !Array.isArray(row[k])) : ["value"];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
