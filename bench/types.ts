/** One benchmark figure: `value` passes when it is at most `target`; with no target it is reported only. */
export interface BenchResult {
  name: string;
  value: number;
  unit: "ratio" | "bytes" | "MB";
  target?: number | undefined;
  note?: string;
}
