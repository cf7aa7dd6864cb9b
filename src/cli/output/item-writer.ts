/** Where items go as pages arrive: one implementation per `--format`. */
export interface ItemWriter {
  /** The items of one page, in order, as soon as the page is in. */
  items(items: readonly unknown[]): void;
  /**
   * Paging is over, done or failed: close what was opened (the JSON array),
   * print what is held (the table). After a failure, nothing is printed for
   * an empty list (no `[]`, no "No items."): the error says what happened.
   */
  end(failed: boolean): void;
}

/** Writes text to stdout (taking the progress line off the terminal first). */
export type Print = (text: string) => void;
