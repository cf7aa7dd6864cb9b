/**
 * Console output of a run: one line per step with its time, errors always,
 * warnings and step lines unless --quiet, details only when asked (--verbose).
 */
export interface Reporter {
  step<T>(name: string, run: () => T, summary: (result: T) => string): T;
  stepAsync<T>(name: string, run: () => Promise<T>, summary: (result: T) => string): Promise<T>;
  /** A step timed elsewhere (on a worker thread). */
  line(name: string, ms: number, summary: string): void;
  skip(name: string, why: string): void;
  /** To stderr, always. */
  error(line: string): void;
  /** To stderr, unless --quiet. */
  warning(line: string): void;
  info(line: string): void;
}

export function createReporter({
  quiet,
  out = process.stdout,
  err = process.stderr,
}: {
  quiet: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}): Reporter {
  const say = (line: string) => {
    if (!quiet) out.write(`${line}\n`);
  };
  const line = (name: string, ms: number, summary: string) =>
    say(`${name.padEnd(11)} ${`${ms.toFixed(0)} ms`.padStart(7)}  ${summary}`);
  return {
    step(name, run, summary) {
      const start = performance.now();
      const result = run();
      line(name, performance.now() - start, summary(result));
      return result;
    },
    async stepAsync(name, run, summary) {
      const start = performance.now();
      const result = await run();
      line(name, performance.now() - start, summary(result));
      return result;
    },
    line,
    skip: (name, why) => say(`${name.padEnd(11)} ${"-".padStart(7)}  skipped (${why})`),
    error: (text) => err.write(`${text}\n`),
    warning: (text) => {
      if (!quiet) err.write(`${text}\n`);
    },
    info: say,
  };
}
