/** What every generator step produces: a file's path inside the output folder and its exact bytes. */
export interface OutputFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  content: string;
}
