/**
 * A Redocly resolver that serves only the files the load step already read
 * (and checked against the ref policy): Redocly itself never touches the disk
 * or the network, and never re-parses YAML without our alias limits.
 */
import { BaseResolver, ResolveError, Source, type Document } from "@redocly/openapi-core";
import type { LoadedSpec } from "./load.js";

export function createDocuments(spec: LoadedSpec): Map<string, Document> {
  const docs = new Map<string, Document>();
  for (const [path, file] of spec.files) {
    docs.set(path, { source: new Source(path, file.text, mimeOf(file.text)), parsed: file.parsed });
  }
  return docs;
}

export class PreloadedResolver extends BaseResolver {
  readonly #docs: ReadonlyMap<string, Document>;

  constructor(docs: ReadonlyMap<string, Document>) {
    super({ http: { headers: [] } });
    this.#docs = docs;
  }

  override async resolveDocument<T = unknown>(base: string | null, ref: string): Promise<Document<T> | ResolveError> {
    const absolute = this.resolveExternalRef(base, ref);
    const doc = this.#docs.get(absolute);
    return doc ? (doc as Document<T>) : new ResolveError(new Error(`${ref} was not loaded (refused by the ref policy)`));
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    throw new Error(`${absoluteRef} was not loaded (refused by the ref policy)`);
  }
}

function mimeOf(text: string): string {
  return /^\s*\{/.test(text) ? "application/json" : "application/yaml";
}
