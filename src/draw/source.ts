// Pool sources (draw-v1 §4.4): announce, draw, replace and verify against a pool that stays where it lives (a
// database), read as each stratum's ids in code point order in chunks plus a look-up of ids by canonical index.
// Memory is O(chunk + picks); the records are byte-identical to those of the in-memory functions.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { coreMessages } from "../messages/core.js";
import { drawMessages } from "../messages/draw.js";
import { modelMessages } from "../messages/model.js";
import { sourceMessages } from "../messages/sources.js";
import { throwWrongCall } from "../_internal/argument.js";
import { parseWith } from "../_internal/zod.js";
import type { Allocation } from "../quota/allocate.js";
import {
  type Announcement, type DrawRecord, Entropy as EntropySchema, type Entropy, type ExclusionCounts, type ExclusionRules, type Stratification,
} from "../model/record.js";
import { fail, type Issue, issueFactory, ok, type Result, settle } from "../result.js";
import { type AnnounceInput, announceHead, announceTail } from "./announce.js";
import { CHUNK_LINES, manifestDigest, tierStratumKey } from "./digest.js";
import { checkAnnouncement, checkRecordHead, checkRecordTail, type DrawOptions, drawnEarlierIssues, manifestIssues, type RecordHead, recentOptionOf } from "./_checks.js";
import { drawRecordOf } from "./draw.js";
import { entropyIssues } from "./entropy.js";
import type { BuildManifestOptions } from "./manifest.js";
import { compareCodePoints } from "./order.js";
import { type DrawEntity, idProblemOf } from "./pool.js";
import { type ExclusionOptions, keyCollision, type ManifestDigests, partitionPool, resolveRules, saltIssues } from "./prepare.js";
import { stratifier, type StratumLabel } from "./strata.js";
import { replaceTail, type ReplacementRequest } from "./replace.js";
import { deriveSeed } from "./seed.js";
import { type IdLookup, selectAll } from "./stream.js";

const issue = /* @__PURE__ */ issueFactory({ ...coreMessages, ...modelMessages, ...drawMessages, ...sourceMessages });

/**
 * What a pool source is asked for: the stratification and the exclusion rules of draw-v1 §4.1 (as announced), with
 * the earlier-batch ids behind the `drawnEarlier` commitment.
 * @public
 */
export interface PoolQuery {
  /**
   * The stratification string (draw-v1 §4.2). The source returns one stratum per label present among the eligible
   * entities, with the labels of §4.2 (`A`…`D`/`untiered`, 6-digit region codes cut to the level, attribute text,
   * `unassigned`; a product's label is its JSON text such as `["B","140525"]`); `stratifier(query.stratification)`
   * gives its parts.
   */
  readonly stratification: Stratification;
  readonly rules: ExclusionRules;
  /** The ids drawn in earlier batches (distinct); empty when the rules have no `drawnEarlier`. */
  readonly drawnEarlier: readonly string[];
}

/**
 * A pool source opened for one query (one database snapshot): the exclusion counts, each stratum's label and size,
 * its ids in code point order, and the ids at given canonical indexes. Closed by the caller.
 * @public
 */
export interface OpenPool {
  /** Entities left out, each under its first matching reason (§4.1). */
  readonly counts: ExclusionCounts;
  /** The strata that have eligible entities: label and size N, in any order. */
  readonly strata: readonly { readonly label: StratumLabel; readonly N: number }[];
  /** Problems of the pool found by the source (duplicate ids, invalid tiers…); any error stops the operation. */
  readonly issues: readonly Issue[];
  /** The ids of one stratum in code point order, in chunks of any size. */
  ids(label: StratumLabel): AsyncIterable<readonly string[]>;
  /** The ids at 1-based canonical indexes of one stratum (index j = the j-th id of {@link OpenPool.ids}). */
  idsAt(label: StratumLabel, indexes: readonly number[]): Promise<ReadonlyMap<number, string>>;
  /**
   * Optional: SHA-256 of each chunk of 65,536 lines `id \t key \n` of the stratum, in chunk order, computed where
   * the data lives (a database). Without it the library hashes the ids it reads from {@link OpenPool.ids}.
   */
  chunkDigests?(label: StratumLabel, key: string): Promise<readonly Uint8Array[]>;
  /** Ends the snapshot (transaction) and releases the connection. */
  close(): Promise<void>;
}

