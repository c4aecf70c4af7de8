// Writes examples/jincheng/hotels-pool.csv deterministically (run: npx tsx examples/jincheng/make-pool.ts [other.csv]).
// The 晋城 2023 joint plan (shared/seeds/jincheng-2023-joint-plan.txt) names the task — 对旅馆业从业单位的随机抽查,
// 晋城市旅馆从业单位, 不低于30% 1次/年, 市卫健委 with 市公安局 — but publishes no entity list, so the pool is synthetic,
// shaped like a registry export of the city's six county-level divisions: 统一社会信用代码 whose 登记管理机关行政区划码
// is the entity's county, whose 组织机构代码 part has its GB 11714 check character and whose 18th character is the
// GB 32100 check; the 行政区划代码 column; tiers, statuses. Counties differ in size on purpose: 陵川县 has few hotels, so
// a proportional share would give it fewer than 3 and the per-county minimum decides there.
import { writeFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { usccCheckCharacter, validateUscc } from "../../src/model/uscc.js";
import { JINCHENG_COUNTIES } from "./counties.js";

const random = seedrandom.alea("double-random 晋城 hotels 2023");
const pick = (n: number) => Math.floor(random() * n);
const choose = <T>(xs: readonly T[]): T => xs[pick(xs.length)] as T;

/** How many hotels each county has in the sample, and street names for the addresses. */
const COUNTIES = [
  { code: "140502", hotels: 150, streets: ["凤台", "钟家庄", "黄华", "书院", "文昌", "红星"] },
  { code: "140521", hotels: 18, streets: ["龙港", "嘉峰", "端氏", "郑庄"] },
  { code: "140522", hotels: 55, streets: ["凤城", "北留", "润城", "町店"] },
  { code: "140524", hotels: 7, streets: ["崇文", "礼义", "附城", "六泉"] },
  { code: "140525", hotels: 90, streets: ["南村", "巴公", "大阳", "高都"] },
  { code: "140581", hotels: 70, streets: ["北城", "南城", "东城", "米山"] },
].map((c) => ({ ...c, name: JINCHENG_COUNTIES[c.code] as string }));

// GB 11714 组织机构代码: 8 characters and a check character (weights 3 7 9 10 5 8 4 2; letters A=10 … Z=35; 10 → X).
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (c: string) => (c >= "0" && c <= "9" ? Number(c) : c.charCodeAt(0) - 55);
const orgCheck = (body: string) => {
  const c = 11 - ([...body].reduce((s, ch, i) => s + orgValue(ch) * (ORG_WEIGHTS[i] as number), 0) % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
};
// Codes given since 2015 start with MA; the rest of the body from the USCC alphabet (no I, O, Z, S, V).
const BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const uscc = (kind: "91" | "92", region: string) => {
  let org = "MA0";
  while (org.length < 8) org += BODY.charAt(pick(BODY.length));
  const first17 = `${kind}${region}${org}${orgCheck(org)}`;
  const id = first17 + (usccCheckCharacter(first17) as string);
  if (validateUscc(id).length > 0) throw new Error(`not a valid USCC: ${id}`);
  return id;
};

const words = ["鸿运", "金凤", "太行", "丹河", "凤鸣", "沁河", "皇城", "蟒河", "王莽岭", "锡崖沟", "长平", "炎帝", "如家", "汉庭", "佳缘", "迎宾", "兴隆", "福源", "悦来", "安居"];
const kinds = ["宾馆", "酒店", "快捷酒店", "旅馆", "招待所", "商务酒店"];
const tierOf = () => { const r = pick(100); return r < 28 ? "A" : r < 78 ? "B" : r < 94 ? "C" : "D"; };

const header = ["统一社会信用代码", "名称", "类型", "行政区划代码", "所属区县", "行业", "信用风险分类", "登记状态", "经营场所"];
const rows: string[][] = [header];
const seen = new Set<string>();
for (const county of COUNTIES) {
  const city = county.code === "140581" ? "高平市" : `晋城市${county.name}`;
  for (let k = 0; k < county.hotels; ) {
    const individual = pick(5) < 2;
    const id = uscc(individual ? "92" : "91", county.code);
    const name = `${city}${choose(words)}${choose(kinds)}${individual ? "" : "有限公司"}`;
    if (seen.has(id) || seen.has(name)) continue;
    seen.add(id).add(name);
    const status = pick(30) === 0 ? "注销" : pick(50) === 0 ? "吊销" : "存续";
    rows.push([id, name, individual ? "个体工商户" : "企业", county.code, county.name, "住宿业", tierOf(), status, `${county.name}${choose(county.streets)}街${1 + pick(200)}号`]);
    k++;
  }
}
const csv = (rs: string[][]) => `${rs.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`;
const file = process.argv[2] ?? new URL("./hotels-pool.csv", import.meta.url).pathname;
writeFileSync(file, csv(rows));
console.log(`${rows.length - 1} hotels in ${COUNTIES.length} counties → ${file}`);
