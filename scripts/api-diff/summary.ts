/**
 * The line `npm run generate` ends with when it changed generated/: what the
 * spec's changes since the last commit (HEAD) mean for code using this
 * package, in counts, pointing at `npm run api-diff` for the details. It
 * never fails a generation: when there is nothing to compare with (no git,
 * a spec not yet committed), the line says so.
 */
import { GenerateError } from "../errors.js";
import { DEFAULT_BASE_REF } from "./options.js";
import { compareSpecs, type Report } from "./report.js";
import { loadBase, type SpecSide } from "./sides.js";

export interface SummaryOptions {
  /** Absolute path of the spec just generated from. */
  spec: string;
  cwd: string;
  maxBytes: number;
}

/** A spec file to compare with instead of git HEAD, and how the line names it. */
export interface SummaryBase {
  file: string;
  label: string;
}

/** `head`: the spec the generation just read (loaded, bundled and planned once, by the pipeline). */
export async function apiChangeSummary(head: SpecSide, options: SummaryOptions, base?: SummaryBase): Promise<string> {
  const since = base?.label ?? DEFAULT_BASE_REF;
  try {
    const baseSide = await loadBase(base ? { file: base.file } : { ref: DEFAULT_BASE_REF }, options.spec, {
      maxBytes: options.maxBytes,
      cwd: options.cwd,
    });
    return summaryLine(compareSpecs(baseSide, head, options.cwd), since);
  } catch (error) {
    const why = error instanceof GenerateError ? error.message : String((error as Error)?.message ?? error);
    return `API changes: not compared with ${since} (${why})`;
  }
}

export function summaryLine(report: Report, since: string = DEFAULT_BASE_REF): string {
  const { breaking, review, safe } = report.counts;
  if (breaking + review + safe === 0) return `API changes since ${since}: none for code using this package`;
  const parts = [breaking && `${breaking} breaking`, review && `${review} to review`, safe && `${safe} safe`].filter(
    Boolean,
  );
  return `API changes since ${since}: ${parts.join(", ")}; \`npm run api-diff\` for details`;
}
