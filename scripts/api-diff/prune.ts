/**
 * What both sides say alike, left out before the engine compares them: with
 * refs resolved (resolve.ts) an operation's trees are large, and the engine
 * walks every node of both. Walking base and head together, a key whose
 * value is the same on both sides (compared as JSON, each shared subtree
 * serialized once) is removed from both, so the engine walks what differs.
 *
 * Kept as they are: arrays (parameters are matched by name, enum values by
 * the engine's own rules) and the keys beside `allOf`/`oneOf`/`anyOf` (the
 * engine merges them into the parts, so they must stay whole). A part that
 * both sides have (the same JSON, at any index) becomes the same small
 * marker on both sides, so the engine pairs the two and finds no difference
 * in it, without walking it; when one part is left on each side, the two are
 * pruned like any pair. A key present on one side only is a difference and stays.
 */
import { createHash } from "node:crypto";
import { isObject } from "../spec/openapi-walk.js";

const COMBINERS = ["allOf", "oneOf", "anyOf"];

/** Copies of `base` and `head` without what they share, from the roots down. */
export function withoutShared(base: unknown, head: unknown): [unknown, unknown] {
  const json = new WeakMap<object, string>();
  const text = (value: unknown): string => {
    if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "undefined";
    let known = json.get(value);
    if (known === undefined) {
      known = JSON.stringify(value);
      json.set(value, known);
    }
    return known;
  };
  const same = (a: unknown, b: unknown) => a === b || text(a) === text(b);
  const prune = (a: unknown, b: unknown): [unknown, unknown] => {
    if (!isObject(a) || !isObject(b)) return [a, b];
    if (COMBINERS.some((k) => k in a || k in b)) return combiners(a, b);
    const outA: Record<string, unknown> = {};
    const outB: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const [x, y] = [a[key], b[key]];
      if (key in a && key in b) {
        if (same(x, y)) continue;
        [outA[key], outB[key]] = prune(x, y);
      } else if (key in a) outA[key] = x;
      else outB[key] = y;
    }
    return [outA, outB];
  };
  /** A member of allOf/oneOf/anyOf that both sides have, anywhere in the list, becomes the same small marker on both. */
  const combiners = (a: Record<string, unknown>, b: Record<string, unknown>): [unknown, unknown] => {
    const [outA, outB] = [{ ...a }, { ...b }];
    for (const key of COMBINERS) {
      const [x, y] = [a[key], b[key]];
      if (!Array.isArray(x) || !Array.isArray(y)) continue;
      const shared = new Set(x.map(text).filter((member) => y.some((other) => text(other) === member)));
      const mark = (member: unknown) => (shared.has(text(member)) ? { [SAME]: digest(text(member)) } : member);
      [outA[key], outB[key]] = [x.map(mark), y.map(mark)];
      // Parts left that differ: each paired with the one the engine pairs it with, so what the two share can go too.
      for (const [i, j] of pairs(x, y, shared, text)) {
        const [pa, pb] = prune(x[i], y[j]);
        (outA[key] as unknown[])[i] = pa;
        (outB[key] as unknown[])[j] = pb;
      }
    }
    return [outA, outB];
  };
  return prune(base, head);
}

/**
 * The parts left on each side (not shared) that pair without doubt: one left
 * on each side; or as many on each side, at the same indexes, each the other's
 * closest by property names (the way the engine pairs parts). Otherwise none:
 * those parts stay whole, and the engine pairs them itself.
 */
function pairs(x: unknown[], y: unknown[], shared: Set<string>, text: (value: unknown) => string): [number, number][] {
  const left = (list: unknown[]) => list.flatMap((member, i) => (shared.has(text(member)) ? [] : [i]));
  const [i, j] = [left(x), left(y)];
  if (i.length === 1 && j.length === 1) return [[i[0]!, j[0]!]];
  if (i.length !== j.length || i.some((k, n) => k !== j[n])) return [];
  const names = (member: unknown) =>
    new Set(isObject(member) && isObject(member.properties) ? Object.keys(member.properties) : []);
  const closeness = (a: Set<string>, b: Set<string>) => {
    const both = [...a].filter((n) => b.has(n)).length;
    return both / Math.max(1, a.size + b.size - both);
  };
  const [na, nb] = [i.map((k) => names(x[k])), j.map((k) => names(y[k]))];
  for (let n = 0; n < i.length; n++) {
    const score = closeness(na[n]!, nb[n]!);
    if (
      score < 0.5 ||
      nb.some((other, m) => m !== n && closeness(na[n]!, other) >= score) ||
      na.some((other, m) => m !== n && closeness(other, nb[n]!) >= score)
    )
      return [];
  }
  return i.map((k) => [k, k]);
}

/** The key of the marker that stands for a member both sides have (an extension: the engine compares it as data). */
const SAME = "x-api-diff-same";

function digest(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}
