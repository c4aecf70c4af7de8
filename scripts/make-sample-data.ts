// Generates the sample pools in examples/data/ deterministically (run: npx tsx scripts/make-sample-data.ts).
// The seed plans publish no entity lists (only screenshots), so the pools are synthetic but shaped like a
// 焦作 registry export: valid 统一社会信用代码, 焦作 行政区划代码, tiers, statuses, a few real-world defects.
import { writeFileSync } from "node:fs";
import { streamPick } from "../src/draw/stream.js";
import { usccCheckCharacter } from "../src/model/uscc.js";

let counter = 0;
const pick = (n: number) => streamPick("double-random sample data 2023", ++counter, n).index - 1;
const choose = <T>(xs: readonly T[]): T => xs[pick(xs.length)] as T;

const regions = [
  ["410802", "解放区"], ["410803", "中站区"], ["410804", "马村区"], ["410811", "山阳区"], ["410821", "修武县"],
  ["410822", "博爱县"], ["410823", "武陟县"], ["410825", "温县"], ["410882", "沁阳市"], ["410883", "孟州市"],
] as const;
const ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const uscc = (prefix: string, region: string) => {
  let body = `${prefix}${region}`;
  for (let i = 0; i < 9; i++) body += i === 0 ? "M" : ORG.charAt(pick(10));
  return body + usccCheckCharacter(body);
};
const venues = ["KTV", "量贩式KTV", "歌舞厅", "游艺厅", "电子游戏厅", "演艺酒吧", "音乐会所", "娱乐城"];
const words = ["星光", "金色年华", "欢乐颂", "唱吧", "麦乐迪", "好声音", "九号", "天籁", "银河", "东方", "凯撒", "太行", "怀川", "山阳", "云台", "丹河", "嘉年华", "时代", "金典", "月光"];
const tiersBy = () => { const r = pick(100); return r < 30 ? "A" : r < 80 ? "B" : r < 95 ? "C" : "D"; };

const rows: string[][] = [["统一社会信用代码", "名称", "类型", "行政区划代码", "行业", "信用风险分类", "登记状态", "标签", "上次检查日期", "经营场所"]];
const seen = new Set<string>();
for (let i = 0; rows.length <= 240; i++) {
  const [code, district] = choose(regions);
  const individual = pick(3) === 0;
  const id = uscc(individual ? "92" : "91", code);
  if (seen.has(id)) continue;
  seen.add(id);
  const name = `焦作市${district}${choose(words)}${choose(venues)}${individual ? "" : "有限公司"}`;
  const status = pick(40) === 0 ? "注销" : pick(60) === 0 ? "吊销" : "存续";
  const last = pick(4) === 0 ? `2022-${String(1 + pick(12)).padStart(2, "0")}-${String(1 + pick(28)).padStart(2, "0")}` : "";
  const tags = ["娱乐场所", ...(pick(5) === 0 ? ["消防重点单位"] : [])].join("、");
  rows.push([id, name, individual ? "个体工商户" : "企业", code, "娱乐业", tiersBy(), status, tags, last, `${district}${choose(words)}路${1 + pick(300)}号`]);
}
// A real-world defect kept on purpose: an id that looks like a USCC but has a mistyped check character.
const typo = rows[17] as string[];
typo[0] = `${typo[0]!.slice(0, 17)}${typo[0]!.endsWith("0") ? "1" : "0"}`;
const csv = (rs: string[][]) => `${rs.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`;
writeFileSync("examples/data/jiaozuo-entertainment-pool.csv", csv(rows));

const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚".split("");
const departments = [
  ["焦作市公安局", "GA", 14], ["焦作市文化广电和旅游局", "WL", 8], ["焦作市市场监督管理局", "SJ", 8], ["焦作市消防救援支队", "XF", 6],
] as const;
const quals: Record<string, string[]> = { GA: ["治安管理"], WL: ["文化市场"], SJ: ["食品", "特种设备"], XF: ["消防"] };
const entityIds = rows.slice(1).map((r) => r[0] as string);
const people: string[][] = [["执法证号", "姓名", "所属部门", "执法资格", "专家", "专业资质", "可派往区域", "工作量上限", "回避对象"]];
for (const [dept, abbr, n] of departments) {
  for (let k = 1; k <= n; k++) {
    const conflicts = pick(5) === 0 ? [choose(entityIds)] : [];
    const q = quals[abbr] as string[];
    people.push([`41080${abbr}${String(k).padStart(3, "0")}`, `${choose(surnames)}${choose(given)}${pick(2) ? choose(given) : ""}`, dept, k === n ? "否" : "是", "否", k % 3 === 0 ? q.join("、") : (q[0] as string), "", String(6 + pick(5)), conflicts.join("、")]);
  }
}
for (let k = 1; k <= 4; k++) people.push([`EXP-${String(k).padStart(3, "0")}`, `${choose(surnames)}${choose(given)}（专家）`, "焦作市文化广电和旅游局", "否", "是", "消防、声光安全", "", "10", ""]);
writeFileSync("examples/data/jiaozuo-inspectors.csv", csv(people));
console.log(`pool: ${rows.length - 1} entities, inspectors: ${people.length - 1}`);