/**
 * A pool that stays where it lives: {@link arraySource} for an array in memory, `postgresSource` and `mysqlSource`
 * (subpath exports `double-random/postgres`, `double-random/mysql`) for databases.
 * @public
 */
export interface PoolSource {
  /** Applies the exclusions and opens one consistent view of the pool. May reject (then `source_failed`). */
  open(query: PoolQuery): Promise<OpenPool>;
}

/**
 * The in-memory pool as a {@link PoolSource}: the same validation, exclusions and order as {@link announce}.
 * @example
 * ```ts
 * const p = await arraySource([{ id: "E2" }, { id: "E1" }, { id: "E3", status: "revoked" }])
 *   .open({ stratification: "none", rules: { exemptTiers: [], recentInspection: null, drawnEarlier: null }, drawnEarlier: [] });
 * [p.strata, p.counts.inactive, [...(await p.idsAt("all", [2]))]]
 * //=> [[{ label: "all", N: 2 }], 1, [[2, "E2"]]]
 * ```
 * @public
 */
export function arraySource(pool: readonly DrawEntity[]): PoolSource {
  return {
    open(query) {
      const exclusions: ExclusionOptions = {
        exemptTiers: query.rules.exemptTiers,
        ...recentOptionOf(query.rules.recentInspection),
        ...(query.drawnEarlier.length > 0 ? { drawnEarlier: query.drawnEarlier } : {}),
      };
      const { partition, issues } = partitionPool(pool, query.stratification, null, exclusions);
      const lists = partition?.lists ?? new Map<StratumLabel, string[]>();
      const list = (label: StratumLabel) => lists.get(label) ?? [];
      return Promise.resolve({
        counts: partition?.counts ?? { inactive: 0, tier_exempt: 0, drawn_earlier: 0, recently_inspected: 0 },
        strata: [...lists].map(([label, ids]) => ({ label, N: ids.length })),
        issues,
        async *ids(label) {
          const ids = list(label);
          for (let k = 0; k < ids.length; k += CHUNK_LINES) yield ids.slice(k, k + CHUNK_LINES);
        },
        idsAt(label, indexes) {
          const ids = list(label);
          const out = new Map<number, string>();
          for (const i of indexes) if (i >= 1 && i <= ids.length) out.set(i, ids[i - 1] as string);
          return Promise.resolve(out);
        },
        close: () => Promise.resolve(),
      });
    },
  };
}

/**
 * The salted digest of one stratum (§4.3) fed incrementally, in batches of any size: same value as hashing the
 * sorted list at once. Memory: one chunk's hash state.
 * @internal
 */
