/** Node 24's binary from the `node@24` npm package (fetched once by `npm exec`), or undefined when npm cannot. */
import { execFileSync } from "node:child_process";

export function node24(): string | undefined {
  try {
    const path = execFileSync("npm", ["exec", "--yes", "--package=node@24", "--", "node", "-p", "process.execPath"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return path || undefined;
  } catch {
    return undefined;
  }
}
