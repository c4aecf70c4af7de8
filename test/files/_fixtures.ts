// Reads a fixture of test/fixtures/files/ (made by scripts/make-file-fixtures.ts) through the public reader.
import { readFileSync } from "node:fs";
import { readTable, type ReadTableOptions } from "../../src/files/index.js";
import type { Issue } from "../../src/index.js";

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url)));

/** Reads a fixture and fails the test with the issues when it cannot be read. */
export function readFixture(name: string, options: ReadTableOptions = {}) {
  const r = readTable(fixture(name), { name, ...options });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.code}: ${i.message.en}`).join("\n"));
  return { table: r.value, warnings: r.warnings };
}

export const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
export const cellsOf = (rows: readonly { cells: readonly string[] }[]) => rows.map((r) => [...r.cells]);
