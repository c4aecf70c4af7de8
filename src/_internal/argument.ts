// Programmer errors at a public boundary: a call whose argument is not even of its type throws the SDK's coded
// DoubleRandomError ("invalid_argument", naming the call), never a raw TypeError from deep inside.
import { DoubleRandomError } from "../result.js";

/** Throws unless `value` is an array. @internal */
export function requireArray(value: unknown, call: string, what: string): void {
  if (!Array.isArray(value)) throw new DoubleRandomError("invalid_argument", `${call}: ${what} must be an array`);
}

/** Throws unless `value` is a non-null object (not an array). @internal */
export function requireObject(value: unknown, call: string, what: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new DoubleRandomError("invalid_argument", `${call}: ${what} must be an object`);
}