export class StratumHasher {
  private readonly outer = sha256.create();
  private chunk = sha256.create();
  private inChunk = 0;
  private readonly suffix: string;
  /** Lines added so far. */
  count = 0;
  constructor(key: string, salt: string) {
    this.outer.update(utf8ToBytes(`double-random/draw-v1 stratum\n${salt}\n`));
    this.suffix = `\t${key}\n`;
  }
  /** Adds the next ids (in canonical order). */
  add(ids: readonly string[]): void {
    let k = 0;
    while (k < ids.length) {
      const end = Math.min(ids.length, k + CHUNK_LINES - this.inChunk);
      let text = "";
      for (let j = k; j < end; j++) text += ids[j] + this.suffix;
      this.chunk.update(utf8ToBytes(text));
      this.inChunk += end - k;
      this.count += end - k;
      k = end;
      if (this.inChunk === CHUNK_LINES) {
        this.outer.update(this.chunk.digest());
        this.chunk = sha256.create();
        this.inChunk = 0;
      }
    }
  }
  /** Adds chunk digests computed elsewhere (each for 65,536 lines, the last possibly fewer). */
  addChunkDigest(digest: Uint8Array): void {
    this.outer.update(digest);
  }
  /** The stratum digest d_k, hex. */
  digest(): string {
    if (this.inChunk > 0) this.outer.update(this.chunk.digest());
    return bytesToHex(this.outer.digest());
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0] as string;

/** What {@link openSide} returns: the pool side of a source, kept open for look-ups. @internal */
interface SourceSide {
  readonly pool?: OpenPool | undefined;
  readonly manifest?: ManifestDigests | undefined;
  /** Re-derived exclusion counts; undefined when the source holds a manifest (nothing excluded there). */
  readonly counts?: ExclusionCounts | undefined;
  readonly rules?: ExclusionRules | undefined;
  readonly issues: Issue[];
}

/** How a source is read: hash in the library even when the source can hash, and ids that must not be there. */
interface ReadOptions {
  readonly stream?: boolean;
  readonly forbidden?: ReadonlySet<string>;
}

/** Stratum digest from the source: its chunk digests, or the ids read and checked (code point order, valid ids). */
async function digestOf(pool: OpenPool, label: StratumLabel, N: number, key: string, salt: string, read: ReadOptions, issues: Issue[]): Promise<string> {
  const hasher = new StratumHasher(key, salt);
  if (pool.chunkDigests && !read.stream && !read.forbidden) {
    const digests = await pool.chunkDigests(label, key);
    if (digests.length !== Math.ceil(N / CHUNK_LINES)) issues.push(issue("source_size_mismatch", { stratum: key, expected: Math.ceil(N / CHUNK_LINES), found: digests.length }));
    for (const d of digests) hasher.addChunkDigest(d);
    return hasher.digest();
  }
  let previous: string | undefined;
  let bad = 0;
  let forbidden = 0;
  for await (const batch of pool.ids(label)) {
    for (let j = 0; j < batch.length; j++) {
      const id = batch[j] as unknown;
      const index = hasher.count + j + 1;
      if (typeof id !== "string" || id.length === 0) {
        if (bad++ < 10) issues.push(issue("entity_id_invalid", { row: index, id: String(id), detail: "empty or not a string" }, { row: index, field: "id" }));
        continue;
      }
      const problem = idProblemOf(id);
      if (problem !== null && problem !== "surrogate" && bad++ < 10) issues.push(issue("entity_id_invalid", { row: index, id, detail: problem }, { row: index, field: "id" }));
      if (previous !== undefined && compareCodePoints(previous, id) >= 0 && bad++ < 10) issues.push(issue("source_order_invalid", { stratum: key, previous, found: id }));
      if (read.forbidden?.has(id) && forbidden++ < 50) issues.push(issue("drawn_earlier_in_manifest", { id }));
      previous = id;
    }
    hasher.add(batch as readonly string[]);
  }
  if (hasher.count !== N) issues.push(issue("source_size_mismatch", { stratum: key, expected: N, found: hasher.count }));
  return hasher.digest();
}

/**
 * Opens the source for the announced (or given) rules and rebuilds the manifest's published half: keys, sizes,
 * digests. The pool stays open (for look-ups) unless it failed; the caller closes it.
 */
async function openSide(source: PoolSource, stratification: Stratification, salt: string, exclusions: ExclusionOptions, read: ReadOptions): Promise<SourceSide> {
  const issues: Issue[] = [];
  if (typeof source !== "object" || source === null || typeof source.open !== "function") return { issues: [issue("invalid_argument", { detail: "source must be a PoolSource (an object with open())" })] };
  const strata_ = typeof stratification === "string" ? stratifier(stratification) : undefined;
  if (!strata_?.ok) for (const i of strata_ ? strata_.issues : [issue("stratification_invalid", { value: String(stratification), detail: { zh: "应为字符串", en: "must be a string" } })]) issues.push(i);
  issues.push(...saltIssues(salt));
  const resolved = resolveRules(exclusions);
  issues.push(...resolved.issues);
  if (issues.some((i) => i.severity === "error")) return { issues };
  let pool: OpenPool;
  try {
    pool = await source.open({ stratification, rules: resolved.rules, drawnEarlier: [...resolved.drawnEarlier] });
  } catch (e) {
    return { issues: [...issues, issue("source_failed", { detail: message(e) })] };
  }
  try {
    issues.push(...pool.issues);
    if (issues.some((i) => i.severity === "error")) {
      await pool.close();
      return { issues };
    }
    const strata: { key: string; label: StratumLabel; N: number; digest: string }[] = [];
    for (const s of pool.strata) {
      if (s.N < 1) continue;
      const key = stratification === "none" ? "all" : tierStratumKey(s.label, salt);
      strata.push({ key, label: s.label, N: s.N, digest: await digestOf(pool, s.label, s.N, key, salt, read, issues) });
    }
    strata.sort((a, b) => compareCodePoints(a.key, b.key));
    const collision = keyCollision(strata);
    if (collision) issues.push(collision);
    if (issues.some((i) => i.severity === "error")) {
      await pool.close();
      return { issues };
    }
    const manifest: ManifestDigests = { stratification, chunkLines: CHUNK_LINES, digest: manifestDigest(strata), strata };
    return { pool, manifest, counts: pool.counts, rules: resolved.rules, issues };
  } catch (e) {
    await pool.close().catch(() => undefined);
    return { issues: [...issues, issue("source_failed", { detail: message(e) })] };
  }
}

/**
 * Runs a pure computation that looks ids up by (key, index) until every id it asked for was fetched from the
 * source: the first run shows which indexes are picked, the next one has their ids (a replacement chain may need
 * one more round per link). A stratum asked for whole (n = N) is read once instead of looked up.
 */
async function withIds<T>(pool: OpenPool, manifest: ManifestDigests, run: (lookup: IdLookup) => T): Promise<T> {
  const strata = new Map(manifest.strata.map((s) => [s.key, s]));
  const known = new Map<string, Map<number, string | undefined>>();
  for (let round = 0; ; round++) {
    const missing = new Map<string, Set<number>>();
    const lookup: IdLookup = (key, index) => {
      const got = known.get(key);
      if (got?.has(index)) return got.get(index);
      const s = strata.get(key);
      if (s && Number.isSafeInteger(index) && index >= 1 && index <= s.N) {
        let set = missing.get(key);
        if (!set) missing.set(key, (set = new Set()));
        set.add(index);
      }
      return undefined;
    };
    const out = run(lookup);
    if (missing.size === 0 || round >= 64) return out;
    for (const [key, wanted] of missing) {
      const s = strata.get(key) as ManifestDigests["strata"][number];
      let got = known.get(key);
      if (!got) known.set(key, (got = new Map()));
      if (wanted.size === s.N) {
        let index = 0;
        for await (const batch of pool.ids(s.label)) for (const id of batch) got.set(++index, id);
      } else {
        const found = await pool.idsAt(s.label, [...wanted].sort((a, b) => a - b));
        for (const i of wanted) got.set(i, found.get(i));
      }
    }
  }
}

/** Exclusions of an announcement, with the earlier-batch ids given to the verifier. */
function announcedExclusions(a: Announcement, options: DrawOptions): ExclusionOptions {
  const rules = a.exclusions.rules;
  return {
    exemptTiers: rules.exemptTiers,
    ...recentOptionOf(rules.recentInspection),
    ...(options.drawnEarlier ? { drawnEarlier: options.drawnEarlier } : {}),
  };
}

async function closed<T>(side: SourceSide, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await side.pool?.close();
  }
}

