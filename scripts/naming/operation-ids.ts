/**
 * Duplicate operationIds, settled by a documented rule instead of an edit of
 * the spec (a vendor's spec is not ours to edit; Telnyx's own has one:
 * `ListPhoneNumbers` on GET /phone_numbers and GET /v2/whatsapp/phone_numbers).
 *
 * The rule, per operationId shared by several operations (in `paths` and
 * `webhooks`), or per function name that several operationIds give once
 * camelCased (`getMdrUsageReports`, `GetMdrUsageReports`; see identifiers.ts):
 * - an operation named in the config's `operationIds` gets that name;
 * - of the others, the first in code-unit order of (path, method) keeps the id;
 * - each other one gets `<id>_<PathWords>` (`ListPhoneNumbers_V2WhatsappPhoneNumbers`),
 *   or `<id>_<Method><PathWords>` when its path alone does not tell it apart.
 * A new name depends only on the operation's own id, method and path, so it
 * stays the same when unrelated operations are added. Each collision gives one
 * warning line. The loaded spec is not changed: the document that comes out
 * shares everything but the path items and operations it renames.
 */
import { GenerateError, type Place } from "../errors.js";
import { pointerOf } from "../spec/json-pointer.js";
import { byCodeUnit, HTTP_METHODS, isObject, type Node } from "../spec/openapi-walk.js";
import type { OpenApiDocument } from "../spec/bundle.js";
import { functionName, pascalCase } from "./identifiers.js";
import { operationLabel } from "../spec/operation-label.js";

/** `operationIds` from the config beside the spec: `GET /path` -> the name to use, with where it is written. */
export type OperationIdOverrides = ReadonlyMap<string, { name: string; place: Place }>;

export interface Renamed {
  /** `GET /v2/whatsapp/phone_numbers` (webhooks: `POST webhook call.initiated`). */
  owner: string;
  from: string;
  to: string;
  /** The operationId's location in the spec. */
  place: Place;
  /** The operation that kept its id, and that id, when the rename settles a collision. */
  keptBy?: string;
  keptId?: string;
  /** The name came from the config. */
  configured: boolean;
}

export interface SettledIds {
  doc: OpenApiDocument;
  renamed: Renamed[];
}

interface Site {
  section: "paths" | "webhooks";
  path: string;
  method: string;
  id: string | undefined;
  owner: string;
}

export function settleOperationIds(doc: OpenApiDocument, overrides: OperationIdOverrides, file: string): SettledIds {
  const sites = operationSites(doc);
  const byOwner = new Map(sites.map((s) => [s.owner, s]));
  for (const [owner, { place }] of overrides) {
    if (!byOwner.has(owner))
      throw new GenerateError(
        `operationIds names ${owner}, which is not an operation of the spec`,
        place,
        "write `METHOD /path` as the spec's paths have it",
      );
  }
  const names = new Map<Site, string>();
  const renamed: Renamed[] = [];
  const groups = new Map<string, Site[]>();
  for (const site of sites) {
    const configured = overrides.get(site.owner);
    if (configured !== undefined) {
      names.set(site, configured.name);
      if (configured.name !== site.id)
        renamed.push({
          owner: site.owner,
          from: site.id ?? "",
          to: configured.name,
          place: locationOf(site, file),
          configured: true,
        });
    } else if (site.id !== undefined) {
      const key = functionName(site.id, site.method, site.path);
      groups.set(key, [...(groups.get(key) ?? []), site]);
    }
  }
  const taken = new Set([
    ...[...names].map(([site, name]) => functionName(name, site.method, site.path)),
    ...groups.keys(),
  ]);
  for (const group of groups.values()) {
    const [kept, ...others] = group.sort((a, b) => byCodeUnit(a.path, b.path) || byCodeUnit(a.method, b.method));
    names.set(kept!, kept!.id!);
    for (const site of others) {
      const name = newName(site.id!, site, taken, file);
      taken.add(functionName(name, site.method, site.path));
      names.set(site, name);
      renamed.push({
        owner: site.owner,
        from: site.id!,
        to: name,
        place: locationOf(site, file),
        keptBy: kept!.owner,
        keptId: kept!.id!,
        configured: false,
      });
    }
  }
  checkUnique(names, file, overrides);
  return { doc: renamed.length === 0 ? doc : withIds(doc, names), renamed };
}

