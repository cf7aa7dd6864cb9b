/**
 * A Redocly resolver that serves only the files the load step already read
 * (and checked against the ref policy): Redocly itself never touches the disk
 * or the network, and never re-parses YAML without our limits. Anything else
 * it asks for (a refused ref, an example's `externalValue`) is a resolve error.
 */
import type { Document, ResolveError as RedoclyResolveError, Source as RedoclySource } from "@redocly/openapi-core";
import type { LoadedSpec } from "./load.js";
import { redocly } from "./redocly.js";

const { BaseResolver, ResolveError, Source } = redocly();

export interface DocumentsOptions {
  /** For bundling: Redocly's bundler changes the documents it is given, so each gets a copy. */
  forBundle?: boolean;
}

/**
 * Redocly documents for the loaded files. An example's `externalValue` is
 * left out (of a copy): Redocly would try to load it as a file or URL, and
 * the generator never reads one; line and column of problems come from the
 * unchanged text.
 */
export function createDocuments(spec: LoadedSpec, options: DocumentsOptions = {}): Map<string, Document> {
  const docs = new Map<string, Document>();
  for (const [path, file] of spec.files) {
    const copy = options.forBundle || hasExternalValue(file.parsed);
    const parsed = copy ? dropExternalValues(structuredClone(file.parsed)) : file.parsed;
    docs.set(path, { source: new Source(path, file.text, mimeOf(file.text)), parsed });
  }
  return docs;
}

export class PreloadedResolver extends BaseResolver {
  readonly #docs: ReadonlyMap<string, Document>;

  constructor(docs: ReadonlyMap<string, Document>) {
    super({ http: { headers: [] } });
    this.#docs = docs;
  }

  override async resolveDocument<T = unknown>(
    base: string | null,
    ref: string,
  ): Promise<Document<T> | RedoclyResolveError> {
    const absolute = this.resolveExternalRef(base, ref);
    const doc = this.#docs.get(absolute);
    // Redocly expects a rejection (as from its own resolver), not a resolved error object.
    if (!doc)
      throw new ResolveError(new Error(`${ref} was not loaded: the generator reads only files the ref policy allows`));
    return doc as Document<T>;
  }

  override async loadExternalRef(absoluteRef: string): Promise<RedoclySource> {
    throw new ResolveError(
      new Error(`${absoluteRef} was not loaded: the generator reads only files the ref policy allows`),
    );
  }
}

function mimeOf(text: string): string {
  return /^\s*\{/.test(text) ? "application/json" : "application/yaml";
}

function hasExternalValue(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  if (!Array.isArray(node) && typeof (node as Record<string, unknown>).externalValue === "string") return true;
  return Object.values(node).some(hasExternalValue);
}

/** Removes string `externalValue`s in place (on a copy). */
function dropExternalValues<T>(node: T): T {
  if (node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (!Array.isArray(node) && typeof record.externalValue === "string") delete record.externalValue;
    for (const child of Object.values(record)) dropExternalValues(child);
  }
  return node;
}
