// The consumer of bench/real-typecheck.bench.ts, openapi-fetch's methods: the same five calls as operations.ts
// through client.GET/POST/PATCH/DELETE (generic lookups over the whole `paths` type), and the same three paginators.
// The bodies name every property that has a default in the spec: openapi-typescript types those as required.
import { createClient, listOAuthClients, listQueues, listVoiceClones } from "telnyx-typed";

const client = createClient({ apiKey: "KEY_bench" });

export async function run(id: string): Promise<number> {
  let n = 0;
  const list = await client.GET("/messaging_profiles", {
    params: { query: { page: { number: 1, size: 20 }, "filter[name][contains]": "bench" } },
  });
  n += list.data?.data?.length ?? 0;
  const one = await client.GET("/messaging_profiles/{id}", { params: { path: { id } } });
  n += one.data?.data?.name?.length ?? 0;
  const created = await client.POST("/messaging_profiles", {
    body: {
      name: "bench",
      whitelisted_destinations: ["US"],
      enabled: true,
      mms_fall_back_to_sms: false,
      mms_transcoding: false,
      mobile_only: false,
      smart_encoding: false,
      webhook_api_version: "2",
      webhook_url: null,
      webhook_failover_url: null,
    },
  });
  n += created.data?.data?.id?.length ?? 0;
  const updated = await client.PATCH("/messaging_profiles/{id}", {
    params: { path: { id } },
    body: {
      name: "bench 2",
      enabled: false,
      mms_fall_back_to_sms: false,
      mms_transcoding: false,
      mobile_only: false,
      smart_encoding: false,
    },
  });
  n += updated.data?.data?.enabled ? 1 : 0;
  const deleted = await client.DELETE("/messaging_profiles/{id}", { params: { path: { id } } });
  n += deleted.error ? 0 : 1;
  for await (const clone of listVoiceClones(client, { "filter[provider]": "telnyx" })) n += clone.name?.length ?? 0;
  for await (const queue of listQueues(client)) n += queue.name?.length ?? 0;
  for await (const oauthClient of listOAuthClients(client)) n += oauthClient.name?.length ?? 0;
  return n;
}
