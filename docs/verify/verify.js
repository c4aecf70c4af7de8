// Offline verification page: everything happens in this page, with the script-tag bundles beside it. No network.
(function () {
  "use strict";
  var DR = window.DoubleRandom;
  // The 一公开 checks (double-random.publish.global.js): only needed when results are loaded.
  var PUB = window.DoubleRandomPublish;
  var lang = "zh";
  var $ = function (id) { return document.getElementById(id); };
  var last = null;

  function t(zh, en) { return lang === "zh" ? zh : en; }
  function applyLang() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    var nodes = document.querySelectorAll("[data-zh]");
    for (var k = 0; k < nodes.length; k++) nodes[k].textContent = nodes[k].getAttribute("data-" + lang);
    $("lang").textContent = lang === "zh" ? "English" : "中文";
    $("salt-show").textContent = $("salt").type === "text" ? t("隐藏", "hide") : t("显示", "show");
    if (last) render(last);
  }
  // A chosen file as bytes and, when it is UTF-8, text (a BOM is dropped); `encodingError` when it is not UTF-8.
  function readFile(input) {
    return new Promise(function (resolve, reject) {
      var f = input.files && input.files[0];
      if (!f) { resolve(null); return; }
      var r = new FileReader();
      r.onload = function () {
        var bytes = new Uint8Array(r.result);
        var out = { name: f.name, bytes: bytes, text: "" };
        try { out.text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""); } catch (e) { out.encodingError = true; }
        resolve(out);
      };
      r.onerror = function () { reject(r.error); };
      r.readAsArrayBuffer(f);
    });
  }
  function cell(tr, text, cls) { var td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); }
  function issueText(i) {
    var where = i.row ? t("第" + i.row + "行 ", "row " + i.row + " ") : "";
    return { code: i.code, text: where + messageOf(i) };
  }
  function issueList(ul, issues) {
    ul.textContent = "";
    issues.forEach(function (i) {
      var li = document.createElement("li");
      var x = issueText(i);
      var code = document.createElement("code");
      code.textContent = x.code;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + x.text));
      if (i.hint) { var h = document.createElement("div"); h.className = "todo"; h.textContent = "→ " + i.hint[lang]; li.appendChild(h); }
      ul.appendChild(li);
    });
  }
  function isError(i) { return i.severity === undefined || i.severity === "error"; }

  function renderTeams(state) {
    var section = $("teams-section");
    var teams = state.teams;
    section.hidden = !teams;
    if (!teams) return;
    var v = $("teams-verdict");
    var n = teams.list.length;
    if (!teams.checked) {
      v.className = "unchecked";
      v.textContent = t("记录含 " + n + " 个检查组，未复核：", "The record has " + n + " teams, not re-checked: ") + teams.reason[lang];
    } else if (teams.ok) {
      v.className = "ok";
      var committed = state.record && state.record.announcement && state.record.announcement.match;
      v.textContent = t("✓ 检查组复核通过：" + n + " 个检查组均按公布的规则从同一随机流选派。", "✓ Teams verified: all " + n + " teams were chosen by the published rules from the same random stream.") +
        (committed ? t("执法人员名录库和选派规则已在抽取公告中事先承诺。", " The inspector pools and rules were committed in the announcement before the draw.") : "");
    } else {
      v.className = "bad";
      v.textContent = t("✗ 检查组复核未通过：见上方不一致之处。", "✗ Teams not verified: see what does not match above.");
    }
    var ml = $("match-log");
    var m = state.record && state.record.match;
    var late = m && Array.isArray(m.log) ? m.log.filter(function (e) { return e && e.kind === "recusal"; }).length : 0;
    ml.hidden = !m || (late === 0 && !m.logHead);
    if (!ml.hidden) {
      var cap = DR.lateRecusalLimit(n);
      ml.className = "note" + (late > cap ? " bad" : "");
      ml.textContent = t("事后回避 " + late + " 次（公布的阈值 " + cap + " 次" + (late > cap ? "，已超过" : "") + "）", late + " late recusal" + (late === 1 ? "" : "s") + " (published threshold " + cap + (late > cap ? ", exceeded" : "") + ")") +
        (m.logHead ? t("。选派日志链头：", ". Log chain head: ") + m.logHead : "");
    }
    var names = {};
    (state.pool || []).forEach(function (e) { names[e.id] = e.name; });
    var person = function (m, leaderId) { return m.name + "（" + m.id + "）" + (m.id === leaderId ? t(" 组长", " leader") : ""); };
    var tb = $("teams").querySelector("tbody");
    tb.textContent = "";
    teams.list.forEach(function (team, k) {
      var tr = document.createElement("tr");
      cell(tr, String(k + 1)); cell(tr, String(team.targetId), "mono"); cell(tr, names[team.targetId] || "");
      cell(tr, (team.members || []).map(function (m) { return person(m, team.leaderId); }).join("、"));
      cell(tr, (team.experts || []).map(function (m) { return person(m, team.leaderId); }).join("、") || "—");
      tb.appendChild(tr);
    });
  }

  // Short words for the row a results issue is about (the full message is in the list of differences).
  var RESULT_FLAG = {
    result_missing: { zh: "没有检查结果", en: "no result" }, result_not_drawn: { zh: "未经抽取却有结果", en: "not drawn" },
    result_duplicate: { zh: "结果重复", en: "duplicate" }, replacement_unjustified: { zh: "补抽理由不成立", en: "replacement not justified" },
    result_team_mismatch: { zh: "检查人员非选派", en: "team not matched" }, result_team_recused: { zh: "回避人员参检", en: "recused inspector" },
    result_date_outside_window: { zh: "检查日期超出期间", en: "date outside window" }, result_entered_late: { zh: "逾期录入", en: "entered late" },
    abnormal_list_late: { zh: "逾期列入经营异常名录", en: "listed late" }, result_task_mismatch: { zh: "任务编号不符", en: "other task" },
    publish_entity_missing: { zh: "公示清单中缺少", en: "missing from the list" }, publish_entity_extra: { zh: "未经抽取却公示", en: "published, not drawn" },
    publish_entity_duplicate: { zh: "重复公示", en: "published twice" },
  };
  function categoryLabel(c) {
    var l = PUB && PUB.resultCategoryLabels[c];
    return l ? l[lang] : c;
  }

  // The drawn set after replacements, in selection order (each 补抽 takes its replaced entity's place; publish-v1 §6).
  function targetsOf(record) {
    var next = {};
    (record.replacements || []).forEach(function (r) { next[r.replaces] = r.id; });
    return (record.selections || []).map(function (s) {
      var id = s.id, seen = {};
      while (Object.prototype.hasOwnProperty.call(next, id) && !seen[id]) { seen[id] = true; id = next[id]; }
      return id;
    });
  }

  function renderResults(state) {
    var section = $("results-section");
    var res = state.results;
    section.hidden = !res;
    if (!res) return;
    var v = $("results-verdict");
    var what = { package: t("公示包", "the publication package"), list: t("公示清单", "the public list"), table: t("检查结果表", "the results table") }[res.mode];
    var errors = res.issues.length;
    // Only a results table holds the replaced entities' results, so only it can show a 补抽 justified.
    var justified = res.mode === "table" && (state.record.replacements || []).length > 0;
    if (errors === 0) {
      v.className = "ok";
      v.textContent = t("✓ 检查结果复核通过：" + what + "的 " + res.entries.length + " 条结果恰好对应抽中的 " + res.targets.length + " 户（含补抽），不漏、不多、不重复" + (justified ? "，补抽有据" : "") + (res.digestChecked ? "，摘要相符" : "") + "。",
        "✓ Results verified: the " + res.entries.length + " results of " + what + " are exactly the " + res.targets.length + " drawn entities (replacements included): none left out, none added, none twice" + (justified ? ", every replacement justified" : "") + (res.digestChecked ? ", digests hold" : "") + ".");
    } else {
      v.className = "bad";
      v.textContent = t("✗ 检查结果复核未通过：" + what + "与抽取记录有 " + errors + " 处不一致（见上方不一致之处，相关的行已标出）。", "✗ Results not verified: " + what + " and the draw record differ in " + errors + " place(s) (see what does not match above; the rows concerned are marked).");
    }
    // Each issue about one entity marks that entity's row.
    var flags = {};
    res.issues.forEach(function (i) {
      var id = i.params && i.params.id;
      if (id === undefined || !RESULT_FLAG[i.code]) return;
      (flags[id] = flags[id] || []).push(RESULT_FLAG[i.code][lang]);
    });
    var byId = {};
    var poolNames = {};
    (state.pool || []).forEach(function (e) { poolNames[e.id] = e.name; });
    res.entries.forEach(function (e) { (byId[e.id] = byId[e.id] || []).push(e); });
    var shown = {};
    var replaced = {};
    (state.record.replacements || []).forEach(function (r) { replaced[r.replaces] = r.id; });
    var tb = $("results-table").querySelector("tbody");
    tb.textContent = "";
    var row = function (label, id, entry, extra) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-id", id);
      var bad = flags[id];
      if (bad) { tr.className = "bad"; tr.title = t("不一致：", "Differs: ") + bad.join("、"); }
      cell(tr, (bad ? "✗ " : "") + label); cell(tr, id === "" ? t("（编号不公开）", "(withheld)") : id, "mono"); cell(tr, entry ? entry.name : (poolNames[id] || ""));
      cell(tr, entry ? categoryLabel(entry.category) + (byId[id] && byId[id].length > 1 ? " ×" + byId[id].length : "") : "—");
      cell(tr, (bad ? bad.join("、") : "✓") + (extra ? t("（", " (") + extra + t("）", ")") : ""));
      tb.appendChild(tr);
    };
    res.targets.forEach(function (id, k) {
      shown[id] = true;
      row(String(k + 1), id, byId[id] ? byId[id][0] : null);
    });
    res.entries.forEach(function (e) {
      if (shown[e.id] && e.id !== "") return;
      shown[e.id] = true;
      var why = Object.prototype.hasOwnProperty.call(replaced, e.id) ? t("已被补抽替换为 " + replaced[e.id], "replaced by " + replaced[e.id]) : "";
      row(why ? t("被替换", "replaced") : "—", e.id, e, why);
    });
  }

  // The stratification in words (draw-v1 §4.2): 按信用风险分类×县级行政区划分层 / by risk tier × county.
  var LEVEL = { county: { zh: "县级行政区划", en: "county" }, city: { zh: "地级行政区划", en: "city (prefecture)" }, province: { zh: "省级行政区划", en: "province" } };
  function stratificationWords(text) {
    if (text === "none") return t("不分层（一层，键 all）", "unstratified (one stratum, key all)");
    var s = DR.stratifier(String(text));
    if (!s.ok) return String(text);
    var parts = s.value.parts.map(function (p) {
      return p.kind === "tier" ? t("信用风险分类", "risk tier") : p.kind === "region" ? LEVEL[p.level][lang] : "“" + p.name + "”";
    });
    return t("按" + parts.join("×") + "分层（" + text + "）", "by " + parts.join(" × ") + " (" + text + ")");
  }
  var TIER_WORDS = { A: { zh: "A类", en: "tier A" }, B: { zh: "B类", en: "tier B" }, C: { zh: "C类", en: "tier C" }, D: { zh: "D类", en: "tier D" }, untiered: { zh: "未分类", en: "untiered" }, unassigned: { zh: "未填", en: "unassigned" } };
  // A stratum label in words: tiers by name, region codes (with the county's name when the pool has a 所属区县 column) and values as they are.
  function labelWords(label, regionNames) {
    var parts = [label];
    if (label.charAt(0) === "[") { try { parts = JSON.parse(label); } catch (e) { parts = [label]; } }
    return parts.map(function (x) {
      if (Object.prototype.hasOwnProperty.call(TIER_WORDS, x)) return TIER_WORDS[x][lang];
      return /^\d{6}$/.test(x) && regionNames[x] ? x + " " + regionNames[x] : x;
    }).join(" × ");
  }
  // Each stratum key's label, rebuilt from the pool and the salt (keys hide the labels from everyone else; §4.2).
  function labelsOf(record, pool, salt) {
    var out = {};
    var how = record && record.announcement && record.announcement.stratification;
    if (!pool || typeof how !== "string" || how === "none") return out;
    var m = DR.buildManifest(pool, { stratify: how, salt: salt });
    if (m.ok) m.value.strata.forEach(function (s) { out[s.key] = s.label; });
    return out;
  }
  function labelsOfManifest(manifest) {
    var out = {};
    (Array.isArray(manifest.strata) ? manifest.strata : []).forEach(function (s) { if (s && typeof s.key === "string" && typeof s.label === "string") out[s.key] = s.label; });
    return out;
  }
  // County names from the pool itself, when it has a column naming them (所属区县, 县（市、区）…): nothing is looked up.
  function regionNamesOf(pool) {
    var names = {};
    (pool || []).forEach(function (e) {
      if (!e.regionCode || !e.attributes) return;
      for (var k in e.attributes) if (/^(所属区县|所属县区|县区|区县|县（市、区）|县\(市、区\)|所属县（市、区）)$/.test(k) && typeof e.attributes[k] === "string") { names[e.regionCode] = e.attributes[k]; return; }
    });
    return names;
  }

  // Issues carry their words in their params (fieldName, reasonName, …): shown as the library wrote them.
  function messageOf(i) {
    return i.message[lang];
  }

  var INPUT = {
    record: { zh: "抽取记录", en: "Draw record" }, pool: { zh: "名录库或名录清单", en: "Entity pool or manifest" }, salt: { zh: "盐值", en: "Salt" },
    inspectors: { zh: "执法检查人员名录库", en: "Inspector pool" }, experts: { zh: "专家库", en: "Expert pool" }, page: { zh: "页面", en: "Page" },
    results: { zh: "检查结果或公示包", en: "Results or publication package" },
  };

  function setVerdict(kind, headline) {
    var v = $("verdict");
    v.hidden = false;
    v.className = kind;
    v.textContent = "";
    var h = document.createElement("div");
    h.className = "headline";
    h.textContent = headline;
    v.appendChild(h);
    return v;
  }

  // Could not check: nothing was compared, so the draw gets no verdict. Says which input, why, and what to do.
  function renderUnchecked(state) {
    var v = setVerdict("unchecked", t("⚠ 无法复核（未做任何检查）：请先处理下列输入问题。", "⚠ Could not check (nothing was compared): fix the input problems below."));
    var ul = document.createElement("ul");
    ul.id = "input-problems";
    state.problems.forEach(function (pr) {
      var li = document.createElement("li");
      li.setAttribute("data-input", pr.input);
      var b = document.createElement("strong");
      b.textContent = INPUT[pr.input][lang] + t("：", ": ");
      li.appendChild(b);
      li.appendChild(document.createTextNode(pr.why[lang]));
      if (pr.issue) {
        var code = document.createElement("code");
        code.textContent = pr.issue.code;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(code);
        li.appendChild(document.createTextNode(" " + messageOf(pr.issue)));
      }
      if (pr.todo) {
        var todo = document.createElement("div");
        todo.className = "todo";
        todo.textContent = "→ " + pr.todo[lang];
        li.appendChild(todo);
      }
      ul.appendChild(li);
    });
    v.appendChild(ul);
    $("notes").hidden = true;
    $("problems").hidden = true;
    $("details").hidden = true;
  }

  function render(state) {
    if (state.unchecked) { renderUnchecked(state); return; }
    var errs = state.issues.filter(isError);
    var errors = errs.length;
    var v;
    if (state.ok && state.drawChecked === false) {
      v = setVerdict("ok", t("✓ 复核通过：公示的检查结果与抽取记录一致。", "✓ Verified: the published results match the draw record."));
    } else if (state.ok) {
      v = setVerdict("ok", t("✓ 复核通过：已完成复核，抽取结果与公布的协议、公告、随机源和" + (state.source === "manifest" ? "名录清单" : "名录库") + "完全一致。", "✓ Verified: checked, and the draw matches the published protocol, announcement, entropy and " + (state.source === "manifest" ? "manifest" : "pool") + "."));
    } else if (state.saltLikelyWrong) {
      v = setVerdict("bad", t("✗ 复核未通过：用给出的盐值，" + state.saltLikelyWrong + " 个分层的摘要都无法重算，盐值很可能有误（或名录库不是抽取时的那一份）。", "✗ Verification failed: with the given salt none of the " + state.saltLikelyWrong + " strata digests recompute, so the salt is most likely wrong (or the pool is not the one drawn from)."));
      var hint = document.createElement("div");
      hint.id = "salt-hint";
      hint.textContent = t("→ 请核对部门提供的盐值：注意首尾空格、全角/半角字符，可点“显示”查看输入。", "→ Check the salt the department gave you: spaces at either end, full-width characters; press \"show\" to see what was typed.") +
        (state.saltWhitespace ? t("所填盐值首尾有空白字符。", " The salt typed has whitespace at an end.") : "");
      v.appendChild(hint);
    } else if (state.drawChecked === false) {
      v = setVerdict("bad", t("✗ 复核未通过：公示的检查结果与抽取记录有 " + errors + " 处不一致（见下，相关的行已标出）。", "✗ Verification failed: the published results and the draw record differ in " + errors + " place(s) (see below, the rows concerned are marked)."));
    } else {
      v = setVerdict("bad", t("✗ 复核未通过：发现 " + errors + " 处不一致（已完成复核；见下，相关的行已标出）。", "✗ Verification failed: " + errors + " mismatch(es) found (the draw was checked; see below, the rows concerned are marked)."));
    }
    if (state.drawChecked === false) {
      var only = document.createElement("div");
      only.id = "basis";
      only.textContent = t("只复核了检查结果与抽取记录；抽取本身未复核（需载入名录库或名录清单，并填写盐值）", "Only the results were checked against the record; the draw itself was not (load the pool or manifest and type the salt)");
      v.appendChild(only);
    }
    if (state.source) {
      var basis = document.createElement("div");
      basis.id = "basis";
      basis.textContent = (state.source === "manifest"
        ? t("按名录清单复核（排除数未复核）", "Checked against a manifest (exclusion counts not re-checked)")
        : t("按名录库复核", "Checked against the pool")) + (state.results ? t("；检查结果已与抽取记录核对", "; results checked against the record") : "");
      v.appendChild(basis);
    }
    var notes = $("notes");
    var infos = state.notes || [];
    notes.hidden = infos.length === 0;
    issueList(notes, infos);
    $("problems").hidden = errs.length === 0;
    // With a likely wrong salt the list explains nothing more: it stays folded.
    $("problems-fold").open = !state.saltLikelyWrong;
    $("problems-count").textContent = t("全部 " + errors + " 处不一致", "All " + errors + " difference(s)");
    issueList($("issues"), errs);
    var rec = state.record;
    var d = $("details");
    if (!rec || typeof rec !== "object") { d.hidden = true; return; }
    d.hidden = false;
    var dl = $("summary");
    dl.textContent = "";
    var names = {};
    (state.pool || []).forEach(function (e) { names[e.id] = e.name; });
    // Without a pool, the names the results give (a 公示清单 publishes them).
    if (state.results) state.results.entries.forEach(function (e) { if (e.id && !names[e.id]) names[e.id] = e.name; });
    var kinds = { dice: { zh: "公开掷骰", en: "public dice" }, lottery: { zh: "彩票开奖号码", en: "lottery draw" }, beacon: { zh: "随机信标", en: "randomness beacon" }, commitReveal: { zh: "承诺—揭示", en: "commit–reveal" } };
    [[t("任务编号", "Task id"), rec.taskId], [t("协议版本", "Protocol"), rec.protocol],
     [t("随机源", "Entropy"), rec.entropy && ((kinds[rec.entropy.kind] ? kinds[rec.entropy.kind][lang] : rec.entropy.kind) + t("：", ": ") + rec.entropy.value)],
     [t("派生种子", "Derived seed"), rec.seed], [t("名录库摘要", "Manifest digest"), rec.manifestDigest]].forEach(function (kv) {
      var dt = document.createElement("dt"); dt.textContent = kv[0]; dl.appendChild(dt);
      var dd = document.createElement("dd"); dd.textContent = kv[1] == null ? "—" : String(kv[1]); dl.appendChild(dd);
    });
    // Which strata and which picks the differences are about, to mark their rows.
    var badStrata = {}, badPicks = {}, badReplacements = {};
    // With a likely wrong salt every row differs for one reason: no row is marked.
    (state.saltLikelyWrong ? [] : errs).forEach(function (i) {
      var p = i.params || {};
      if (i.code === "stratum_mismatch" || i.code === "selection_count_mismatch") badStrata[p.stratum] = true;
      if (i.code === "selection_mismatch" && i.path && i.path[0] === "selections") (badPicks[i.path[1]] = badPicks[i.path[1]] || []).push(p.fieldName ? p.fieldName[lang] : String(p.field));
      if (i.code === "replacement_mismatch" || i.code === "replacement_invalid") badReplacements[p.position] = true;
    });
    var how = rec.announcement && rec.announcement.stratification;
    $("stratification").textContent = how ? t("分层方式：", "Stratification: ") + stratificationWords(how) : "";
    var labels = state.labels || {};
    var regionNames = regionNamesOf(state.pool);
    var sb = $("strata").querySelector("tbody");
    sb.textContent = "";
    (rec.strata || []).forEach(function (s) {
      var tr = document.createElement("tr");
      if (badStrata[s.key]) tr.className = "bad";
      cell(tr, s.key, "mono");
      cell(tr, how === "none" ? t("全部", "all") : Object.prototype.hasOwnProperty.call(labels, s.key) ? labelWords(labels[s.key], regionNames) : "—");
      cell(tr, String(s.N)); cell(tr, String(s.n)); cell(tr, s.digest, "mono");
      sb.appendChild(tr);
    });
    var tb = $("selections").querySelector("tbody");
    tb.textContent = "";
    (rec.selections || []).forEach(function (s, k) {
      var tr = document.createElement("tr");
      tr.id = "selection-" + (k + 1);
      var bad = badPicks[k];
      if (bad) { tr.className = "bad"; tr.title = t("不一致：", "Differs: ") + bad.join("、"); }
      cell(tr, (bad ? "✗ " : "") + String(k + 1)); cell(tr, s.id, "mono"); cell(tr, names[s.id] || ""); cell(tr, s.stratum, "mono");
      cell(tr, s.counter == null ? "—" : String(s.counter)); cell(tr, s.hash ? s.hash.slice(0, 16) + "…" : t("（整层抽取）", "(whole stratum)"), "mono");
      tb.appendChild(tr);
    });
    (rec.replacements || []).forEach(function (r, k) {
      var tr = document.createElement("tr");
      tr.className = "replacement" + (badReplacements[k + 1] ? " bad" : "");
      cell(tr, (badReplacements[k + 1] ? "✗ " : "") + t("补抽 ", "repl. ") + (k + 1)); cell(tr, r.id, "mono");
      cell(tr, (names[r.id] || "") + t("（替换 ", " (replaces ") + r.replaces + t("：", ": ") + r.reason + t("）", ")"));
      cell(tr, r.stratum, "mono"); cell(tr, String(r.counter)); cell(tr, r.hash ? r.hash.slice(0, 16) + "…" : "—", "mono");
      tb.appendChild(tr);
    });
    renderReplacementLog(rec);
    renderTeams(state);
    renderResults(state);
  }

  // The append-only 补抽 log (draw-v1 §7.2): how many, against the published threshold, who decided, and the chain
  // head to compare with any copy published earlier.
  function renderReplacementLog(rec) {
    var p = $("replacement-log");
    var list = rec.replacements || [];
    p.hidden = list.length === 0 && !rec.replacementsHead;
    if (p.hidden) return;
    var limit = DR.replacementLimit((rec.selections || []).length);
    var decided = list.map(function (r, k) {
      return (k + 1) + ". " + r.reason + (r.decision ? t("（" + r.decision.by + "，" + r.decision.date + "）", " (" + r.decision.by + ", " + r.decision.date + ")") : t("（无决定人）", " (no decision recorded)"));
    }).join(t("；", "; "));
    p.className = "note" + (list.length > limit ? " bad" : "");
    p.textContent = t("补抽 " + list.length + " 次（公布的阈值 " + limit + " 次" + (list.length > limit ? "，已超过" : "") + "）", list.length + " replacement" + (list.length === 1 ? "" : "s") + " (published threshold " + limit + (list.length > limit ? ", exceeded" : "") + ")") +
      (decided ? t("：", ": ") + decided : "") +
      (rec.replacementsHead ? t("。补抽链头：", ". Chain head: ") + rec.replacementsHead + t("（与此前公布的副本比对，删改任何一条都会改变它）", " (compare with any copy published earlier: dropping or editing an entry changes it)") : t("。此记录的补抽未成链（旧版记录）。", ". This record's replacements are not chained (an older record)."));
  }

  function fileIssue(zh, en) { return { code: "invalid_input", message: { zh: zh, en: en } }; }
  function problem(input, why, todo, issue) { return { input: input, why: why, todo: todo || null, issue: issue || null }; }
  function unchecked(problems) { last = { unchecked: true, problems: problems }; render(last); }

  var SWAPPED = { zh: "抽取记录和名录库是否放反了？记录选在第一个框，名录库选在第二个框。", en: "Are the record and the pool swapped? The record goes in the first box, the pool in the second." };
  var SAVE_CSV = { zh: "在 Excel/WPS 中“另存为”CSV UTF-8（逗号分隔）后再选择。", en: "In Excel/WPS use \"Save as\" CSV UTF-8 (comma delimited), then choose that file." };
  var isRecordLike = function (v) { return v !== null && typeof v === "object" && !Array.isArray(v) && "selections" in v && "announcement" in v; };
  var isZip = function (f) { return f.bytes.length > 3 && f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 3 && f.bytes[3] === 4; };

  // What a file holds, judged by its bytes, not its name: a workbook, a non-UTF-8 text, JSON (parsed) or text.
  function sniff(f) {
    if (isZip(f)) return { kind: "workbook" };
    if (f.encodingError) return { kind: "encoding" };
    var s = f.text.replace(/^\s+/, "");
    if (s[0] === "{" || s[0] === "[") {
      try { return { kind: "json", value: JSON.parse(f.text) }; } catch (e) { return { kind: "badjson", error: e.message }; }
    }
    return { kind: "text" };
  }

  // The record input: a draw record, or a problem saying what it is instead and what to do.
  function readRecord(f) {
    var x = sniff(f);
    if (x.kind === "workbook") return { problem: problem("record", { zh: "所选文件“" + f.name + "”是 Excel 工作簿，不是抽取记录（JSON）。", en: "\"" + f.name + "\" is an Excel workbook, not a draw record (JSON)." }, SWAPPED) };
    if (x.kind === "encoding") return { problem: problem("record", { zh: "所选文件“" + f.name + "”不是 UTF-8 编码的文本，不是抽取记录。", en: "\"" + f.name + "\" is not UTF-8 text, so not a draw record." }, { zh: "请选择部门公布的 record.json。", en: "Choose the record.json the department published." }) };
    if (x.kind === "text") return { problem: problem("record", { zh: "所选文件“" + f.name + "”是表格或文本，不是抽取记录（JSON）。", en: "\"" + f.name + "\" is a table or text, not a draw record (JSON)." }, SWAPPED) };
    if (x.kind === "badjson") return { problem: problem("record", { zh: "抽取记录“" + f.name + "”无法读取：不是有效的 JSON（" + x.error + "）。", en: "The record \"" + f.name + "\" cannot be read: not valid JSON (" + x.error + ")." }, { zh: "文件可能不完整或被改动，请重新下载部门公布的记录。", en: "The file may be incomplete or edited; download the published record again." }) };
    if (Array.isArray(x.value)) return { problem: problem("record", { zh: "所选文件“" + f.name + "”是名录库（对象数组），不是抽取记录。", en: "\"" + f.name + "\" is an entity pool (an array), not a draw record." }, SWAPPED) };
    if (x.value && typeof x.value === "object" && "strata" in x.value && "chunkLines" in x.value) return { problem: problem("record", { zh: "所选文件“" + f.name + "”是名录清单，不是抽取记录。", en: "\"" + f.name + "\" is a manifest, not a draw record." }, { zh: "名录清单应选在第二个框。", en: "The manifest goes in the second box." }) };
    return { value: x.value };
  }

  // A table file (.xlsx/.et workbook, CSV/TSV in any encoding, .docx table) read as the CLI reads it: the reader of
  // double-random.files.global.js, then the pool reader of the draw bundle. Its guesses (encoding, sheet, merged
  // cells, title rows) are kept as notes, before the pool's own warnings.
  function readTableFile(file, parseTable) {
    var FILES = window.DoubleRandomFiles;
    if (!FILES) return { ok: false, issues: [fileIssue("未能载入 double-random.files.global.js（表格读取）：请先运行 npm run build，或使用发布包中的页面。", "double-random.files.global.js (the table reader) did not load: run npm run build first, or use the page shipped in the package.")] };
    var table = FILES.readTable(file.bytes, { name: file.name });
    if (!table.ok) return table;
    var read = parseTable(table.value);
    return read.ok ? { ok: true, value: read.value, warnings: table.warnings.concat(read.warnings) } : { ok: false, issues: table.warnings.concat(read.issues) };
  }

  // The pool input: a JSON object with `strata` is a manifest; a JSON array or a table is a pool. Unambiguous.
  function readPoolOrManifest(f) {
    var x = sniff(f);
    if (x.kind === "workbook" || x.kind === "encoding" || x.kind === "text") return { kind: "pool", parsed: readTableFile(f, DR.parseEntityPoolTable) };
    if (x.kind === "badjson") return { problem: problem("pool", { zh: "“" + f.name + "”不是有效的 JSON（" + x.error + "）。", en: "\"" + f.name + "\" is not valid JSON (" + x.error + ")." }, { zh: "请选择部门提供的名录库（CSV）或名录清单（manifest JSON）。", en: "Choose the pool (CSV) or manifest (JSON) the department gave you." }) };
    var value = x.value;
    if (isRecordLike(value)) return { problem: problem("pool", { zh: "“" + f.name + "”是抽取记录，不是名录库或名录清单。", en: "\"" + f.name + "\" is a draw record, not a pool or manifest." }, SWAPPED) };
    if (value !== null && typeof value === "object" && !Array.isArray(value) && "strata" in value) return { kind: "manifest", manifest: value };
    if (!Array.isArray(value)) return { problem: problem("pool", { zh: "这个 JSON 文件既不是名录库（对象数组），也不是名录清单（含 strata 的对象）。", en: "The JSON file is neither a pool (an array of entities) nor a manifest (an object with strata)." }, { zh: "请选择部门提供的名录库或名录清单。", en: "Choose the pool or manifest the department gave you." }) };
    return { kind: "pool", parsed: DR.parseEntityPool(value) };
  }

  // Every announced stratum's digest fails to recompute while sizes and exclusion counts agree: the salt, most likely.
  function saltLikelyWrong(record, errs) {
    var strata = record && record.announcement && record.announcement.strata;
    if (!Array.isArray(strata) || strata.length === 0) return 0;
    var bad = {}, sizeDiffers = {};
    for (var k = 0; k < errs.length; k++) {
      var i = errs[k], p = i.params || {};
      if (i.code === "manifest_salt_mismatch") return strata.length;
      if (i.code === "exclusion_count_mismatch") return 0;
      if (i.code === "stratum_mismatch" && (p.field === "digest" || p.field === "presence")) bad[p.stratum] = true;
      if (i.code === "stratum_mismatch" && p.field === "N") sizeDiffers[p.stratum] = true;
    }
    return strata.every(function (s) { return bad[s.key] && !sizeDiffers[s.key]; }) ? strata.length : 0;
  }

  function readInspectors(file, what, experts) {
    var x = sniff(file);
    if (x.kind === "workbook" || x.kind === "encoding" || x.kind === "text") return readTableFile(file, experts ? DR.parseExpertPoolTable : DR.parseInspectorPoolTable);
    if (x.kind === "badjson") return { ok: false, issues: [fileIssue(what.zh + "不是有效的 JSON：" + x.error, "The " + what.en + " is not valid JSON: " + x.error)] };
    return DR.parseInspectorPool(x.value);
  }

  // The second random: the record's teams are re-checked when they can be, and never silently passed over.
  function checkTeams(record, source, pool, inspectorsFile, expertsFile) {
    var list = record && record.match && Array.isArray(record.match.teams) ? record.match.teams : null;
    if (!list) return null;
    var notChecked = function (reason) {
      var n = list.length;
      return {
        list: list, checked: false, reason: reason, issues: [],
        notes: [{ code: "teams_not_checked", severity: "info", message: { zh: "记录含" + n + "个检查组，检查组未复核：" + reason.zh, en: "The record has " + n + " inspector teams; they were not re-checked: " + reason.en } }],
      };
    };
    if (source === "manifest") {
      return notChecked({
        zh: "按名录清单复核时无法复核选派：回避规则（检查对象所在地区、上次检查人员）需要名录库中的对象信息，名录清单中没有",
        en: "checked against a manifest: recusal (the entity's region, its last inspectors) needs the pool's entity rows, which a manifest does not hold",
      });
    }
    if (!inspectorsFile) return notChecked({ zh: "未载入执法检查人员名录库", en: "no inspector pool was loaded" });
    var inspectors = readInspectors(inspectorsFile, { zh: "执法检查人员名录库", en: "inspector pool" });
    if (!inspectors.ok) return { list: list, checked: false, inputProblem: "inspectors", issues: inspectors.issues, notes: [] };
    var experts = null;
    if (expertsFile) {
      experts = readInspectors(expertsFile, { zh: "专家库", en: "expert pool" }, true);
      if (!experts.ok) return { list: list, checked: false, inputProblem: "experts", issues: experts.issues, notes: [] };
    } else {
      // Teams with experts who are not in the inspector pool (as 专家) cannot be re-checked without the expert pool.
      var listed = {};
      inspectors.value.forEach(function (i) { if (i.expert) listed[i.id] = true; });
      var missing = list.some(function (t) { return (t.experts || []).some(function (x) { return !listed[x.id]; }); });
      if (missing) return notChecked({ zh: "检查组含专家，但未载入专家库", en: "the teams include experts and no expert pool was loaded" });
    }
    var input = { record: record, inspectors: inspectors.value, entities: pool };
    if (experts) input.experts = experts.value;
    var m = DR.verifyMatch(input);
    // Its warnings are said too, e.g. match_not_committed: the pools were not announced before the draw.
    return { list: list, checked: true, ok: m.ok, issues: m.ok ? [] : m.issues, notes: m.ok ? m.warnings : [] };
  }

  // The results input, read by what it holds: a publication package (JSON) or, through the table reader, a published
  // list (公示清单, verifyResults) or a department's results table (检查结果表, reconcileResults: it alone holds the
  // replaced entities' results that justify a 补抽). Returns { problems } when the file cannot be checked.
  function checkResults(record, f) {
    var NOT_RESULTS = { zh: "请选择部门公布的公示包（公示包.json）、公示清单（.csv/.xlsx）或检查结果表。", en: "Choose the publication package (公示包.json), the public list (.csv/.xlsx) or the results table the department published." };
    if (!PUB) return { problems: [problem("page", { zh: "未能载入 double-random.publish.global.js（检查结果复核，应与本页面在同一文件夹）。", en: "double-random.publish.global.js (the results checks) did not load (it belongs in the same folder as this page)." }, { zh: "请使用发布包中的 docs/verify 整个文件夹，或先运行 npm run build。", en: "Use the whole docs/verify folder of the package, or run npm run build first." })] };
    var rows = function (issues) {
      var errs = issues.filter(isError);
      var out = errs.slice(0, 10).map(function (i) { return problem("results", i.row ? { zh: "第" + i.row + "行无法读取：", en: "row " + i.row + " cannot be read: " } : { zh: "无法读取：", en: "cannot be read: " }, null, i); });
      if (errs.length > 10) out.push(problem("results", { zh: "另有 " + (errs.length - 10) + " 处问题。", en: (errs.length - 10) + " more problems." }, { zh: "请部门更正后重新提供。", en: "Ask the department for a corrected file." }));
      return out;
    };
    var x = sniff(f);
    var mode, checked, entries, warnings = [];
    if (x.kind === "badjson") return { problems: [problem("results", { zh: "“" + f.name + "”不是有效的 JSON（" + x.error + "）。", en: "\"" + f.name + "\" is not valid JSON (" + x.error + ")." }, NOT_RESULTS)] };
    if (x.kind === "json") {
      var value = x.value;
      var isPackage = value !== null && typeof value === "object" && !Array.isArray(value) && "list" in value && "protocol" in value;
      if (!isPackage) {
        var is = isRecordLike(value) ? { zh: "是抽取记录", en: "is a draw record" } : Array.isArray(value) ? { zh: "是对象数组（名录库？）", en: "is an array (a pool?)" } : { zh: "不是公示包（应含 protocol 和 list）", en: "is not a publication package (it has no protocol and list)" };
        return { problems: [problem("results", { zh: "“" + f.name + "”" + is.zh + "，不是检查结果或公示包。", en: "\"" + f.name + "\" " + is.en + ", not results or a publication package." }, NOT_RESULTS)] };
      }
      mode = "package";
      checked = PUB.verifyResults(record, value);
      entries = Array.isArray(value.list) ? value.list : [];
      if (!checked.ok && checked.issues.some(function (i) { return i.code === "publish_package_invalid"; })) return { problems: rows(checked.issues) };
    } else {
      var FILES = window.DoubleRandomFiles;
      if (!FILES) return { problems: [problem("page", { zh: "未能载入 double-random.files.global.js（表格读取）。", en: "double-random.files.global.js (the table reader) did not load." }, { zh: "请使用发布包中的 docs/verify 整个文件夹，或先运行 npm run build。", en: "Use the whole docs/verify folder of the package, or run npm run build first." })] };
      var table = FILES.readTable(f.bytes, { name: f.name });
      if (!table.ok) return { problems: rows(table.issues) };
      warnings = table.warnings;
      var list = PUB.publicListFromTable(table.value);
      var headerMissing = function (issues) { return issues.some(function (i) { return i.code === "csv_missing_column" || i.code === "table_header_not_found"; }); };
      if (list.ok) {
        mode = "list";
        entries = list.value;
        checked = PUB.verifyResults(record, { list: list.value });
      } else if (!headerMissing(list.issues)) {
        return { problems: rows(list.issues) };
      } else {
        var read = PUB.parseResultsTable(table.value, { taskId: record.taskId });
        if (!read.ok && headerMissing(read.issues)) {
          var first = read.issues.filter(function (i) { return i.code === "csv_missing_column" || i.code === "table_header_not_found"; })[0];
          return { problems: [problem("results", { zh: "“" + f.name + "”既不是公示清单，也不是检查结果表（表头不符）：", en: "\"" + f.name + "\" is neither a public list nor a results table (its header does not fit): " }, NOT_RESULTS, first)] };
        }
        if (!read.ok) return { problems: rows(read.issues) };
        mode = "table";
        warnings = warnings.concat(read.warnings);
        entries = read.value.map(function (r) { return { entityId: r.entityId, entityName: r.entityName, category: r.category }; });
        checked = PUB.reconcileResults(record, read.value);
      }
    }
    var issues = checked.ok ? checked.warnings : checked.issues;
    return {
      mode: mode, targets: targetsOf(record), digestChecked: checked.ok && checked.value.digestChecked === true,
      entries: entries.map(function (e) { return { id: String(e.entityId), name: e.entityName, category: e.category }; }),
      issues: issues.filter(isError), notes: warnings.concat(issues.filter(function (i) { return !isError(i); })),
    };
  }

  function run(ev) {
    if (ev) ev.preventDefault();
    if (!DR) { unchecked([problem("page", { zh: "未能载入 double-random.draw.global.js（应与本页面在同一文件夹）。", en: "double-random.draw.global.js did not load (it belongs in the same folder as this page)." }, { zh: "请使用发布包中的 docs/verify 整个文件夹，或先运行 npm run build。", en: "Use the whole docs/verify folder of the package, or run npm run build first." })]); return; }
    Promise.all([readFile($("record")), readFile($("pool")), readFile($("inspectors")), readFile($("experts")), readFile($("results"))]).then(function (files) {
      var recordFile = files[0], poolFile = files[1], inspectorsFile = files[2], expertsFile = files[3], resultsFile = files[4];
      var problems = [];
      var saltText = $("salt").value;
      // Record and results alone (no pool, no salt): the public's check of the 公示, without re-checking the draw.
      if (resultsFile && !poolFile && saltText === "") { runResultsOnly(recordFile, resultsFile); return; }
      if (!recordFile) problems.push(problem("record", { zh: "未选择文件。", en: "no file chosen." }, { zh: "选择部门公布的抽取记录（record.json）。", en: "Choose the draw record the department published (record.json)." }));
      if (!poolFile) problems.push(problem("pool", { zh: "未选择文件。", en: "no file chosen." }, { zh: "选择部门提供的名录库（CSV）或名录清单（manifest JSON）。", en: "Choose the pool (CSV) or the manifest (JSON) the department gave you." }));
      if (saltText.trim() === "") problems.push(problem("salt", saltText === "" ? { zh: "未填写。", en: "empty." } : { zh: "只有空白字符。", en: "only whitespace." }, { zh: "填写部门提供的盐值（与名录库一起提供）。", en: "Type the salt the department gave you with the pool." }));
      var record = null, source = null;
      if (recordFile) {
        var r = readRecord(recordFile);
        if (r.problem) problems.push(r.problem); else record = r.value;
      }
      if (poolFile) {
        source = readPoolOrManifest(poolFile);
        if (source.problem) problems.push(source.problem);
        else if (source.parsed && !source.parsed.ok) {
          var errs = source.parsed.issues.filter(isError);
          errs.slice(0, 10).forEach(function (i) {
            problems.push(problem("pool", { zh: "第" + (i.row || "?") + "行无法读取：", en: "row " + (i.row || "?") + " cannot be read: " }, null, i));
          });
          if (errs.length > 10) problems.push(problem("pool", { zh: "另有 " + (errs.length - 10) + " 处问题。", en: (errs.length - 10) + " more problems." }, { zh: "请部门更正名录库后重新提供。", en: "Ask the department for a corrected pool." }));
        }
      }
      if (problems.length > 0) { unchecked(problems); return; }
      var salt = { salt: saltText };
      var pool = source.kind === "pool" ? source.parsed.value : null;
      var result = source.kind === "manifest" ? DR.verifyDrawManifest(record, source.manifest, salt) : DR.verifyDraw(record, pool, salt);
      // A record that is not a record (its schema or protocol) could not be checked either.
      if (!result.ok && result.issues.every(function (i) { return i.code === "record_malformed" || i.code === "protocol_unsupported"; })) {
        unchecked(result.issues.slice(0, 10).map(function (i) {
          return problem("record", { zh: "“" + recordFile.name + "”不是完整的抽取记录：", en: "\"" + recordFile.name + "\" is not a complete draw record: " }, { zh: "文件可能不完整或被改动，请重新下载部门公布的记录。", en: "The file may be incomplete or edited; download the published record again." }, i);
        }));
        return;
      }
      var teams = checkTeams(record, source.kind, pool, inspectorsFile, expertsFile);
      if (teams && teams.inputProblem) {
        unchecked(teams.issues.slice(0, 10).map(function (i) { return problem(teams.inputProblem, { zh: "无法读取：", en: "cannot be read: " }, null, i); }));
        return;
      }
      var results = resultsFile ? checkResults(record, resultsFile) : null;
      if (results && results.problems) { unchecked(results.problems); return; }
      var drawIssues = result.ok ? result.warnings : result.issues;
      var issues = drawIssues.filter(isError).concat(teams ? teams.issues : [], results ? results.issues : []);
      // Warnings from reading the pool (e.g. a USCC with a wrong check character) are said, as the CLI says them.
      var poolWarnings = source.parsed && source.parsed.ok ? source.parsed.warnings : [];
      var notes = poolWarnings.concat(drawIssues.filter(function (i) { return !isError(i); }), teams ? teams.notes : [], results ? results.notes : []);
      var saltWhitespace = saltText !== saltText.trim();
      if (saltWhitespace) notes.unshift({ code: "salt_whitespace", severity: "warning", message: { zh: "盐值首尾有空白字符，已按原样使用。", en: "The salt has whitespace at an end; it was used as typed." } });
      var errors = issues.filter(isError);
      last = {
        ok: errors.length === 0, issues: issues, notes: notes, record: record, pool: pool, source: source.kind, teams: teams, results: results,
        saltLikelyWrong: errors.length > 0 ? saltLikelyWrong(record, errors) : 0, saltWhitespace: saltWhitespace,
        labels: source.kind === "manifest" ? labelsOfManifest(source.manifest) : labelsOf(record, pool, saltText),
      };
      render(last);
    });
  }

  // Only the record and the results: nothing about the draw is claimed, the results are checked against the record.
  function runResultsOnly(recordFile, resultsFile) {
    if (!recordFile) { unchecked([problem("record", { zh: "未选择文件。", en: "no file chosen." }, { zh: "选择部门公布的抽取记录（record.json）：检查结果要与它核对。", en: "Choose the draw record the department published (record.json): the results are checked against it." })]); return; }
    var r = readRecord(recordFile);
    if (r.problem) { unchecked([r.problem]); return; }
    var record = r.value;
    if (!record || typeof record !== "object" || !Array.isArray(record.selections) || !Array.isArray(record.replacements)) {
      unchecked([problem("record", { zh: "“" + recordFile.name + "”不是完整的抽取记录（缺少 selections 或 replacements）。", en: "\"" + recordFile.name + "\" is not a complete draw record (no selections or replacements)." }, { zh: "文件可能不完整或被改动，请重新下载部门公布的记录。", en: "The file may be incomplete or edited; download the published record again." })]);
      return;
    }
    var results = checkResults(record, resultsFile);
    if (results.problems) { unchecked(results.problems); return; }
    last = { ok: results.issues.length === 0, drawChecked: false, issues: results.issues, notes: results.notes, record: record, pool: null, source: null, teams: null, results: results, saltLikelyWrong: 0 };
    render(last);
  }

  // The salt is typed like a password (not readable in screenshots), with a button to show it.
  $("salt-show").addEventListener("click", function () {
    var input = $("salt");
    var shown = input.type === "text";
    input.type = shown ? "password" : "text";
    $("salt-show").setAttribute("aria-pressed", shown ? "false" : "true");
    $("salt-show").textContent = shown ? t("显示", "show") : t("隐藏", "hide");
  });
  $("form").addEventListener("submit", run);
  $("lang").addEventListener("click", function () { lang = lang === "zh" ? "en" : "zh"; applyLang(); });
  $("protocol").textContent = DR ? DR.PROTOCOL_VERSION : "—";
  $("libversion").textContent = DR && DR.LIBRARY_VERSION ? DR.LIBRARY_VERSION : "";
  if (!DR) run();
})();
