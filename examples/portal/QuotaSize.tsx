// A React component in a portal's own build (Vite, webpack…): the ESM import, tree-shaken.
// Type-checked by the test command (tsc); React itself is the portal's dependency, not ours.
import { useMemo, useState } from "react";
import { parseQuota, sampleSize, type Issue } from "double-random";

/** Shows how many entities a quota cell asks for, and why, as the planner types. */
export function QuotaSize({ poolSize }: { poolSize: number }) {
  const [text, setText] = useState("不低于10%；不少于4户；1次/年");
  const answer = useMemo((): { size?: number; why: string; issues: readonly Issue[] } => {
    const quota = parseQuota(text);
    if (!quota.ok) return { why: "", issues: quota.issues };
    const n = sampleSize(quota.value, poolSize);
    return n.ok ? { size: n.value.size, why: n.value.explanation.zh, issues: [...quota.warnings, ...n.warnings] } : { why: "", issues: n.issues };
  }, [text, poolSize]);
  return (
    <div>
      <input value={text} onChange={(e) => setText(e.target.value)} aria-label="抽查比例" />
      {answer.size !== undefined && <p>抽取 {answer.size} 户：{answer.why}</p>}
      <ul>
        {answer.issues.map((i) => (
          <li key={`${i.code}-${i.message.en}`} className={i.severity}>{i.message.zh}</li>
        ))}
      </ul>
    </div>
  );
}
