// The consumer of bench/real-typecheck.bench.ts, per-operation functions: five calls on messaging profiles
// (list, get by id, create with a body, update, delete) and three paginators, imported from the built package.
// (`listMessagingProfiles` is the paginator; the one-page call is `listMessagingProfilesPage`.)
import {
  createClient,
  createMessagingProfile,
  deleteMessagingProfile,
  listMessagingProfilesPage,
  listOAuthClients,
  listQueues,
  listVoiceClones,
  retrieveMessagingProfile,
  updateMessagingProfile,
} from "telnyx-typed";

const client = createClient({ apiKey: "KEY_bench" });

export async function run(id: string): Promise<number> {
  let n = 0;
  const list = await listMessagingProfilesPage(client, {
    params: { query: { page: { number: 1, size: 20 }, "filter[name][contains]": "bench" } },
  });
  n += list.data?.data?.length ?? 0;
  const one = await retrieveMessagingProfile(client, { params: { path: { id } } });
  n += one.data?.data?.name?.length ?? 0;
  const created = await createMessagingProfile(client, {
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
  const updated = await updateMessagingProfile(client, {
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
  const deleted = await deleteMessagingProfile(client, { params: { path: { id } } });
  n += deleted.error ? 0 : 1;
  for await (const clone of listVoiceClones(client, { "filter[provider]": "telnyx" })) n += clone.name?.length ?? 0;
  for await (const queue of listQueues(client)) n += queue.name?.length ?? 0;
  for await (const oauthClient of listOAuthClients(client)) n += oauthClient.name?.length ?? 0;
  return n;
}
