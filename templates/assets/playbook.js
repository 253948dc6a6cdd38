/*
 * Playbook's only script. Every page reads fine without it; it adds search, print buttons, diagrams
 * at full size, pictures put in as the reader nears them, and checklists that remember their ticks
 * per deal. No framework, no network: it works opened from disk. Everything it shows already has
 * its place in the page (see the theme's stylesheet), so nothing moves when it starts.
 */
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || "";
  var lang = document.documentElement.getAttribute("lang") || "en";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function format(text, values) {
    return String(text).replace(/\{(\d)\}/g, function (all, i) { return values[i] === undefined ? all : values[i]; });
  }

  /* ---------- print buttons ---------- */

  function setUpPrinting() {
    each(document.querySelectorAll("[data-print]"), function (button) {
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

  /* ---------- the reader's place across a reload ---------- */

  /*
   * A long page's far sections are laid out only as the reader nears them (see the stylesheet), so
   * a browser restoring a reloaded page by its scroll offset lands where their guessed heights put
   * it, not where the reader was. The page keeps its place by the element at the top of the window
   * instead: the live preview reloads a page on every save, and its author stays where they were.
   */
  function keepPlaceAcrossReloads() {
    if (!("scrollRestoration" in history)) return;
    var key = "playbook-place:" + location.pathname;
    // the tab's storage is opened only when it is needed: opening it can cost a load milliseconds
    var store = arrivedAgain() ? sessionStore() : null;
    if (store) restorePlace(store, key);
    window.addEventListener("pagehide", function () {
      var leaving = sessionStore();
      // the browser restores by offset only when no place could be kept
      history.scrollRestoration = leaving && savePlace(leaving, key) ? "manual" : "auto";
    });
  }

  function sessionStore() {
    try { return window.sessionStorage || null; } catch (e) { return null; }
  }

  function arrivedAgain() {
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    var kind = entries.length ? entries[0].type : "";
    return kind === "reload" || kind === "back_forward";
  }

  /**
   * The nearest heading at or above the window's top, and how far above it is. A place kept on an
   * earlier visit goes when there is none now, or a later reload would go back to it.
   */
  function savePlace(store, key) {
    try {
      // headings, since the page between one and the window's top is the same after a reload
      var marks = window.scrollY < 1 ? [] : document.querySelectorAll("main h1[id], main h2[id], main h3[id], main h4[id]");
      var place = null;
      for (var i = 0; i < marks.length; i++) {
        if (!marks[i].getClientRects().length) continue; // not shown, so nowhere to come back to
        var top = marks[i].getBoundingClientRect().top;
        if (top <= 1 && (!place || top > place.top)) place = { id: marks[i].id, top: top, y: window.scrollY };
      }
      if (!place) {
        store.removeItem(key);
        return false;
      }
      store.setItem(key, JSON.stringify(place));
      return true;
    } catch (e) {
      return false;
    }
  }

  function restorePlace(store, key) {
    var place = null;
    try { place = JSON.parse(store.getItem(key)); } catch (e) { place = null; }
    if (!place) return;
    var mark = typeof place.id === "string" ? document.getElementById(place.id) : null;
    // an edit in the preview can take the element away: the offset is then the best guess left
    if (!mark || typeof place.top !== "number") {
      if (typeof place.y === "number") window.scrollTo(0, place.y);
      return;
    }
    var settle = function () {
      var off = mark.getBoundingClientRect().top - place.top;
      if (Math.abs(off) > 1) window.scrollTo(0, window.scrollY + off);
    };
    settle();
    // the sections drawn once there can hold more or less than guessed, and a page still short
    // of its real length stops a scroll early: a second look, once they are drawn, puts it right
    requestAnimationFrame(function () { requestAnimationFrame(settle); });
  }

  /* ---------- pictures put in as the reader nears them ---------- */

  /*
   * A picture the page holds as markup in <noscript> (the overview's flowchart, the flow page's
   * swimlanes), with its space kept: it is put in when the reader comes within half a screen of it,
   * or prints. Browsers fetch a lazy picture much further ahead than that, and an SVG picture or
   * drawing costs the page's own thread to read and lay out.
   */
  function setUpPictures() {
    var spaces = document.querySelectorAll("[data-picture]");
    if (!spaces.length) return;
    window.addEventListener("beforeprint", function () {
      each(document.querySelectorAll("[data-picture]"), showPicture);
    });
    if (!("IntersectionObserver" in window)) {
      each(spaces, showPicture);
      return;
    }
    var watcher = new IntersectionObserver(function (entries) {
      each(entries, function (entry) {
        if (!entry.isIntersecting) return;
        watcher.unobserve(entry.target);
        showPicture(entry.target);
      });
    }, { rootMargin: "50% 0px" });
    each(spaces, function (space) { watcher.observe(space); });
  }

  /** Puts a held picture in its space's place; the picture, or null if there was none left to put. */
  function showPicture(space) {
    var markup = space.querySelector("noscript");
    if (!space.parentNode || !markup) return null;
    // the markup is the theme's own, and a browser running this script kept it as text
    var holder = document.createElement("div");
    holder.innerHTML = markup.textContent;
    var picture = holder.querySelector("img, svg");
    if (!picture) return null;
    // it is put in only when wanted (near the window, zoomed or printed): waiting again for the
    // window would leave a printed page blank
    if (picture.tagName.toLowerCase() === "img") picture.setAttribute("loading", "eager");
    space.parentNode.replaceChild(picture, space);
    return picture;
  }

  /* ---------- diagrams at full size ---------- */

  /** On a narrow screen a diagram is scaled down to fit; at full size it keeps its own width and scrolls. */
  function setUpDiagramZoom() {
    each(document.querySelectorAll("[data-zoom]"), function (button) {
      var figure = document.getElementById(button.getAttribute("data-zoom"));
      var width = figure && drawnWidth(figure);
      if (!width) return;
      button.addEventListener("click", function () {
        // a picture still held is put in first, to be seen at full size
        var space = figure.querySelector("[data-picture]");
        if (space) showPicture(space);
        var drawing = figure.querySelector(".diagram-svg");
        if (!drawing) return;
        var full = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", String(full));
        figure.classList.toggle("full-size", full);
        drawing.style.width = full ? width + "px" : "";
      });
    });
  }

  /** The width a diagram was drawn at: the inline drawing's, or (on the overview) its picture's. */
  function drawnWidth(figure) {
    var space = figure.querySelector("[data-picture]");
    if (space) return Number(space.getAttribute("data-width"));
    var drawing = figure.querySelector(".diagram-svg");
    if (!drawing) return 0;
    return drawing.tagName.toLowerCase() === "img" ? Number(drawing.getAttribute("width"))
      : drawing.viewBox && drawing.viewBox.baseVal && drawing.viewBox.baseVal.width;
  }

  /* ---------- search ---------- */

  function fold(text) {
    // case and Polish diacritics do not matter: "zamkniecie" finds "Zamknięcie"
    return String(text).toLowerCase().replace(/ł/g, "l").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function addScript(src, done) {
    var element = document.createElement("script");
    element.src = src;
    element.onload = function () { done(true); };
    element.onerror = function () { done(false); };
    document.head.appendChild(element);
  }

  /**
   * Loads the search index on first use, by script tags: that works from disk too. The index lists
   * one part per playbook; the parts load once a reader starts to search, keep the index's order (so
   * ties always rank alike), and each one that arrives is announced to {@code onPart}.
   */
  function searchIndexLoader(url, onPart) {
    var index = { parts: null, waiting: 0 };
    var loading = false;
    var pending = null;
    return function load(then) {
      pending = then;
      if (index.parts) return then(index);
      if (loading) return;
      loading = true;
      addScript(url, function () {
        var paths = window.PLAYBOOK_SEARCH_PARTS || [];
        index.parts = paths.map(function () { return []; });
        index.waiting = paths.length;
        paths.forEach(function (path, i) {
          addScript(root + path, function (loaded) {
            // a part sets the global as it runs, and its load event follows at once
            var entries = loaded ? window.PLAYBOOK_SEARCH || [] : [];
            index.parts[i] = entries.map(function (e) {
              return { entry: e, title: fold(e.t), text: fold(e.t + " " + e.c + " " + (e.s || "")) };
            });
            index.waiting--;
            onPart(index);
          });
        });
        if (pending) pending(index);
      });
    };
  }

  /** The best twenty entries for the query: every word must match; matches in the title count more. */
  function rank(index, query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var found = [];
    index.parts.forEach(function (part) {
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

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function searchHit(form, entry, i) {
    var link = document.createElement("a");
    link.href = root + entry.u;
    link.className = "search-hit";
    link.id = "search-hit-" + i;
    link.setAttribute("role", "option");
    link.appendChild(span("search-kind", form.getAttribute("data-kind-" + entry.k) || entry.k));
    link.appendChild(span("search-title", entry.t));
    link.appendChild(span("search-context", entry.c));
    return link;
  }

  /**
   * Draws the hits for what is typed. The list is left as it is when the hits are the same, so a
   * part of the index arriving never swaps a link out from under the reader's pointer.
   */
  function showHits(ui, index) {
    var entries = rank(index, ui.input.value);
    // with no hit yet while parts of the index are still on their way, "nothing found" would be early
    if (!ui.input.value.trim() || (!entries.length && index.waiting)) {
      ui.shown = null;
      ui.results.innerHTML = "";
      return closeHits(ui);
    }
    var shown = entries.map(function (e) { return e.u + "\n" + e.t; }).join("\n\n") || "\n";
    if (shown === ui.shown && !ui.results.hidden) return;
    ui.shown = shown;
    ui.results.innerHTML = "";
    if (!entries.length) {
      var none = document.createElement("p");
      none.className = "search-none";
      none.textContent = ui.form.getAttribute("data-none");
      ui.results.appendChild(none);
    }
    entries.forEach(function (e, i) { ui.results.appendChild(searchHit(ui.form, e, i)); });
    ui.results.hidden = false;
    ui.input.setAttribute("aria-expanded", "true");
  }

  function closeHits(ui) {
    ui.results.hidden = true;
    ui.input.setAttribute("aria-expanded", "false");
  }

  function hits(ui) {
    return Array.prototype.slice.call(ui.results.querySelectorAll(".search-hit"));
  }

  /** Arrow keys walk the hits, Escape empties the box. */
  function searchKeys(ui, event) {
    var list = hits(ui);
    var at = list.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && list.length) {
      event.preventDefault();
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === "ArrowUp" && list.length) {
      event.preventDefault();
      if (at <= 0) ui.input.focus();
      else list[at - 1].focus();
    } else if (event.key === "Escape") {
      ui.input.value = "";
      closeHits(ui);
      ui.input.focus();
    }
  }

  /*
   * The theme holds the search form in a <template> (it cannot work without this script), and it is
   * put in a task after the page's own load: a browser looks over a page's form fields when the page
   * has been read (to offer to fill them in), and that look, layout included, would otherwise land
   * in the same task as the page's end and this script. A theme with the form in the page as it
   * stands works the same.
   */
  function setUpSearch() {
    var slot = document.querySelector(".search-slot");
    var held = slot && slot.querySelector("template");
    if (!held || !held.content) {
      wireSearch();
      return;
    }
    setTimeout(function () {
      slot.appendChild(document.importNode(held.content, true));
      slot.removeChild(held);
      wireSearch();
    }, 0);
  }

  function wireSearch() {
    var form = document.querySelector("form.search");
    if (!form) return;
    var ui = { form: form, input: form.querySelector(".search-input"), results: form.querySelector(".search-results") };
    var refreshing = null;
    // hits are drawn again as parts arrive, unless the reader is already moving among them
    var load = searchIndexLoader(form.getAttribute("data-index"), function (index) {
      ui.results.setAttribute("aria-busy", index.waiting ? "true" : "false");
      if (refreshing || document.activeElement !== ui.input) return;
      refreshing = setTimeout(function () {
        refreshing = null;
        if (document.activeElement === ui.input) showHits(ui, index);
      }, index.waiting ? 60 : 0);
    });
    form.hidden = false;
    ui.input.addEventListener("focus", function () { load(function () {}); });
    ui.input.addEventListener("input", function () {
      load(function (index) { showHits(ui, index); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = hits(ui)[0];
      if (first) window.location.href = first.href;
    });
    form.addEventListener("keydown", function (event) { searchKeys(ui, event); });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) closeHits(ui);
    });
  }

  /* ---------- where ticks are kept ---------- */

  function memoryStore() {
    var data = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
      setItem: function (k, v) { data[k] = String(v); }
    };
  }

  /** The browser's local storage, or, where it is refused, a store that lasts as long as the page. */
  function openStorage(onRefused) {
    try {
      var probe = "playbook-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      onRefused();
      return memoryStore();
    }
  }

  /*
   * What is kept, per playbook, under "playbook-checklist:<playbook id>":
   *   { "v": 2, "deals": ["My deal", "Acme"], "current": "Acme", "ticks": { "Acme": ["<key>", ...] } }
   * A tick is the data-key of the item it was made on. Keys the page no longer has are kept, never
   * moved to another item, until the rep discards them.
   */
  function readState(store, storeKey, defaultDeal) {
    var saved = null;
    try { saved = JSON.parse(store.getItem(storeKey)); } catch (e) { saved = null; }
    if (!saved || !Array.isArray(saved.deals) || !saved.deals.length) {
      saved = { deals: [defaultDeal], current: defaultDeal, ticks: {} };
    }
    saved.v = 2;
    if (saved.deals.indexOf(saved.current) < 0) saved.current = saved.deals[0];
    if (!saved.ticks || typeof saved.ticks !== "object") saved.ticks = {};
    return saved;
  }

  function writeState(store, storeKey, state) {
    try { store.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* full or refused: keep going in memory */ }
  }

  function ticksOf(state, deal) {
    var ticks = state.ticks[deal];
    return Array.isArray(ticks) ? ticks : [];
  }

  function copyOf(state) {
    return JSON.parse(JSON.stringify(state));
  }

  /* ---------- the page's boxes ---------- */

  function boxesIn(scope) {
    return Array.prototype.slice.call(scope.querySelectorAll("input.check-box[data-key]"));
  }

  function keysOf(boxes) {
    var keys = {};
    boxes.forEach(function (box) { keys[box.getAttribute("data-key")] = true; });
    return keys;
  }

  /**
   * Ticks of the deal whose item is not on the page. A stage page holds only its own stage, so
   * there only that stage's ticks can be judged.
   */
  function staleTicks(ticks, known, stageId) {
    return ticks.filter(function (key) {
      if (stageId && key.indexOf(stageId + "/") !== 0) return false;
      return !known[key];
    });
  }

  function showTicks(boxes, ticks) {
    var on = {};
    ticks.forEach(function (key) { on[key] = true; });
    boxes.forEach(function (box) { box.checked = !!on[box.getAttribute("data-key")]; });
  }

  /** Done and required items among the boxes: optional tasks do not count, and a key counts once. */
  function tally(boxes) {
    var seen = {};
    var count = { done: 0, all: 0 };
    boxes.forEach(function (box) {
      var key = box.getAttribute("data-key");
      if (box.getAttribute("data-optional") === "true" || seen[key]) return;
      seen[key] = true;
      count.all++;
      if (box.checked) count.done++;
    });
    return count;
  }

  function showCount(element, count) {
    if (element) element.textContent = count.all ? count.done + "/" + count.all : "";
  }

  function showProgress() {
    each(document.querySelectorAll(".checklist-stage"), function (section) {
      var count = tally(boxesIn(section));
      showCount(section.querySelector(".stage-progress"), count);
      section.classList.toggle("complete", count.all > 0 && count.done === count.all);
    });
    each(document.querySelectorAll("[data-section-progress]"), function (label) {
      var track = label.getAttribute("data-section-progress");
      var boxes = [];
      each(document.querySelectorAll('.checklist-stage[data-track="' + track + '"]'), function (s) { boxes = boxes.concat(boxesIn(s)); });
      showCount(label, tally(boxes));
    });
    var overall = document.getElementById("overall-progress");
    if (overall) {
      var main = [];
      each(document.querySelectorAll('.checklist-stage[data-section="main"]'), function (s) { main = main.concat(boxesIn(s)); });
      var count = tally(main);
      overall.max = count.all || 1;
      overall.value = count.done;
      showCount(document.getElementById("overall-count"), count);
    }
    var stage = document.getElementById("stage-count");
    if (stage) showCount(stage, tally(boxesIn(document.querySelector("main"))));
  }

  /* ---------- notices: what happened, and the way back ---------- */

  /**
   * Notices sit at the bottom of the window, over the page rather than in it, so showing one never
   * moves what the rep is reading. Each stays until it is closed or replaced.
   */
  function noticeBoard(container, closeWord) {
    function remove(id) {
      var old = document.getElementById(id);
      if (old) old.parentNode.removeChild(old);
    }
    function show(id, text, actions, urgent) {
      remove(id);
      var notice = document.createElement("div");
      notice.className = "notice" + (urgent ? " notice-error" : "");
      notice.id = id;
      // the board itself is a polite live region; what went wrong is announced at once
      if (urgent) notice.setAttribute("role", "alert");
      var words = document.createElement("p");
      words.textContent = text;
      notice.appendChild(words);
      (actions || []).concat([{ label: closeWord, className: "notice-close" }]).forEach(function (action) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = action.label;
        button.className = action.className || "";
        button.addEventListener("click", function () {
          remove(id);
          if (action.run) action.run();
        });
        notice.appendChild(button);
      });
      container.appendChild(notice);
      return notice;
    }
    return { show: show, remove: remove };
  }

  function pluralWord(bar, name, n) {
    var form = "other";
    try { form = new Intl.PluralRules(lang).select(n); } catch (e) { /* an old browser: the general form */ }
    var text = bar.getAttribute("data-msg-" + name + "-" + form) || bar.getAttribute("data-msg-" + name + "-other")
      || bar.getAttribute("data-msg-" + name + "-many") || "";
    return format(text, [n]);
  }

  /* ---------- a deal as a file ---------- */

  /*
   * A deal's ticks as a file, to carry to another browser:
   *   { "format": "playbook-ticks", "version": 1, "playbook": "<playbook id>",
   *     "playbookVersion": "<the playbook's version, or null>", "deal": "<the deal's name>",
   *     "saved": "<ISO 8601 time>", "ticks": ["<key>", ...] }
   */
  var FILE_FORMAT = "playbook-ticks";
  var FILE_VERSION = 1;
  var MAX_FILE_BYTES = 256 * 1024;
  var MAX_TICKS = 5000;
  var MAX_DEAL_NAME = 80;

  function dealFile(c) {
    return JSON.stringify({
      format: FILE_FORMAT,
      version: FILE_VERSION,
      playbook: c.playbook,
      playbookVersion: c.playbookVersion,
      deal: c.state.current,
      saved: new Date().toISOString(),
      ticks: ticksOf(c.state, c.state.current)
    }, null, 2) + "\n";
  }

  function fileName(playbook, deal) {
    var slug = fold(deal).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    return playbook + "-" + (slug || "deal") + ".json";
  }

  /** Hands the text to the browser as a download, by a link with a download attribute. */
  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    // the browser has taken the file once the click is handled; the link can go a little later
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
      link.parentNode.removeChild(link);
    }, 60000);
  }

  /** The deal in a file's text, or {error: the word for what is wrong, detail}. */
  function parseDealFile(text, playbook) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: "not-json" }; }
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FILE_FORMAT
        || typeof data.version !== "number") {
      return { error: "wrong-shape" };
    }
    if (data.version > FILE_VERSION) return { error: "newer" };
    if (typeof data.playbook !== "string") return { error: "wrong-shape" };
    if (data.playbook !== playbook) return { error: "other-playbook", detail: data.playbook.slice(0, MAX_DEAL_NAME) };
    var deal = typeof data.deal === "string" ? data.deal.trim() : "";
    var ticks = data.ticks;
    if (!deal || deal.length > MAX_DEAL_NAME || !Array.isArray(ticks) || ticks.length > MAX_TICKS) {
      return { error: "wrong-shape" };
    }
    var unique = [];
    for (var i = 0; i < ticks.length; i++) {
      if (typeof ticks[i] !== "string" || !ticks[i] || ticks[i].length > 300) return { error: "wrong-shape" };
      if (unique.indexOf(ticks[i]) < 0) unique.push(ticks[i]);
    }
    return { deal: deal, ticks: unique };
  }

  function readDealFile(file, playbook, then) {
    if (file.size > MAX_FILE_BYTES) return then({ error: "too-large" });
    var reader = new FileReader();
    reader.onload = function () { then(parseDealFile(String(reader.result), playbook)); };
    reader.onerror = function () { then({ error: "unreadable" }); };
    reader.readAsText(file);
  }

  /* ---------- the checklist: the deal in use, its ticks, and what the rep can do with them ---------- */

  function word(c, name, values) {
    return format(c.bar.getAttribute("data-msg-" + name) || name, values || []);
  }

  function save(c) {
    writeState(c.store, c.storeKey, c.state);
  }

  /** Shows the deal in use everywhere: the picker, the boxes, the counts, the old ticks, the printout. */
  function refresh(c) {
    fillDealPicker(c);
    showTicks(c.boxes, ticksOf(c.state, c.state.current));
    showProgress();
    showStaleTicks(c);
    each(document.querySelectorAll(".print-deal-name"), function (name) { name.textContent = c.state.current; });
  }

  function fillDealPicker(c) {
    c.select.innerHTML = "";
    c.state.deals.forEach(function (deal) {
      var option = document.createElement("option");
      option.value = deal;
      option.textContent = deal;
      option.selected = deal === c.state.current;
      c.select.appendChild(option);
    });
    var remove = document.getElementById("deal-delete");
    if (remove) remove.disabled = c.state.deals.length < 2;
  }

  function showStaleTicks(c) {
    var stale = staleTicks(ticksOf(c.state, c.state.current), c.known, c.stageId);
    if (!stale.length) return c.notices.remove("stale-ticks");
    c.notices.show("stale-ticks", pluralWord(c.bar, "stale", stale.length), [{
      label: word(c, "discard-stale"),
      className: "notice-action",
      run: function () {
        c.state.ticks[c.state.current] = ticksOf(c.state, c.state.current).filter(function (k) { return stale.indexOf(k) < 0; });
        changed(c);
        refresh(c);
      }
    }]);
  }

  /** A change made since an undoable one: undoing would take that back too, so Undo goes. */
  function changed(c) {
    c.notices.remove("undo");
    save(c);
  }

  /** Does what a button asks at once, and offers to take it back until the next change. */
  function undoable(c, message, change) {
    var before = copyOf(c.state);
    change();
    save(c);
    refresh(c);
    c.notices.show("undo", message, [{
      label: word(c, "undo"),
      className: "notice-action",
      run: function () {
        c.state = before;
        save(c);
        refresh(c);
      }
    }]);
  }

  function wireBoxes(c) {
    c.boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var key = box.getAttribute("data-key");
        var on = ticksOf(c.state, c.state.current).filter(function (t) { return t !== key; });
        if (box.checked) on.push(key);
        c.state.ticks[c.state.current] = on;
        changed(c);
        // the same item may have two boxes on a page (a stage page's list and its printable checklist)
        showTicks(c.boxes, on);
        showProgress();
      });
    });
  }

  function wireDealPicker(c) {
    c.select.addEventListener("change", function () {
      c.state.current = c.select.value;
      changed(c);
      refresh(c);
    });
  }

  function wireNewDeal(c) {
    var form = c.bar.querySelector(".deal-new");
    if (!form) return;
    var name = document.getElementById("deal-name");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var deal = name.value.trim().slice(0, MAX_DEAL_NAME);
      if (!deal) return;
      if (c.state.deals.indexOf(deal) < 0) c.state.deals.push(deal);
      c.state.current = deal;
      name.value = "";
      changed(c);
      refresh(c);
    });
  }

  function wireClear(c) {
    var button = document.getElementById("checklist-reset");
    if (!button) return;
    button.addEventListener("click", function () {
      var deal = c.state.current;
      if (!ticksOf(c.state, deal).length) return;
      undoable(c, word(c, "cleared", [deal]), function () { c.state.ticks[deal] = []; });
    });
  }

  function wireDelete(c) {
    var button = document.getElementById("deal-delete");
    if (!button) return;
    button.addEventListener("click", function () {
      if (c.state.deals.length < 2) return;
      var deal = c.state.current;
      undoable(c, word(c, "deleted", [deal]), function () {
        delete c.state.ticks[deal];
        c.state.deals = c.state.deals.filter(function (d) { return d !== deal; });
        c.state.current = c.state.deals[0];
      });
    });
  }

  function wireExport(c) {
    var button = document.getElementById("deal-export");
    if (!button) return;
    button.addEventListener("click", function () {
      download(fileName(c.playbook, c.state.current), dealFile(c));
    });
  }

  function wireImport(c) {
    var button = document.getElementById("deal-import-button");
    var input = document.getElementById("deal-import");
    if (!button || !input) return;
    button.addEventListener("click", function () {
      input.value = "";
      input.click();
    });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      readDealFile(file, c.playbook, function (found) {
        if (found.error) {
          c.notices.show("import-error", word(c, found.error, [found.detail || ""]), [], true);
          return;
        }
        c.notices.remove("import-error");
        importDeal(c, found);
      });
    });
  }

  /** A deal from a file becomes the deal in use; one of the same name gets the file's ticks. */
  function importDeal(c, found) {
    var known = c.state.deals.indexOf(found.deal) >= 0;
    undoable(c, word(c, known ? "import-replaced" : "imported", [found.deal]), function () {
      if (!known) c.state.deals.push(found.deal);
      c.state.ticks[found.deal] = found.ticks;
      c.state.current = found.deal;
    });
  }

  /** Blank sheets print by default; with the option, the deal's name and ticks print too. */
  function wirePrintOption() {
    var option = document.getElementById("print-ticks");
    if (!option) return;
    var follow = function () { document.body.classList.toggle("print-ticks", option.checked); };
    option.addEventListener("change", follow);
    follow();
  }

  function followOtherTabs(c) {
    window.addEventListener("storage", function (event) {
      if (event.key !== c.storeKey) return;
      c.state = readState(c.store, c.storeKey, c.defaultDeal);
      c.notices.remove("undo");
      refresh(c);
    });
  }

  function setUpChecklist() {
    var bar = document.querySelector("[data-checklist-controls]");
    if (!bar) return;
    var c = {
      bar: bar,
      playbook: bar.getAttribute("data-playbook"),
      playbookVersion: bar.getAttribute("data-playbook-version"),
      stageId: bar.getAttribute("data-stage-page"),
      defaultDeal: bar.getAttribute("data-default-deal") || "Deal",
      select: document.getElementById("deal-select"),
      boxes: boxesIn(document),
      notices: noticeBoard(document.getElementById("notices") || document.body, bar.getAttribute("data-msg-dismiss") || "×")
    };
    c.storeKey = "playbook-checklist:" + c.playbook;
    c.known = keysOf(c.boxes);
    c.store = openStorage(function () {
      c.notices.show("storage-note", word(c, "no-storage"));
    });
    c.state = readState(c.store, c.storeKey, c.defaultDeal);
    wireBoxes(c);
    wireDealPicker(c);
    wireNewDeal(c);
    wireClear(c);
    wireDelete(c);
    wireExport(c);
    wireImport(c);
    wirePrintOption();
    followOtherTabs(c);
    refresh(c);
  }

  function start() {
    keepPlaceAcrossReloads();
    setUpPrinting();
    setUpPictures();
    setUpDiagramZoom();
    setUpSearch();
    setUpChecklist();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