/**
 * Input of {@link announceFromSource}: as {@link AnnounceInput}, with a {@link PoolSource} instead of the array.
 * @public
 */
export interface SourceAnnounceInput extends Omit<AnnounceInput, "pool"> {
  readonly source: PoolSource;
}

/**
 * What {@link announceFromSource} returns: the announcement, and the manifest's digests (the ids stay in the source).
 * @public
 */
export interface SourceAnnounceResult {
  readonly announcement: Announcement;
  readonly manifest: ManifestDigests;
  /** The allocation rows when sizes came from a quota. Confidential. */
  readonly allocation?: Allocation;
}

/**
 * {@link announce} against a {@link PoolSource}: the source applies the exclusions and yields each stratum's ids
 * in code point order; the announcement is byte-identical to the one {@link announce} gives for the same pool.
 * @returns the issues of {@link announce}, `source_failed`, `source_order_invalid`, `source_size_mismatch` and
 * the source's own (`source_duplicate_id`, `source_entity_invalid`, `source_mapping_invalid`).
 * @example
 * ```ts
 * const r = await announceFromSource({ taskId: "T1", source: arraySource([{ id: "E1" }, { id: "E2" }]), stratify: "none",
 *   salt: "0123456789abcdef", sizes: 1, entropySource: { kind: "dice", description: "公开掷骰" } });
 * r.ok && r.value.announcement.strata.map((s) => [s.key, s.N, s.n])
 * //=> [["all", 2, 1]]
 * ```
 * @public
 */
