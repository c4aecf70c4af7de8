// How a 信用风险分类要求 cell reads, shared by the credit rules.

/** The task says credit classification does not apply to it (不涉及: schools, 医保经办机构, 人防工程…). */
export const NOT_APPLICABLE = /不涉及|不适用|^\s*(无|否|\/|—)\s*$/;

/** A cell that only names a tier ("一般风险", "A类、B类") and says nothing about ratio or frequency. */
export function onlyNamesTier(text: string): boolean {
  // A character outside the words below that NFKC leaves as it is (printable ASCII, CJK ideographs: never merged
  // into another character either) answers at once: a long cell is not normalised to find that out.
  if (hasForeign(text)) return false;
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "") return false;
  return /^(?:[ABCD][类级]?|(?:低|一般|较高|高|中)风险(?:企业|等级|类)?|信用风险|[、,，;；/和及]|为|属于|等级)+$/.test(t) && /风险|[ABCD]/.test(t);
}

/** Every character of the pattern in {@link onlyNamesTier}, the ones NFKC leaves alone. */
const TIER_WORD_CHARS = new Set(Array.from("ABCD类级低一般较高中风险企业等信用、,，;；/和及为属于", (c) => c.charCodeAt(0)));

function hasForeign(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff)) && !TIER_WORD_CHARS.has(c)) return true;
  }
  return false;
}
