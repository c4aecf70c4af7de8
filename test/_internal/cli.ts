// The built command line as the tests run it (dist/cli.js, which the test command builds before vitest): one path,
// one check that it is built, and one runner giving the exit code, stdout and stderr.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const cliPath = join(new URL("../../", import.meta.url).pathname, "dist/cli.js");

/** Throws (failing the suite's `beforeAll`) when dist/cli.js has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(cliPath)) throw new Error("dist/cli.js is missing: run `npm run build` (the test command does)");
}

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `node dist/cli.js …args` in `cwd`, with `env` added to this process's environment. */
export function runCli(args: readonly string[], options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {}): CliRun {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: "utf8",
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
