import { defineConfig } from "vitest/config";

/**
 * Two projects. `unit` (`npm run test:unit`, the quick inner loop): code run in
 * this process, real HTTP on 127.0.0.1, the generator in-process on small
 * fixture specs; no child process, tmux, Prism, esbuild or npm. `integration`
 * (`npm run test:integration`): what needs more than that, each file for the
 * reason beside it. `npm test` runs both.
 */
const INTEGRATION = [
  // tmux, Prism, esbuild, npm pack
  "test/cli/terminal.test.ts",
  "test/paginate/prism.test.ts",
  "test/paginate/tree-shaking.test.ts",
  "test/consumers/packaging.test.ts",
  // the CLI as built by tsc and spawned
  "test/cli/cli.e2e.test.ts",
  // real processes: exit codes, kill -9, the lock of a running process, read-only and full file systems, git
  "test/generator/output-lock.test.ts",
  "test/generator/output-set.test.ts",
  "test/generator/drift-check.test.ts",
  "test/generator/lint-output.test.ts",
  "test/api-diff/cli.test.ts",
  // real tsc over generated code, consumers or the README's snippets
  "test/api-diff/oracle.test.ts",
  "test/cli/cli-commands.test.ts",
  "test/consumer-types/*.test.ts",
  "test/generator/identifiers.test.ts",
  "test/generator/operations.test.ts",
  "test/generator/pagination-styles.test.ts",
  "test/generator/refs.test.ts",
  "test/generator/safety.test.ts",
  "test/readme/snippets.test.ts",
  "test/webhooks/event-types.test.ts",
  // the real specs (spec/spec3.yml, telnyx-full) through the whole generator
  "test/generator/pagination-real-spec.test.ts",
  "test/generator/paginators-telnyx-full.test.ts",
  "test/generator/telnyx-full.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { REDOCLY_TELEMETRY: "off" },
    projects: [
      // Threads start faster than forked processes; nothing in these files needs a process of its own.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: INTEGRATION, pool: "threads" } },
      { extends: true, test: { name: "integration", include: INTEGRATION } },
    ],
  },
});
