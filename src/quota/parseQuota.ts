// parseQuota: the interpreter of a quota cell's tokens (the words are in _quotaWords.ts, the scanner in
// _quotaLexer.ts, normalisation and quoting in _quotaText.ts, the column-shift classifier in _internal/columnShift.ts).
import type { Quota, QuotaCount, QuotaFrequency, QuotaRatio } from "../model/quota.js";
import { capResult, pushCapped } from "../_internal/capIssues.js";
import { quotaMessages } from "../messages/quota.js";
import { isDateCell, looksLikeText, quotaCellLooksLike } from "../_internal/columnShift.js";
import { fail, type Issue, type Result, settle } from "../result.js";
import { describeQuota } from "./_describe.js";
import { reduce } from "../_internal/fraction.js";
import { issue } from "./_issue.js";
import { lex, MAX_NUMBER_LENGTH } from "./_quotaLexer.js";
import { normalizeWithOffsets, quoteSpans } from "./_quotaText.js";
import { type FigureBound, type Token, UNDECIDED } from "./_quotaWords.js";

/** Moves the decimal point of a plain decimal string `shift` places to the right ("0.05", 2 → "5"). */
function shiftDecimal(raw: string, shift: number): string {
  const [int = "", frac = ""] = raw.split(".");
  const digits = int + frac.padEnd(shift, "0");
  const point = int.length + shift;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(point).replace(/0+$/, "");
  return rest === "" ? whole : `${whole}.${rest}`;
}

interface Figure {
  kind: "ratio" | "count";
  ratio?: QuotaRatio;
  count?: QuotaCount;
  label?: string;
  /** Token index of the label. */
  labelAt?: number;
  raw: string;
}

interface Piece {
  figure?: Figure;
  frequency?: QuotaFrequency;
  frequencyRaw?: string;
  /** Token index of a "每年对…" frequency, which a written frequency overrides. */
  soft?: number;
}

/**
 * Reads a 抽查比例 / 抽查比例及频次 / 抽查数量 cell as planners write it into a {@link Quota}: a ratio
 * (reduced fraction), a count, a frequency, sub-population `segments`, and whether the ratio is summed
 * over the year (`cumulative`).
 *
 * @remarks
 * Full- and half-width forms are the same (NFKC); spaces and line breaks inside the cell are ignored; a
 * trailing "。" is dropped. "不低于/不少于/至少/≥/以上" bind `atLeast`, "不超过/不高于/≤/以下/以内"
 * `atMost`, "约/左右" make a count `approx`. "每半年 20%" is 20% once per half year; "抽查1次" is once
 * per task window (`per: "plan"`); "全年…" and "…之和" make the ratio `cumulative`.
 * Nothing is ever guessed: a bare "0.2" (20% or 0.2%?), "100" (100% or 100 entities?), "待定", "-5%",
 * "120%", an empty cell and a cell holding another column's text (a date, a department, the scope, the
 * credit-risk requirement) are issues. Several ratios become `segments` when each names its
 * sub-population ("三级医院≥50%，二级医院≥30%"), otherwise `unsupported_structure`.
 * The scanner is a single left-to-right pass with flat sticky regexes: linear in the text length.
 *
 * Issue codes: `quota_empty`, `quota_undecided`, `quota_bare_number`, `quota_negative`, `quota_over_100`,
 * `quota_number_too_long`, `quota_column_shift`, `quota_unrecognized`, `quota_unrecognized_text`,
 * `unsupported_structure` (errors); `quota_frequency_incomplete`, `quota_frequency_bound_ignored`,
 * `quota_base_described`, `quota_approx_ratio`, `quota_zero` (warnings).
 *
 * @param text - the cell text, exactly as in the plan.
 * @returns the quota (with `text` kept verbatim), or the issues that stop it.
 * @example
 * ```ts
 * parseQuota("不低于10%；不少于4户；1次/年")
 * //=> { ok: true, value: { ratio: { numerator: 1, denominator: 10, bound: "atLeast" },
 * //     count: { value: 4, bound: "atLeast" }, frequency: { times: 1, per: "year" },
 * //     text: "不低于10%；不少于4户；1次/年" }, warnings: [] }
 * parseQuota("0.2").ok
 * //=> false   (issue quota_bare_number: 20% or 0.2%?)
 * ```
 * @public
 */
export function parseQuota(text: string): Result<Quota> {
  // One cell: a hostile one reports its first issues and counts the rest (those past the cap are not even built:
  // pushCapped, for the issues a cell can repeat per token).
  return capResult(readQuota(text), issue);
}

