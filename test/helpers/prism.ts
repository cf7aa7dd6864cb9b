/**
 * Prism (`@stoplight/prism-cli`) in proxy mode in front of a local server:
 * every request and every answer is validated against the spec, and with
 * `--errors` a violation becomes an error answer (422 for a request, 500 for
 * a response) instead of passing through. Started on a free port of
 * 127.0.0.1, stopped by its own process handle.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const PRISM = fileURLToPath(new URL("../../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));

export interface PrismProxy {
  url: string;
  /** Everything Prism printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function startPrismProxy(spec: string, upstream: string, timeoutMs = 30_000): Promise<PrismProxy> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [PRISM, "proxy", spec, upstream, "--errors", "--host", "127.0.0.1", "--port", String(port)],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = () => {
      if (!/Prism is listening on/.test(output)) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve();
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Prism exited (${code}) before listening:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
