// Words the draw area puts into issue params ({zh, en}), beside the machine-readable tokens. Internal.

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