function readQuota(text: string): Result<Quota> {
  const original = typeof text === "string" ? text : String(text);
  // Spaces between two numbers separate them ("100 1次/年"); any other space or line break is layout.
  const norm = normalizeWithOffsets(original);
  let s = norm.s;
  while (s.endsWith("。") || s.endsWith(".")) s = s.slice(0, -1);
  if (s === "" || s === "-" || s === "/" || s === "—" || s === "无") {
    return fail([issue("quota_empty")]);
  }
  for (const word of UNDECIDED) {
    if (s.includes(word)) return fail([issue("quota_undecided", { text: original })]);
  }
  if (isDateCell(s)) {
    return fail([issue("quota_column_shift", { text: original, looksLike: looksLikeText("date") })]);
  }

  const spans: number[] = [];
  const tokens = lex(s, spans);
  let lastNumber = -1;
  let lastRatio = -1;
  for (let k = 0; k < tokens.length; k++) {
    const x = tokens[k] as Token;
    if (x.k === "num") lastNumber = k;
    if (x.k === "num" && (x.unit === "pct" || x.unit === "permille")) lastRatio = k;
  }
  // "我市12家三级医院，30家二级医院，抽查比例不低于100%": a count followed by the noun it counts, before the
  // ratio and not after 抽查/抽取 or a bound, says how many entities exist; it is not a quota.
  const population = (t: number, bound: unknown): boolean => {
    const next = tokens[t + 1];
    const prev = tokens[t - 1];
    return bound === undefined && next?.k === "text" && lastRatio > t && prev?.k !== "filler";
  };
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const pieces: Piece[] = [];
  // Tokens not used for the quota (by index): quoted verbatim from the cell afterwards.
  const unused: number[] = [];
  const strayText: string[] = [];
  const stray = (t: number) => {
    unused.push(t);
    const tok = tokens[t] as Token;
    strayText.push("raw" in tok ? tok.raw : "");
  };
  let cumulative = false;
  let populationSeen = false;
  let pendingBound: { b: FigureBound; raw: string; t: number } | undefined;
  let pendingLabel: { raw: string; t: number } | undefined;
  let hasDate = false;

  const takeBound = (): { b: FigureBound; raw: string } | undefined => {
    const b = pendingBound;
    pendingBound = undefined;
    return b;
  };
  const takeLabel = (): { raw: string; t: number } | undefined => {
    const l = pendingLabel;
    pendingLabel = undefined;
    return l;
  };
  const dropLabel = () => {
    if (pendingLabel !== undefined) stray(pendingLabel.t);
    pendingLabel = undefined;
  };
  // A label is text right before a figure, fillers and "之和" between them allowed ("二级机构抽查比例之和≥30%").
  const figureFollows = (t: number): boolean => {
    let j = t + 1;
    while (j < tokens.length && (tokens[j]?.k === "filler" || tokens[j]?.k === "cumul")) j++;
    const next = tokens[j];
    return next !== undefined && (next.k === "num" || next.k === "bound" || (next.k === "cn" && next.unit === "count"));
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    switch (tok.k) {
      case "text": {
        dropLabel();
        const next = tokens[t + 1];
        if (tok.raw.endsWith("的") && next && (next.k === "num" || next.k === "bound")) {
          pushCapped(warnings, quotaMessages.quota_base_described.severity, () => issue("quota_base_described", { part: tok.raw.slice(0, -1) }));
        } else if (figureFollows(t)) {
          // "对三级定点医疗机构": who is checked is the label, without the preposition.
          pendingLabel = { raw: tok.raw.startsWith("对") && tok.raw.length > 1 ? tok.raw.slice(1) : tok.raw, t };
        } else {
          stray(t);
        }
        break;
      }
      case "bound":
        if (pendingBound) stray(pendingBound.t);
        pendingBound = { b: tok.b, raw: tok.raw, t };
        break;
      case "post": {
        const last = pieces[pieces.length - 1];
        const prev = tokens[t - 1];
        if (!last?.figure || !prev || prev.k !== "num") {
          stray(t);
          break;
        }
        applyBound(last.figure, tok.b, tok.raw, warnings);
        break;
      }
      case "every": {
        dropLabel();
        let next = tokens[t + 1];
        // "每年对…机构抽查比例≥20%": who checks whom, once a year; a frequency written elsewhere wins over it.
        if (next && next.k === "text" && next.raw.startsWith("对")) {
          pieces.push({ frequency: { times: 1, per: tok.per }, frequencyRaw: tok.raw, soft: t });
          break;
        }
        const after = tokens[t + 2];
        if (next && next.k === "bound" && after && (after.k === "cn" || after.k === "num") && after.unit === "times") {
          const params = { part: next.raw, times: after.k === "cn" ? after.value : Number(after.raw) };
          pushCapped(warnings, quotaMessages.quota_frequency_bound_ignored.severity, () => issue("quota_frequency_bound_ignored", params));
          t++;
          next = after;
        }
        if (next && next.k === "num" && next.unit === "times" && next.per === undefined) {
          next.per = tok.per;
          break;
        }
        if (next && next.k === "cn" && next.unit === "times") {
          pieces.push({ frequency: { times: next.value, per: tok.per }, frequencyRaw: `${tok.raw}${next.raw}` });
          t++;
          break;
        }
        pieces.push({ frequency: { times: 1, per: tok.per }, frequencyRaw: tok.raw });
        break;
      }
      case "timesNoNum":
        dropLabel();
        pushCapped(warnings, quotaMessages.quota_frequency_incomplete.severity, () => issue("quota_frequency_incomplete", { part: tok.raw }));
        break;
      case "cumul": {
        const next = tokens[t + 1];
        // "全年" alone is a window, not a quota; "全年不低于…10%" and "…之和≥20%" sum over the year.
        if (tok.raw === "全年" && lastNumber < t) {
          stray(t);
          hasDate = true;
          break;
        }
        void next;
        cumulative = true;
        break;
      }
      case "filler":
        break;
      case "sep":
        dropLabel();
        if (pendingBound) {
          stray(pendingBound.t);
          pendingBound = undefined;
        }
        break;
      case "cn": {
        const bound = takeBound();
        if (tok.unit === "times") {
          dropLabel();
          if (bound && bound.b !== "exact") {
            pushCapped(warnings, quotaMessages.quota_frequency_bound_ignored.severity, () => issue("quota_frequency_bound_ignored", { part: bound.raw, times: tok.value }));
          }
          pieces.push({ frequency: { times: tok.value, per: "plan" }, frequencyRaw: tok.raw });
        } else if (population(t, bound)) {
          dropLabel();
          unused.push(t);
          populationSeen = true;
        } else {
          const figure: Figure = { kind: "count", count: { value: tok.value, bound: bound?.b ?? "exact" }, raw: tok.raw };
          const label = takeLabel();
          if (label !== undefined) (figure.label = label.raw), (figure.labelAt = label.t);
          pieces.push({ figure });
        }
        break;
      }
      case "num": {
        const bound = takeBound();
        if (tok.unit === "date") {
          dropLabel();
          hasDate = true;
          stray(t);
          break;
        }
        if (tok.raw.length > MAX_NUMBER_LENGTH) {
          pushCapped(errors, quotaMessages.quota_number_too_long.severity, () => issue("quota_number_too_long", { number: tok.raw.slice(0, 20) }));
          break;
        }
        const shown = `${tok.neg ? "-" : ""}${tok.raw}${tok.unit === "pct" ? "%" : tok.unit === "permille" ? "‰" : ""}`;
        if (tok.neg) {
          pushCapped(errors, quotaMessages.quota_negative.severity, () => issue("quota_negative", { number: shown }));
          break;
        }
        if (tok.unit === "times") {
          dropLabel();
          if (tok.raw.includes(".") || Number(tok.raw) < 1) {
            pushCapped(errors, quotaMessages.quota_unrecognized_text.severity, () => issue("quota_unrecognized_text", { text: original, part: quote(`${tok.raw}次`) }));
            break;
          }
          if (bound && bound.b !== "exact") {
            pushCapped(warnings, quotaMessages.quota_frequency_bound_ignored.severity, () => issue("quota_frequency_bound_ignored", { part: bound.raw, times: Number(tok.raw) }));
          }
          pieces.push({ frequency: { times: Number(tok.raw), per: tok.per ?? "plan" }, frequencyRaw: `${tok.raw}次` });
          break;
        }
        if (tok.unit === "bare") {
          dropLabel();
          const readings = tok.raw.includes(".")
            ? `${shiftDecimal(tok.raw, 2)}% / ${tok.raw}%`
            : `${tok.raw}% / ${tok.raw}家`;
          pushCapped(errors, quotaMessages.quota_bare_number.severity, () => issue("quota_bare_number", { number: tok.raw, readings }));
          break;
        }
        if (tok.unit === "count" && population(t, bound)) {
          dropLabel();
          unused.push(t);
          populationSeen = true;
          break;
        }
        if (tok.unit === "count") {
          if (tok.raw.includes(".")) {
            pushCapped(errors, quotaMessages.quota_unrecognized_text.severity, () => issue("quota_unrecognized_text", { text: original, part: quote(tok.raw) }));
            break;
          }
          const figure: Figure = { kind: "count", count: { value: Number(tok.raw), bound: bound?.b ?? "exact" }, raw: tok.raw };
          const label = takeLabel();
          if (label !== undefined) (figure.label = label.raw), (figure.labelAt = label.t);
          pieces.push({ figure });
          break;
        }
        // pct or permille: an exact decimal turned into a reduced fraction.
        const [int = "0", frac = ""] = tok.raw.split(".");
        const scale = tok.unit === "pct" ? 100n : 1000n;
        const f = reduce(BigInt(int + frac), 10n ** BigInt(frac.length) * scale);
        if (f.n > f.d) {
          pushCapped(errors, quotaMessages.quota_over_100.severity, () => issue("quota_over_100", { number: shown }));
          break;
        }
        if (f.n === 0n) pushCapped(warnings, quotaMessages.quota_zero.severity, () => issue("quota_zero"));
        let b: FigureBound = bound?.b ?? "exact";
        if (b === "approx") {
          pushCapped(warnings, quotaMessages.quota_approx_ratio.severity, () => issue("quota_approx_ratio", { part: shown }));
          b = "exact";
        }
        const figure: Figure = {
          kind: "ratio",
          ratio: { numerator: Number(f.n), denominator: Number(f.d), bound: b },
          raw: `${bound?.raw ?? ""}${shown}`,
        };
        const label = takeLabel();
        if (label !== undefined) (figure.label = label.raw), (figure.labelAt = label.t);
        pieces.push({ figure });
        break;
      }
    }
  }
  dropLabel();
  if (pendingBound) stray(pendingBound.t);

  if (errors.length > 0) return fail([...errors, ...warnings]);

  // A "每年对…" frequency gives way to one written as such ("…≥20%;1次/年"); its words are then unused.
  // (One pass that keeps the others: a splice per soft frequency made a cell of many "每年对…" quadratic.)
  if (pieces.some((p) => p.frequency && p.soft === undefined)) {
    let kept = 0;
    for (const p of pieces) {
      if (p.soft !== undefined) stray(p.soft);
      else pieces[kept++] = p;
    }
    pieces.length = kept;
  }
  let figures = pieces.filter((p) => p.figure).map((p) => p.figure as Figure);
  const frequencies = pieces.filter((p) => p.frequency);
  // One ratio with a label: the label says whom it is of ("…经办机构抽查比例之和≥20%"), not a sub-population.
  if (figures.filter((f) => f.kind === "ratio").length < 2 && figures.filter((f) => f.label !== undefined).length === 1) {
    for (const f of figures) if (f.labelAt !== undefined) stray(f.labelAt), delete f.label, delete f.labelAt;
    figures = pieces.filter((p) => p.figure).map((p) => p.figure as Figure);
  }

  if (figures.length === 0 && frequencies.length === 0) {
    const shift = quotaCellLooksLike(s);
    if (shift || hasDate) return fail([issue("quota_column_shift", { text: original, looksLike: looksLikeText(shift ?? "date") })]);
    return fail([issue("quota_unrecognized", { text: original })]);
  }
  let unusedWords: { zh: string; en: string } | undefined;
  const vague: string[] = [];
  if (unused.length > 0) {
    const quoted = quoteSpans(original, norm, s.length, tokens, spans, unused);
    // Dates, digits or a time of day among the unused words: the cell mixes columns or says something the
    // quota would change with; that stays an error. Other words (who checks whom, how many entities there
    // are) are quoted in a warning.
    if (hasDate || strayText.some((w) => /工作日|月份|季度/.test(w))) {
      return fail([issue("quota_unrecognized_text", { text: original, part: quoted }), ...warnings]);
    }
    // Words are only accepted as a sentence about the quota: who checks whom ("…对…", "抽查比例"), how many
    // entities there are ("我市12家…"). A bare noun phrase before the figure ("全市治安保卫重点单位 每季度 20%")
    // is the scope in the wrong column, and a hedge ("原则上20%") changes the figure: both stay errors.
    const sentence = tokens.some((x) => x.k === "filler" && x.raw !== "为") || strayText.some((w) => w.startsWith("对")) || populationSeen;
    if (!sentence) return fail([issue("quota_unrecognized_text", { text: original, part: quoted }), ...warnings]);
    unusedWords = quoted;
    for (const m of quoted.zh.matchAll(/一定比例|适当比例|一定数量|部分比例/g)) if (!vague.includes(m[0])) vague.push(m[0]);
  }

  const ratios = figures.filter((f) => f.kind === "ratio");
  const labelled = figures.filter((f) => f.label !== undefined);
  if (labelled.length > 0) {
    // Sub-populations: every ratio must name its scope, and the pieces split at each label.
    if (ratios.length < 2 || ratios.some((f) => f.label === undefined) || figures[0]?.label === undefined) {
      if (ratios.length < 2 && labelled.length === 1) {
        return fail([issue("quota_unrecognized_text", { text: original, part: quote(labelled[0]?.label ?? "") }), ...warnings]);
      }
      return fail([
        issue("unsupported_structure", { text: original, detail: figures.map((f) => f.raw).join(" / ") }),
        ...warnings,
      ]);
    }
    // Pieces before the first scope ("每半年：三级≥50%，二级≥30%") are shared by every segment.
    const shared: Piece[] = [];
    const groups: Piece[][] = [];
    for (const p of pieces) {
      if (p.figure?.label !== undefined) groups.push([p]);
      else if (groups.length === 0) shared.push(p);
      else (groups[groups.length - 1] as Piece[]).push(p);
    }
    // A frequency written once after the last sub-population ("三级≥50%，二级≥30%；1次/年") is everyone's.
    const withFrequency = groups.filter((g) => g.some((x) => x.frequency));
    const lastGroup = groups[groups.length - 1] as Piece[];
    if (withFrequency.length === 1 && withFrequency[0] === lastGroup && groups.length > 1) {
      const k = lastGroup.findIndex((x) => x.frequency);
      if (k > 0) shared.push(lastGroup.splice(k, 1)[0] as Piece);
    }
    const segments: Array<{ scope: string; quota: Quota }> = [];
    // The first shared frequency goes to each segment that has none (found once: a scan of the shared pieces per
    // segment made a cell of many frequencies and many segments quadratic).
    const sharedFrequency = shared.find((p) => p.frequency);
    for (const g of groups) {
      if (sharedFrequency && !g.some((x) => x.frequency)) g.push(sharedFrequency);
      const head = g[0]?.figure as Figure;
      const sub = assemble(g, original, `${head.label as string}${head.raw}`);
      if (!sub.ok) return fail([...sub.issues, ...warnings]);
      segments.push({ scope: head.label as string, quota: sub.value });
    }
    const q: Quota = { segments, text: original };
    if (cumulative) q.cumulative = true;
    return settle(q, withUnused(q, warnings, unusedWords, vague));
  }

  const whole = assemble(pieces, original, original);
  if (!whole.ok) return fail([...whole.issues, ...warnings]);
  const q = whole.value;
  if (cumulative) q.cumulative = true;
  return settle(q, withUnused(q, warnings, unusedWords, vague));
}

