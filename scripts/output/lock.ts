/**
 * One generation at a time per output folder: the writer holds the lock
 * file `.generate.lock` (created with O_EXCL, so only one process can
 * create it; it holds the owner's process id) from before it compares the
 * folder until it is done. A second `npm run generate` on the same folder
 * meanwhile fails with exit 2, naming the lock and its owner, instead of
 * interleaving two generations. A lock whose owner no longer runs (kill -9,
 * power loss) is stale: it is taken over, and the output says so.
 * (The lock uses node:fs itself: it is not part of the set that write.ts
 * writes through an injectable file system.)
 */
import * as fs from "node:fs";
import { join } from "node:path";
import { GenerateError } from "../errors.js";
import { cannot, LOCK } from "./folder.js";

export { LOCK } from "./folder.js";

export interface OutputLock {
  /** The process id of a stale lock this run took over, if any. */
  readonly staleOwner: number | undefined;
  release(): void;
}

/** Takes the lock of `outDir` (which must exist), or throws a GenerateError naming the owner. */
export function lockOutput(outDir: string): OutputLock {
  const path = join(outDir, LOCK);
  const content = `${process.pid}\nThe \`npm run generate\` of process ${process.pid} is writing this folder. If no such process runs, delete this file.\n`;
  let staleOwner: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(path, content)) return { staleOwner, release: () => release(path) };
    const owner = ownerOf(path);
    if (owner === "gone") continue; // released meanwhile: try again
    if (owner !== undefined && isRunning(owner)) throw held(path, `process ${owner}`);
    if (owner === undefined) throw held(path, "an unknown process (the lock holds no process id)");
    // Stale: move it aside first, so two runs recovering at once cannot remove each other's fresh lock.
    const aside = `${path}.stale-${process.pid}`;
    try {
      fs.renameSync(path, aside);
    } catch {
      continue; // another run moved it first
    }
    const moved = ownerOf(aside);
    if (moved !== owner && typeof moved === "number" && isRunning(moved)) {
      // Between our read and the move, a live run had taken the lock: give it back.
      try {
        fs.renameSync(aside, path);
      } catch {}
      throw held(path, `process ${moved}`);
    }
    fs.rmSync(aside, { force: true });
    staleOwner = owner;
  }
  throw held(path, "another run (it was taken again while this run recovered a stale lock)");
}

function create(path: string, content: string): boolean {
  try {
    fs.writeFileSync(path, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    // Created but not written (a full disk): an empty lock would hold the folder for good.
    fs.rmSync(path, { force: true });
    throw cannot(`take the lock ${LOCK}`, path, error, "; no file in the output folder was changed");
  }
}

/** The owner's process id; undefined when the file holds none, "gone" when it no longer exists. */
function ownerOf(path: string): number | undefined | "gone" {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw cannot(`read the lock ${LOCK}`, path, error);
  }
  const pid = /^(\d+)\n/.exec(text)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Whether the process runs. This process's own lock is stale too: a generation is synchronous, so it is one that was interrupted. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it runs, as another user
  }
}

function held(path: string, owner: string): GenerateError {
  return new GenerateError(
    `another \`npm run generate\` is writing this output folder: the lock ${LOCK} is held by ${owner}`,
    { file: path },
    "wait for that run to finish and run again; if no generate is running, delete the lock file",
  );
}

/** Best effort: a lock left behind is recognised as stale by the next run. */
function release(path: string): void {
  try {
    fs.rmSync(path, { force: true });
  } catch {}
}
