/**
 * Names from the spec reach the report as they are written: a control
 * character (a terminal escape, a line break) is shown escaped instead, so a
 * spec cannot forge lines or colours in a terminal or a pull-request comment.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