function quote(part: string): { zh: string; en: string } {
  return { zh: `“${part}”`, en: `"${part}"` };
}

function withUnused(q: Quota, warnings: Issue[], words: { zh: string; en: string } | undefined, vague: readonly string[]): Issue[] {
  if (words === undefined) return warnings;
  const out = [...warnings, issue("quota_words_unused", { read: describeQuota(q), words })];
  for (const v of vague) out.push(issue("quota_ratio_without_number", { part: v }));
  return out;
}


function applyBound(figure: Figure, b: FigureBound, raw: string, warnings: Issue[]): void {
  if (figure.kind === "ratio" && figure.ratio) {
    if (b === "approx") pushCapped(warnings, quotaMessages.quota_approx_ratio.severity, () => issue("quota_approx_ratio", { part: `${figure.raw}${raw}` }));
    else figure.ratio = { ...figure.ratio, bound: b };
  } else if (figure.count) {
    figure.count = { ...figure.count, bound: b };
  }
}

/** One quota from pieces holding at most one ratio, one count and one frequency. */
function assemble(pieces: readonly Piece[], original: string, text: string): Result<Quota> {
  const ratios = pieces.filter((p) => p.figure?.kind === "ratio");
  const counts = pieces.filter((p) => p.figure?.kind === "count");
  const freqs = pieces.filter((p) => p.frequency);
  if (ratios.length > 1 || counts.length > 1 || freqs.length > 1) {
    const detail = pieces.map((p) => p.figure?.raw ?? p.frequencyRaw ?? "").join(" / ");
    return fail([issue("unsupported_structure", { text: original, detail })]);
  }
  const q: Quota = { text };
  const r = ratios[0]?.figure?.ratio;
  const c = counts[0]?.figure?.count;
  const f = freqs[0]?.frequency;
  if (r) q.ratio = r;
  if (c) q.count = c;
  if (f) q.frequency = f;
  return settle(q, []);
}
