import type { Catalog } from "./types.js";

/**
 * Words for the tokens draw issues carry in `field`, `reason`, `expected` and `found` (record fields, exclusion
 * reasons, presence): the draw area adds them to the params as `fieldName` / `reasonName`, so every surface (CLI,
 * page, a portal) shows the message without English inside Chinese and without a table of its own.
 */
export const DRAW_WORDS = {
  presence: { zh: "是否存在", en: "presence" }, N: { zh: "户数 N", en: "N" }, n: { zh: "抽取数 n", en: "n" }, digest: { zh: "摘要", en: "digest" },
  seed: { zh: "种子", en: "seed" }, id: { zh: "对象编号", en: "id" }, counter: { zh: "计数 i", en: "counter" }, hash: { zh: "哈希值", en: "hash" },
  index: { zh: "序号", en: "index" }, stratum: { zh: "所在层", en: "stratum" }, order: { zh: "各层顺序", en: "order" },
  taskId: { zh: "任务编号", en: "task id" }, strata: { zh: "分层（键、N、n、摘要）", en: "strata (key, N, n, digest)" },
  present: { zh: "存在", en: "present" }, absent: { zh: "不存在", en: "absent" }, missing: { zh: "缺失", en: "missing" },
  inactive: { zh: "非存续", en: "inactive" }, tier_exempt: { zh: "免抽", en: "tier-exempt" }, drawn_earlier: { zh: "以往批次已抽中", en: "drawn earlier" },
  recently_inspected: { zh: "近期已检查", en: "recently inspected" },
  "?": { zh: "（无法确定）", en: "?" },
} as const;

/** The entropy kinds in words (draw-v1 §6.1), for messages that name one. */
export const ENTROPY_KIND_WORDS = {
  dice: { zh: "公开掷骰", en: "public dice" },
  lottery: { zh: "彩票开奖号码", en: "lottery draw" },
  beacon: { zh: "随机信标", en: "randomness beacon" },
  commitReveal: { zh: "承诺—揭示", en: "commit–reveal" },
} as const;

