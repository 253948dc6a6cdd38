/*
 * Playbook's only script. Every page reads fine without it; it adds search, print buttons and
 * checklists that remember their ticks. No framework, no network: it works opened from disk.
 */
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || "";

  /* ---------- print buttons ---------- */

  function setUpPrinting() {
    var buttons = document.querySelectorAll("[data-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var mode = button.getAttribute("data-print");
        if (mode) document.body.classList.add("printing-" + mode);
        window.print();
      });
    });
    window.addEventListener("afterprint", function () {
      document.body.className = document.body.className.replace(/\s*printing-\S+/g, "");
    });
  }

  /* ---------- search ---------- */

  function fold(text) {
    // case and Polish diacritics do not matter: "zamkniecie" finds "Zamknięcie"
    return String(text).toLowerCase().replace(/ł/g, "l").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function setUpSearch() {
    var form = document.querySelector("form.search");
    if (!form) return;
    var input = form.querySelector(".search-input");
    var results = form.querySelector(".search-results");
    // the index lists one part per playbook; the parts load once a reader starts to search, and
    // each one that arrives widens the hits shown (in the index's order, so ties always rank alike)
    var parts = null;
    var waiting = 0;
    var loading = false;
    var pending = null;
    var refreshing = null;
    form.hidden = false;

    function script(src, done) {
      var element = document.createElement("script");
      element.src = src;
      element.onload = function () { done(true); };
      element.onerror = function () { done(false); };
      document.head.appendChild(element);
    }

    function load(then) {
      pending = then;
      if (parts) return then();
      if (loading) return;
      loading = true;
      script(form.getAttribute("data-index"), function () {
        var paths = window.PLAYBOOK_SEARCH_PARTS || [];
        parts = paths.map(function () { return []; });
        waiting = paths.length;
        paths.forEach(function (path, i) {
          script(root + path, function (loaded) {
            // a part sets the global as it runs, and its load event follows at once
            var entries = loaded ? window.PLAYBOOK_SEARCH || [] : [];
            parts[i] = entries.map(function (e) {
              return { entry: e, title: fold(e.t), text: fold(e.t + " " + e.c + " " + (e.s || "")) };
            });
            waiting--;
            refresh();
          });
        });
        if (pending) pending();
      });
    }

    function refresh() {
      // hits are drawn again as parts arrive, unless the reader is already moving among them
      if (refreshing || document.activeElement !== input) return;
      refreshing = setTimeout(function () {
        refreshing = null;
        if (document.activeElement === input) show(search(input.value));
      }, waiting ? 60 : 0);
    }

    function search(query) {
      var terms = fold(query).split(/\s+/).filter(Boolean);
      if (!terms.length) return [];
      var found = [];
      parts.forEach(function (part) {
        part.forEach(function (item) {
          var score = 0;
          for (var i = 0; i < terms.length; i++) {
            if (item.text.indexOf(terms[i]) < 0) return;
            score += item.title.indexOf(terms[i]) >= 0 ? 3 : 1;
          }
          if (item.title.indexOf(terms.join(" ")) === 0) score += 5;
          found.push({ item: item, score: score });
        });
      });
      found.sort(function (a, b) { return b.score - a.score || a.item.entry.t.localeCompare(b.item.entry.t); });
      return found.slice(0, 20).map(function (f) { return f.item.entry; });
    }

    function show(entries) {
      results.innerHTML = "";
      if (!input.value.trim()) {
        close();
        return;
      }
      if (!entries.length && waiting) {
        // nothing yet, but parts of the index are still on their way
        close();
        return;
      }
      if (!entries.length) {
        var none = document.createElement("p");
        none.className = "search-none";
        none.textContent = form.getAttribute("data-none");
        results.appendChild(none);
      }
      entries.forEach(function (e, i) {
        var link = document.createElement("a");
        link.href = root + e.u;
        link.className = "search-hit";
        link.id = "search-hit-" + i;
        link.setAttribute("role", "option");
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = form.getAttribute("data-kind-" + e.k) || e.k;
        var title = document.createElement("span");
        title.className = "search-title";
        title.textContent = e.t;
        var context = document.createElement("span");
        context.className = "search-context";
        context.textContent = e.c;
        link.appendChild(kind);
        link.appendChild(title);
        link.appendChild(context);
        results.appendChild(link);
      });
      results.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      results.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function hits() {
      return Array.prototype.slice.call(results.querySelectorAll(".search-hit"));
    }

    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", function () {
      load(function () { show(search(input.value)); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = hits()[0];
      if (first) window.location.href = first.href;
    });
    form.addEventListener("keydown", function (event) {
      var list = hits();
      var at = list.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && list.length) {
        event.preventDefault();
        list[Math.min(at + 1, list.length - 1)].focus();
      } else if (event.key === "ArrowUp" && list.length) {
        event.preventDefault();
        if (at <= 0) input.focus();
        else list[at - 1].focus();
      } else if (event.key === "Escape") {
        input.value = "";
        close();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  /* ---------- checklists ---------- */

  function memoryStore() {
    var data = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
      setItem: function (k, v) { data[k] = String(v); }
    };
  }

  function storage() {
    try {
      var probe = "playbook-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      var note = document.getElementById("storage-note");
      if (note) note.hidden = false;
      return memoryStore();
    }
  }

  function setUpChecklist() {
    var lists = document.querySelectorAll(".checklist[data-playbook]");
    if (!lists.length) return;
    var playbookId = lists[0].getAttribute("data-playbook");
    var key = "playbook-checklist:" + playbookId;
    var store = storage();
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".checklist input.check-box"));
    var defaultDeal = lists[0].getAttribute("data-default-deal") || "Deal";
    var state = read();

    function read() {
      var saved = null;
      try { saved = JSON.parse(store.getItem(key)); } catch (e) { saved = null; }
      if (!saved || !saved.deals || !saved.deals.length) {
        saved = { deals: [defaultDeal], current: defaultDeal, ticks: {} };
      }
      if (saved.deals.indexOf(saved.current) < 0) saved.current = saved.deals[0];
      saved.ticks = saved.ticks || {};
      return saved;
    }

    function save() {
      try { store.setItem(key, JSON.stringify(state)); } catch (e) { /* full or refused: keep going in memory */ }
    }

    function ticks() {
      return state.ticks[state.current] || [];
    }

    function apply() {
      var on = ticks();
      boxes.forEach(function (box) { box.checked = on.indexOf(box.getAttribute("data-key")) >= 0; });
      progress();
    }

    function progress() {
      var sections = document.querySelectorAll(".checklist-stage");
      var done = 0;
      Array.prototype.forEach.call(sections, function (section) {
        var inside = section.querySelectorAll("input.check-box");
        var ticked = section.querySelectorAll("input.check-box:checked").length;
        done += ticked;
        var label = section.querySelector(".stage-progress");
        if (label) label.textContent = inside.length ? ticked + "/" + inside.length : "";
        section.classList.toggle("complete", inside.length > 0 && ticked === inside.length);
      });
      var overall = document.getElementById("overall-progress");
      if (overall) {
        overall.max = boxes.length || 1;
        overall.value = done;
        document.getElementById("overall-count").textContent = done + "/" + boxes.length;
      }
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var k = box.getAttribute("data-key");
        var on = ticks().filter(function (t) { return t !== k; });
        if (box.checked) on.push(k);
        state.ticks[state.current] = on;
        save();
        progress();
      });
    });

    var controls = document.querySelector("[data-checklist-controls]");
    if (controls) {
      controls.hidden = false;
      var select = document.getElementById("deal-select");
      var name = document.getElementById("deal-name");

      var fill = function () {
        select.innerHTML = "";
        state.deals.forEach(function (deal) {
          var option = document.createElement("option");
          option.value = deal;
          option.textContent = deal;
          option.selected = deal === state.current;
          select.appendChild(option);
        });
        document.getElementById("deal-delete").disabled = state.deals.length < 2;
      };

      select.addEventListener("change", function () {
        state.current = select.value;
        save();
        apply();
      });
      controls.querySelector(".deal-new").addEventListener("submit", function (event) {
        event.preventDefault();
        var deal = name.value.trim();
        if (!deal) return;
        if (state.deals.indexOf(deal) < 0) state.deals.push(deal);
        state.current = deal;
        name.value = "";
        save();
        fill();
        apply();
      });
      document.getElementById("checklist-reset").addEventListener("click", function () {
        state.ticks[state.current] = [];
        save();
        apply();
      });
      document.getElementById("deal-delete").addEventListener("click", function () {
        if (state.deals.length < 2) return;
        delete state.ticks[state.current];
        state.deals = state.deals.filter(function (d) { return d !== state.current; });
        state.current = state.deals[0];
        save();
        fill();
        apply();
      });
      fill();
    }
    apply();
    window.addEventListener("storage", function (event) {
      // another tab ticked something: follow it
      if (event.key === key) {
        state = read();
        apply();
      }
    });
  }

  function start() {
    setUpPrinting();
    setUpSearch();
    setUpChecklist();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
