// The public manifest builder (draw-v1 §4): a pool's canonical, salted manifest, prepared by prepare.ts.
import type { Stratification } from "../model/record.js";
import { fail, type Result, settle } from "../result.js";
import { throwWrongCall } from "../_internal/argument.js";
import { issue } from "./_issue.js";
import type { DrawEntity } from "./pool.js";
import { type ExclusionOptions, type Manifest, preparePool } from "./prepare.js";

/**
 * Options of {@link buildManifest}.
 * @public
 */
export interface BuildManifestOptions {
  /**
   * How to split the pool (draw-v1 §4.2): `none` (one stratum `all`), `tier`, `region:province|city|county`,
   * `attribute:<name>`, or a product such as `tier×region:county`; one stratum per label present.
   */
  readonly stratify: Stratification;
  /** Secret salt (≥ 16 random characters) so published digests cannot be brute-forced back to tiers. */
  readonly salt: string;
  /** Exclusions applied before the manifest is built; none by default. */
  readonly exclusions?: ExclusionOptions;
}

/**
 * Builds the canonical, salted manifest of a pool (draw-v1 §4): eligible entities per stratum in code point
 * order of id, lines `id \t key \n` in UTF-8, hashed in chunks of 65,536 lines; per-stratum digests and the
 * manifest digest. The input order of the pool never matters.
 *
 * @returns the manifest; issues `entity_id_invalid`, `entity_field_invalid` (also a region code or attribute the
 * stratification cannot label), `duplicate_entity_id` (naming both rows), `stratification_invalid`, `salt_empty`,
 * `empty_pool`; warnings `salt_short`, `stratum_unassigned`.
 * @throws {@link DoubleRandomError} (`invalid_argument`) when `options` is not an object (a wrong call).
 * @example
 * ```ts
 * const m = buildManifest([{ id: "E2" }, { id: "E1" }], { stratify: "none", salt: "0123456789abcdef" });
 * m.ok && m.value.strata[0].ids
 * //=> ["E1", "E2"]
 * ```
 * @public
 */
export function buildManifest(pool: readonly DrawEntity[], options: BuildManifestOptions): Result<Manifest> {
  if (typeof options !== "object" || options === null) throwWrongCall("buildManifest", { zh: "选项应为含 stratify 和 salt 的对象", en: "options must be an object with stratify and salt" });
  const { prepared, issues } = preparePool(pool, options.stratify, options.salt, options.exclusions ?? {});
  if (!prepared) return fail(issues);
  if (prepared.manifest.strata.length === 0) return fail([...issues, issue("empty_pool", {}, { severity: "error" })]);
  return settle(prepared.manifest, issues);
}
