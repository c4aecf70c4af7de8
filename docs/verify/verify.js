// Offline verification page: everything happens in this page, with the script-tag bundle. No network.
(function () {
  "use strict";
  var DR = window.DoubleRandom;
  var lang = "zh";
  var $ = function (id) { return document.getElementById(id); };
  var last = null;

  function t(zh, en) { return lang === "zh" ? zh : en; }
  function applyLang() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    var nodes = document.querySelectorAll("[data-zh]");
    for (var k = 0; k < nodes.length; k++) nodes[k].textContent = nodes[k].getAttribute("data-" + lang);
    $("lang").textContent = lang === "zh" ? "English" : "中文";
    if (last) render(last);
  }
  // A chosen file as its bytes: tables go to the table reader (it detects GBK/UTF-16 and reads workbooks); JSON is
  // UTF-8 text, decoded on demand.
  function readFile(input) {
    return new Promise(function (resolve, reject) {
      var f = input.files && input.files[0];
      if (!f) { resolve(null); return; }
      var r = new FileReader();
      r.onload = function () {
        var bytes = new Uint8Array(r.result);
        var text = null;
        resolve({
          name: f.name,
          bytes: bytes,
          get text() { if (text === null) text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""); return text; },
        });
      };
      r.onerror = function () { reject(r.error); };
      r.readAsArrayBuffer(f);
    });
  }
  function cell(tr, text, cls) { var td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); }
  function issueText(i) {
    var where = i.row ? t("第" + i.row + "行 ", "row " + i.row + " ") : "";
    return { code: i.code, text: where + i.message[lang] };
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
      v.textContent = t("✗ 检查组复核未通过：见下方不一致之处。", "✗ Teams not verified: see what does not match below.");
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

  function render(state) {
    var v = $("verdict");
    v.hidden = false;
    v.className = state.ok ? "ok" : "bad";
    var errors = state.issues.filter(isError).length;
    v.textContent = state.ok
      ? t("✓ 复核通过：抽取结果与公布的协议、公告、随机源和" + (state.source === "manifest" ? "名录清单" : "名录库") + "完全一致。", "✓ Verified: the draw matches the published protocol, announcement, entropy and " + (state.source === "manifest" ? "manifest" : "pool") + ".")
      : t("✗ 复核未通过：发现 " + errors + " 处不一致（见下）。", "✗ Verification failed: " + errors + " mismatch(es) found (see below).");
    if (state.source) {
      var basis = document.createElement("div");
      basis.id = "basis";
      basis.textContent = state.source === "manifest"
        ? t("按名录清单复核（排除数未复核）", "Checked against a manifest (exclusion counts not re-checked)")
        : t("按名录库复核", "Checked against the pool");
      v.appendChild(basis);
    }
    var notes = $("notes");
    var infos = state.notes || [];
    notes.hidden = infos.length === 0;
    issueList(notes, infos);
    var errs = state.issues.filter(isError);
    $("problems").hidden = errs.length === 0;
    issueList($("issues"), errs);
    var rec = state.record;
    var d = $("details");
    if (!rec || typeof rec !== "object") { d.hidden = true; return; }
    d.hidden = false;
    var dl = $("summary");
    dl.textContent = "";
    var names = {};
    (state.pool || []).forEach(function (e) { names[e.id] = e.name; });
    [[t("任务编号", "Task id"), rec.taskId], [t("协议版本", "Protocol"), rec.protocol], [t("随机源", "Entropy"), rec.entropy && (rec.entropy.kind + " · " + rec.entropy.value)],
     [t("派生种子", "Derived seed"), rec.seed], [t("名录库摘要", "Manifest digest"), rec.manifestDigest]].forEach(function (kv) {
      var dt = document.createElement("dt"); dt.textContent = kv[0]; dl.appendChild(dt);
      var dd = document.createElement("dd"); dd.textContent = kv[1] == null ? "—" : String(kv[1]); dl.appendChild(dd);
    });
    var sb = $("strata").querySelector("tbody");
    sb.textContent = "";
    (rec.strata || []).forEach(function (s) {
      var tr = document.createElement("tr");
      cell(tr, s.key, "mono"); cell(tr, String(s.N)); cell(tr, String(s.n)); cell(tr, s.digest, "mono");
      sb.appendChild(tr);
    });
    var tb = $("selections").querySelector("tbody");
    tb.textContent = "";
    (rec.selections || []).forEach(function (s, k) {
      var tr = document.createElement("tr");
      cell(tr, String(k + 1)); cell(tr, s.id, "mono"); cell(tr, names[s.id] || ""); cell(tr, s.stratum, "mono");
      cell(tr, s.counter == null ? "—" : String(s.counter)); cell(tr, s.hash ? s.hash.slice(0, 16) + "…" : t("（整层抽取）", "(whole stratum)"), "mono");
      tb.appendChild(tr);
    });
    renderTeams(state);
  }

  function fileIssue(zh, en) { return { code: "invalid_input", row: 0, message: { zh: zh, en: en } }; }
  function fail(issues, record) { last = { ok: false, issues: issues, record: record || null }; render(last); }

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
  function readPoolOrManifest(file) {
    if (!/\.json$/i.test(file.name)) return { kind: "pool", parsed: readTableFile(file, DR.parseEntityPoolTable) };
    var value;
    try { value = JSON.parse(file.text); } catch (e) {
      return { error: fileIssue("名录库或名录清单不是有效的 JSON：" + e.message, "The pool or manifest is not valid JSON: " + e.message) };
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value) && "strata" in value) return { kind: "manifest", manifest: value };
    if (!Array.isArray(value)) return { error: fileIssue("JSON 文件既不是名录库（对象数组），也不是名录清单（含 strata 的对象）。", "The JSON file is neither a pool (an array of entities) nor a manifest (an object with strata).") };
    return { kind: "pool", parsed: DR.parseEntityPool(value) };
  }

  function readInspectors(file, what, experts) {
    if (!/\.json$/i.test(file.name)) return readTableFile(file, experts ? DR.parseExpertPoolTable : DR.parseInspectorPoolTable);
    try { return DR.parseInspectorPool(JSON.parse(file.text)); } catch (e) {
      return { ok: false, issues: [fileIssue(what.zh + "不是有效的 JSON：" + e.message, "The " + what.en + " is not valid JSON: " + e.message)] };
    }
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
    if (!inspectors.ok) return { list: list, checked: true, ok: false, issues: inspectors.issues, notes: [] };
    var experts = null;
    if (expertsFile) {
      experts = readInspectors(expertsFile, { zh: "专家库", en: "expert pool" }, true);
      if (!experts.ok) return { list: list, checked: true, ok: false, issues: experts.issues, notes: [] };
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

  function run(ev) {
    if (ev) ev.preventDefault();
    Promise.all([readFile($("record")), readFile($("pool")), readFile($("inspectors")), readFile($("experts"))]).then(function (files) {
      var recordFile = files[0], poolFile = files[1], inspectorsFile = files[2], expertsFile = files[3];
      if (!recordFile || !poolFile) {
        fail([fileIssue("请同时选择抽取记录文件和名录库（或名录清单）文件。", "Choose both the record file and the pool (or manifest) file.")]); return;
      }
      var record;
      try { record = JSON.parse(recordFile.text); } catch (e) {
        fail([fileIssue("抽取记录不是有效的 JSON：" + e.message, "The record is not valid JSON: " + e.message)]); return;
      }
      var source = readPoolOrManifest(poolFile);
      if (source.error) { fail([source.error], record); return; }
      if (source.parsed && !source.parsed.ok) { fail(source.parsed.issues, record); return; }
      var salt = { salt: $("salt").value };
      var pool = source.kind === "pool" ? source.parsed.value : null;
      var result = source.kind === "manifest" ? DR.verifyDrawManifest(record, source.manifest, salt) : DR.verifyDraw(record, pool, salt);
      var teams = checkTeams(record, source.kind, pool, inspectorsFile, expertsFile);
      var drawIssues = result.ok ? result.warnings : result.issues;
      var issues = drawIssues.filter(isError).concat(teams ? teams.issues : []);
      // Warnings from reading the pool (e.g. a USCC with a wrong check character) are said, as the CLI says them.
      var poolWarnings = source.parsed && source.parsed.ok ? source.parsed.warnings : [];
      var notes = poolWarnings.concat(drawIssues.filter(function (i) { return !isError(i); }), teams ? teams.notes : []);
      last = { ok: issues.filter(isError).length === 0, issues: issues, notes: notes, record: record, pool: pool, source: source.kind, teams: teams };
      render(last);
    });
  }

  $("form").addEventListener("submit", run);
  $("lang").addEventListener("click", function () { lang = lang === "zh" ? "en" : "zh"; applyLang(); });
  $("protocol").textContent = DR ? DR.PROTOCOL_VERSION : "—";
  $("libversion").textContent = DR && DR.LIBRARY_VERSION ? DR.LIBRARY_VERSION : "";
  if (!DR) fail([fileIssue("未能载入 double-random.draw.global.js：请先运行 npm run build，或使用发布包中的页面。", "double-random.draw.global.js did not load: run npm run build first, or use the page shipped in the package.")]);
})();
