import * as z from "zod/mini";
import { CheckItem } from "./item.js";
import { Entity } from "./entity.js";
import { Inspector } from "./inspector.js";
import { Plan, Task } from "./plan.js";
import { Quota } from "./quota.js";
import { TierPolicy } from "./policy.js";
import { DrawRecord } from "./record.js";
import { RiskTier } from "./tier.js";
import { InspectionResult } from "./result.js";

const schemas: Record<ModelName, z.ZodMiniType> = { RiskTier, CheckItem, Entity, Inspector, Quota, TierPolicy, Task, Plan, DrawRecord, InspectionResult } as const;

/**
 * Names of the models shipped as JSON Schema (in the package's `schemas/` folder as `<Name>.schema.json`).
 * @public
 */
export type ModelName = "RiskTier" | "CheckItem" | "Entity" | "Inspector" | "Quota" | "TierPolicy" | "Task" | "Plan" | "DrawRecord" | "InspectionResult";

/**
 * JSON Schemas (draft 2020-12) of every model, generated from the zod schemas, for back ends in other
 * languages. They describe the *input* shape (fields with defaults are optional).
 *
 * @example
 * ```ts
 * jsonSchemas().Entity.$ref
 * //=> "#/$defs/Entity"
 * ```
 * @public
 */
export function jsonSchemas(): Record<ModelName, Record<string, unknown>> {
  const out = {} as Record<ModelName, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(schemas) as [ModelName, z.ZodMiniType][]) {
    out[name] = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  }
  return out;
}
