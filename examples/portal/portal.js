// Plain script for examples/portal/index.html: size a quota as the planner types.
(function () {
  "use strict";
  var DR = window.DoubleRandom;
  function update() {
    var out = document.getElementById("result");
    var q = DR.parseQuota(document.getElementById("quota").value);
    if (!q.ok) { out.textContent = q.issues.map(function (i) { return i.message.zh; }).join("；"); return; }
    var n = DR.sampleSize(q.value, Number(document.getElementById("pool").value));
    out.textContent = n.ok ? "抽取 " + n.value.size + " 户：" + n.value.explanation.zh : n.issues[0].message.zh;
  }
  document.getElementById("quota").addEventListener("input", update);
  document.getElementById("pool").addEventListener("input", update);
  update();
})();
