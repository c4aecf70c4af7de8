// A confidential manifest read from its JSON file and recomputed from its ids and the salt (draw-v1 §8.2, "from a
// manifest"), never trusting the digests it states.
import type { Issue, Message } from "../result.js";
import { issue, shownValue } from "./_issue.js";
import { CHUNK_LINES, manifestDigest, stratumDigest, tierStratumKey } from "./digest.js";
import { compareCodePoints, loneSurrogateAt } from "./order.js";
import { hasDuplicateAcross, idProblemOf, repeatsOf } from "./pool.js";
import type { Manifest, ManifestStratum } from "./prepare.js";
import { stratifier, type StratumLabel } from "./strata.js";

const HEX64 = /^[0-9a-f]{64}$/;
const MAX_LISTED = 50;

/** A value for a message, cut short: a manifest can hold anything, including megabytes in one field. */
function brief(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : shownValue(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const inStratum = (key: string): Message => ({ zh: `分层“${key}”`, en: `stratum ${key}` });

interface ReadStratum {
  readonly key: string;
  readonly label: unknown;
  readonly N: unknown;
  readonly digest: unknown;
  readonly ids: string[];
  readonly surrogates: boolean;
}

/** What {@link checkManifest} returns: the manifest as recomputed from its ids (absent when unusable) and the issues. @internal */
export interface ManifestCheck {
  readonly manifest?: Manifest;
  readonly issues: Issue[];
}

/**
 * Reads a manifest as it comes from a JSON file (draw-v1 §4.3) and recomputes it from its ids and the salt, never
 * trusting the digests it states. Shape, `chunkLines` = 65,536, ids (non-empty well-formed strings without control
 * characters), code point order and uniqueness within a stratum and across strata, strata in key order, `N` =
 * number of ids, each tier key from its label, each stratum digest and the manifest digest.
 *
 * The returned manifest carries the *recomputed* digests and sizes (strata sorted by key), so a caller comparing
 * it with an announcement compares what the ids really give. It is absent when the ids cannot be read as a
 * canonical manifest (shape, invalid, unordered or duplicate ids): then the index → id mapping is unknown.
 * @internal
 */
export function checkManifest(input: unknown, salt: string): ManifestCheck {
  const issues: Issue[] = [];
  let unlisted = 0;
  const report = (i: Issue) => {
    if (issues.length < MAX_LISTED) issues.push(i);
    else unlisted++;
  };
  const invalid = (detail: string, path: readonly (string | number)[]) => report(issue("manifest_invalid", { detail }, { path: ["manifest", ...path] }));
  const done = (manifest?: Manifest): ManifestCheck => {
    if (unlisted > 0) issues.push(issue("mismatches_truncated", { count: unlisted }));
    return manifest ? { manifest, issues } : { issues };
  };

  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    invalid(`expected an object with stratification, chunkLines, digest and strata, found ${brief(input)}`, []);
    return done();
  }
  const m = input as Record<string, unknown>;
  const stratification = m.stratification;
  const strata_ = typeof stratification === "string" ? stratifier(stratification) : undefined;
  const labels = strata_?.ok ? strata_.value : undefined;
  let usable = labels !== undefined;
  if (!usable) invalid(`stratification must be one of draw-v1 §4.2 (none, tier, region:county, tier×region:county…), found ${brief(stratification)}`, ["stratification"]);
  if (m.chunkLines !== CHUNK_LINES) invalid(`chunkLines must be ${CHUNK_LINES} (fixed by draw-v1), found ${brief(m.chunkLines)}`, ["chunkLines"]);
  const statedDigest = typeof m.digest === "string" && HEX64.test(m.digest) ? m.digest : undefined;
  if (statedDigest === undefined) invalid(`digest must be 64 lower-case hex digits, found ${brief(m.digest)}`, ["digest"]);
  const strata = m.strata;
  if (!Array.isArray(strata) || strata.length === 0) {
    invalid(`strata must be a non-empty array, found ${brief(strata)}`, ["strata"]);
    return done();
  }

  const read: ReadStratum[] = [];
  for (let k = 0; k < strata.length; k++) {
    const s: unknown = strata[k];
    const at = ["strata", k];
    if (typeof s !== "object" || s === null || Array.isArray(s)) {
      invalid(`strata.${k} must be an object, found ${brief(s)}`, at);
      usable = false;
      continue;
    }
    const { key, label, N, digest, ids } = s as Record<string, unknown>;
    if (typeof key !== "string" || key.length === 0 || loneSurrogateAt(key) >= 0) {
      invalid(`strata.${k}.key must be a non-empty, well-formed string, found ${brief(key)}`, [...at, "key"]);
      usable = false;
      continue;
    }
    if (labels && !(typeof label === "string" && labels.isLabel(label))) invalid(`the label of stratum ${key} must be a label of ${String(stratification)}${stratification === "tier" ? " (A, B, C, D or untiered)" : stratification === "none" ? " (all)" : ""}, found ${brief(label)}`, [...at, "label"]);
    if (!Number.isSafeInteger(N) || (N as number) < 1) invalid(`N of stratum ${key} must be an integer ≥ 1, found ${brief(N)}`, [...at, "N"]);
    if (typeof digest !== "string" || !HEX64.test(digest)) invalid(`the digest of stratum ${key} must be 64 lower-case hex digits, found ${brief(digest)}`, [...at, "digest"]);
    if (!Array.isArray(ids) || ids.length === 0) {
      invalid(`the ids of stratum ${key} must be a non-empty array of ids, found ${brief(ids)}`, [...at, "ids"]);
      usable = false;
      continue;
    }
    let surrogates = false;
    let idsOk = true;
    for (let j = 0; j < ids.length; j++) {
      const id: unknown = ids[j];
      if (typeof id !== "string" || id.length === 0) {
        invalid(`id ${j + 1} of stratum ${key} must be a non-empty string, found ${brief(id)}`, [...at, "ids", j]);
        idsOk = false;
        continue;
      }
      const problem = idProblemOf(id);
      if (problem === "surrogate") surrogates = true;
      else if (problem !== null) {
        invalid(`id ${j + 1} of stratum ${key}, ${brief(id)}: ${problem}`, [...at, "ids", j]);
        idsOk = false;
      }
    }
    if (!idsOk) {
      usable = false;
      continue;
    }
    const list = ids as string[];
    // Index j of the draw is the j-th id of this order: a manifest out of order would map picks to other ids.
    // (The first disorder of a stratum is named; a reversed list would otherwise fill the report.)
    const cmp = surrogates ? compareCodePoints : compareUnits;
    let ordered = true;
    for (let j = 1; j < list.length; j++) {
      const c = cmp(list[j - 1] as string, list[j] as string);
      if (c === 0) report(issue("manifest_duplicate_id", { id: list[j] as string, where: inStratum(key) }, { path: ["manifest", ...at, "ids", j] }));
      else if (c > 0 && ordered) report(issue("manifest_order_invalid", { where: { zh: `分层“${key}”的编号`, en: `the ids of stratum ${key}` }, previous: list[j - 1] as string, found: list[j] as string }, { path: ["manifest", ...at, "ids", j] }));
      if (c > 0) ordered = false;
      if (c >= 0) usable = false;
    }
    read.push({ key, label, N, digest, ids: list, surrogates });
  }

  for (let k = 1; k < read.length; k++) {
    const previous = (read[k - 1] as ReadStratum).key;
    const key = (read[k] as ReadStratum).key;
    const c = compareCodePoints(previous, key);
    if (c === 0) {
      invalid(`two strata have the key ${key}`, ["strata"]);
      usable = false;
    } else if (c > 0) report(issue("manifest_order_invalid", { where: { zh: "分层键", en: "the stratum keys" }, previous, found: key }, { path: ["manifest", "strata"] }));
  }
  if (usable && stratification === "none" && (read.length !== 1 || (read[0] as ReadStratum).key !== "all")) {
    invalid(`an unstratified manifest has exactly one stratum, with key "all"`, ["strata"]);
    usable = false;
  }
  if (!usable) return done();

  if (hasDuplicateAcross(read.map((r) => r.ids), read.some((r) => r.surrogates))) {
    // Rare: name the ids and their strata (one more pass, only on failure).
    const keys = read.flatMap((r) => r.ids.map(() => r.key));
    const ids = read.flatMap((r) => r.ids);
    for (const { id, first, second } of repeatsOf(ids, Infinity)) {
      report(issue("manifest_duplicate_id", { id, where: { zh: `分层“${keys[first] as string}”和“${keys[second] as string}”`, en: `strata ${keys[first] as string} and ${keys[second] as string}` } }));
    }
    return done();
  }

  const sorted = [...read].sort((a, b) => compareCodePoints(a.key, b.key));
  const out: ManifestStratum[] = [];
  const unrecomputed: Issue[] = [];
  let failed = 0;
  let sizesOk = true;
  for (const r of sorted) {
    let recomputes = true;
    if (stratification !== "none" && typeof r.label === "string" && labels?.isLabel(r.label)) {
      const key = tierStratumKey(r.label as string, salt);
      if (key !== r.key) {
        recomputes = false;
        unrecomputed.push(issue("manifest_inconsistent", { what: { zh: `分层“${r.key}”（${String(r.label)}）的键`, en: `key of stratum ${r.key} (${String(r.label)})` }, expected: key, found: r.key }));
      }
    }
    const digest = stratumDigest(r.ids, r.key, salt);
    if (digest !== r.digest) {
      recomputes = false;
      if (typeof r.digest === "string" && HEX64.test(r.digest)) unrecomputed.push(issue("manifest_inconsistent", { what: { zh: `分层“${r.key}”的摘要`, en: `digest of stratum ${r.key}` }, expected: digest, found: r.digest }));
    }
    if (!recomputes) failed++;
    if (r.N !== r.ids.length) {
      sizesOk = false;
      if (Number.isSafeInteger(r.N)) report(issue("manifest_inconsistent", { what: { zh: `分层“${r.key}”的数量N`, en: `N of stratum ${r.key}` }, expected: r.ids.length, found: r.N as number }));
    }
    out.push({ key: r.key, label: r.label as StratumLabel, N: r.ids.length, digest, ids: r.ids });
  }
  // Nothing recomputes: one cause is far likelier than many edits, so say it once.
  if (failed === out.length) report(issue("manifest_salt_mismatch", { count: out.length }));
  else for (const i of unrecomputed) report(i);
  const digest = manifestDigest(out);
  if (failed === 0 && sizesOk && statedDigest !== undefined && statedDigest !== digest) {
    report(issue("manifest_inconsistent", { what: { zh: "总摘要", en: "manifest digest" }, expected: digest, found: statedDigest }));
  }
  return done({ stratification: stratification as Manifest["stratification"], chunkLines: CHUNK_LINES, digest, strata: out });
}
