// Strata as data (draw-v1 §4.2): a stratification string names its parts, each part kind is one entry of PART_KINDS
// (how its argument is read, the label of an entity, which labels it can give). Adding a kind = one entry here and its
// paragraph in the spec. Type-only imports plus the draw issue builder, so the model's schema can use the grammar.
import type { Message } from "../result.js";
import type { RiskTier } from "../model/tier.js";
import { requireArray } from "../_internal/argument.js";
import { DoubleRandomError, fail, ok, type Result } from "../result.js";
import { issue } from "./_issue.js";
import type { DrawEntity } from "./pool.js";

/**
 * Label of a stratum (confidential, never published): `all` when unstratified; for one part its label (`A`…`D`,
 * `untiered`, a 6-digit region code, an attribute's text, `unassigned`); for a product the canonical JSON of the
 * part labels in written order, e.g. `["B","140502"]` (build it with {@link stratumLabel}).
 * @public
 */
export type StratumLabel = string;

/** The label of a missing, empty or null region or attribute (draw-v1 §4.2). @public */
export const UNASSIGNED = "unassigned";

/** Level of a region part: 省级 (first 2 digits), 地级 (4), 县级 (6) of the 行政区划代码. @public */
export type RegionLevel = "province" | "city" | "county";

/**
 * One part of a stratification: `tier`, `region:<level>` or `attribute:<name>`; `text` is the part as written.
 * @public
 */
export type StratumPart =
  | { readonly kind: "tier"; readonly text: string }
  | { readonly kind: "region"; readonly level: RegionLevel; readonly text: string }
  | { readonly kind: "attribute"; readonly name: string; readonly text: string };

/**
 * A stratification as data: its string (`id`, what the announcement publishes), its parts (empty for `none`) and how
 * an entity's label is computed. Built by {@link stratifier}.
 * @public
 */
export interface Stratifier {
  /** The stratification string, e.g. `tier×region:county`. */
  readonly id: string;
  /** The parts in written order; empty for `none`. */
  readonly parts: readonly StratumPart[];
  /** The label of an eligible entity (`all` for `none`). Assumes {@link Stratifier.problemOf} found nothing. */
  labelOf(entity: DrawEntity): StratumLabel;
  /** The label of each part for an entity, in written order (empty for `none`). */
  partLabelsOf(entity: DrawEntity): string[];
  /** The part labels, or undefined when a field holds a value that cannot be labelled (then see `problemOf`). @internal */
  checkedPartLabelsOf(entity: DrawEntity): string[] | undefined;
  /** A field this stratification reads that holds a value it cannot label (e.g. a 5-digit region code), or undefined. */
  problemOf(entity: DrawEntity): { readonly field: string; readonly value: string } | undefined;
  /** Whether `label` is one this stratification can give (a manifest's labels are checked with it). */
  isLabel(label: string): boolean;
  /** The tier (`A`…`D`, `untiered`) a label names when a part is `tier`; undefined otherwise. */
  tierOf(label: StratumLabel): RiskTier | "untiered" | undefined;
}

/** The product sign between parts: U+00D7 MULTIPLICATION SIGN. @public */
export const PRODUCT_SIGN = "\u00d7";

const TIER_LABELS: readonly string[] = ["A", "B", "C", "D", "untiered"];
const REGION_DIGITS: Readonly<Record<RegionLevel, number>> = { province: 2, city: 4, county: 6 };
// The characters trimmed from attribute text (ECMAScript's WhiteSpace and LineTerminator; listed in draw-v1 §4.2).
const TRIMMED = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Entity fields an `attribute:<name>` part reads when `<name>` is the field's name or one of the pool table's column
 * names for it (exact match); any other name reads `attributes[<name>]`, where a pool table keeps its other columns
 * under their header text. A field that is absent falls back to `attributes[<name>]`.
 */
const ATTRIBUTE_FIELDS: Readonly<Record<string, "industry" | "kind" | "regionCode">> = {
  industry: "industry", 行业: "industry", 所属行业: "industry",
  kind: "kind", 类型: "kind", 主体类型: "kind", 对象类型: "kind",
  regionCode: "regionCode", 行政区划代码: "regionCode", 区划代码: "regionCode",
};

