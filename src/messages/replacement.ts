import type { Catalog } from "./types.js";

/** Issue codes of accountable, append-only replacement draws (补抽, draw-v1 §7.2). */
export const replacementMessages = {
  replacement_reason: { severity: "error", zh: "第{position}个补抽的原因“{reason}”不在规定原因中（{allowed}）；说明写在备注 note", en: "Replacement {position}: reason \"{reason}\" is not listed ({allowed}); free text goes in note" },
  replacement_undecided: { severity: "error", zh: "第{position}个补抽须写明决定人和日期（decision 的 by、date）", en: "Replacement {position} needs who decided and when (decision: by, date)" },
  replacement_log_broken: { severity: "error", zh: "第{position}条补抽的哈希链不符：补抽记录被删改", en: "Replacement {position}: the hash chain does not match; an entry was dropped or edited" },
  replacement_log_rewritten: { severity: "error", zh: "此前公布的副本（{length}条补抽，链头{head}）不是本记录的开头：补抽记录被删改", en: "A copy published earlier ({length} replacements, head {head}) is not a prefix of this log" },
  replacement_log_unchained: { severity: "warning", zh: "{count}个补抽无哈希链（早期版本的记录），删改无法发现", en: "{count} replacements have no hash chain (an earlier version's record)" },
  replacement_append_unchained: { severity: "error", zh: "记录已有{count}个无哈希链的补抽（早期版本的记录），不能再追加", en: "The record has {count} unchained replacements (an earlier version's record): none can be appended" },
  replacement_unaccountable: { severity: "warning", zh: "{count}个补抽没有规定原因或决定人、日期", en: "{count} replacements lack a listed reason or who decided and when" },
  replacements_many: { severity: "warning", zh: "补抽{total}次，超过公布的阈值{limit}次", en: "{total} replacements, above the published threshold of {limit}" },
} as const satisfies Catalog;
