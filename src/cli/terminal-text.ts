/**
 * Text from the spec or the API on its way to a terminal: no control
 * characters (an escape sequence in a name or an error's detail must not
 * drive the terminal: set its title, clear it, colour it, or forge a line
 * with a carriage return), no bidirectional overrides (which reorder what is
 * shown), widths in code points, cut with an ellipsis.
 */
// C0 controls but tab and newline, DEL, C1 controls (ESC, CSI, OSC, ...), and the bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Keeps newlines and tabs, replaces other control characters with U+FFFD. */
export function safeText(text: string): string {
  return text.replace(CONTROL, "\ufffd");
}

/** One line for the terminal: line breaks and tabs become spaces (a CR cannot overwrite or forge a line), other control characters U+FFFD. */
export function oneLine(text: string): string {
  return safeText(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, " "));
}

/** One table cell: a single line, no control characters. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return oneLine(typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value));
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