function trimText(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && TRIMMED.includes(s[a] as string)) a++;
  while (b > a && TRIMMED.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

/**
 * A finite number as the shortest decimal that reads back as the same double, without exponent (draw-v1 §4.2):
 * 3 → `3`, 0.1 → `0.1`, 1e21 → `1000000000000000000000`, 1.5e-7 → `0.00000015`, −0 → `0`.
 * @internal
 */
export function numberText(x: number): string {
  if (x === 0) return "0";
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = (m[2] as string) + (m[3] ?? "");
  const point = 1 + Number(m[4]);
  const sign = m[1] as string;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The text of an attribute value, `unassigned` when missing or blank, undefined when it cannot be a label. */
function valueText(v: unknown): string | undefined {
  if (v === undefined || v === null) return UNASSIGNED;
  if (typeof v === "string") {
    if (LONE_SURROGATE.test(v)) return undefined;
    const t = trimText(v);
    return t === "" ? UNASSIGNED : t;
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? numberText(v) : undefined;
  return undefined;
}

function attributeValue(e: DrawEntity, name: string): unknown {
  const field = Object.prototype.hasOwnProperty.call(ATTRIBUTE_FIELDS, name) ? ATTRIBUTE_FIELDS[name] : undefined;
  const own = field === undefined ? undefined : (e as unknown as Record<string, unknown>)[field];
  if (own !== undefined && own !== null) return own;
  const attributes = e.attributes;
  return typeof attributes === "object" && attributes !== null && Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : undefined;
}

function regionText(code: unknown, level: RegionLevel): string | undefined {
  if (code === undefined || code === null || code === "") return UNASSIGNED;
  if (typeof code !== "string" || !/^[0-9]{6}$/.test(code)) return undefined;
  const d = REGION_DIGITS[level];
  return code.slice(0, d) + "0".repeat(6 - d);
}

interface PartKind {
  /** The part as a regular expression source (for the JSON Schema's `pattern`). */
  readonly pattern: string;
  /** The part from the text after `kind:` (undefined when the kind takes no argument), or why it is not one. */
  parse(argument: string | undefined, text: string): StratumPart | Message;
  /** Label of an entity, or undefined when the field it reads holds something that cannot be labelled. */
  label(e: DrawEntity, part: StratumPart): string | undefined;
  /** The field read, for messages. */
  field(part: StratumPart): string;
  isLabel(label: string, part: StratumPart): boolean;
}

/** One entry per kind of part (draw-v1 §4.2). */
const PART_KINDS: Readonly<Record<StratumPart["kind"], PartKind>> = {
  tier: {
    pattern: "tier",
    parse: (argument, text) => (argument === undefined ? { kind: "tier", text } : { zh: "tier 不带参数", en: "tier takes no argument" }),
    label: (e) => (e.tier === undefined ? "untiered" : e.tier),
    field: () => "tier",
    isLabel: (label) => TIER_LABELS.includes(label),
  },
  region: {
    pattern: "region:(?:province|city|county)",
    parse: (argument, text) =>
      argument === "province" || argument === "city" || argument === "county"
        ? { kind: "region", level: argument, text }
        : { zh: `region 的层级应为 province、city 或 county，而不是“${argument ?? ""}”`, en: `the level of region must be province, city or county, not "${argument ?? ""}"` },
    label: (e, part) => regionText(e.regionCode, (part as { level: RegionLevel }).level),
    field: () => "regionCode",
    isLabel: (label, part) => {
      if (label === UNASSIGNED) return true;
      const d = REGION_DIGITS[(part as { level: RegionLevel }).level];
      return /^[0-9]{6}$/.test(label) && label.slice(d) === "0".repeat(6 - d);
    },
  },
  attribute: {
    pattern: "attribute:[^\\u0000-\\u001f\\u007f-\\u009f\\u00d7]+",
    parse: (argument, text) => {
      if (argument === undefined || argument === "") return { zh: "attribute 需要列名，如 attribute:行业", en: "attribute needs a column name, e.g. attribute:行业" };
      if (CONTROL.test(argument) || LONE_SURROGATE.test(argument)) return { zh: "列名含有控制字符或不成对的代理码元", en: "the column name holds a control character or a lone surrogate" };
      if (trimText(argument) !== argument) return { zh: "列名前后不能有空白", en: "the column name must not begin or end with white space" };
      return { kind: "attribute", name: argument, text };
    },
    label: (e, part) => valueText(attributeValue(e, (part as { name: string }).name)),
    field: (part) => (part as { name: string }).name,
    isLabel: (label) => label !== "" && trimText(label) === label && !LONE_SURROGATE.test(label),
  },
};

const PART_PATTERN = `(?:${Object.values(PART_KINDS).map((k) => k.pattern).join("|")})`;

/**
 * The shape of a stratification string as a regular expression (the JSON Schema's `pattern`); {@link stratifier} also
 * checks that no kind appears twice.
 * @internal
 */
export const STRATIFICATION_PATTERN = `^(?:none|${PART_PATTERN}(?:\u00d7${PART_PATTERN})*)$`;

/**
 * Why a stratification string is not one of draw-v1 §4.2's, or undefined. The grammar: `none`, or parts joined by
 * `×` (U+00D7), each `tier`, `region:province|city|county` or `attribute:<name>` (the name is everything after the
 * first `:`); a kind appears once, except `attribute` with different names.
 * @internal
 */
export function stratificationProblem(text: unknown): Message | undefined {
  const parsed = parseParts(text);
  return Array.isArray(parsed) ? undefined : parsed;
}

function parseParts(text: unknown): StratumPart[] | Message {
  if (typeof text !== "string" || text === "") return { zh: "应为非空字符串", en: "must be a non-empty string" };
  if (text === "none") return [];
  const parts: StratumPart[] = [];
  for (const written of text.split(PRODUCT_SIGN)) {
    const colon = written.indexOf(":");
    const kind = colon < 0 ? written : written.slice(0, colon);
    const argument = colon < 0 ? undefined : written.slice(colon + 1);
    if (!Object.prototype.hasOwnProperty.call(PART_KINDS, kind)) {
      return written === "none"
        ? { zh: "none 不能与其他分层相乘", en: "none cannot be part of a product" }
        : { zh: `“${written}”不是分层方式（tier、region:county、attribute:列名…）`, en: `"${written}" is not a stratification part (tier, region:county, attribute:<column>…)` };
    }
    const part = PART_KINDS[kind as StratumPart["kind"]].parse(argument, written);
    if (!("kind" in part)) return part;
    const twice = parts.some((p) => p.kind === part.kind && (p.kind !== "attribute" || p.name === (part as { name: string }).name));
    if (twice) return { zh: `“${written}”重复出现`, en: `"${written}" appears twice` };
    parts.push(part);
  }
  return parts;
}

/**
 * The label of a product stratum from its part labels in written order: canonical JSON of the array (draw-v1 §4.2,
 * §5), e.g. `["B","140502"]`; one part's label is the plain string.
 * @example
 * ```ts
 * [stratumLabel(["B", "140502"]), stratumLabel(["B"])]
 * //=> ['["B","140502"]', "B"]
 * ```
 * @public
 */
export function stratumLabel(parts: readonly string[]): StratumLabel {
  requireArray(parts, "stratumLabel", "the part labels");
  if (parts.length === 0 || parts.some((p) => typeof p !== "string")) throw new DoubleRandomError("invalid_argument", "stratumLabel: the part labels must be one or more strings");
  // An array of strings: JSON.stringify writes it exactly as draw-v1 §5's canonical JSON does.
  return parts.length === 1 ? (parts[0] as string) : JSON.stringify(parts);
}

/**
 * The stratifier of a stratification string (draw-v1 §4.2): `none`, `tier`, `region:province|city|county`,
 * `attribute:<name>`, or a product of parts joined by `×` such as `tier×region:county`.
 *
 * Issue codes: `stratification_invalid`.
 * @example
 * ```ts
 * const s = unwrap(stratifier("tier×region:city"));
 * s.labelOf({ id: "E1", tier: "B", regionCode: "140525" })
 * //=> '["B","140500"]'
 * ```
 * @public
 */
export function stratifier(text: string): Result<Stratifier> {
  const parsed = parseParts(text);
  if (!Array.isArray(parsed)) return fail([issue("stratification_invalid", { value: typeof text === "string" ? text : String(typeof text), detail: parsed })]);
  const parts = parsed;
  const kinds = parts.map((p) => PART_KINDS[p.kind]);
  const tierAt = parts.findIndex((p) => p.kind === "tier");
  const partLabelsOf = (e: DrawEntity): string[] => parts.map((p, k) => (kinds[k] as PartKind).label(e, p) ?? UNASSIGNED);
  const checkedPartLabelsOf = (e: DrawEntity): string[] | undefined => {
    const out: string[] = [];
    for (let k = 0; k < parts.length; k++) {
      const l = (kinds[k] as PartKind).label(e, parts[k] as StratumPart);
      if (l === undefined) return undefined;
      out.push(l);
    }
    return out;
  };
  return ok({
    id: text,
    parts,
    partLabelsOf,
    checkedPartLabelsOf,
    labelOf: parts.length === 0 ? () => "all" : parts.length === 1 ? (e) => (kinds[0] as PartKind).label(e, parts[0] as StratumPart) ?? UNASSIGNED : (e) => JSON.stringify(partLabelsOf(e)),
    problemOf(e) {
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k] as StratumPart;
        const kind = kinds[k] as PartKind;
        if (kind.label(e, p) === undefined) {
          const field = kind.field(p);
          const value = p.kind === "region" ? e.regionCode : p.kind === "attribute" ? attributeValue(e, p.name) : e.tier;
          return { field, value: typeof value === "string" ? value : Array.isArray(value) ? "array" : typeof value === "number" ? String(value) : typeof value };
        }
      }
      return undefined;
    },
    isLabel(label) {
      if (parts.length === 0) return label === "all";
      if (parts.length === 1) return (kinds[0] as PartKind).isLabel(label, parts[0] as StratumPart);
      let list: unknown;
      try {
        list = JSON.parse(label);
      } catch {
        return false;
      }
      return (
        Array.isArray(list) && list.length === parts.length && list.every((l, k) => typeof l === "string" && (kinds[k] as PartKind).isLabel(l, parts[k] as StratumPart)) &&
        stratumLabel(list as string[]) === label
      );
    },
    tierOf(label) {
      if (tierAt < 0) return undefined;
      let t: unknown = label;
      if (parts.length > 1) {
        try {
          t = (JSON.parse(label) as unknown[])[tierAt];
        } catch {
          return undefined;
        }
      }
      return typeof t === "string" && TIER_LABELS.includes(t) ? (t as RiskTier | "untiered") : undefined;
    },
  });
}