export async function announceFromSource(input: SourceAnnounceInput): Promise<Result<SourceAnnounceResult>> {
  const head = announceHead(input);
  if (!head.ok) return head;
  const side = await openSide(input.source, input.stratify, input.salt, head.value.exclusions, {});
  await side.pool?.close();
  const prepared = side.manifest && side.counts && side.rules ? { manifest: side.manifest, counts: side.counts, rules: side.rules } : undefined;
  return announceTail(input, head.value, prepared, side.issues);
}

/**
 * {@link buildManifest} against a {@link PoolSource}: the manifest's published half (keys, labels, sizes, digests),
 * without the ids.
 * @returns the manifest digests; issues of {@link buildManifest} and of the source.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `options` is not an object (a wrong call).
 * @example
 * ```ts
 * const m = await buildManifestFromSource(arraySource([{ id: "E2" }, { id: "E1" }]), { stratify: "none", salt: "0123456789abcdef" });
 * m.ok && m.value.strata.map((s) => [s.key, s.N])
 * //=> [["all", 2]]
 * ```
 * @public
 */
export async function buildManifestFromSource(source: PoolSource, options: BuildManifestOptions): Promise<Result<ManifestDigests>> {
  if (typeof options !== "object" || options === null) throwWrongCall("buildManifestFromSource", { zh: "选项应为含 stratify 和 salt 的对象", en: "options must be an object with stratify and salt" });
  const side = await openSide(source, options.stratify, options.salt, options.exclusions ?? {}, {});
  await side.pool?.close();
  if (!side.manifest) return fail(side.issues);
  if (side.manifest.strata.length === 0) return fail([...side.issues, issue("empty_pool", {}, { severity: "error" })]);
  return settle(side.manifest, side.issues);
}

/**
 * {@link draw} against a {@link PoolSource}: rebuilds the manifest digests from the source (one snapshot), checks
 * them against the announcement, and fetches only the picked ids by index. The record is byte-identical to
 * {@link draw}'s for the same pool.
 * @returns the record; the issues of {@link draw} and of the source.
 * @example
 * ```ts
 * const source = arraySource([{ id: "E1" }, { id: "E2" }, { id: "E3" }]);
 * const a = unwrap(await announceFromSource({ taskId: "T1", source, stratify: "none", salt: "0123456789abcdef", sizes: 2,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const r = await drawFromSource(a, source, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" });
 * r.ok && r.value.selections.length
 * //=> 2
 * ```
 * @public
 */
