// The consumer of bench/real-typecheck.bench.ts, the official `telnyx` SDK: the same five calls and three list walks.
// The bodies name every property that has a default in the spec: openapi-typescript types those as required.
import Telnyx from "telnyx";

const client = new Telnyx({ apiKey: "KEY_bench" });

export async function run(id: string): Promise<number> {
  let n = 0;
  const list = await client.messagingProfiles.list({
    "filter[name][contains]": "bench",
    "page[number]": 1,
    "page[size]": 20,
  });
  n += list.data.length;
  const one = await client.messagingProfiles.retrieve(id);
  n += one.data?.name?.length ?? 0;
  const created = await client.messagingProfiles.create({
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
  });
  n += created.data?.id?.length ?? 0;
  const updated = await client.messagingProfiles.update(id, {
    name: "bench 2",
    enabled: false,
    mms_fall_back_to_sms: false,
    mms_transcoding: false,
    mobile_only: false,
    smart_encoding: false,
  });
  n += updated.data?.enabled ? 1 : 0;
  const deleted = await client.messagingProfiles.delete(id);
  n += deleted.data ? 1 : 0;
  for await (const clone of client.voiceClones.list({ "filter[provider]": "telnyx" })) n += clone.name?.length ?? 0;
  for await (const queue of client.queues.list()) n += queue.name?.length ?? 0;
  for await (const oauthClient of client.oauthClients.list()) n += oauthClient.name?.length ?? 0;
  return n;
}
