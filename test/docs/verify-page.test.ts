// End to end: the offline verification page, opened from file:// in Debian's chromium with no network,
// re-checks a good record (verdict OK) and a tampered one (verdict names the mismatch), against the pool or the
// department's manifest, and the inspector teams of a matched record. Screenshots are written to artifacts/ as a
// record of the run.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jiaozuoDraw, launchChromium, openVerifyPage, pageSalt } from "../_internal/verify-page.js";
import { announce, buildManifest, diceEntropy, draw, matchCommitment, matchInspectors, parseInspectorPoolCsv, unwrap } from "../../src/index.js";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const salt = pageSalt;

let browser: Browser;
let dir: string;
let recordFile: string;
let tamperedFile: string;
let poolFile: string;
let manifestFile: string;
let teamsFile: string;
let swappedTeamFile: string;
let swappedMember: { targetId: string; was: string; now: string };
let expertTeamsFile: string;
let expertsFile: string;
const inspectorsFile = join(root.pathname, "examples/data/jiaozuo-inspectors.csv");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "verify-page-"));
  const { csv, pool, record } = jiaozuoDraw();
  const tampered = structuredClone(record);
  // A portal that swapped one drawn entity for a friendlier one after the fact.
  const swapped = tampered.selections[1]!;
  swapped.id = pool.find((e) => e.status === "active" && !record.selections.some((s) => s.id === e.id))!.id;
  poolFile = join(dir, "pool.csv");
  recordFile = join(dir, "record.json");
  tamperedFile = join(dir, "tampered.json");
  writeFileSync(poolFile, csv);
  writeFileSync(recordFile, JSON.stringify(record, null, 2));
  writeFileSync(tamperedFile, JSON.stringify(tampered, null, 2));
  // What a department whose pool stays in its database hands an auditor instead of the pool (manifest -o).
  manifestFile = join(dir, "manifest.json");
  writeFileSync(manifestFile, JSON.stringify(unwrap(buildManifest(pool, { stratify: "tier", salt })), null, 2));
  // The second random: teams for every drawn entity, and a portal that swapped one member afterwards.
  const inspectors = unwrap(parseInspectorPoolCsv(readFileSync(inspectorsFile, "utf8")));
  const matched = unwrap(matchInspectors({
    record, inspectors, entities: pool,
    rules: { departments: ["焦作市公安局"], minCredentialed: 2, qualifications: ["治安管理"], loadCap: 3 },
  })).record;
  teamsFile = join(dir, "teams.json");
  writeFileSync(teamsFile, JSON.stringify(matched, null, 2));
  // Teams with one expert each from a separate 专家库, with the roster and rules committed in the announcement.
  const expertsCsv = "编号,姓名,所属部门,专家,专业资质\nZJ-01,周专家,焦作市应急管理局,是,消防\nZJ-02,吴专家,焦作市应急管理局,是,消防\nZJ-03,郑专家,焦作市住建局,是,消防\n";
  expertsFile = join(dir, "experts.csv");
  writeFileSync(expertsFile, expertsCsv);
  const experts = unwrap(parseInspectorPoolCsv(expertsCsv));
  const expertRules = { departments: ["焦作市公安局"], qualifications: ["治安管理"], experts: 1, expertQualifications: ["消防"], loadCap: 4 };
  const committed = unwrap(announce({
    taskId: "JZ-2023-GA-08", pool, stratify: "none", salt, sizes: 6,
    entropySource: { kind: "dice", description: "2023-03-02 焦作市公安局 公开掷骰（20位）" },
    match: unwrap(matchCommitment({ inspectors, experts, rules: expertRules })),
  })).announcement;
  const expertRecord = unwrap(draw(committed, pool, unwrap(diceEntropy("14142135623730950488")), { salt }));
  expertTeamsFile = join(dir, "teams-experts.json");
  writeFileSync(expertTeamsFile, JSON.stringify(unwrap(matchInspectors({ record: expertRecord, inspectors, experts, entities: pool, rules: expertRules })).record, null, 2));
  const bad = structuredClone(matched);
  const team = bad.match.teams[2]!;
  const member = team.members[0]!;
  const other = inspectors.find((i) => i.department === "焦作市公安局" && i.credential && i.qualifications.includes("治安管理") && !team.members.some((m) => m.id === i.id))!;
  swappedMember = { targetId: team.targetId, was: member.id, now: other.id };
  (team.members as unknown as { id: string; name: string }[])[0] = { ...member, id: other.id, name: other.name };
  swappedTeamFile = join(dir, "teams-swapped.json");
  writeFileSync(swappedTeamFile, JSON.stringify(bad, null, 2));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const verify = (record: string, lang: "zh" | "en" = "zh", files: { pool?: string; inspectors?: string; experts?: string } = {}) =>
  openVerifyPage(browser, { record, pool: files.pool ?? poolFile, inspectors: files.inspectors, experts: files.experts, salt, lang });

