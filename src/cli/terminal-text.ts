/**
 * Text from the spec or the API on its way to a terminal: no control
 * characters (an escape sequence in a name must not drive the terminal),
 * widths in code points, cut with an ellipsis.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Keeps newlines and tabs, replaces other control characters with U+FFFD. */
export function safeText(text: string): string {
  return text.replace(CONTROL, "\ufffd");
}

/** One table cell: a single line, no control characters. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return safeText(text.replace(/\r\n|[\r\n\t]/g, " "));
}

export function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cuts to `max` code points, the last one an ellipsis when something was cut. */
export function cut(text: string, max: number): string {
  if (width(text) <= max) return text;
  if (max <= 0) return "";
  return `${[...text].slice(0, max - 1).join("")}…`;
}

export function pad(text: string, size: number): string {
  return text + " ".repeat(Math.max(0, size - width(text)));
}

/** Word-wraps one paragraph to `max` columns (a word longer than a line stays whole). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== "" && width(line) + 1 + width(word) > max) {
        lines.push(line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}
