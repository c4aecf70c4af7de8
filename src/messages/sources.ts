import type { Catalog } from "./types.js";

/** Issue codes of pool sources (src/draw/source.ts, src/sources/): pools read from a database. */
export const sourceMessages = {
  source_failed: { severity: "error", zh: "读取名录库数据源失败：{detail}", en: "Reading the pool source failed: {detail}" },
  source_order_invalid: { severity: "error", zh: "数据源给出的分层“{stratum}”编号未按码点顺序排列或有重复：“{found}”排在“{previous}”之后（数据库排序规则应为码点顺序，如 PostgreSQL 的 COLLATE \"C\"、MySQL 的二进制比较）", en: "The pool source gave the ids of stratum {stratum} out of code point order or repeated: \"{found}\" after \"{previous}\" (the database must order by code point, e.g. PostgreSQL COLLATE \"C\", MySQL binary comparison)" },
  source_size_mismatch: { severity: "error", zh: "数据源给出的分层“{stratum}”编号数{found}与其报告的数量{expected}不符（两次读取之间数据被改动？）", en: "The pool source gave {found} ids for stratum {stratum} but reported {expected} (did the data change between two reads?)" },
  source_mapping_invalid: { severity: "error", zh: "名录库映射无效：{detail}", en: "Invalid pool mapping: {detail}" },
  source_entity_invalid: { severity: "error", zh: "名录库中有{count}行{field}无效，例如“{example}”（{detail}）", en: "{count} rows of the pool have an invalid {field}, e.g. \"{example}\" ({detail})" },
  source_duplicate_id: { severity: "error", zh: "名录库中编号“{id}”出现{count}次（含已排除的实体）", en: "Id \"{id}\" occurs {count} times in the pool (excluded entities included)" },
} as const satisfies Catalog;