export async function drawFromSource(announcement: Announcement, source: PoolSource, entropy: Entropy, options: DrawOptions): Promise<Result<DrawRecord>> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: "options with the salt are required" })]);
  const a = checkAnnouncement(announcement, "announcement");
  if (!a.ok) return a;
  const e = parseWith(EntropySchema, entropy, { path: ["entropy"] });
  if (!e.ok) return e;
  const issues: Issue[] = [...entropyIssues(a.value, e.value)];
  if (issues.some((i) => i.severity === "error")) return fail(issues);
  const side = await openSide(source, a.value.stratification, options.salt, announcedExclusions(a.value, options), {});
  return closed(side, async () => {
    issues.push(...side.issues);
    if (!side.manifest || !side.pool || !side.rules || !side.counts || issues.some((i) => i.severity === "error")) return fail(issues);
    issues.push(...drawnEarlierIssues(a.value.exclusions.rules.drawnEarlier, side.rules.drawnEarlier));
    issues.push(...manifestIssues(a.value, side.manifest, side.counts));
    if (issues.some((i) => i.severity === "error")) return fail(issues);
    const seed = deriveSeed(a.value.taskId, a.value.digest, e.value);
    const selections = await withIds(side.pool, side.manifest, (lookup) => selectAll(seed, a.value, lookup));
    return settle(drawRecordOf(a.value, e.value, seed, side.manifest.digest, selections, side.counts), issues);
  });
}

/** The verification of a record against an open source side (§8.2 steps 5–7 with ids fetched on demand). */
async function verifyOpen(head: RecordHead, side: SourceSide): Promise<Result<DrawRecord>> {
  const base = { issues: side.issues, manifest: side.manifest, counts: side.counts };
  if (!side.pool || !side.manifest) return checkRecordTail(head, base);
  return withIds(side.pool, side.manifest, (lookup) => checkRecordTail(head, { ...base, lookup }));
}

/**
 * {@link verifyDraw} against a {@link PoolSource}: the source re-applies the announced exclusions (so the counts are
 * re-checked), the manifest digests are rebuilt from it, and the selections and replacements are re-derived with
 * only the picked ids fetched.
 * @returns ok (the record) or every mismatch, as {@link verifyDraw}; issues of the source.
 * @example
 * ```ts
 * const source = arraySource([{ id: "E1" }, { id: "E2" }, { id: "E3" }]);
 * const a = unwrap(await announceFromSource({ taskId: "T1", source, stratify: "none", salt: "0123456789abcdef", sizes: 2,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const record = unwrap(await drawFromSource(a, source, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * (await verifyDrawFromSource(record, source, { salt: "0123456789abcdef" })).ok
 * //=> true
 * ```
 * @public
 */
export async function verifyDrawFromSource(record: DrawRecord, source: PoolSource, options: DrawOptions): Promise<Result<DrawRecord>> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: "options with the salt are required" })]);
  const head = checkRecordHead(record, options.earlier);
  if (!head.ok) return head;
  const ann = head.value.announcement;
  const side = await openSide(source, ann.stratification, options.salt, announcedExclusions(ann, options), {});
  return closed(side, () => {
    if (side.rules) side.issues.push(...drawnEarlierIssues(ann.exclusions.rules.drawnEarlier, side.rules.drawnEarlier));
    return verifyOpen(head.value, side);
  });
}

/**
 * {@link verifyDrawManifest} against a {@link PoolSource} that holds a manifest: only the entities left after the
 * exclusions (a manifest table or view). No exclusion rule is applied and the announced counts cannot be re-checked
 * (always said, as the `info` issue `exclusions_not_checked`); given `drawnEarlier`, its commitment is checked and
 * none of those ids may be in the source (the ids are then read and hashed here, not in the database).
 * @returns as {@link verifyDrawManifest}; issues of the source.
 * @example
 * ```ts
 * const pool = [{ id: "E1" }, { id: "E2" }, { id: "E3" }];
 * const a = unwrap(announce({ taskId: "T1", pool, stratify: "none", salt: "0123456789abcdef", sizes: 2,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const record = unwrap(draw(a, pool, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * const r = await verifyDrawManifestFromSource(record, arraySource(pool), { salt: "0123456789abcdef" });
 * r.ok && r.warnings.map((w) => w.code)
 * //=> ["exclusions_not_checked"]
 * ```
 * @public
 */
