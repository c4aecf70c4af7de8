// How a 信用风险分类要求 cell reads, shared by the credit rules.

/** The task says credit classification does not apply to it (不涉及: schools, 医保经办机构, 人防工程…). */
export const NOT_APPLICABLE = /不涉及|不适用|^\s*(无|否|\/|—)\s*$/;

/** A cell that only names a tier ("一般风险", "A类、B类") and says nothing about ratio or frequency. */
export function onlyNamesTier(text: string): boolean {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "") return false;
  return /^(?:[ABCD][类级]?|(?:低|一般|较高|高|中)风险(?:企业|等级|类)?|信用风险|[、,，;；/和及]|为|属于|等级)+$/.test(t) && /风险|[ABCD]/.test(t);
}
