/**
 * The flags the CLI itself defines, whatever the spec says. No spec parameter
 * gets one of these names: the generator reserves them (`RESERVED_FLAGS` in
 * scripts/cli-names.ts) and renames such a parameter `--query-<name>` /
 * `--path-<name>`.
 */
export const FORMATS = ["table", "json", "ndjson"] as const;
export type Format = (typeof FORMATS)[number];

export const GLOBAL_FLAGS = {
  "api-key": { type: "string", value: "<key>", help: "API key (default: $TELNYX_API_KEY). Never printed." },
  "base-url": { type: "string", value: "<url>", help: "API base URL (default: $TELNYX_BASE_URL, else the spec's first server)." },
  format: { type: "string", value: "<format>", help: "Output: table (default on a terminal), json (one array, the default otherwise) or ndjson (one item a line, streamed)." },
  limit: { type: "string", value: "<n>", help: "Stop after n items (paginated commands)." },
  "max-pages": { type: "string", value: "<n>", help: "Fetch at most n pages (paginated commands)." },
  data: { type: "string", value: "<json>", help: "Request body: JSON text, @file, or - for stdin (commands with a body)." },
  help: { type: "boolean", value: "", help: "Show help." },
} as const;

export type GlobalFlag = keyof typeof GLOBAL_FLAGS;
