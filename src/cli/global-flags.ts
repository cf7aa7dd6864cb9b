/**
 * The flags the CLI itself defines, whatever the spec says. No spec parameter
 * gets one of these names: the generator reserves them (`RESERVED_FLAGS` in
 * scripts/naming/cli-names.ts) and renames such a parameter `--query-<name>` /
 * `--path-<name>`.
 */
export const FORMATS = ["table", "json", "ndjson"] as const;
export type Format = (typeof FORMATS)[number];

export const GLOBAL_FLAGS = {
  "api-key": { type: "string", value: "<key>", help: "API key (default: $TELNYX_API_KEY). Never printed." },
  "base-url": {
    type: "string",
    value: "<url>",
    help: "API base URL (default: $TELNYX_BASE_URL, else the spec's first server).",
  },
  format: {
    type: "string",
    value: "<format>",
    help: "Output: table (default on a terminal), json (one array, the default otherwise) or ndjson (one item a line, streamed).",
  },
  limit: { type: "string", value: "<n>", help: "Stop after n items (paginated commands)." },
  "max-pages": { type: "string", value: "<n>", help: "Fetch at most n pages (paginated commands)." },
  data: {
    type: "string",
    value: "<json>",
    help: "Request body: JSON text, @file.json, or - for stdin. Body flags are merged over it (the flags win).",
  },
  file: {
    type: "string",
    value: "<field>=@<path>",
    help: "A file for a multipart field, sent with its name and content type; repeat for several.",
  },
  timeout: { type: "string", value: "<seconds>", help: "Time limit of each attempt, in seconds (default 60)." },
  "max-retries": {
    type: "string",
    value: "<n>",
    help: "Retries after a failed attempt, for idempotent requests (default 2).",
  },
  "dry-run": {
    type: "boolean",
    value: "",
    help: "Print the request that would be sent (the API key redacted) and send nothing.",
  },
  help: { type: "boolean", value: "", help: "Show help." },
} as const;

export type GlobalFlag = keyof typeof GLOBAL_FLAGS;