/** Issue codes of the draw area. */
export const drawMessages = {
  seed_empty: { severity: "error", zh: "随机种子为空", en: "The seed is empty" },
  seed_lone_surrogate: { severity: "error", zh: "{path}含有不成对的代理码元（位置{position}），无法编码为UTF-8", en: "{path} contains a lone surrogate (at {position}); it cannot be encoded as UTF-8" },
  sample_too_large: { severity: "error", zh: "{stratum}：抽取数{count}超过总数{total}", en: "{stratum}: cannot draw {count} from {total} without replacement" },
  entity_id_invalid: { severity: "error", zh: "第{row}行：实体编号“{id}”无效（{detail}）", en: "Row {row}: entity id \"{id}\" is invalid ({detail})" },
  entity_field_invalid: { severity: "error", zh: "第{row}行：字段{field}取值“{value}”无效", en: "Row {row}: field {field} has an invalid value \"{value}\"" },
  salt_empty: { severity: "error", zh: "名录清单盐值为空：未加盐的摘要可被穷举反推信用风险分类", en: "The manifest salt is empty: an unsalted digest could be brute-forced back to risk tiers" },
  salt_short: { severity: "warning", zh: "名录清单盐值只有{length}个字符，建议至少16个随机字符", en: "The manifest salt has only {length} characters; use at least 16 random characters" },
  stratum_key_collision: { severity: "error", zh: "分层键冲突：{key}", en: "Stratum key collision: {key}" },
  size_missing: { severity: "error", zh: "分层“{stratum}”（{label}）没有给出抽取数", en: "No size to draw was given for stratum \"{stratum}\" ({label})" },
  size_unknown_stratum: { severity: "error", zh: "给出了抽取数的“{label}”在名录库中没有对应分层", en: "A size was given for \"{label}\", which is not a stratum of the pool" },
  entropy_invalid: { severity: "error", zh: "随机源取值无效：{detail}", en: "Invalid entropy: {detail}" },
  entropy_weak: { severity: "warning", zh: "随机源只有{digits}位（{kind}），建议至少{minimum}位", en: "The entropy has only {digits} digits ({kind}); use at least {minimum}" },
  commitment_mismatch: { severity: "error", zh: "第{position}个揭示值与事先公布的承诺{commitment}不符", en: "Reveal {position} does not match the published commitment {commitment}" },
  entropy_source_mismatch: { severity: "error", zh: "随机源与公告不符：公告为{expected}，实际为{found}", en: "The entropy does not match the announced source: announced {expected}, found {found}" },
  announcement_invalid: { severity: "error", zh: "抽取公告无效：{detail}", en: "Invalid announcement: {detail}" },
  announcement_altered: { severity: "error", zh: "抽取公告在公布后被改动：按其内容计算的摘要为{expected}，公告所载摘要为{found}", en: "The announcement was altered after publication: its content gives the digest {expected}, it states {found}" },
  record_announcement_mismatch: { severity: "error", zh: "抽取记录未照录其公告：{fieldName}公告为{expected}，记录为{found}", en: "The record does not repeat its announcement: {fieldName} announced {expected}, the record has {found}" },
  protocol_unsupported: { severity: "error", zh: "不支持的协议版本“{found}”（本库实现{expected}）", en: "Unsupported protocol version \"{found}\" (this library implements {expected})" },
  record_malformed: { severity: "error", zh: "抽取记录格式错误：{detail}", en: "Malformed draw record: {detail}" },
  seed_mismatch: { severity: "error", zh: "派生种子不符：应为{expected}，记录为{found}", en: "Derived seed mismatch: expected {expected}, record has {found}" },
  manifest_digest_mismatch: { severity: "error", zh: "名录清单摘要不符：重新计算得{expected}，记录为{found}", en: "Manifest digest mismatch: recomputed {expected}, the record has {found}" },
  manifest_invalid: { severity: "error", zh: "名录清单格式错误：{detail}", en: "Malformed manifest: {detail}" },
  manifest_order_invalid: { severity: "error", zh: "名录清单未按码点顺序排列：{where}中“{found}”排在“{previous}”之后", en: "The manifest is not in code point order: in {where}, \"{found}\" comes after \"{previous}\"" },
  manifest_duplicate_id: { severity: "error", zh: "名录清单中编号“{id}”出现不止一次（{where}）", en: "Id \"{id}\" occurs more than once in the manifest ({where})" },
  manifest_inconsistent: { severity: "error", zh: "名录清单的{what}与按编号和盐值重新计算的结果不符：重算得{expected}，清单为{found}", en: "The manifest's {what} does not recompute from its ids and the salt: recomputed {expected}, the manifest has {found}" },
  manifest_salt_mismatch: { severity: "error", zh: "用给出的盐值重新计算，名录清单{count}个分层的摘要均不相符：盐值有误，或清单已被改动", en: "With the given salt, none of the manifest's {count} strata recompute: the salt is wrong, or the manifest was altered" },
  drawn_earlier_in_manifest: { severity: "error", zh: "以往批次已抽中的“{id}”仍在名录清单中（应已排除）", en: "\"{id}\", drawn in an earlier batch, is still in the manifest (it should have been excluded)" },
  exclusions_not_checked: { severity: "info", zh: "按名录清单复核：公告的排除数（非存续{inactive}户、免抽{tier_exempt}户、以往批次已抽中{drawn_earlier}户、近期已检查{recently_inspected}户）未复核，复核排除数需要名录库", en: "Checked against a manifest: the announced exclusion counts (inactive {inactive}, tier-exempt {tier_exempt}, drawn earlier {drawn_earlier}, recently inspected {recently_inspected}) were not re-checked; that needs the pool" },
  teams_not_checked: { severity: "info", zh: "记录含{count}个检查组，检查组未复核：{reason}", en: "The record has {count} inspector teams; they were not re-checked: {reason}" },
  stratum_mismatch: { severity: "error", zh: "分层“{stratum}”的{fieldName}不符：应为{expected}，记录为{found}", en: "Stratum \"{stratum}\": {fieldName} mismatch, expected {expected}, record has {found}" },
  exclusion_count_mismatch: { severity: "error", zh: "排除数（{reasonName}）不符：应为{expected}，记录为{found}", en: "Exclusion count ({reasonName}) mismatch: expected {expected}, record has {found}" },
  selection_mismatch: { severity: "error", zh: "分层“{stratum}”第{position}个抽中对象不符（{fieldName}）：应为{expected}，记录为{found}", en: "Stratum \"{stratum}\", pick {position}: {fieldName} mismatch, expected {expected}, record has {found}" },
  selection_count_mismatch: { severity: "error", zh: "分层“{stratum}”抽中数不符：应为{expected}，记录为{found}", en: "Stratum \"{stratum}\": expected {expected} picks, record has {found}" },
  replacement_invalid: { severity: "error", zh: "第{position}个补抽无效：{detail}", en: "Replacement {position} is invalid: {detail}" },
  replacement_mismatch: { severity: "error", zh: "第{position}个补抽不符（{fieldName}）：应为{expected}，记录为{found}", en: "Replacement {position}: {fieldName} mismatch, expected {expected}, record has {found}" },
  stratum_exhausted: { severity: "error", zh: "分层“{stratum}”已无可补抽的对象", en: "Stratum \"{stratum}\" has no entity left to draw as a replacement" },
  drawn_earlier_mismatch: { severity: "error", zh: "以往批次已抽中名单与公告不符：应为{expected}，实际为{found}", en: "The ids drawn in earlier batches do not match the announcement: expected {expected}, found {found}" },
  mismatches_truncated: { severity: "info", zh: "另有{count}处不符未逐一列出", en: "{count} further mismatches not listed" },
} as const satisfies Catalog;
