/**
 * The progress line on stderr while pages arrive (only when stderr is a
 * terminal): `voice-clones list: page 2 of 3, 40 of 42 items`. Redrawn in
 * place, cleared before anything else is printed on the terminal, erased at
 * the end.
 */
import type { Output } from "./io.js";
import { cut } from "./terminal-text.js";

export interface ProgressState {
  pages: number;
  items: number;
  totalPages?: number;
  totalItems?: number;
}

const CLEAR = "\r\x1b[2K";

export class Progress {
  private shown = "";
  private readonly enabled: boolean;

  constructor(
    private readonly stream: Output,
    private readonly label: string,
  ) {
    this.enabled = stream.isTTY === true;
  }

  update(state: ProgressState): void {
    if (!this.enabled) return;
    this.shown = cut(progressText(this.label, state), Math.max(10, (this.stream.columns ?? 80) - 1));
    this.stream.write(CLEAR + this.shown);
  }

  /** Runs `print` with the line taken off the terminal, then puts it back. */
  around(print: () => void): void {
    if (this.shown === "") {
      print();
      return;
    }
    this.stream.write(CLEAR);
    print();
    this.stream.write(this.shown);
  }

  clear(): void {
    if (this.shown === "") return;
    this.stream.write(CLEAR);
    this.shown = "";
  }
}

export function progressText(label: string, s: ProgressState): string {
  const pages = s.totalPages !== undefined ? `page ${s.pages} of ${s.totalPages}` : `page ${s.pages}`;
  const items =
    s.totalItems !== undefined ? `${s.items} of ${s.totalItems} items` : `${s.items} item${s.items === 1 ? "" : "s"}`;
  return `${label}: ${pages}, ${items}`;
}
