/**
 * The paginators step on the full Telnyx spec (951 KB, OpenAPI 3.0, vendored
 * in test/fixtures/specs/): every GET with `page[number]` and `page[size]`
 * query parameters and a `data` array in its 200 body gets a page-number
 * paginator, and no other GET gets one (the list is written out below and
 * also recomputed independently from the raw JSON); the generated file
 * compiles under real `tsc --strict`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, outputIn, runGenerate, tsc, typecheckRoot, type GenerateRun } from "../helpers/run-generate.js";

const SPEC = fixture("specs", "telnyx-full.openapi.json");
let out: string;
let run: GenerateRun;

beforeAll(async () => {
  out = outputIn(typecheckRoot(), "full");
  run = await runGenerate(["--spec", SPEC, "--out", out, "--lint", "off", "--verbose"], { timeoutMs: 120_000 });
}, 120_000);

const EXPECTED = `GET /addresses findAddresss
GET /authentication_providers findAuthenticationProviders
GET /billing_groups listBillingGroups
GET /call_control_applications listCallControlApplications
GET /call_events listCallEvents
GET /conferences listConferences
GET /conferences/{conference_id}/participants listConferenceParticipants
GET /connections listConnections
GET /credential_connections listCredentialConnections
GET /detail_records detailRecordsSearch
GET /document_links listDocumentLinks
GET /documents listDocuments
GET /fax_applications listFaxApplications
GET /faxes listFaxes
GET /fqdn_connections listFqdnConnections
GET /fqdns listFqdns
GET /ip_connections listIpConnections
GET /ips listIps
GET /managed_accounts listManagedAccounts
GET /message_detail_records getPaginatedMdrs
GET /messaging_hosted_number_orders listMessagingHostedNumberOrder
GET /messaging_profile_metrics listMessagingProfileMetrics
GET /messaging_profiles listMessagingProfiles
GET /messaging_profiles/{id}/phone_numbers listMessagingProfilePhoneNumbers
GET /messaging_profiles/{id}/short_codes listMessagingProfileShortCodes
GET /messaging_url_domains listMessagingUrlDomains
GET /mobile_operator_networks mobileOperatorNetworksGet
GET /notification_channels listNotificationChannels
GET /notification_event_conditions findNotificationsEventsConditions
GET /notification_events findNotificationsEvents
GET /notification_profiles findNotificationsProfiles
GET /notification_settings listNotificationSettings
GET /number_block_orders listNumberBlockOrders
GET /number_order_documents listNumberOrderDocuments
GET /number_orders listNumberOrders
GET /number_reservations listNumberReservations
GET /ota_updates otaUpdatesList
GET /outbound_voice_profiles listOutboundVoiceProfiles
GET /phone_number_blocks/jobs listPhoneNumberBlocksJobs
GET /phone_numbers listPhoneNumbers
GET /phone_numbers/csv_downloads listCsvDownloads
GET /phone_numbers/jobs listPhoneNumbersJobs
GET /phone_numbers/messaging listPhoneNumbersWithMessagingSettings
GET /phone_numbers/voice listPhoneNumbersWithVoiceSettings
GET /porting_orders listPortingOrders
GET /porting_orders/{id}/activation_jobs listPortingOrdersActivationJobs
GET /porting_orders/{id}/comments listPortingOrdersComments
GET /porting_phone_numbers getPortingPhoneNumbers
GET /portouts listPortoutRequest
GET /private_wireless_gateways getPrivateWirelessGateways
GET /queues/{queue_name}/calls listQueueCalls
GET /recordings listRecordings
GET /reports/batch_mdr_reports getCdrRequests
GET /reports/mdr_usage_reports getUsageReports
GET /reports/wdrs getPaginatedWdrs
GET /requirements listRequirements
GET /room_participants listRoomParticipants
GET /room_sessions listRoomSessions
GET /room_sessions/{room_session_id}/participants nestedListRoomParticipants
GET /rooms listRooms
GET /rooms/{room_id}/sessions nestedListRoomSessions
GET /short_codes listShortCodes
GET /sim_card_group_actions simCardGroupActionsGet
GET /sim_card_groups simCardGroupsGetAll
GET /sim_card_orders simCardOrdersGet
GET /sim_cards simCardsGet
GET /sim_cards/{sim_card_id}/wireless_connectivity_logs wirelessConnectivityLogsGet
GET /telephony_credentials findTelephonyCredentials
GET /telephony_credentials/tags listTags
GET /texml_applications findTexmlApplications
GET /verify_profiles listVerifyProfiles
GET /webhook_deliveries getWebhookDeliveries
GET /whatsapp_detail_record_reports getRequests
GET /wireless/detail_records_reports getWdrReports`.split("\n");

type Json = Record<string, unknown>;

/** An independent reading of the raw spec: GETs with both bracket parameters and a `data` array in the 200 JSON body. */
function pagedByHand(spec: Json): string[] {
  const resolve = (node: unknown): Json => {
    let n = node as Json;
    while (n && typeof n.$ref === "string") {
      n = n.$ref
        .slice(2)
        .split("/")
        .reduce<Json>((o, k) => o[k.replace(/~1/g, "/").replace(/~0/g, "~")] as Json, spec);
    }
    return n;
  };
  const props = (schema: unknown): Json => {
    const s = resolve(schema);
    return Object.assign({}, ...((s.allOf as unknown[] | undefined) ?? []).map(props), s.properties ?? {});
  };
  const out: string[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    const get = item.get as Json | undefined;
    if (!get) continue;
    const names = [...((item.parameters as unknown[]) ?? []), ...((get.parameters as unknown[]) ?? [])]
      .map(resolve)
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    if (!names.includes("page[number]") || !names.includes("page[size]")) continue;
    const ok = resolve((get.responses as Json)["200"]);
    const schema = resolve((ok?.content as Json | undefined)?.["application/json"]).schema;
    const data: Json | undefined = schema === undefined ? undefined : resolve(props(schema).data);
    if (data?.type === "array") out.push(`GET ${path}`);
  }
  return out.sort();
}

