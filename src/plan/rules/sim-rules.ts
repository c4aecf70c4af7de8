// The lint rules that read a plan simulation (`LintPlanOptions.simulation`, from double-random/simulate's
// simulatePlan). They only read the report's figures: the plan linter never runs the simulation itself, so the
// main entry stays free of seedrandom and lintPlan stays fast.
import type { LintRule } from "../rule.js";
import { simInspectorOverload } from "./sim-inspector-overload.js";
import { simJointShortage } from "./sim-joint-shortage.js";
import { simRepeatInspection } from "./sim-repeat-inspection.js";

/** The rules that read `LintPlanOptions.simulation` (each reports nothing without it). */
export const simRules: readonly LintRule[] = [simInspectorOverload, simRepeatInspection, simJointShortage];
