/**
 * The local voice-clones server (test/helpers/voice-clones-server.ts) in a
 * child process, driven over IPC, so that its work is billed to neither side
 * of a benchmark: this file forks itself with `REMOTE_SERVER` set.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { makeClones, startVoiceClonesServer } from "../test/helpers/voice-clones-server.js";

const SERVER_ENV = "REMOTE_SERVER";

export interface RemoteServerOptions {
  count: number;
  latencyMs?: number;
}

export interface RemoteServer {
  url: string;
  /** Pages asked for since the last call. */
  pages(): Promise<number[]>;
  close(): Promise<void>;
}

export async function remoteServer(options: RemoteServerOptions): Promise<RemoteServer> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, [SERVER_ENV]: JSON.stringify(options) },
    execArgv: ["--import", "tsx/esm"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once("message", (m) => resolve(m as T));
      child.once("exit", (code) => reject(new Error(`the bench server exited (${code})`)));
    });
  const { url } = await next<{ url: string }>();
  return {
    url,
    pages: async () => {
      child.send("pages");
      return (await next<{ pages: number[] }>()).pages;
    },
    close: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.send("close");
  });
}

if (process.env[SERVER_ENV] && process.send) {
  const { count, latencyMs } = JSON.parse(process.env[SERVER_ENV]) as RemoteServerOptions;
  const server = await startVoiceClonesServer({ clones: makeClones(count), latencyMs });
  process.on("message", (message) => {
    if (message === "pages") {
      process.send!({ pages: server.requests.map((r) => r.page) });
      server.requests.length = 0;
    } else if (message === "close") {
      void server.close().finally(() => process.exit(0));
    }
  });
  process.send({ url: server.url });
}
