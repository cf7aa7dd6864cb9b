/** Bad usage of the CLI (unknown command or flag, bad value): printed with a hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose `--help` the message points at, e.g. `telnyx voice-clones list`. */
  readonly helpFor: string;

  constructor(message: string, helpFor = "telnyx") {
    super(message);
    this.helpFor = helpFor;
  }
}
