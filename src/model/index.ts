export { RiskTier, riskTierLabels, parseRiskTier } from "./tier.js";
export { validateUscc, usccCheckCharacter, looksLikeUscc } from "./uscc.js";
export { IsoDate } from "./common.js";
export {
  Entity, EntityKind, EntityStatus, EntityIdKind, InspectionRecord,
  entityKindLabels, entityStatusLabels, parseEntity,
  type EntityInput,
} from "./entity.js";
export { Inspector, Conflict, ConflictReason, parseInspector, type InspectorInput } from "./inspector.js";
export { CheckItem, CheckItemCategory, CheckMethod, parseCheckItem } from "./item.js";
export { Quota, QuotaRatio, QuotaCount, QuotaFrequency, Bound } from "./quota.js";
export { Task, Plan, Targeting, TargetFilter, DateRange, SourceRow, parseTask, parsePlan, type TaskInput } from "./plan.js";
export { TierPolicy, TierRule } from "./policy.js";
export { DrawRecord, PROTOCOL_VERSION } from "./record.js";
export { parseEntityPool, parseInspectorPool, type PoolOptions } from "./pool.js";
export { parseEntityPoolTable, parseInspectorPoolTable, parseExpertPoolTable, type PoolTableOptions } from "./pool-table.js";
export { parseEntityPoolCsv, parseEntityPoolRows, parseInspectorPoolCsv, parseInspectorPoolRows, type PoolCsvOptions } from "./pool-csv.js";
