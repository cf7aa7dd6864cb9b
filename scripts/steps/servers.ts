/**
 * `servers.ts`: the spec's server URLs as data, so the runtime can default its
 * base URL to `servers[0]`. Variables (`{region}`) take their defaults.
 */
import type { OpenApiDocument } from "../spec/bundle.js";
import { isObject } from "../spec/openapi-walk.js";
import type { OutputFile } from "../output/output-file.js";
import { literal } from "../emit/emit-safety.js";

export function generateServers(doc: OpenApiDocument, fileHeader: string): OutputFile {
  const urls = (Array.isArray(doc.servers) ? doc.servers : []).filter(isObject).flatMap((server) => {
    if (typeof server.url !== "string") return [];
    const variables = isObject(server.variables) ? server.variables : {};
    return [
      server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const variable = variables[name];
        return isObject(variable) && typeof variable.default === "string" ? variable.default : whole;
      }),
    ];
  });
  const list = urls.map((u) => literal(u)).join(", ");
  const content = `${fileHeader}
/** The spec's \`servers\` URLs, in order: the first is the client's default base URL. */
export const servers = [${list}] as const;
`;
  return { path: "servers.ts", content };
}
