// The README's database example, run as documented: a throw-away server started by examples/database/start-db.sh,
// the sample pool loaded into a table, announced, drawn and verified from the database, byte-identical to the
// in-memory record, the server stopped.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mariadbMissing, postgresMissing } from "./_servers.js";

const root = new URL("../../", import.meta.url).pathname;

describe("examples/database/run.sh", () => {
  it.each([["postgres", postgresMissing()], ["mariadb", mariadbMissing()]] as const)("draws from %s", (engine, missing) => {
    if (missing) throw new Error(`the database example needs a server: ${missing}`);
    const r = spawnSync("bash", ["examples/database/run.sh", engine, "--lang", "en"], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("Verified against the database: ok");
    expect(r.stdout).toContain("Byte-identical to the in-memory record: yes");
  }, 180_000);
});
