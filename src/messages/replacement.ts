import type { Catalog } from "./types.js";

/** Issue codes of accountable, append-only replacement draws (补抽, draw-v1 §7.2). */
export const replacementMessages = {
  replacement_reason: {
    severity: "error",
    zh: "第{position}个补抽的原因“{reason}”不在规定的原因中（{allowed}），其他说明请写在备注 note 中",
    en: "Replacement {position}: reason \"{reason}\" is not one of the listed reasons ({allowed}); free text goes in note",
  },
  replacement_undecided: {
    severity: "error",
    zh: "第{position}个补抽须写明决定人和决定日期（decision 的 by 与 date，日期为 YYYY-MM-DD）",
    en: "Replacement {position} needs who decided and when: decision { by, date } (date as YYYY-MM-DD)",
  },
  replacement_log_broken: {
    severity: "error",
    zh: "补抽记录第{position}条的哈希链（prev 或 replacementsHead）不符：补抽记录被删除或改动",
    en: "Replacement {position}: the hash chain (prev or replacementsHead) does not match; an entry was dropped or edited",
  },
  replacement_log_rewritten: {
    severity: "error",
    zh: "此前公布的副本（{length}条补抽，链头{head}）不是本记录补抽的开头：补抽记录被删除或改动",
    en: "A copy published earlier ({length} replacements, head {head}) is not a prefix of these replacements: an entry was dropped or edited",
  },
  replacement_log_unchained: {
    severity: "warning",
    zh: "{count}个补抽没有哈希链（本库早期版本的记录）：删除或改动补抽无法发现",
    en: "{count} replacements have no hash chain (a record of an earlier version): dropping or editing one cannot be detected",
  },
  replacement_append_unchained: {
    severity: "error",
    zh: "记录已有{count}个无哈希链的补抽（本库早期版本的记录），不能再追加补抽：请按该记录的版本处理",
    en: "The record has {count} replacements without a hash chain (an earlier version's record): no replacement can be appended",
  },
  replacement_unaccountable: {
    severity: "warning",
    zh: "{count}个补抽没有规定原因或决定人、决定日期",
    en: "{count} replacements lack a listed reason or who decided and when",
  },
  replacements_many: {
    severity: "warning",
    zh: "补抽{total}次，超过公布的阈值{limit}次（抽中数的十分之一向上取整，至少2次），请核查",
    en: "{total} replacements, above the published threshold of {limit} (max(2, ⌈drawn / 10⌉))",
  },
} as const satisfies Catalog;