/** One warning line per settled collision or configured name. */
export function renameWarning(r: Renamed): string {
  const where = `${r.place.file} (${r.place.pointer})`;
  if (r.configured) return `note: ${where}: ${r.owner} is named ${JSON.stringify(r.to)} by the config (operationIds)`;
  const clash =
    r.keptId === r.from
      ? `share the operationId ${JSON.stringify(r.from)}`
      : `have operationIds ${JSON.stringify(r.keptId)} and ${JSON.stringify(r.from)}, one function name once camelCased`;
  return `warning: ${where}: ${r.keptBy} and ${r.owner} ${clash}; ${r.owner} is named ${JSON.stringify(r.to)} (to choose another name: operationIds in pagination.yaml beside the spec)`;
}

function newName(id: string, site: Site, taken: ReadonlySet<string>, file: string): string {
  const pathWords = pascalCase(site.path) || "Root";
  for (const candidate of [`${id}_${pathWords}`, `${id}_${pascalCase(site.method)}${pathWords}`]) {
    if (!taken.has(functionName(candidate, site.method, site.path))) return candidate;
  }
  throw new GenerateError(
    `${site.owner} shares the operationId ${JSON.stringify(id)} and no generated name for it is free`,
    locationOf(site, file),
    `name it under operationIds in pagination.yaml beside the spec ("${site.owner}": <name>)`,
  );
}

function checkUnique(names: ReadonlyMap<Site, string>, file: string, overrides: OperationIdOverrides): void {
  const owners = new Map<string, Site>();
  for (const [site, name] of names) {
    const key = functionName(name, site.method, site.path);
    const previous = owners.get(key);
    if (previous !== undefined) {
      const place = overrides.get(site.owner)?.place ?? overrides.get(previous.owner)?.place ?? locationOf(site, file);
      const [first, second] = [previous.owner, site.owner].sort(byCodeUnit);
      throw new GenerateError(
        `${first} and ${second} would both be named ${JSON.stringify(name)}`,
        place,
        "give one of them another name under operationIds in pagination.yaml beside the spec",
      );
    }
    owners.set(key, site);
  }
}

function operationSites(doc: OpenApiDocument): Site[] {
  const sites: Site[] = [];
  for (const section of ["paths", "webhooks"] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const path of Object.keys(items).sort(byCodeUnit)) {
      const item = items[path];
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const owner = operationLabel(method, path, section);
        sites.push({
          section,
          path,
          method,
          id: typeof op.operationId === "string" ? op.operationId : undefined,
          owner,
        });
      }
    }
  }
  return sites;
}

/** A copy of the document with the new names; only the renamed operations and their path items are new objects. */
function withIds(doc: OpenApiDocument, names: ReadonlyMap<Site, string>): OpenApiDocument {
  const out: Node = { ...doc };
  for (const [site, name] of names) {
    if (name === site.id) continue;
    if (out[site.section] === doc[site.section]) out[site.section] = { ...(doc[site.section] as Node) };
    const section = out[site.section] as Node;
    const original = (doc[site.section] as Node)[site.path] as Node;
    if (section[site.path] === original) section[site.path] = { ...original };
    const item = section[site.path] as Node;
    item[site.method] = { ...(item[site.method] as Node), operationId: name };
  }
  return out;
}

function locationOf(site: Site, file: string): Place {
  return { file, pointer: pointerOf([site.section, site.path, site.method, "operationId"]) };
}
