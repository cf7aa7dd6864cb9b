/** The naming rules of the generated CLI (scripts/cli-names.ts), as a table. */
import { describe, expect, it } from "vitest";
import { RESERVED_FLAGS, actionName, flagName, resourceName } from "../../scripts/cli-names.js";
import { GLOBAL_FLAGS } from "../../src/cli/global-flags.js";

describe("resourceName", () => {
  it.each<[string, { tags: unknown; path: string }, string]>([
    ["first tag, kebab-cased", { tags: ["Voice Clones", "Other"], path: "/voice_clones" }, "voice-clones"],
    ["camelCase tag", { tags: ["numberOrders"], path: "/x" }, "number-orders"],
    ["a tag with spaces splits only there", { tags: ["TeXML Applications"], path: "/x" }, "texml-applications"],
    ["brand names stay whole", { tags: ["WhatsApp Media"], path: "/x" }, "whatsapp-media"],
    ["plural acronym", { tags: ["FQDNs"], path: "/x" }, "fqdns"],
    ["plural acronym in a path", { tags: undefined, path: "/IPs/{id}" }, "ips"],
    ["no tag: first static segment", { tags: undefined, path: "/voice_clones/{id}" }, "voice-clones"],
    ["version segments are skipped", { tags: [], path: "/v2/call_control/{id}/actions" }, "call-control"],
    ["a tag of symbols only falls back to the path", { tags: ["***"], path: "/phone_numbers" }, "phone-numbers"],
    ["nothing static", { tags: undefined, path: "/{id}" }, "root"],
  ])("%s", (_, given, want) => {
    expect(resourceName(given.tags, given.path)).toBe(want);
  });
});

describe("actionName", () => {
  it.each<[string, { paginated: boolean; method: string; path: string; operationId?: string }, string, string]>([
    ["paginated GET is list", { paginated: true, method: "get", path: "/voice_clones", operationId: "listVoiceClones" }, "voice-clones", "list"],
    ["operationId minus the singular resource", { paginated: false, method: "get", path: "/voice_clones/{id}", operationId: "getVoiceClone" }, "voice-clones", "get"],
    ["the rest of the operationId stays", { paginated: false, method: "post", path: "/voice_clones/from_design", operationId: "createVoiceCloneFromDesign" }, "voice-clones", "create-from-design"],
    ["plural resource words removed", { paginated: false, method: "delete", path: "/voice_clones", operationId: "deleteVoiceClones" }, "voice-clones", "delete"],
    ["-ies plural", { paginated: false, method: "get", path: "/policies/{id}", operationId: "retrievePolicy" }, "policies", "retrieve"],
    ["part of the resource removed", { paginated: false, method: "post", path: "/calls/{id}/actions/answer", operationId: "answerCall" }, "call-commands", "answer"],
    ["no operationId: get on an item", { paginated: false, method: "get", path: "/voice_clones/{id}" }, "voice-clones", "get"],
    ["no operationId: get on a collection", { paginated: false, method: "get", path: "/voice_clones" }, "voice-clones", "list"],
    ["no operationId: post with trailing segments", { paginated: false, method: "post", path: "/v2/calls/{id}/actions/answer" }, "calls", "create-actions-answer"],
    ["no operationId: patch", { paginated: false, method: "patch", path: "/voice_clones/{id}" }, "voice-clones", "update"],
    ["operationId that is only the resource", { paginated: false, method: "put", path: "/voice_clones/{id}", operationId: "voiceClone" }, "voice-clones", "update"],
  ])("%s", (_, op, resource, want) => {
    expect(actionName(op, resource)).toBe(want);
  });
});

describe("flagName", () => {
  it.each<[string, string, string]>([
    ["page[size]", "query", "page-size"],
    ["filter[name]", "query", "filter-name"],
    ["filter[created_at][gte]", "query", "filter-created-at-gte"],
    ["pageSize", "query", "page-size"],
    ["connection_id", "path", "connection-id"],
    ["limit", "query", "query-limit"],
    ["format", "path", "path-format"],
  ])("%s -> --%s", (param, location, want) => {
    expect(flagName(param, location, RESERVED_FLAGS)).toBe(want);
  });

  it("the generator reserves every flag the CLI defines", () => {
    for (const name of Object.keys(GLOBAL_FLAGS)) expect(RESERVED_FLAGS).toContain(name);
  });
});
