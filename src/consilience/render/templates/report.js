// The story page's only script: citation popovers, jumping to the cited words, sorting the
// fact matrix, opening every article before printing. Article text is only ever set with
// textContent, never parsed as HTML.
(function () {
  "use strict";
  var popover = document.getElementById("popover");
  if (!popover) { return; }
  var current = null;
  var QUOTE = 600;

  function marksOf(anchor) {
    return document.querySelectorAll('mark[data-s~="' + CSS.escape(anchor) + '"]');
  }

  function targetOf(link) {
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#" || href.length < 2) { return null; }
    try { return decodeURIComponent(href.slice(1)); } catch (error) { return href.slice(1); }
  }

  function reveal(anchor) {
    var element = document.getElementById(anchor);
    if (!element) { return null; }
    var details = element.closest("details");
    if (details) { details.open = true; }
    document.querySelectorAll("mark.active").forEach(function (mark) {
      mark.classList.remove("active");
    });
    marksOf(anchor).forEach(function (mark) { mark.classList.add("active"); });
    return element;
  }

  function jump(anchor) {
    var element = reveal(anchor);
    if (!element) { return; }
    var first = marksOf(anchor)[0] || element;
    first.scrollIntoView({block: "center"});
    if (history.replaceState) { history.replaceState(null, "", "#" + anchor); }
  }

  function hide() {
    popover.hidden = true;
    current = null;
  }

  function add(parent, tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    parent.appendChild(node);
    return node;
  }

  // What a citation shows comes from the page itself: the words are the marked text of the
  // span in its article, the outlet and date are the article's.
  function quoteOf(anchor) {
    var words = Array.prototype.map.call(marksOf(anchor), function (mark) {
      return mark.textContent;
    }).join("").replace(/\s+/g, " ").trim();
    return words.length > QUOTE ? words.slice(0, QUOTE - 1).trim() + "\u2026" : words;
  }

  function show(link) {
    var anchor = targetOf(link);
    var target = anchor && document.getElementById(anchor);
    if (!target) { return; }
    var article = target.closest("details.article") || {dataset: {}};
    current = link;
    popover.textContent = "";
    var data = article.dataset;
    add(popover, "p", [data.label, data.outlet, data.date].filter(Boolean).join(" · "), "pop-head");
    var quote = target.matches("details.article") ? "" : quoteOf(anchor);
    if (quote) { add(popover, "blockquote", quote, "pop-quote"); }
    if (data.title) { add(popover, "p", data.title, "pop-title"); }
    var actions = add(popover, "p", "", "pop-actions");
    var go = add(actions, "a", "Show in the article", "pop-goto");
    go.setAttribute("href", "#" + anchor);
    var close = add(actions, "button", "Close", "pop-close");
    close.type = "button";
    reveal(anchor);
    popover.hidden = false;
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 8));
    popover.style.left = left + "px";
    popover.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.closest(".pop-close")) { hide(); return; }
    var goto = target.closest("a.pop-goto");
    if (goto) { event.preventDefault(); jump(targetOf(goto)); hide(); return; }
    var cite = target.closest("a.cite");
    if (cite) { event.preventDefault(); show(cite); return; }
    var internal = target.closest("a[href^='#']");
    if (internal) {
      var anchor = targetOf(internal);
      if (anchor && document.getElementById(anchor)) { event.preventDefault(); jump(anchor); }
    }
    if (!popover.contains(target)) { hide(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) { var link = current; hide(); link.focus(); }
  });

  // Sorting the fact matrix: by support (independent sources, then articles), by the fact's
  // order in the story, or by one outlet's column (states, then contradicts, then silent).
  var matrix = document.getElementById("fact-matrix");
  if (matrix) {
    var body = matrix.tBodies[0];
    matrix.querySelectorAll("button.sort").forEach(function (button) {
      button.addEventListener("click", function () {
        var descending = button.getAttribute("aria-sort") !== "descending";
        matrix.querySelectorAll("button.sort").forEach(function (other) { other.removeAttribute("aria-sort"); });
        button.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var kind = button.dataset.sort;
        var column = Number(button.dataset.column);
        function key(row) {
          if (kind === "support") { return [Number(row.dataset.support), Number(row.dataset.articles)]; }
          if (kind === "column") { return [Number(row.cells[2 + column].dataset.state), Number(row.dataset.support)]; }
          return [-Number(row.dataset.order), 0];
        }
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = (x[0] - y[0]) || (x[1] - y[1]) || (Number(b.dataset.order) - Number(a.dataset.order));
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
    hide();
  });
  window.addEventListener("hashchange", function () {
    var anchor = targetOf({getAttribute: function () { return location.hash; }});
    if (anchor) { jump(anchor); }
  });
  if (location.hash.length > 1) {
    var start = targetOf({getAttribute: function () { return location.hash; }});
    if (start && document.getElementById(start)) { jump(start); }
  }
})();