describe("offline verification page (docs/verify/index.html)", () => {
  it("says OK for a genuine record, from file:// with the network off", async () => {
    const r = await verify(recordFile);
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.issues).toEqual([]);
    expect(r.selections).toHaveLength(12);
    expect(r.verdict).toContain("按名录库复核");
    // The sample pool has one USCC with a wrong check character: a warning of the pool file, shown as a note.
    // The table reader says how it read the file (UTF-8); the pool has one USCC with a wrong check character.
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]).toContain("file_encoding_used");
    expect(r.notes[1]).toContain("uscc_invalid_check");
    expect(r.teamsShown).toBe(false);
    expect(r.requests.every((u) => u.startsWith("file://"))).toBe(true);
    await r.shot("ok");
    await r.close();
  });

  it("names the swapped selection in a tampered record (and speaks English on request)", async () => {
    const r = await verify(tamperedFile, "en");
    expect(r.verdict).toContain("Verification failed");
    expect(r.issues.some((i) => i.includes("selection_mismatch"))).toBe(true);
    await r.shot("tampered");
    await r.close();
  });

  it("says OK against the manifest instead of the pool, and that the exclusion counts were not re-checked", async () => {
    const r = await verify(recordFile, "zh", { pool: manifestFile });
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.verdict).toContain("按名录清单复核（排除数未复核）");
    expect(r.issues).toEqual([]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain("exclusions_not_checked");
    expect(r.notes[0]).toContain("未复核");
    expect(r.selections).toHaveLength(12);
    await r.shot("manifest-ok");
    await r.close();
  });

  it("names the swapped selection of a tampered record against the manifest (in English too)", async () => {
    const r = await verify(tamperedFile, "en", { pool: manifestFile });
    expect(r.verdict).toContain("Verification failed: 1 mismatch(es)");
    expect(r.verdict).toContain("Checked against a manifest (exclusion counts not re-checked)");
    const tampered = JSON.parse(readFileSync(tamperedFile, "utf8")) as { selections: { id: string }[] };
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toContain("selection_mismatch");
    expect(r.issues[0]).toContain(tampered.selections[1]!.id);
    expect(r.notes.some((n) => n.includes("exclusions_not_checked"))).toBe(true);
    await r.shot("manifest-tampered");
    await r.close();
  });

  it("re-checks the inspector teams with the inspector pool and shows them per entity", async () => {
    const r = await verify(teamsFile, "zh", { inspectors: inspectorsFile });
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.issues).toEqual([]);
    expect(r.teamsShown).toBe(true);
    expect(r.teamsVerdict).toContain("检查组复核通过：12 个检查组");
    expect(r.teamsVerdict).not.toContain("事先承诺");
    const matched = JSON.parse(readFileSync(teamsFile, "utf8")) as { match: { logHead: string; teams: { targetId: string; members: { id: string }[] }[] } };
    // The matching log's late recusals against the published threshold, and its chain head (match-v1 §8.2).
    expect(await r.p.locator("#match-log").textContent()).toBe(`事后回避 0 次（公布的阈值 2 次）。选派日志链头：${matched.match.logHead}`);
    expect(r.teamRows.map((row) => row[1])).toEqual(matched.match.teams.map((t) => t.targetId));
    for (const [k, team] of matched.match.teams.entries()) for (const m of team.members) expect(r.teamRows[k]![3]).toContain(m.id);
    // This record's announcement committed to no roster: the page says what that leaves unproven.
    expect(r.notes.some((n) => n.includes("match_not_committed"))).toBe(true);
    await r.shot("teams");
    await r.close();
  });

  it("names the team whose member was swapped after the matching", async () => {
    const r = await verify(swappedTeamFile, "en", { inspectors: inspectorsFile });
    expect(r.verdict).toContain("Verification failed");
    expect(r.teamsVerdict).toContain("Teams not verified");
    expect(r.issues.some((i) => /match_\w+/.test(i) && i.includes(swappedMember.targetId))).toBe(true);
    // The published (tampered) team is what the table shows: the swapped-in member is there for all to see.
    const row = r.teamRows.find((cells) => cells[1] === swappedMember.targetId)!;
    expect(row[3]).toContain(swappedMember.now);
    expect(row[3]).not.toContain(swappedMember.was);
    await r.shot("teams-swapped");
    await r.close();
  });

  it("says the teams were not re-checked, and why: no inspector pool, or a manifest instead of the pool", async () => {
    const without = await verify(teamsFile, "zh");
    expect(without.verdict).toContain("复核通过");
    expect(without.teamsShown).toBe(true);
    expect(without.teamsVerdict).toContain("未复核");
    expect(without.notes.some((n) => n.includes("teams_not_checked") && n.includes("未载入执法检查人员名录库"))).toBe(true);
    await without.close();
    const manifest = await verify(teamsFile, "en", { pool: manifestFile, inspectors: inspectorsFile });
    expect(manifest.verdict).toContain("Verified");
    expect(manifest.teamsVerdict).toContain("not re-checked");
    expect(manifest.notes.some((n) => n.includes("teams_not_checked") && n.includes("recusal"))).toBe(true);
    expect(manifest.notes.some((n) => n.includes("exclusions_not_checked"))).toBe(true);
    await manifest.close();
  });

  it("re-checks teams with experts when the expert pool is loaded, and says why not when it is missing", async () => {
    const r = await verify(expertTeamsFile, "zh", { inspectors: inspectorsFile, experts: expertsFile });
    expect(r.errors).toEqual([]);
    expect(r.verdict).toContain("复核通过");
    expect(r.issues).toEqual([]);
    expect(r.teamsVerdict).toContain("检查组复核通过：6 个检查组");
    expect(r.teamsVerdict).toContain("已在抽取公告中事先承诺");
    for (const row of r.teamRows) expect(row[4]).toMatch(/ZJ-0\d|EXP-00\d/);
    // Some expert comes from the separate 专家库 file, so it matters below.
    expect(r.teamRows.some((row) => /ZJ-0\d/.test(row[4] ?? ""))).toBe(true);
    // The roster and rules were committed in the announcement: no match_not_committed note.
    expect(r.notes.some((n) => n.includes("match_not_committed"))).toBe(false);
    await r.shot("teams-experts");
    await r.close();
    const without = await verify(expertTeamsFile, "en", { inspectors: inspectorsFile });
    expect(without.verdict).toContain("Verified");
    expect(without.teamsVerdict).toContain("not re-checked");
    expect(without.notes.some((n) => n.includes("teams_not_checked") && n.includes("no expert pool"))).toBe(true);
    await without.close();
  });
});
