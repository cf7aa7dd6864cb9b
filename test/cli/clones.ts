/**
 * The CLI tests' fixture for the voice-clones server (test/helpers): 45
 * clones named `clone-01` ... with short ids, dates that repeat, and long
 * labels that a table must cut.
 */
import type { VoiceCloneData } from "../../generated/schema.js";

const PROVIDERS = ["telnyx", "minimax"] as const;
const GENDERS = ["female", "male", "neutral", null] as const;

export function cliClones(count = 45): VoiceCloneData[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    return {
      record_type: "voice_clone",
      id: `00000000-0000-4000-8000-0000000000${n}`,
      name: `clone-${n}`,
      provider: PROVIDERS[i % 2]!,
      gender: GENDERS[i % 4]!,
      language: "en",
      created_at: `2025-01-${day}T10:00:00Z`,
      updated_at: `2025-02-${day}T10:00:00Z`,
      label: `A calm, warm narration voice number ${n} with a long description that needs cutting`,
    };
  });
}
