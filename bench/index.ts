// `npm run bench [area…]`: every area's benchmark, each reporting ratios against a baseline measured in
// the same run (this machine has 2 noisy cores: read ratios, not absolute times).
const all = ["quota", "calendar", "draw", "match", "plan", "parsers", "cli", "files", "simulate", "db"] as const;
// Sizes (`1e7`) and `--options` are the areas' own (each reads process.argv); any other word names an area.
const asked = process.argv.slice(2).filter((a) => !a.startsWith("--") && !/^\d+e\d+$/.test(a));
for (const name of asked) if (!(all as readonly string[]).includes(name)) throw new Error(`unknown benchmark "${name}" (${all.join(", ")})`);
for (const name of all) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  const mod = (await import(`./${name}.bench.ts`)) as { run(): Promise<void> };
  console.log(`\n=== ${name} ===`);
  await mod.run();
}