export async function verifyDrawManifestFromSource(record: DrawRecord, source: PoolSource, options: DrawOptions): Promise<Result<DrawRecord>> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: "options with the salt are required" })]);
  const head = checkRecordHead(record, options.earlier);
  if (!head.ok) return head;
  const ann = head.value.announcement;
  const extra: Issue[] = [];
  let forbidden: ReadonlySet<string> | undefined;
  if (options.drawnEarlier !== undefined) {
    const resolved = resolveRules({ drawnEarlier: options.drawnEarlier });
    extra.push(...resolved.issues);
    if (resolved.issues.length === 0) {
      extra.push(...drawnEarlierIssues(ann.exclusions.rules.drawnEarlier, resolved.rules.drawnEarlier));
      forbidden = resolved.drawnEarlier;
    }
  }
  const side = await openSide(source, ann.stratification, options.salt, {}, forbidden ? { forbidden } : {});
  const result = await closed(side, () => verifyOpen(head.value, { ...side, counts: undefined, issues: [...extra, ...side.issues] }));
  const notChecked = issue("exclusions_not_checked", { ...ann.exclusions.counts });
  return result.ok ? ok(result.value, [...result.warnings, notChecked]) : fail([...result.issues, notChecked]);
}

/**
 * {@link replaceSelections} against a {@link PoolSource}: the record is verified against the source first, then each
 * replacement continues its stratum's stream, in the same snapshot; only the picked ids are fetched.
 * @returns the record with the replacements appended; the issues of {@link replaceSelections} and of the source.
 * @example
 * ```ts
 * const source = arraySource([{ id: "E1" }, { id: "E2" }, { id: "E3" }]);
 * const a = unwrap(await announceFromSource({ taskId: "T1", source, stratify: "none", salt: "0123456789abcdef", sizes: 1,
 *   entropySource: { kind: "dice", description: "公开掷骰" } })).announcement;
 * const rec = unwrap(await drawFromSource(a, source, unwrap(diceEntropy("31415926535897932384")), { salt: "0123456789abcdef" }));
 * const r = await replaceFromSource(rec, source, [{ id: rec.selections[0].id, reason: "已注销", decision: { by: "科长 赵六", date: "2026-03-03" } }], { salt: "0123456789abcdef" });
 * r.ok && r.value.replacements.length
 * //=> 1
 * ```
 * @public
 */
export async function replaceFromSource(record: DrawRecord, source: PoolSource, requests: readonly ReplacementRequest[], options: DrawOptions): Promise<Result<DrawRecord>> {
  if (typeof options !== "object" || options === null) return fail([issue("invalid_argument", { detail: "options with the salt are required" })]);
  const head = checkRecordHead(record);
  if (!head.ok) return head;
  const ann = head.value.announcement;
  const side = await openSide(source, ann.stratification, options.salt, announcedExclusions(ann, options), {});
  return closed(side, async () => {
    if (side.rules) side.issues.push(...drawnEarlierIssues(ann.exclusions.rules.drawnEarlier, side.rules.drawnEarlier));
    const verified = await verifyOpen(head.value, side);
    if (!verified.ok) return verified;
    if (!Array.isArray(requests)) return fail([issue("invalid_argument", { detail: "requests must be an array" })]);
    if (!side.pool || !side.manifest) return fail(side.issues);
    return withIds(side.pool, side.manifest, (lookup) => replaceTail(verified.value, lookup, requests));
  });
}
