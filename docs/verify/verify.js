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
  function readFile(input) {
    return new Promise(function (resolve, reject) {
      var f = input.files && input.files[0];
      if (!f) { resolve(null); return; }
      var r = new FileReader();
      r.onload = function () { resolve({ name: f.name, text: String(r.result) }); };
      r.onerror = function () { reject(r.error); };
      r.readAsText(f, "utf-8");
    });
  }
  function cell(tr, text, cls) { var td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); }
  function issueText(i) {
    var where = i.row ? t("第" + i.row + "行 ", "row " + i.row + " ") : "";
    return { code: i.code, text: where + i.message[lang] };
  }

  function render(state) {
    var v = $("verdict");
    v.hidden = false;
    v.className = state.ok ? "ok" : "bad";
    v.textContent = state.ok
      ? t("✓ 复核通过：抽取结果与公布的协议、公告、随机源和名录库完全一致。", "✓ Verified: the draw matches the published protocol, announcement, entropy and pool.")
      : t("✗ 复核未通过：发现 " + state.issues.length + " 处不一致（见下）。", "✗ Verification failed: " + state.issues.length + " mismatch(es) found (see below).");
    var p = $("problems");
    p.hidden = state.ok;
    var ul = $("issues");
    ul.textContent = "";
    state.issues.forEach(function (i) {
      var li = document.createElement("li");
      var x = issueText(i);
      var code = document.createElement("code");
      code.textContent = x.code;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + x.text));
      ul.appendChild(li);
    });
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
  }

  function fileIssue(zh, en) { return { code: "invalid_input", row: 0, message: { zh: zh, en: en } }; }

  function run(ev) {
    if (ev) ev.preventDefault();
    Promise.all([readFile($("record")), readFile($("pool"))]).then(function (files) {
      var recordFile = files[0], poolFile = files[1];
      if (!recordFile || !poolFile) {
        last = { ok: false, issues: [fileIssue("请同时选择抽取记录文件和名录库文件。", "Choose both the record file and the pool file.")], record: null };
        render(last); return;
      }
      var record;
      try { record = JSON.parse(recordFile.text); } catch (e) {
        last = { ok: false, issues: [fileIssue("抽取记录不是有效的 JSON：" + e.message, "The record is not valid JSON: " + e.message)], record: null };
        render(last); return;
      }
      var pool;
      if (/\.json$/i.test(poolFile.name)) {
        try { pool = DR.parseEntityPool(JSON.parse(poolFile.text)); } catch (e) {
          last = { ok: false, issues: [fileIssue("名录库不是有效的 JSON：" + e.message, "The pool is not valid JSON: " + e.message)], record: record };
          render(last); return;
        }
      } else {
        pool = DR.parseEntityPoolCsv(poolFile.text);
      }
      if (!pool.ok) { last = { ok: false, issues: pool.issues, record: record }; render(last); return; }
      var result = DR.verifyDraw(record, pool.value, { salt: $("salt").value });
      last = { ok: result.ok, issues: result.ok ? [] : result.issues, record: record, pool: pool.value };
      render(last);
    });
  }

  $("form").addEventListener("submit", run);
  $("lang").addEventListener("click", function () { lang = lang === "zh" ? "en" : "zh"; applyLang(); });
  $("protocol").textContent = DR ? DR.PROTOCOL_VERSION : "—";
  $("libversion").textContent = DR && DR.LIBRARY_VERSION ? DR.LIBRARY_VERSION : "";
  if (!DR) {
    last = { ok: false, issues: [fileIssue("未能载入 double-random.global.js：请先运行 npm run build，或使用发布包中的页面。", "double-random.global.js did not load: run npm run build first, or use the page shipped in the package.")], record: null };
    render(last);
  }
})();