describe("paginators on the full Telnyx spec", () => {
  it("generates one paginator per page-number list operation, named after its operationId", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const listed = [...run.stdout.matchAll(/^ {2}paginator (\w+): (GET \S+) \(page-number\)$/gm)].map(
      (m) => `${m[2]} ${m[1]}`,
    );
    expect(listed).toEqual(EXPECTED);
    expect(run.stdout).toMatch(/^pagination +\d+ ms +74 page-number, 0 offset, 0 cursor, 0 next-link$/m);
    expect(run.stdout).toMatch(/^paginators +\d+ ms +74 paginated, 12 list-like skipped$/m);
  });

  it("matches an independent reading of the raw spec", () => {
    const spec = JSON.parse(readFileSync(SPEC, "utf8")) as Json;
    expect(EXPECTED.map((line) => line.split(" ").slice(0, 2).join(" ")).sort()).toEqual(pagedByHand(spec));
  });

  it("pages each of them by page[number]/page[size] over `data`, with the meta where the spec shows one", () => {
    const source = readFileSync(join(out, "paginators.ts"), "utf8");
    const calls = [
      ...source.matchAll(/return (paginate\w*)<\w+, \w+>\(client, (\{.*\}), \{ (?:path, )?query \}, options\);/g),
    ];
    expect(new Set(calls.map((m) => m[1]))).toEqual(new Set(["paginateByPageNumber"]));
    expect(source).toMatch(/^import \{ paginateByPageNumber, type PaginateOptions, type Paginator \} from /m);
    const specs = calls.map((m) => JSON.parse(m[2]!) as Json);
    expect(specs).toHaveLength(74);
    for (const s of specs)
      expect(s).toMatchObject({
        style: "page-number",
        pageParam: "page[number]",
        sizeParam: "page[size]",
        items: ["data"],
      });
    const withMeta = specs.filter((s) => s.totalPages !== undefined);
    for (const s of withMeta)
      expect(s).toMatchObject({
        pageNumber: { body: ["meta", "page_number"] },
        totalPages: { body: ["meta", "total_pages"] },
      });
    expect(specs.filter((s) => s.totalPages === undefined).map((s) => s.path)).toEqual([
      "/ips",
      "/wireless/detail_records_reports",
    ]);
  });

  it("typechecks under tsc --strict", async () => {
    const result = await tsc(join(out, ".."), ["generated/paginators.ts"]);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);
});
