/** "序号5 娱乐场所检查" / "No. 5 娱乐场所检查": how a report names a task. */
export function taskLabel(index: string | undefined, name: string, lang: "zh" | "en"): string {
  const i = (index ?? "").trim();
  if (i === "") return name;
  return lang === "zh" ? `序号${i} ${name}` : `No. ${i} ${name}`;
}

