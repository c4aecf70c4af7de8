// Programmer errors at a public boundary: a call whose argument is not even of its type throws the SDK's coded
// DoubleRandomError ("invalid_argument", naming the call), never a raw TypeError from deep inside.
import { coreMessages } from "../messages/core.js";
import { DoubleRandomError, issueFactory, type Message } from "../result.js";

/** Throws unless `value` is an array. @internal */
export function requireArray(value: unknown, call: string, what: string): void {
  if (!Array.isArray(value)) throw new DoubleRandomError("invalid_argument", `${call}: ${what} must be an array`);
}

/** Throws unless `value` is a non-null object (not an array). @internal */
export function requireObject(value: unknown, call: string, what: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new DoubleRandomError("invalid_argument", `${call}: ${what} must be an object`);
}

const coreIssue = /* @__PURE__ */ issueFactory(coreMessages);

/**
 * Throws `invalid_argument` naming the call, with the words in both languages: the error's message in English, its
 * one issue carrying {zh, en} (so a portal shows it in Chinese).
 * @internal
 */
export function throwWrongCall(call: string, detail: Message): never {
  const words = { zh: `${call}：${detail.zh}`, en: `${call}: ${detail.en}` };
  throw new DoubleRandomError("invalid_argument", words.en, [coreIssue("invalid_argument", { detail: words })]);
}
