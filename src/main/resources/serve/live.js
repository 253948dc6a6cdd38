/* Live preview: reloads the page after each rebuild, and shows the errors of a broken edit. */
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script ? Number(script.getAttribute("data-version")) : null;
  var overlay = null;
  // the overlay speaks the page's language; the errors themselves are the build's own words
  var words = {
    en: { broken: "The last edit broke the build; this page shows the last good version." },
    pl: { broken: "Ostatnia zmiana zepsuła budowanie serwisu; ta strona pokazuje ostatnią poprawną wersję." }
  };
  var lang = (document.documentElement.getAttribute("lang") || "en").toLowerCase().split("-")[0];
  var say = words[lang] || words.en;

  function render(status) {
    var errors = (status.diagnostics || []).filter(function (d) { return d.severity === "error"; });
    if (status.ok || (!errors.length && !status.failure)) {
      if (overlay) { overlay.remove(); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "playbook-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 12px 12px 12px;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0d0d;color:#fff;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:14px 18px;" +
        "border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.4);white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    var lines = errors.map(function (d) { return d.text; });
    if (status.failure) lines.push(status.failure);
    overlay.textContent = say.broken + "\n\n" + lines.join("\n");
  }

  var source = new EventSource("/__playbook/events");
  source.addEventListener("build", function (event) {
    var status = JSON.parse(event.data);
    if (status.ok && shown !== null && status.version !== shown) {
      window.location.reload();
      return;
    }
    render(status);
  });
})();
