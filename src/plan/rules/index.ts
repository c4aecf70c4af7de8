import type { LintRule } from "../rule.js";
import { cooperatorAmbiguous } from "./cooperator-ambiguous.js";
import { creditTierOnly } from "./credit-tier-only.js";
import { creditTiersFullQuota } from "./credit-tiers-full-quota.js";
import { departmentSpelling } from "./department-spelling.js";
import { modeGarbled } from "./mode-garbled.js";
import { quotaSmallPool } from "./quota-small-pool.js";
import { scopeOverlap } from "./scope-overlap.js";
import { taskNamePeriod } from "./task-name-period.js";
import { taskNameRepeated } from "./task-name-repeated.js";
import { creditRequirementContradictory } from "./credit-requirement-contradictory.js";
import { creditRequirementMissing } from "./credit-requirement-missing.js";
import { creditShare } from "./credit-share.js";
import { directedScope } from "./directed-scope.js";
import { duplicateTask } from "./duplicate-task.js";
import { entityCap } from "./entity-cap.js";
import { frequencyImpossible } from "./frequency-impossible.js";
import { initiatorMissing } from "./initiator-missing.js";
import { inspectorCapacity } from "./inspector-capacity.js";
import { itemCoverage } from "./item-coverage.js";
import { itemUnknown } from "./item-unknown.js";
import { jointCooperator } from "./joint-cooperator.js";
import { quotaAbove100 } from "./quota-above-100.js";
import { quotaAmbiguous } from "./quota-ambiguous.js";
import { quotaMissing } from "./quota-missing.js";
import { quotaNegative } from "./quota-negative.js";
import { quotaParse } from "./quota-parse.js";
import { quotaRoundsToZero } from "./quota-rounds-to-zero.js";
import { quotaUndecided } from "./quota-undecided.js";
import { selfCooperator } from "./self-cooperator.js";
import { shiftedColumns } from "./shifted-columns.js";
import { simRules } from "./sim-rules.js";
import { targeting } from "./targeting.js";
import { taskName } from "./task-name.js";
import { taskYear } from "./task-year.js";
import { windowAfterCompletion } from "./window-after-completion.js";
import { windowMissing } from "./window-missing.js";
import { windowOutsideYear } from "./window-outside-year.js";
import { windowParse } from "./window-parse.js";

/**
 * Every lint rule, in the order their findings are listed within a row.
 * @example
 * ```ts
 * lintRules.map((r) => r.id).includes("quota-negative")
 * //=> true
 * ```
 * @public
 */
export const lintRules: readonly LintRule[] = [
  shiftedColumns,
  taskName, taskYear, taskNamePeriod, taskNameRepeated, targeting,
  quotaMissing, quotaUndecided, quotaNegative, quotaAbove100, quotaAmbiguous, quotaParse, quotaRoundsToZero, quotaSmallPool,
  windowMissing, windowParse, windowOutsideYear, windowAfterCompletion, frequencyImpossible,
  initiatorMissing, jointCooperator, selfCooperator, cooperatorAmbiguous, departmentSpelling, modeGarbled,
  creditRequirementMissing, creditRequirementContradictory, creditTierOnly, creditTiersFullQuota, directedScope, duplicateTask, scopeOverlap,
  inspectorCapacity, entityCap, itemUnknown, itemCoverage, creditShare,
  ...simRules,
];
