/** The naming rules of the generated CLI (scripts/naming/cli-names.ts), as a table. */
import { describe, expect, it } from "vitest";
import { RESERVED_FLAGS, actionName, flagName, flagNames, resourceName } from "../../scripts/naming/cli-names.js";

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
    [
      "paginated GET is list",
      { paginated: true, method: "get", path: "/voice_clones", operationId: "listVoiceClones" },
      "voice-clones",
      "list",
    ],
    [
      "operationId minus the singular resource",
      { paginated: false, method: "get", path: "/voice_clones/{id}", operationId: "getVoiceClone" },
      "voice-clones",
      "get",
    ],
    [
      "the rest of the operationId stays",
      {
        paginated: false,
        method: "post",
        path: "/voice_clones/from_design",
        operationId: "createVoiceCloneFromDesign",
      },
      "voice-clones",
      "create-from-design",
    ],
    [
      "plural resource words removed",
      { paginated: false, method: "delete", path: "/voice_clones", operationId: "deleteVoiceClones" },
      "voice-clones",
      "delete",
    ],
    [
      "-ies plural",
      { paginated: false, method: "get", path: "/policies/{id}", operationId: "retrievePolicy" },
      "policies",
      "retrieve",
    ],
    [
      "part of the resource removed",
      { paginated: false, method: "post", path: "/calls/{id}/actions/answer", operationId: "answerCall" },
      "call-commands",
      "answer",
    ],
    [
      "no operationId: get on an item",
      { paginated: false, method: "get", path: "/voice_clones/{id}" },
      "voice-clones",
      "get",
    ],
    [
      "no operationId: get on a collection",
      { paginated: false, method: "get", path: "/voice_clones" },
      "voice-clones",
      "list",
    ],
    [
      "no operationId: post with trailing segments",
      { paginated: false, method: "post", path: "/v2/calls/{id}/actions/answer" },
      "calls",
      "create-actions-answer",
    ],
    [
      "no operationId: patch",
      { paginated: false, method: "patch", path: "/voice_clones/{id}" },
      "voice-clones",
      "update",
    ],
    [
      "operationId that is only the resource",
      { paginated: false, method: "put", path: "/voice_clones/{id}", operationId: "voiceClone" },
      "voice-clones",
      "update",
    ],
    [
      "FastAPI operationId (name, path, method) set aside for the method and path",
      {
        paginated: false,
        method: "get",
        path: "/ai/assistants/{assistant_id}",
        operationId: "get_assistant_public_assistants__assistant_id__get",
      },
      "assistants",
      "get",
    ],
    [
      "operationId of method and path, with a parameter",
      {
        paginated: false,
        method: "get",
        path: "/ai/missions/{mission_id}/knowledge-bases",
        operationId: "get_public_missions_missions_mission_id_knowledge_bases",
      },
      "missions",
      "list-knowledge-bases",
    ],
    [
      "FastAPI operationId on a collection",
      {
        paginated: false,
        method: "post",
        path: "/ai/audio/transcriptions",
        operationId: "public_audio_transcriptions_post",
      },
      "audio",
      "create-transcriptions",
    ],
    [
      "an operationId that names the path's words but not its method or a parameter stays",
      { paginated: false, method: "get", path: "/voice_clones/samples", operationId: "getVoiceClonesSamples" },
      "voice-clones",
      "get-samples",
    ],
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
    ["\u0438\u043c\u044f", "query", "query"],
  ])("%s (%s) -> --%s", (param, location, want) => {
    expect(flagName(param, location, RESERVED_FLAGS)).toBe(want);
  });
});

type Param = { name: string; in: "query" | "path" };
const q = (name: string): Param => ({ name, in: "query" });
const p = (name: string): Param => ({ name, in: "path" });

describe("flagNames", () => {
  it.each<[string, { given: Param[]; want: string[] }]>([
    [
      "no clash: names as flagName makes them",
      { given: [p("list_id"), q("page[size]")], want: ["list-id", "page-size"] },
    ],
    [
      "one name in path and query: both take their location",
      { given: [p("list_id"), q("list_id")], want: ["path-list-id", "query-list-id"] },
    ],
    [
      "names that kebab-case alike across locations",
      { given: [p("user-id"), q("userId")], want: ["path-user-id", "query-user-id"] },
    ],
    [
      "names that kebab-case alike in one location: numbered",
      {
        given: [q("StartTime"), q("StartTime<"), q("StartTime>")],
        want: ["start-time", "start-time-2", "start-time-3"],
      },
    ],
    [
      "numbering follows the names' code units, not their order",
      {
        given: [q("StartTime>"), q("StartTime<"), q("StartTime")],
        want: ["start-time-3", "start-time-2", "start-time"],
      },
    ],
    [
      "upper case sorts before lower case",
      { given: [q("page_size"), q("PageSize")], want: ["page-size-2", "page-size"] },
    ],
    [
      "a global flag's name already takes the location",
      { given: [q("limit"), q("format"), p("help")], want: ["query-limit", "query-format", "path-help"] },
    ],
    [
      "a global flag's name in both locations",
      { given: [q("limit"), p("limit")], want: ["query-limit", "path-limit"] },
    ],
    [
      "a located name that another parameter has: numbered",
      { given: [q("limit"), q("query_limit")], want: ["query-limit", "query-limit-2"] },
    ],
    ["a number already taken is skipped", { given: [q("a_b"), q("aB"), q("a-b-2")], want: ["a-b-3", "a-b", "a-b-2"] }],
    [
      "a clash in both locations and within one",
      { given: [p("id"), q("id"), q("ID")], want: ["path-id", "query-id-2", "query-id"] },
    ],
    ["names without letters or digits", { given: [q("$"), q("\u00e9"), p("*")], want: ["query", "query-2", "path"] }],
  ])("%s", (_, { given, want }) => {
    expect(flagNames(given, RESERVED_FLAGS)).toEqual(want);
  });

  it("flags are unique and do not depend on the parameters' order", () => {
    const params = [
      p("id"),
      q("id"),
      q("ID"),
      q("limit"),
      q("query_limit"),
      q("StartTime"),
      q("StartTime<"),
      p("start_time"),
      q("$"),
    ];
    const named = (list: Param[]) =>
      new Map(list.map((param, i) => [`${param.in}:${param.name}`, flagNames(list, RESERVED_FLAGS)[i]]));
    const want = named(params);
    expect(new Set(want.values()).size).toBe(params.length);
    for (const value of want.values()) expect(RESERVED_FLAGS).not.toContain(value);
    for (let shift = 1; shift < params.length; shift++) {
      const rotated = [...params.slice(shift), ...params.slice(0, shift)];
      expect(named(rotated)).toEqual(want);
      expect(named([...rotated].reverse())).toEqual(want);
    }
  });
});
