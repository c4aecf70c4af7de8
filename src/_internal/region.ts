// 行政区划代码 as prefixes: one reading for the matching (inspectors' 可派往区域) and the simulation (task filters, inspector regions).

/** "140500" → "1405", "140000" → "14": a code ending in 00 covers its sub-regions. */
export function regionPrefix(code: string): string {
  let c = code;
  while (c.length > 2 && c.endsWith("00")) c = c.slice(0, -2);
  return c;
}
