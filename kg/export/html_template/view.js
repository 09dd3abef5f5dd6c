/* kg HTML view: search, filters, neighbourhood highlight and details panel over vis-network.
 * Every piece of paper text reaches the DOM through textContent or a text node, never as
 * markup; links are only ever built from http(s) URLs checked here and in Python. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var INFO = DATA.info;
  var KINDS = DATA.kinds;
  var STYLE = {};
  KINDS.forEach(function (k) { STYLE[k.kind] = k; });
  var FALLBACK = { kind: "", plural: "Other", shape: "dot", color: "#8c8c8c", border: "#696969" };
  var DIM = { background: "#eef0f3", border: "#dde1e6" };
  var DIM_FONT = "#c3c8cf";
  var FONT = "#1f2933";
  var SVG = "http://www.w3.org/2000/svg";
  var root = document.documentElement;

  var state = { view: "graph", hidden: new Set(), minDegree: 0, selected: null, ready: false };
  var views = {
    graph: makeView("graph", DATA.graph, document.getElementById("kg-network")),
    papers: makeView("papers", DATA.papers, document.getElementById("kg-network-papers"))
  };

  // -- small DOM helpers: text only ----------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function styleOf(kind) { return STYLE[kind] || FALLBACK; }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(url, text) {
    var href = safeUrl(url);
    if (!href) return el("span", null, text || url);
    var a = el("a", "kg-link", text || url);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function swatch(kind) {
    var s = styleOf(kind);
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 14 14");
    svg.setAttribute("class", "kg-swatch");
    svg.setAttribute("aria-hidden", "true");
    var shapes = {
      dot: ["circle", { cx: 7, cy: 7, r: 6 }],
      diamond: ["polygon", { points: "7,0.5 13.5,7 7,13.5 0.5,7" }],
      square: ["rect", { x: 1.5, y: 1.5, width: 11, height: 11 }],
      triangle: ["polygon", { points: "7,1 13.5,13 0.5,13" }],
      triangleDown: ["polygon", { points: "0.5,1 13.5,1 7,13" }],
      star: ["polygon", { points: "7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.2 2.9,13 4.2,8.2 0.5,5.2 5.2,5" }]
    };
    var spec = shapes[s.shape] || shapes.dot;
    var shape = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (key) { shape.setAttribute(key, spec[1][key]); });
    shape.setAttribute("fill", s.color);
    svg.appendChild(shape);
    return svg;
  }

  function status(message) { document.getElementById("kg-status").textContent = message; }

  function displayName(id) {
    var info = INFO[id] || {};
    return info.title || info.name || id;
  }

  // -- the two networks ----------------------------------------------------------------------

  function makeView(name, data, container) {
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var adjacency = {};
    data.edges.forEach(function (e) {
      (adjacency[e.from] = adjacency[e.from] || []).push({ other: e.to, edge: e });
      (adjacency[e.to] = adjacency[e.to] || []).push({ other: e.from, edge: e });
    });
    var visible = new vis.DataView(nodes, { filter: function (n) { return isVisible(n.id); } });
    return { name: name, data: data, nodes: nodes, edges: edges, adjacency: adjacency, visible: visible,
             container: container, network: null, settled: false, dimmed: false };
  }

  function isVisible(id) {
    var info = INFO[id];
    return !state.hidden.has(info.kind) && (info.degree || 0) >= state.minDegree;
  }

  function createNetwork(view) {
    var network = new vis.Network(view.container, { nodes: view.visible, edges: view.edges }, view.data.options);
    view.network = network;
    network.on("click", function (params) {
      if (params.nodes.length) select(params.nodes[0], { focus: false });
      else if (params.edges.length && view.name === "papers") showLink(view, params.edges[0]);
      else clearSelection();
    });
    var settle = function () {
      view.settled = true;
      storePositions(view);
      network.fit({ animation: false });
      network.once("afterDrawing", function () { if (view.name === "graph") markReady(); });
      network.redraw();
    };
    if (view.data.physics && view.data.nodes.length) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        settle();
      });
    } else {
      settle();
    }
    return network;
  }

  function storePositions(view) {
    if (!view.network) return;
    var positions = view.network.getPositions();
    view.nodes.update(Object.keys(positions).map(function (id) {
      return { id: id, x: positions[id].x, y: positions[id].y };
    }));
  }

  function markReady() {
    if (state.ready) return;
    state.ready = true;
    window.kgReadyAt = performance.now();
    root.setAttribute("data-kg-state", "ready");
  }

  /* The canvas shares the row with the panel: tell vis-network at once when its box changes. */
  function resized() {
    var view = current();
    if (view.network) view.network.setSize("100%", "100%");
  }

  function current() { return views[state.view]; }

  function switchView(name) {
    if (name === state.view) return;
    clearSelection();
    state.view = name;
    Object.keys(views).forEach(function (key) { views[key].container.hidden = key !== name; });
    var view = current();
    if (!view.network) createNetwork(view);
    else { view.network.redraw(); view.network.fit({ animation: false }); }
    document.querySelector("input[name=kg-view][value=" + name + "]").checked = true;
    renderStats();
  }

  // -- filters -------------------------------------------------------------------------------

  function applyFilters() {
    Object.keys(views).forEach(function (key) {
      var view = views[key];
      if (view.network) storePositions(view);
      view.visible.refresh();
    });
    if (state.selected && !isVisible(state.selected)) clearSelection();
    else if (state.selected) highlight(current(), state.selected);
    renderCounts();
    renderStats();
  }

  function buildKindFilters() {
    var box = document.getElementById("kg-kinds");
    KINDS.forEach(function (k) {
      var label = el("label");
      var input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = k.kind;
      input.id = "kg-kind-" + k.kind;
      input.addEventListener("change", function () {
        if (input.checked) state.hidden.delete(k.kind); else state.hidden.add(k.kind);
        applyFilters();
      });
      label.appendChild(input);
      label.appendChild(swatch(k.kind));
      label.appendChild(el("span", "kg-kind-name", k.plural));
      var count = el("span", "kg-count");
      count.setAttribute("data-kind", k.kind);
      label.appendChild(count);
      box.appendChild(label);
    });
    var maxDegree = 0;
    Object.keys(INFO).forEach(function (id) { maxDegree = Math.max(maxDegree, INFO[id].degree || 0); });
    var slider = document.getElementById("kg-min-degree");
    slider.max = String(Math.max(1, Math.min(maxDegree, 50)));
    slider.addEventListener("input", function () {
      state.minDegree = Number(slider.value);
      document.getElementById("kg-min-degree-value").textContent = slider.value;
      applyFilters();
    });
    document.getElementById("kg-reset").addEventListener("click", resetFilters);
    document.getElementById("kg-fit").addEventListener("click", function () {
      if (current().network) current().network.fit({ animation: { duration: 300 } });
    });
    document.querySelectorAll("input[name=kg-view]").forEach(function (input) {
      input.addEventListener("change", function () { if (input.checked) switchView(input.value); });
    });
  }

  function resetFilters() {
    state.hidden.clear();
    state.minDegree = 0;
    document.querySelectorAll("#kg-kinds input").forEach(function (input) { input.checked = true; });
    document.getElementById("kg-min-degree").value = "0";
    document.getElementById("kg-min-degree-value").textContent = "0";
    applyFilters();
  }

  function renderCounts() {
    var totals = {}, shown = {};
    views.graph.nodes.forEach(function (n) {
      var kind = INFO[n.id].kind;
      totals[kind] = (totals[kind] || 0) + 1;
      if (isVisible(n.id)) shown[kind] = (shown[kind] || 0) + 1;
    });
    document.querySelectorAll(".kg-count").forEach(function (span) {
      var kind = span.getAttribute("data-kind");
      var total = totals[kind] || 0, visible = shown[kind] || 0;
      span.textContent = visible === total ? String(total) : visible + " / " + total;
    });
  }

  function renderStats() {
    var view = current();
    var nodes = view.visible.length;
    var edges = 0;
    view.edges.forEach(function (e) { if (isVisible(e.from) && isVisible(e.to)) edges += 1; });
    var papers = view.visible.get({ filter: function (n) { return INFO[n.id].kind === "Paper"; } }).length;
    var text = view.name === "graph"
      ? papers + " papers · " + (nodes - papers) + " entities · " + edges + " links"
      : papers + " papers · " + edges + " links through shared entities (up to " + DATA.related_per_paper + " per paper)";
    document.getElementById("kg-stats").textContent = text;
  }

  // -- selection: neighbourhood highlight and side panel -------------------------------------

  function neighbours(view, id) {
    var set = new Set([id]);
    (view.adjacency[id] || []).forEach(function (a) { set.add(a.other); });
    return set;
  }

  function highlight(view, id) {
    var keep = neighbours(view, id);
    var nodeUpdates = [];
    view.nodes.forEach(function (n) {
      var style = styleOf(INFO[n.id].kind);
      var on = keep.has(n.id);
      var border = n.id === id ? "#111111" : style.border;
      nodeUpdates.push({
        id: n.id,
        color: on ? { background: style.color, border: border, highlight: { background: style.color, border: border } } : DIM,
        font: { color: on ? FONT : DIM_FONT }
      });
    });
    view.nodes.update(nodeUpdates);
    view.edges.update(view.edges.map(function (e) {
      var on = e.from === id || e.to === id;
      return { id: e.id, color: on ? { color: "#3b4656", opacity: 1 } : { color: "#e6e9ee", opacity: 1 } };
    }));
    view.dimmed = true;
    // selected nodes are drawn last: the neighbourhood stays on top of the dimmed rest
    if (view.network) view.network.selectNodes(Array.from(keep).filter(isVisible), false);
    return keep;
  }

  function unhighlight(view) {
    if (!view.dimmed) return;
    view.nodes.update(view.nodes.map(function (n) {
      var style = styleOf(INFO[n.id].kind);
      return { id: n.id, color: { background: style.color, border: style.border }, font: { color: FONT } };
    }));
    view.edges.update(view.edges.map(function (e) { return { id: e.id, color: { color: "#b8c0cc", opacity: 1 } }; }));
    view.dimmed = false;
  }

  function clearSelection() {
    Object.keys(views).forEach(function (key) { unhighlight(views[key]); });
    if (current().network) current().network.unselectAll();
    state.selected = null;
    var panel = document.getElementById("kg-panel");
    if (!panel.hidden) { panel.hidden = true; resized(); }
    root.removeAttribute("data-kg-selected");
  }

  /* Select a node by id: reveal it if filtered out, switch views if needed, highlight, focus. */
  function select(id, options) {
    options = options || {};
    if (!INFO[id]) return;
    if (!isVisible(id)) {
      resetFilters();
      status("Filters reset to show " + displayName(id) + ".");
    }
    var view = current();
    if (!view.nodes.get(id)) { switchView("graph"); view = current(); }
    state.selected = id;
    highlight(view, id);
    showPanel(view, id);
    root.setAttribute("data-kg-selected", id);
    if (options.focus) {
      var scale = Math.max(view.network.getScale(), 1.1);
      view.network.focus(id, { scale: scale, animation: options.animate === false ? false : { duration: 350 } });
    }
  }

  function openPanel() {
    var panel = document.getElementById("kg-panel");
    var body = document.getElementById("kg-panel-body");
    body.textContent = "";
    var wasHidden = panel.hidden;
    panel.hidden = false;
    panel.scrollTop = 0;
    if (wasHidden) resized();
    return body;
  }

  function kindBadge(kind) {
    var badge = el("span", "kg-kind");
    badge.appendChild(swatch(kind));
    badge.appendChild(document.createTextNode(kind || "Node"));
    return badge;
  }

  function entityButton(id, text) {
    var button = el("button", "kg-entity", text || displayName(id));
    button.type = "button";
    button.addEventListener("click", function () { select(id, { focus: true }); });
    return button;
  }

  function showPanel(view, id) {
    var info = INFO[id];
    var body = openPanel();
    body.appendChild(kindBadge(info.kind));
    if (info.kind === "Paper") paperPanel(body, id, info);
    else entityPanel(body, id, info);
  }

  function paperPanel(body, id, info) {
    body.appendChild(el("h2", "kg-title", info.title));
    var meta = [];
    if (info.authors && info.authors.length) {
      meta.push(info.authors.slice(0, 8).join(", ") + (info.authors.length > 8 ? " et al." : ""));
    }
    if (info.published) meta.push(info.published);
    if (meta.length) body.appendChild(el("p", "kg-meta", meta.join(" · ")));
    var links = el("p", "kg-meta");
    if (info.url) links.appendChild(link(info.url, "Open paper"));
    if (info.arxiv_id) {
      if (links.childNodes.length) links.appendChild(document.createTextNode(" · "));
      links.appendChild(document.createTextNode("arXiv " + info.arxiv_id));
    }
    if (info.doi) {
      if (links.childNodes.length) links.appendChild(document.createTextNode(" · "));
      links.appendChild(document.createTextNode("DOI " + info.doi));
    }
    if (links.childNodes.length) body.appendChild(links);

    var edges = views.graph.adjacency[id] || [];
    if (info.abstract) {
      body.appendChild(el("h3", null, "Abstract"));
      body.appendChild(marked(info.abstract, edges, "abstract"));
    }
    var groups = {};
    edges.forEach(function (a) {
      var kind = INFO[a.other] ? INFO[a.other].kind : "";
      (groups[kind] = groups[kind] || []).push(a);
    });
    KINDS.concat([FALLBACK]).forEach(function (k) {
      var items = groups[k.kind];
      if (!items || k.kind === "Paper") return;
      items.sort(function (a, b) { return displayName(a.other).localeCompare(displayName(b.other)); });
      var section = el("section", "kg-group");
      section.setAttribute("data-kind", k.kind);
      var heading = el("h3");
      heading.appendChild(swatch(k.kind));
      heading.appendChild(document.createTextNode(" " + k.plural + " (" + items.length + ")"));
      section.appendChild(heading);
      var list = el("ul");
      items.forEach(function (a) {
        var item = el("li");
        var other = INFO[a.other] || {};
        if (k.kind === "Code" && other.url) {
          item.appendChild(link(other.url, other.name));
          item.appendChild(entityButton(a.other, "(in graph)"));
        } else {
          item.appendChild(entityButton(a.other));
        }
        if (a.edge.rel === "PROPOSES") item.appendChild(el("span", "kg-tag", "proposed"));
        list.appendChild(item);
      });
      section.appendChild(list);
      body.appendChild(section);
    });
    var related = (views.papers.adjacency[id] || []).slice().sort(function (a, b) {
      return (b.edge.value || 0) - (a.edge.value || 0) || displayName(a.other).localeCompare(displayName(b.other));
    });
    if (related.length) {
      body.appendChild(el("h3", null, "Related papers (" + related.length + ")"));
      var list = el("ul");
      related.forEach(function (a) {
        var item = el("li");
        item.appendChild(entityButton(a.other));
        item.appendChild(el("span", "kg-weight", sharedText(a.edge)));
        list.appendChild(item);
      });
      body.appendChild(list);
    }
  }

  function sharedText(edge) {
    var names = (edge.shared || []).map(displayName);
    return names.length ? "shares " + names.join(", ") : "";
  }

  /* The abstract as text nodes, with the mentions the graph links to marked. */
  function marked(text, edges, field) {
    var spans = [];
    edges.forEach(function (a) {
      var at = a.edge.at;
      if (at && at[0] === field && at[1] >= 0 && at[2] <= text.length && at[1] < at[2]) {
        spans.push({ start: at[1], end: at[2], id: a.other });
      }
    });
    spans.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var p = el("p", "kg-abstract");
    var pos = 0;
    spans.forEach(function (s) {
      if (s.start < pos) return;
      p.appendChild(document.createTextNode(text.slice(pos, s.start)));
      var mark = el("mark", null, text.slice(s.start, s.end));
      mark.title = (INFO[s.id] ? INFO[s.id].kind + ": " : "") + displayName(s.id);
      p.appendChild(mark);
      pos = s.end;
    });
    p.appendChild(document.createTextNode(text.slice(pos)));
    return p;
  }

  function entityPanel(body, id, info) {
    body.appendChild(el("h2", "kg-title", info.name));
    if (info.kind === "Code" && info.url) {
      var p = el("p");
      p.appendChild(link(info.url, info.url));
      if (info.link_type) p.appendChild(el("span", "kg-tag", info.link_type.replace("_", " ")));
      body.appendChild(p);
    }
    if (info.aliases && info.aliases.length) body.appendChild(el("p", "kg-meta", "Also: " + info.aliases.join("; ")));
    var meta = [];
    if (info.paper_count) meta.push("in " + info.paper_count + (info.paper_count === 1 ? " paper" : " papers"));
    if (info.first_seen) meta.push("first seen " + info.first_seen);
    if (meta.length) body.appendChild(el("p", "kg-meta", meta.join(" · ")));
    var papers = (views.graph.adjacency[id] || []).slice().sort(function (a, b) {
      return displayName(a.other).localeCompare(displayName(b.other));
    });
    if (papers.length) {
      body.appendChild(el("h3", null, "Papers (" + papers.length + ")"));
      var list = el("ul");
      papers.forEach(function (a) {
        var item = el("li");
        item.appendChild(entityButton(a.other));
        if (a.edge.rel) item.appendChild(el("span", "kg-tag", a.edge.rel.toLowerCase().replace("_", " ")));
        list.appendChild(item);
      });
      body.appendChild(list);
    }
  }

  function showLink(view, edgeId) {
    var edge = view.edges.get(edgeId);
    if (!edge) return;
    clearSelection();
    var body = openPanel();
    body.appendChild(el("h2", null, "Related papers"));
    var list = el("ul");
    [edge.from, edge.to].forEach(function (id) {
      var item = el("li");
      item.appendChild(entityButton(id));
      list.appendChild(item);
    });
    body.appendChild(list);
    body.appendChild(el("h3", null, "Shared (" + (edge.shared || []).length + ")"));
    var shared = el("ul");
    (edge.shared || []).forEach(function (id) {
      var item = el("li");
      item.appendChild(swatch(INFO[id] ? INFO[id].kind : ""));
      item.appendChild(INFO[id] ? entityButton(id) : el("span", null, id));
      shared.appendChild(item);
    });
    body.appendChild(shared);
  }

  // -- search --------------------------------------------------------------------------------

  var index = Object.keys(INFO).map(function (id) {
    var info = INFO[id];
    var label = displayName(id);
    var texts = [label].concat(info.aliases || []);
    return { id: id, label: label, lower: label.toLowerCase(), hay: texts.join("\n").toLowerCase(), degree: info.degree || 0 };
  });

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var rank = entry.lower === q ? 0 : entry.lower.indexOf(q) === 0 ? 1 : entry.hay.split("\n").some(function (t) { return t === q; }) ? 1
        : entry.lower.indexOf(q) > 0 ? 2 : entry.hay.indexOf(q) >= 0 ? 3 : -1;
      if (rank >= 0) hits.push({ entry: entry, rank: rank });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.entry.degree - a.entry.degree || a.entry.label.localeCompare(b.entry.label);
    });
    return hits.slice(0, 12).map(function (h) { return h.entry; });
  }

  function setupSearch() {
    var input = document.getElementById("kg-search");
    var list = document.getElementById("kg-results");
    var hits = [], active = -1;

    function choose(entry) {
      list.hidden = true;
      input.value = entry.label;
      select(entry.id, { focus: true });
      status("Found " + INFO[entry.id].kind.toLowerCase() + ": " + entry.label);
    }

    function render() {
      list.textContent = "";
      hits.forEach(function (entry, i) {
        var item = el("li");
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", i === active ? "true" : "false");
        var button = el("button");
        button.type = "button";
        button.tabIndex = -1;
        button.appendChild(swatch(INFO[entry.id].kind));
        button.appendChild(el("span", null, entry.label));
        var alias = (INFO[entry.id].aliases || []).filter(function (a) {
          return a.toLowerCase().indexOf(input.value.trim().toLowerCase()) >= 0;
        })[0];
        if (alias && entry.lower.indexOf(input.value.trim().toLowerCase()) < 0) button.appendChild(el("span", "kg-hint", "aka " + alias));
        if (!isVisible(entry.id)) button.appendChild(el("span", "kg-hint", "hidden by filters"));
        button.addEventListener("mousedown", function (event) { event.preventDefault(); choose(entry); });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = hits.length === 0;
    }

    input.addEventListener("input", function () {
      hits = search(input.value);
      active = hits.length ? 0 : -1;
      render();
      status(input.value.trim() ? (hits.length ? hits.length + (hits.length === 12 ? "+" : "") + " matches" : "No matches") : "");
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!hits.length) return;
        active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
        render();
        event.preventDefault();
      } else if (event.key === "Enter") {
        if (!hits.length) hits = search(input.value);
        if (hits.length) choose(hits[Math.max(active, 0)]);
        else status("No matches");
        event.preventDefault();
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
    input.addEventListener("blur", function () { list.hidden = true; });
    input.addEventListener("focus", function () { if (hits.length) list.hidden = false; });
  }

  // -- start ---------------------------------------------------------------------------------

  if (DATA.notice) {
    var notice = document.getElementById("kg-notice");
    notice.textContent = DATA.notice;
    notice.hidden = false;
  }
  document.getElementById("kg-panel-close").addEventListener("click", clearSelection);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.activeElement !== document.getElementById("kg-search")) clearSelection();
  });
  buildKindFilters();
  setupSearch();
  renderCounts();
  renderStats();
  createNetwork(views.graph);

  /* A small scripting and testing handle; the page itself does not depend on it. */
  window.kgView = {
    views: views,
    select: function (id) { select(id, { focus: true, animate: false }); },
    switchView: switchView,
    visibleNodes: function () { return current().visible.getIds(); },
    drawnNodes: function () { return current().network ? current().network.body.nodeIndices.slice() : []; },
    info: function (id) { return INFO[id]; }
  };
})();
