import * as z from "zod";

/**
 * Version of the draw protocol implemented by this library (see docs/spec/draw-v1.md).
 * @public
 */
export const PROTOCOL_VERSION = "double-random/draw-v1";

/**
 * A published draw record. This placeholder fixes the version field; the draw module defines the body.
 * @public
 */
export const DrawRecord = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION),
  })
  .loose()
  .meta({ id: "DrawRecord", description: "抽取记录" });
/** @public */
export type DrawRecord = z.output<typeof DrawRecord>;
