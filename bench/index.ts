// `npm run bench`: every area's benchmark, each reporting ratios against a baseline measured in the same run.
const suites = process.argv.slice(2);
const all = ["draw", "quota", "match", "plan"] as const;
for (const name of all) {
  if (suites.length > 0 && !suites.includes(name)) continue;
  const mod = (await import(`./${name}.bench.ts`).catch(() => null)) as { run?: () => Promise<void> } | null;
  if (!mod?.run) continue;
  console.log(`\n=== ${name} ===`);
  await mod.run();
}
