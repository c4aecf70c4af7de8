import type { Catalog } from "./types.js";

/** Issue codes of accountable, append-only replacement draws (补抽, draw-v1 §7.2). */
export const replacementMessages = {
  replacement_reason: {
    severity: "error",
    zh: "第{position}个补抽的原因“{reason}”不在列表中（{allowed}），说明请写在 note",
    en: "Replacement {position}: reason \"{reason}\" is not in the list ({allowed}); free text goes in note",
  },
  replacement_undecided: {
    severity: "error",
    zh: "第{position}个补抽须写明决定人和日期 decision: { by, date }",
    en: "Replacement {position} needs who decided and when: decision { by, date }",
  },
  replacement_log_broken: {
    severity: "error",
    zh: "补抽记录第{position}条的链（prev/replacementsHead）不符：记录被删改",
    en: "Replacement {position}: the chain (prev/replacementsHead) does not match; an entry was dropped or edited",
  },
  replacement_log_rewritten: {
    severity: "error",
    zh: "此前公布的副本（{length}条补抽，{head}）不是本记录补抽的开头：记录被删改",
    en: "An earlier copy ({length} replacements, {head}) is not a prefix of these replacements",
  },
  replacement_log_unchained: {
    severity: "warning",
    zh: "补抽记录无哈希链（旧记录），删改无法发现",
    en: "The replacements have no hash chain (an older record)",
  },
  replacement_unaccountable: {
    severity: "warning",
    zh: "{count}个补抽没有规定原因或决定人、日期",
    en: "{count} replacements lack a listed reason or who decided and when",
  },
  replacements_many: {
    severity: "warning",
    zh: "补抽{total}次，超过公布的阈值{limit}次，请核查",
    en: "{total} replacements, above the published threshold of {limit}",
  },
} as const satisfies Catalog;
