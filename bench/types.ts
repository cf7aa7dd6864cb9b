/** One benchmark figure: `value` passes when it is at most `target`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: "ratio" | "bytes" | "MB";
  target: number;
  note?: string;
}
