// The chart element's scrub sliders and chart answers (ui/chart.py: Scrub, Capture).
//
// A scrub is an <input type=range> over the indices of a grid of one control's values, drawn
// above the plot. Its frames (what changes in the figure at each grid value) arrive once per
// figure: float32 blocks over all frames, decoded once into one typed array each, frame i being
// a view into it. Moving the thumb (mouse, touch, keys) restyles the plot from those frames at
// once, with no message to the server; when the drag ends or a key moved it, the value goes to
// the server as the element's state value {value, seq} (seq: every send is a change), where a
// callback checks it against the grid and stores it as the control's value.

function bytesOf(b64) {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

// one frame's value of a block: a view (1-D) or an array of row views (2-D)
function view(flat, shape, i) {
  const size = shape.reduce((a, b) => a * b, 1);
  const part = flat.subarray(i * size, (i + 1) * size);
  if (shape.length < 2) return part;
  const rows = [];
  for (let r = 0; r < shape[0]; r++) rows.push(part.subarray(r * shape[1], (r + 1) * shape[1]));
  return rows;
}

function levelsToFloat(bytes, lo, hi, size) {
  // uint8 levels of each frame to float32 once: lo + level·(hi − lo)/255
  const out = new Float32Array(bytes.length);
  for (let f = 0; f * size < bytes.length; f++) {
    const a = lo[f], k = (hi[f] - lo[f]) / 255;
    for (let j = f * size; j < (f + 1) * size; j++) out[j] = a + bytes[j] * k;
  }
  return out;
}

function decodeValue(v) {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const shape = v.shape || [];
  if (v.f4 !== undefined) {
    const b = bytesOf(v.f4);
    return view(new Float32Array(b.buffer, 0, b.length / 4), shape, 0);
  }
  if (v.u1 !== undefined) {
    const b = bytesOf(v.u1);
    return view(levelsToFloat(b, [v.lo], [v.hi], b.length), shape, 0);
  }
  return v;
}

// A scrub's frames decoded: frame(i) -> {traces, data (per trace), layout}
export function decodeScrub(spec) {
  const n = spec.values.length;
  const blocks = (spec.blocks || []).map((b) => {
    const size = b.shape.reduce((x, y) => x * y, 1);
    const raw = bytesOf(b.f4 !== undefined ? b.f4 : b.u1);
    const flat = b.f4 !== undefined ? new Float32Array(raw.buffer, 0, raw.length / 4)
      : levelsToFloat(raw, b.lo, b.hi, size);
    return { trace: b.trace, attr: b.attr, shape: b.shape, flat };
  });
  const rest = (spec.rest || []).map((r) => {
    const data = {};
    for (const t of Object.keys(r.data || {})) {
      data[t] = {};
      for (const [a, v] of Object.entries(r.data[t])) data[t][a] = decodeValue(v);
    }
    return { data, layout: r.layout || {} };
  });
  // whole traces sent once; a frame's {"prefix": [a, b]} for a trace shows points a … b − 1 of
  // them (views into the one decoded array: nothing is copied per frame)
  const full = {};
  for (const b of spec.full || []) {
    const raw = bytesOf(b.f4);
    (full[b.trace] = full[b.trace] || {})[b.attr] = new Float32Array(raw.buffer, 0, raw.length / 4);
  }
  const live = spec.live !== false; // without frames the picture comes from the server
  const frame = (i) => {
    if (!live) return null;
    const per = {};
    for (const b of blocks) (per[b.trace] = per[b.trace] || {})[b.attr] = view(b.flat, b.shape, i);
    const r = rest[i];
    if (r) for (const t of Object.keys(r.data)) Object.assign(per[t] = per[t] || {}, r.data[t]);
    for (const t of Object.keys(per)) {
      const cut = per[t].prefix;
      if (cut === undefined) continue;
      delete per[t].prefix;
      for (const [a, arr] of Object.entries(full[t] || {})) per[t][a] = arr.subarray(cut[0], cut[1]);
    }
    const traces = Object.keys(per).map(Number).sort((a, b) => a - b);
    return { traces, data: traces.map((t) => per[t]), layout: r ? r.layout : {} };
  };
  return { spec, n, frame, live };
}

// Before plotly.js draws: the trace groups the direct path hid are shown again.
export function unhide(gd) {
  for (const g of gd.querySelectorAll(".al-hidden")) {
    g.classList.remove("al-hidden");
    g.style.display = "";
  }
}

// Show frame i of a decoded scrub in the plot: one Plotly.update (restyle + relayout).
export function applyFrame(Plotly, gd, scrub, i, settling = false) {
  const t0 = performance.now();
  const fr = scrub.frame(i);
  if (!fr) return;
  const update = {};
  fr.data.forEach((attrs, k) => {
    for (const [a, v] of Object.entries(attrs)) {
      (update[a] = update[a] || new Array(fr.traces.length).fill(undefined))[k] = v;
    }
  });
  const traces = fr.traces.filter((t) => t < gd.data.length);
  if (traces.length !== fr.traces.length) return;
  unhide(gd);
  Plotly.update(gd, update, keepZoom(gd, fr.layout || {}), traces);
  if (!settling) mark(gd, scrub, i, t0); // the marks time new pictures, not a settling one
}

// A frame's axis (its range following the scrubbed value) leaves alone an axis the user zoomed
// or panned: plotly.js keeps those (layout.uirevision) in the in-place updates, and so does a
// frame. plotly.js notes such an axis's value before the user's change in _preGUI.
function keepZoom(gd, layout) {
  const touched = Object.keys((gd._fullLayout && gd._fullLayout._preGUI) || {});
  const mine = (axis) => touched.some((k) => k.startsWith(axis + ".range") || k === axis + ".autorange");
  let out = layout;
  for (const key of Object.keys(layout)) {
    const [axis, ...rest] = key.split(".");
    if (!/^[xy]axis\d*$/.test(axis) || !mine(axis)) continue;
    if (out === layout) out = Object.assign({}, layout);
    if (rest.length) {
      if (/^(range|autorange)/.test(rest.join("."))) delete out[key];
    } else if (layout[key] && typeof layout[key] === "object") {
      // the axis is replaced whole: with the range the user chose
      const now = gd._fullLayout[axis];
      out[key] = Object.assign({}, layout[key], { autorange: false,
                                                  range: now ? now.range.slice() : layout[key].range });
    }
  }
  return out;
}

// A new figure for the chart (the server's, after a release) keeps the zoom of an axis that a
// scrub's frames move: its range is the user's. (plotly.js's uirevision keeps a zoom only while
// the figure's own value for it stays the same, and a scrubbed value moves it.)
export function holdZoom(gd, layout, scrubs) {
  if (!gd._fullLayout) return layout;
  const moved = new Set();
  for (const scrub of scrubs || []) {
    const fr = scrub.live ? scrub.frame(0) : null;
    for (const key of Object.keys((fr && fr.layout) || {})) moved.add(key.split(".")[0]);
  }
  const kept = Object.keys(keepZoom(gd, Object.fromEntries([...moved].map((a) => [a + ".range", 0]))));
  for (const axis of moved) {
    const now = gd._fullLayout[axis];
    if (kept.includes(axis + ".range") || !now || !Array.isArray(now.range)) continue;
    layout[axis] = Object.assign({}, layout[axis], { range: now.range.slice(), autorange: false });
  }
  return layout;
}

// The direct path while the thumb moves: a frame that only changes the y of lines (scatter traces on
// linear axes, no fill), all inside the axes' current ranges, is drawn by moving those lines'
// SVG points (and their calc data, which the hover reads) — about a millisecond, where
// Plotly.update recalculates and redraws every trace. Anything else, and the end of every drag
// or key press (when autoscaled axes may settle, right after), goes through Plotly.update.
// Returns whether it drew.
function traceGroup(gd, t) {
  for (const g of gd.querySelectorAll(".scatterlayer .trace")) {
    const cd = g.__data__;
    if (cd && cd[0] && cd[0].trace && cd[0].trace.index === t) return g;
  }
  return null;
}

function inside(ax, v) {
  // a value within an axis' current range (log axes hold their range in log10)
  const l = ax.type === "log" ? Math.log10(v) : v;
  const [lo, hi] = ax.range;
  return l >= Math.min(lo, hi) && l <= Math.max(lo, hi);
}

function lineJob(gd, t, tr, attrs) {
  // a scatter trace whose x and/or y change, same point count, all inside the current ranges
  const keys = Object.keys(attrs);
  if (keys.some((k) => k !== "x" && k !== "y")) return null;
  if (tr.type !== "scatter" || (tr.fill && tr.fill !== "none")) return null;
  const sub = gd._fullLayout._plots[(tr.xaxis || "x") + (tr.yaxis || "y")];
  const g = traceGroup(gd, t);
  if (!sub || !g) return null;
  const { xaxis: xa, yaxis: ya } = sub;
  if ([xa, ya].some((a) => a.type !== "linear" && a.type !== "log")) return null;
  const cd = g.__data__;
  // markers that have no point at this value (the loss cursor before the first epoch): hidden
  if (tr.mode === "markers" && keys.every((k) => attrs[k] && attrs[k].length === 0)) {
    return { kind: "line", hide: true, t, tr, cd, g, xa, ya, attrs };
  }
  for (const k of keys) {
    const v = attrs[k], ax = k === "x" ? xa : ya;
    if (!v || v.length === undefined || Array.isArray(v[0]) || v.length !== cd.length) return null;
    for (let i = 0; i < v.length; i++) if (!inside(ax, v[i])) return null;
  }
  return { kind: "line", t, tr, cd, g, xa, ya, attrs };
}

function drawLine(gd, { t, tr, cd, g, xa, ya, attrs, hide }) {
  g.classList.toggle("al-hidden", !!hide);
  g.style.display = hide ? "none" : "";
  if (hide) {
    for (const k of Object.keys(attrs)) { gd.data[t][k] = attrs[k]; tr[k] = attrs[k]; }
    return;
  }
  for (const k of Object.keys(attrs)) {
    for (let i = 0; i < cd.length; i++) cd[i][k] = attrs[k][i];
    gd.data[t][k] = attrs[k];
    tr[k] = attrs[k];
  }
  const at = (c) => xa.c2p(c.x).toFixed(2) + "," + ya.c2p(c.y).toFixed(2);
  const line = g.querySelector("path.js-line");
  if (line) line.setAttribute("d", cd.map((c, i) => (i ? "L" : "M") + at(c)).join(""));
  for (const pt of g.querySelectorAll("path.point")) {
    if (pt.__data__) pt.setAttribute("transform", "translate(" + at(pt.__data__) + ")");
  }
}

// A trace plotly.js left out (visible false: it had no points, e.g. the saturation page's edges
// when none lie inside the x range) and whose frame has no points either: nothing to draw.
const emptyArray = (v) => v != null && typeof v !== "string" && v.length === 0;

export function fastJob(gd, t, attrs) {
  const tr = gd._fullData.find((f) => f.index === t);
  if (tr && tr.visible === false && Object.entries(attrs).every(
    ([k, v]) => emptyArray(v) || k === "name")) return { kind: "none", t, attrs };
  if (!tr || tr.visible !== true) return null;
  if (tr.type === "heatmap") return heatJob(gd, t, tr, attrs);
  if (tr.type === "bar") return barJob(gd, t, tr, attrs);
  return lineJob(gd, t, tr, attrs) || scatterJob(gd, t, tr, attrs);
}

// Horizontal bars without outline or text (the saturation page's shaded strips) on fixed axes:
// each bar's rectangle is written as plotly.js writes it (whole pixels), bars added as copies of
// a drawn one or removed.
function barJob(gd, t, tr, attrs) {
  const keys = Object.keys(attrs);
  if (keys.some((k) => !["x", "base", "y", "width"].includes(k))) return null;
  if (tr.orientation !== "h" || tr.hoverinfo !== "skip" || (tr.marker.line || {}).width ||
      (tr.text !== undefined && tr.text !== "")) return null;
  const sub = gd._fullLayout._plots[(tr.xaxis || "x") + (tr.yaxis || "y")];
  let g = null;
  for (const e of gd.querySelectorAll(".barlayer .trace")) {
    if (e.__data__ && e.__data__[0] && e.__data__[0].trace.index === t) g = e;
  }
  if (!sub || !g || [sub.xaxis, sub.yaxis].some((a) => a.type !== "linear" || a.autorange)) return null;
  const get = (k) => (attrs[k] !== undefined ? attrs[k] : gd.data[t][k]);
  const size = get("x"), base = get("base"), centre = get("y"), width = get("width");
  if (!size || !base || !centre || size.length !== base.length || size.length !== centre.length ||
      typeof width !== "number") return null;
  const holder = g.querySelector("g.points");
  const drawn = [...g.querySelectorAll("g.point")];
  const model = drawn[0] || g.__alBar;
  if (!holder || (!model && size.length)) return null;
  if (drawn[0]) g.__alBar = drawn[0].cloneNode(true);
  return { kind: "bar", t, tr, keys, attrs, holder, drawn, model, size, base, centre, width,
           xa: sub.xaxis, ya: sub.yaxis };
}

function drawBars(gd, job) {
  const { xa, ya, size, base, centre, width, drawn, holder } = job;
  const px = (ax, v) => Math.round(Math.max(-1e5, Math.min(1e5, ax.c2p(v))));
  for (let i = 0; i < size.length; i++) {
    const el = drawn[i] || holder.appendChild(job.model.cloneNode(true));
    const x0 = px(xa, base[i]), x1 = px(xa, base[i] + size[i]);
    const y0 = px(ya, centre[i] - width / 2), y1 = px(ya, centre[i] + width / 2);
    const ok = [x0, x1, y0, y1].every(Number.isFinite);
    el.firstChild.setAttribute("d", ok ? "M" + x0 + "," + y0 + "V" + y1 + "H" + x1 + "V" + y0 + "Z" : "M0,0Z");
  }
  for (let i = size.length; i < drawn.length; i++) drawn[i].remove();
  for (const k of job.keys) { gd.data[job.t][k] = job.attrs[k]; job.tr[k] = job.attrs[k]; }
}

// Scatter traces on axes with fixed ranges whose points, count, marker colours, line colour or
// texts change (the zig-zag's path, arrows, shading and current w): the SVG plotly.js drew is
// rewritten in place — the fill and line paths from the new points, each marker moved (a
// direction marker such as an arrow turned from the angle plotly.js drew it at), markers added
// as copies of a drawn one or removed, texts' numbers replaced. Anything it cannot reproduce
// (a new marker size, a text position, markup it does not know) returns null: Plotly.update.
const SCATTER_KEYS = new Set(["x", "y", "text", "textposition", "hovertemplate", "marker.size",
                              "marker.color", "line.color", "name", "customdata"]);
const EMPTY = "M0,0Z"; // plotly.js's marker of size 0

function nested(obj, name) {
  return name.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setNested(obj, name, value) {
  const parts = name.split(".");
  const last = parts.pop();
  for (const k of parts) obj = obj[k] = obj[k] && typeof obj[k] === "object" ? obj[k] : {};
  obj[last] = value;
}

function scaleColour(tr, v) {
  // a marker colour value through the trace's colour scale (steps only: no blending)
  const m = tr.marker, cs = m.colorscale;
  if (!Array.isArray(cs) || !(m.cmax > m.cmin)) return null;
  const f = Math.max(0, Math.min(1, (v - m.cmin) / (m.cmax - m.cmin)));
  for (let i = 0; i < cs.length; i++) {
    if (cs[i][0] === f) return cs[i][1];
    if (cs[i][0] > f) return i > 0 && cs[i - 1][1] === cs[i][1] ? cs[i][1] : null;
  }
  return null;
}

function pieces(text) {
  // the plain runs of a text with plotly.js's markup (<sub>, <sup>, <b>, <i>), and its tags
  const tags = String(text).match(/<[^>]*>/g) || [];
  const runs = String(text).split(/<[^>]*>/).filter((r) => r !== "");
  return { tags: tags.join(""), runs };
}

function textNodes(node) {
  // the text nodes plotly.js wrote for a text, without its zero-width spacers
  const out = [];
  const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.nodeValue.replace(/\u200b/g, "") !== "") out.push(n);
  }
  return out;
}

function arrowTemplate(g, cd, xa, ya, size) {
  // a drawn directional marker of the given size, and the angle (radians, in pixels) plotly.js
  // drew it at (from the point before it), kept until plotly.js draws the trace again
  const key = [xa.range, ya.range, xa._length, ya._length].join();
  const memo = g.__alArrow;
  if (memo && memo.cd === cd && memo.key === key && memo.size === size) return memo;
  if (g.__alTouched === cd) return null; // redrawn here since plotly.js drew it: not its angles
  const sizes = cd[0].trace.marker.size;
  for (const el of g.querySelectorAll("path.point")) {
    const c = el.__data__, i = cd.indexOf(c);
    if (i < 1 || el.getAttribute("d") === EMPTY) continue;
    if ((c.ms !== undefined ? c.ms : sizes.length !== undefined ? sizes[i] : sizes) !== size) continue;
    // (two points in one place: plotly.js draws the arrow at angle 0, as atan2(0, 0) is)
    const dx = xa.c2p(c.x) - xa.c2p(cd[i - 1].x), dy = ya.c2p(c.y) - ya.c2p(cd[i - 1].y);
    g.__alArrow = { cd, key, size, d: el.getAttribute("d"), angle: Math.atan2(dy, dx), el };
    return g.__alArrow;
  }
  return null;
}

function scatterJob(gd, t, tr, attrs) {
  const keys = Object.keys(attrs);
  if (tr.type !== "scatter" || keys.some((k) => !SCATTER_KEYS.has(k))) return null;
  const sub = gd._fullLayout._plots[(tr.xaxis || "x") + (tr.yaxis || "y")];
  const g = traceGroup(gd, t);
  if (!sub || !g) return null;
  const { xaxis: xa, yaxis: ya } = sub;
  if ([xa, ya].some((a) => a.type !== "linear" || a.autorange)) return null;
  const get = (k) => (attrs[k] !== undefined ? attrs[k] : nested(gd.data[t], k));
  const x = get("x"), y = get("y");
  if (!x || !y || x.length !== y.length) return null;
  const n = x.length, cd = g.__data__;
  // the hover reads the calc data's points: with another count they are remade from the first
  if (n !== cd.length && tr.hoverinfo !== "skip" && !(cd.length && n)) return null;
  const mode = tr.mode || "";
  // a point that is not a number is a gap: no marker, no text, the line broken there
  const px = new Float64Array(n), py = new Float64Array(n), ok = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = xa.c2p(x[i]); py[i] = ya.c2p(y[i]);
    ok[i] = x[i] !== null && y[i] !== null && Number.isFinite(px[i]) && Number.isFinite(py[i]);
    if (!ok[i] && (tr.fill !== "none" || tr.connectgaps || mode.includes("text"))) return null;
  }
  const job = { kind: "scatter", t, tr, g, cd, keys, attrs, px, py, ok, n };
  if (tr.fill && tr.fill !== "none") {
    if (tr.fill !== "toself") return null;
    job.fill = g.querySelector("path.js-fill");
    if (!job.fill) return null;
  }
  const sizes = get("marker.size");
  const sizeAt = (i) => (sizes && sizes.length !== undefined ? sizes[i] : sizes);
  if (mode.includes("markers")) {
    const m = tr.marker;
    if (Array.isArray(m.symbol) || Array.isArray(m.angle)) return null;
    const turning = m.angleref === "previous";
    if (m.angleref !== "previous" && m.angleref !== "up" && m.angleref !== undefined) return null;
    const drawn = [...g.querySelectorAll("path.point")];
    let tmpl = null;
    for (let i = 0; i < n; i++) {
      const s = sizeAt(i);
      if (!s) continue;
      if (tmpl && s !== tmpl.size) return null;
      if (!tmpl) {
        if (turning) tmpl = arrowTemplate(g, cd, xa, ya, s);
        else {
          // a drawn marker of that size (plotly.js's sizes, unless redrawn here since)
          const drawnSize = (k) => (cd[k] && cd[k].ms !== undefined ? cd[k].ms : nested(tr, "marker.size"));
          const el = g.__alTouched === cd ? null : drawn.find((e, k) => e.getAttribute("d") !== EMPTY
            && drawnSize(k) === s);
          tmpl = el ? { d: el.getAttribute("d"), el, size: s } : g.__alMark;
          if (tmpl && tmpl.size !== s) return null;
          g.__alMark = tmpl;
        }
        if (!tmpl) return null;
      }
      if (turning && (i === 0 || !ok[i - 1])) return null; // an arrow with no point before it
    }
    // colours only where the frame sets them (an open symbol's colour is its outline's)
    const colour = attrs["marker.color"];
    if (colour !== undefined && /-open/.test(String(m.symbol))) return null;
    const colours = [];
    for (let i = 0; colour !== undefined && i < n; i++) {
      const c = colour && colour.length !== undefined && typeof colour !== "string"
        ? scaleColour(tr, colour[i]) : colour;
      if (c === null) return null;
      colours.push(c);
    }
    Object.assign(job, { drawn, tmpl, turning, sizeAt, colours,
                         holder: g.querySelector("g.points") });
    if (!job.holder || (!tmpl && !drawn.length && n)) return null;
    if (!tmpl) job.tmpl = { d: EMPTY, el: drawn[0], size: 0 };
  }
  if (mode.includes("lines")) {
    job.lines = [...g.querySelectorAll("path.js-line")];
    if (n >= 2 && !job.lines.length) return null;
    // the line stops short of each marker by its backoff: plotly.js's "auto" is 0.9 of an
    // arrow's size (other symbols: none), a number is pixels (its thinning of near-straight
    // runs is left out: the settling redraw after the drag draws exactly its line)
    const back = tr.line.backoff, symbol = mode.includes("markers") ? tr.marker.symbol : "";
    if (back === "auto") {
      if (/arrow/.test(symbol) && symbol !== "arrow") return null;
      job.back = (s) => (symbol === "arrow" && s ? 0.9 * s : 0);
    } else if (typeof back === "number") job.back = () => back;
    else if (back) return null;
    else job.back = () => 0;
  }
  if (mode.includes("text")) {
    const texts = get("text"), was = nested(gd.data[t], "text");
    const holder = g.querySelector("g.text");
    const nodes = [...g.querySelectorAll("g.textpoint")];
    const pick = (v, i) => (Array.isArray(v) || (v && v.length !== undefined && typeof v !== "string")
      ? v[i] : v);
    const want = [], have = [];
    for (let i = 0; i < n; i++) want.push(pick(texts, i) == null ? "" : String(pick(texts, i)));
    // the texts shown now (the figure's data: the calc data may be older than a direct frame)
    const count = was && was.length !== undefined && typeof was !== "string" ? was.length : cd.length;
    for (let i = 0; i < count; i++) have.push(pick(was, i) == null ? "" : String(pick(was, i)));
    const before = have.map((w, i) => [w, i]).filter(([w]) => w !== "");
    if (!holder || nodes.length !== before.length) return null;
    // each drawn text where plotly.js put it for its position (else its rules are not these)
    for (let k = 0; k < nodes.length; k++) {
      if (!textPlace(tr, pick(tr.textposition, before[k][1]), nodes[k])) return null;
    }
    const edits = [];
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (want[i] === "") continue;
      const node = nodes[k] || (nodes.length && nodes[nodes.length - 1]);
      const text = node && node.querySelector("text");
      const place = textPlace(tr, pick(get("textposition"), i));
      if (!text || !place || /<br>/i.test(want[i])) return null;
      const a = pieces(text.getAttribute("data-unformatted")), b = pieces(want[i]);
      const runs = textNodes(text);
      if (a.tags !== b.tags || a.runs.length !== b.runs.length || runs.length !== a.runs.length) return null;
      edits.push({ node: nodes[k] || null, from: node, i, values: b.runs, raw: want[i], place });
      k++;
    }
    job.texts = edits;
    job.textHolder = holder;
    job.textGone = nodes.slice(k);
  }
  if (keys.includes("name") && attrs.name !== tr.name) {
    if (typeof attrs.name !== "string" || /[<&]/.test(attrs.name) || /[<&]/.test(String(tr.name))) return null;
    let item = null;
    for (const l of gd.querySelectorAll(".legend .traces")) {
      const d0 = l.__data__ && l.__data__[0];
      if (d0 && (d0[0] || d0).trace && (d0[0] || d0).trace.index === t) item = l.querySelector("text.legendtext");
    }
    if (!item && tr.showlegend) return null;
    job.legend = item;
  }
  return job;
}

// Where plotly.js puts a marker's text (its textPointPosition): text-anchor and the offset of
// the text's group, from the position, the font size and the marker's radius; checked against
// what plotly.js drew for the position it drew (else null).
const SIGN = { start: 1, end: -1, middle: 0, top: -1, bottom: 1 };

function textPlace(tr, position, node) {
  // the place for a position; with node, null unless the node stands there
  const v = /top/.test(position) ? "top" : /bottom/.test(position) ? "bottom" : "middle";
  const h = /left/.test(position) ? "end" : /right/.test(position) ? "start" : "middle";
  const size = tr.marker && typeof tr.marker.size === "number" && /markers/.test(tr.mode)
    ? tr.marker.size : 0;
  const r = size ? size / 2 / 0.8 + 1 : 0, font = tr.textfont.size;
  if (typeof font !== "number") return null;
  const place = { anchor: h, dx: SIGN[h] * r, dy: font * 0.75 + SIGN[v] * r + (SIGN[v] - 1) * font / 2 };
  if (!node) return place;
  const m = /translate\((-?[\d.e]+),\s*(-?[\d.e]+)\)/.exec(node.getAttribute("transform") || "");
  return m && Math.abs(m[1] - place.dx) <= 0.01 && Math.abs(m[2] - place.dy) <= 0.01 ? place : null;
}

function drawScatter(gd, job) {
  const { t, tr, g, attrs, px, py, n } = job;
  const at = (i) => px[i].toFixed(2) + "," + py[i].toFixed(2);
  if (job.fill) {
    let d = "";
    for (let i = 0; i < n; i++) d += (i ? "L" : "M") + at(i);
    job.fill.setAttribute("d", n >= 2 ? d + "Z" : ""); // one point fills nothing
  }
  if (job.lines && job.lines.length) {
    const sizeAt = job.sizeAt || (() => 0);
    let d = "";
    const { ok } = job;
    if (n > 1 && (job.back(sizeAt(1)) || job.back(sizeAt(n - 1)))) {
      for (let i = 1; i < n; i++) {
        if (!ok[i] || !ok[i - 1]) continue;
        const dx = px[i] - px[i - 1], dy = py[i] - py[i - 1];
        const len = Math.hypot(dx, dy), cut = job.back(sizeAt(i));
        const f = len > cut ? (len - cut) / len : 1;
        d += "M" + at(i - 1) + "L" + (px[i - 1] + f * dx).toFixed(2) + "," + (py[i - 1] + f * dy).toFixed(2);
      }
    } else {
      for (let i = 0; i < n; i++) if (ok[i]) d += (i && ok[i - 1] ? "L" : "M") + at(i);
    }
    const [line, ...others] = job.lines;
    line.setAttribute("d", n >= 2 ? d : "");
    for (const o of others) o.remove();
    if (attrs["line.color"] !== undefined) line.style.stroke = attrs["line.color"];
  }
  if (job.holder) {
    const { tmpl, turning, sizeAt, colours, drawn } = job;
    const els = drawn.slice(0, n);
    for (let i = drawn.length; i < n; i++) {
      const el = tmpl.el.cloneNode(false);
      job.holder.appendChild(el);
      els.push(el);
    }
    for (let i = n; i < drawn.length; i++) drawn[i].remove();
    for (let i = 0; i < n; i++) {
      const el = els[i], s = job.ok[i] ? sizeAt(i) : 0;
      let d = s ? tmpl.d : EMPTY, turn = "";
      if (s && turning) {
        const dx = px[i] - px[i - 1], dy = py[i] - py[i - 1];
        turn = " rotate(" + ((Math.atan2(dy, dx) - tmpl.angle) * 180 / Math.PI).toFixed(2) + ")";
      }
      if (el.getAttribute("d") !== d) el.setAttribute("d", d);
      el.setAttribute("transform", job.ok[i] ? "translate(" + at(i) + ")" + turn : "");
      if (colours[i] !== undefined && el.style.fill !== colours[i]) el.style.fill = colours[i];
    }
  }
  for (const e of job.texts || []) {
    const node = e.node || job.textHolder.appendChild(e.from.cloneNode(true));
    const text = node.querySelector("text");
    node.setAttribute("transform", "translate(" + e.place.dx + "," + e.place.dy + ")");
    text.setAttribute("text-anchor", e.place.anchor);
    text.setAttribute("x", px[e.i].toFixed(2));
    text.setAttribute("y", py[e.i].toFixed(2));
    textNodes(text).forEach((run, k) => {
      const keep = run.nodeValue.match(/^\u200b*/)[0], tail = run.nodeValue.match(/\u200b*$/)[0];
      run.nodeValue = keep + e.values[k] + tail;
    });
    text.setAttribute("data-unformatted", e.raw);
  }
  for (const gone of job.textGone || []) gone.remove();
  if (job.legend) {
    job.legend.textContent = attrs.name;
    job.legend.setAttribute("data-unformatted", attrs.name);
  }
  // the figure's data as plotly.js would hold it (the settling Plotly.update starts from it)
  for (const k of job.keys) {
    setNested(gd.data[t], k, attrs[k]);
    setNested(tr, k, attrs[k]);
  }
  const cd = job.cd;
  if (cd.length !== n && tr.hoverinfo !== "skip") {
    for (let i = cd.length; i < n; i++) cd.push(Object.assign({}, cd[cd.length - 1], { i }));
    cd.length = n;
  }
  if (cd.length === n) {
    const x = job.keys.includes("x") ? attrs.x : null, y = job.keys.includes("y") ? attrs.y : null;
    cd.forEach((c, i) => { if (x) c.x = x[i]; if (y) c.y = y[i]; });
  }
  g.__alTouched = job.cd;
}

function keepEmpty(gd, { t, attrs }) {
  // the figure's data as the frame has it (the settling Plotly.update starts from it)
  for (const [k, v] of Object.entries(attrs)) gd.data[t][k] = v;
}

function fastFrame(gd, scrub, i) {
  const fr = scrub.frame(i);
  if (!fr || !gd._fullData) return false;
  const notes = noteJob(gd, fr.layout || {});
  if (!notes) return false;
  const jobs = [];
  for (let k = 0; k < fr.traces.length; k++) {
    const job = fastJob(gd, fr.traces[k], fr.data[k]);
    if (!job) return false;
    jobs.push(job);
  }
  const draw = { heat: drawHeat, line: drawLine, scatter: drawScatter, bar: drawBars,
                 none: keepEmpty };
  for (const job of jobs) draw[job.kind](gd, job);
  drawNotes(gd, notes);
  return true;
}

// Annotations whose texts alone change (plain texts, same count, everything else equal): the
// texts are set in the SVG in place of a relayout. Returns the changes (maybe none) or null.
function same(a, b) {
  // equal as JSON values, whatever the order of the keys
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (a.length !== undefined || b.length !== undefined) {
    return a.length === b.length && Array.prototype.every.call(a, (v, i) => same(v, b[i]));
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
}

function noteJob(gd, frameLayout) {
  // what is already so (an axis as it is, once a zoomed axis's range is left out) needs nothing
  const layout = keepZoom(gd, frameLayout);
  const keys = Object.keys(layout).filter((key) => {
    const value = layout[key], now = nested(gd.layout, key);
    if (/^[xy]axis\d*$/.test(key) && value && typeof value === "object" && now) {
      return Object.keys(value).some((k) => !same(value[k], now[k]));
    }
    return !same(value, now);
  });
  const jobs = [];
  const title = keys.filter((k) => k === "title.text" || k === "title.font.color");
  if (title.length) {
    const node = gd.querySelector(".g-gtitle text.gtitle");
    const text = layout["title.text"];
    if (!node || (text !== undefined && (typeof text !== "string" || /[<&]/.test(text)))) return null;
    jobs.push({ title: node, text, colour: layout["title.font.color"] });
  }
  const rest = keys.filter((k) => !title.includes(k));
  if (!rest.length) return jobs;
  if (rest.length !== 1 || rest[0] !== "annotations") return null;
  const want = layout.annotations, have = gd.layout.annotations || [];
  if (!Array.isArray(want) || want.length !== have.length) return null;
  for (let i = 0; i < want.length; i++) {
    const a = want[i], b = have[i];
    if (a.text === b.text) continue;
    if (typeof a.text !== "string" || /[<&]/.test(a.text) || /[<&]/.test(String(b.text))) return null;
    const rest = (o) => JSON.stringify(Object.assign({}, o, { text: "" }));
    if (rest(a) !== rest(b)) return null;
    const node = gd.querySelector('.annotation[data-index="' + i + '"] text.annotation-text');
    if (!node) return null;
    jobs.push({ i, node, text: a.text });
  }
  return jobs;
}

function drawNotes(gd, jobs) {
  for (const job of jobs.filter((j) => j.title)) {
    if (job.text !== undefined) {
      job.title.textContent = job.text;
      job.title.setAttribute("data-unformatted", job.text);
      setNested(gd.layout, "title.text", job.text);
      setNested(gd._fullLayout, "title.text", job.text);
    }
    if (job.colour !== undefined) {
      job.title.style.fill = job.colour;
      setNested(gd.layout, "title.font.color", job.colour);
      setNested(gd._fullLayout, "title.font.color", job.colour);
    }
  }
  for (const { i, node, text } of jobs.filter((j) => !j.title)) {
    node.textContent = text;
    gd.layout.annotations[i].text = text;
    if (gd._fullLayout.annotations[i]) gd._fullLayout.annotations[i].text = text;
  }
}

// Heatmaps drawn smooth (zsmooth "best") on fixed axes: the new z is painted into a canvas of one
// pixel per cell through the trace's colour scale (256 steps), and the trace's image shows it,
// stretched by the browser over the same place; a name change goes along (hover only).
function heatJob(gd, t, tr, attrs) {
  const keys = Object.keys(attrs);
  if (keys.some((k) => k !== "z" && k !== "name") || tr.zsmooth !== "best") return null;
  const z = attrs.z;
  let img = null;
  for (const g of gd.querySelectorAll(".heatmaplayer .hm")) {
    const cd = g.__data__;
    const c0 = cd && (cd[0] || cd);
    if (c0 && c0.trace && c0.trace.index === t) img = g.querySelector("image");
  }
  const rows = z ? z.length : 0, cols = rows ? z[0].length : 0;
  if (!img || (z && (!Array.isArray(z) || !cols))) return null;
  if (z && (rows !== tr.y.length || cols !== tr.x.length)) return null;
  if (z && !(tr.y[tr.y.length - 1] > tr.y[0] && tr.x[tr.x.length - 1] > tr.x[0])) return null;
  return { kind: "heat", t, tr, img, attrs, rows, cols };
}

function colours(tr) {
  // 256 RGBA steps of the trace's colour scale from zmin to zmax
  if (tr.__alLut) return tr.__alLut;
  const c = document.createElement("canvas");
  c.width = 256; c.height = 1;
  const ctx = c.getContext("2d");
  const grad = ctx.createLinearGradient(0.5, 0, 255.5, 0);
  for (const [at, colour] of tr.colorscale) grad.addColorStop(at, colour);
  ctx.fillStyle = grad;
  ctx.fillRect(0, 0, 256, 1);
  return (tr.__alLut = ctx.getImageData(0, 0, 256, 1).data);
}

function drawHeat(gd, { t, tr, img, attrs, rows, cols }) {
  if (attrs.name !== undefined) { gd.data[t].name = attrs.name; tr.name = attrs.name; }
  const z = attrs.z;
  if (!z) return;
  const lut = colours(tr), lo = tr.zmin, k = 255 / (tr.zmax - tr.zmin);
  const canvas = gd.__alHeat || (gd.__alHeat = document.createElement("canvas"));
  canvas.width = cols; canvas.height = rows;
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(cols, rows);
  const px = image.data;
  for (let r = 0; r < rows; r++) {
    const row = z[r], base = (rows - 1 - r) * cols * 4;
    for (let c = 0; c < cols; c++) {
      const s = Math.max(0, Math.min(255, Math.round((row[c] - lo) * k))) * 4, d = base + c * 4;
      px[d] = lut[s]; px[d + 1] = lut[s + 1]; px[d + 2] = lut[s + 2]; px[d + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  img.setAttribute("href", canvas.toDataURL());
  img.style.imageRendering = "auto";
  gd.data[t].z = z;
}

function mark(gd, scrub, i, t0) {
  const value = scrub.spec.values[i];
  gd.__alScrubAt = performance.now();
  gd.__alScrubCost = gd.__alScrubAt - t0; // the bench splits a move's time with it
  gd.__alScrubValue = value;
  gd.__alScrubIndex = i;
  (gd.__alScrubState = gd.__alScrubState || {})[scrub.spec.control] = { index: i, value };
}

const BAR_CSS = "display:flex;flex-wrap:wrap;gap:0.15rem 1rem;margin:0 0 0.25rem 0;";
const ROW_CSS = "display:flex;align-items:center;gap:0.5rem;flex:1 1 16rem;min-width:0;";

function makeRow(bar, spec) {
  const row = document.createElement("div");
  row.className = "al-scrub-row";
  row.style.cssText = ROW_CSS;
  const id = "al-scrub-" + Math.random().toString(36).slice(2);
  const label = document.createElement("label");
  label.htmlFor = id;
  // two rows side by side in a narrow column: the label gives way (cut with "…", whole in its
  // tooltip), never the value, which would run into the next row's label
  label.style.cssText = "white-space:nowrap;font-size:0.9em;opacity:0.85;flex:0 1 auto;" +
    "min-width:0;overflow:hidden;text-overflow:ellipsis;";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.className = "al-scrub";
  input.step = "1";
  input.min = "0";
  // a thumb big enough for a finger; the page does not scroll under a drag on it
  input.style.cssText = "flex:1 1 auto;min-width:6rem;height:1.75rem;margin:0;touch-action:none;" +
    "accent-color:var(--st-primary-color, #1f77b4);cursor:pointer;";
  const out = document.createElement("output");
  out.htmlFor = id;
  out.style.cssText = "min-width:3.5em;text-align:right;font-variant-numeric:tabular-nums;";
  row.append(label, input, out);
  bar.appendChild(row);
  return { row, label, input, out };
}

function showIndex(entry, i) {
  const spec = entry.scrub.spec;
  const text = spec.texts[i];
  entry.input.value = String(i);
  entry.input.setAttribute("aria-valuetext", text);
  entry.out.textContent = text;
  entry.shown = i;
}

// The bar of range inputs above the plot, one per scrub (kept across redraws of the chart).
export function scrubBar(root, gd) {
  let bar = root.querySelector(":scope > .al-scrubs");
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "al-scrubs";
    bar.style.cssText = BAR_CSS;
    root.insertBefore(bar, gd);
  }
  return bar;
}

function wire(entry, ctx) {
  const { input } = entry;
  const move = () => {
    const i = Number(input.value);
    if (!(i >= 0 && i < entry.scrub.n)) return;
    showIndex(entry, i);
    if (!entry.scrub.live || !ctx.Plotly() || !ctx.gd._fullLayout) return;
    const t0 = performance.now();
    if (fastFrame(ctx.gd, entry.scrub, i)) {
      entry.direct = true;
      mark(ctx.gd, entry.scrub, i, t0);
    } else {
      entry.direct = false;
      applyFrame(ctx.Plotly(), ctx.gd, entry.scrub, i);
    }
  };
  // after a drag or a key press, once the new picture is on screen: the frame as Plotly draws
  // it (autoscaled axes settle), unless another drag began meanwhile
  const settle = () => {
    if (!entry.direct) return;
    entry.direct = false;
    requestAnimationFrame(() => setTimeout(() => {
      if (entry.dragging || entry.playing || !ctx.Plotly() || !ctx.gd._fullLayout) return;
      applyFrame(ctx.Plotly(), ctx.gd, entry.scrub, Number(input.value), true);
    }, 0));
  };
  input.addEventListener("input", move);
  entry.move = move;
  entry.settle = settle;
  input.addEventListener("pointerdown", () => { stopPlay(entry, ctx, false); entry.dragging = true; });
  const up = () => {
    if (!entry.dragging) return;
    entry.dragging = false;
    settle();
    commit(entry, ctx);
  };
  input.addEventListener("pointerup", up);
  input.addEventListener("pointercancel", up);
  input.addEventListener("lostpointercapture", up);
  input.addEventListener("change", () => {
    if (entry.dragging) return;
    settle();
    commit(entry, ctx);
  });
}

// ▶ on a scrub with play: one grid point per animation frame, at most 30 a second, from the
// thumb to the end (from the start when the thumb is at the end); ❚❚, the end, a drag or a key
// on the slider stop it, and the value goes to the server as after a release.
const PLAY_STEP_MS = 1000 / 30;

function makePlay(entry, ctx) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "al-scrub-play";
  button.style.cssText = "flex:0 0 auto;min-width:2.25rem;height:1.75rem;padding:0;" +
    "border:1px solid currentColor;border-radius:0.4rem;background:transparent;color:inherit;" +
    "cursor:pointer;font-size:0.95em;line-height:1;";
  button.addEventListener("click", () => (entry.playing ? stopPlay(entry, ctx, true)
    : startPlay(entry, ctx)));
  entry.row.insertBefore(button, entry.input);
  entry.play = button;
  entry.input.addEventListener("keydown", () => stopPlay(entry, ctx, true));
  showPlay(entry);
}

function showPlay(entry) {
  if (!entry.play) return;
  entry.play.textContent = entry.playing ? "❚❚" : "▶";
  entry.play.setAttribute("aria-pressed", entry.playing ? "true" : "false");
  entry.play.setAttribute("aria-label", "▶ " + entry.scrub.spec.label);
  entry.play.disabled = entry.input.disabled || entry.scrub.n < 2;
}

function startPlay(entry, ctx) {
  if (entry.input.disabled) return;
  if (Number(entry.input.value) >= entry.scrub.n - 1) {
    entry.input.value = "0";
    entry.move();
  }
  entry.playing = true;
  showPlay(entry);
  let last = -Infinity;
  const step = (now) => {
    if (!entry.playing) return;
    if (now - last >= PLAY_STEP_MS - 2) {
      last = now;
      const i = Number(entry.input.value) + 1;
      if (i >= entry.scrub.n) return stopPlay(entry, ctx, true);
      entry.input.value = String(i);
      entry.move();
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function stopPlay(entry, ctx, send) {
  if (!entry.playing) return;
  entry.playing = false;
  showPlay(entry);
  entry.settle();
  if (send) commit(entry, ctx);
}

function commit(entry, ctx) {
  const i = Number(entry.input.value);
  if (i === entry.server && !entry.pending) return;
  if (entry.pending && entry.pending.index === i) return;
  entry.pending = { index: i, at: performance.now() };
  ctx.send(entry.scrub.spec.control, { value: entry.scrub.spec.values[i], seq: Date.now() });
}

// Keep the bar's rows in step with the document's scrubs; returns the entries by control.
export function syncScrubs(root, gd, scrubs, ctx) {
  const bar = scrubBar(root, gd);
  const entries = gd.__alScrubEntries || (gd.__alScrubEntries = {});
  const wanted = new Set(scrubs.map((s) => s.spec.control));
  for (const [control, entry] of Object.entries(entries)) {
    if (!wanted.has(control)) { entry.row.remove(); delete entries[control]; }
  }
  let previous = null;
  for (const scrub of scrubs) {
    const spec = scrub.spec;
    let entry = entries[spec.control];
    if (!entry) {
      entry = entries[spec.control] = makeRow(bar, spec);
      entry.input.dataset.control = spec.control;
      wire(entry, ctx);
    }
    // rows in the document's order; a row in place is not moved (that would take its focus)
    const want = previous ? previous.nextSibling : bar.firstChild;
    if (want !== entry.row) bar.insertBefore(entry.row, want);
    previous = entry.row;
    entry.scrub = scrub;
    entry.label.textContent = spec.label;
    entry.label.title = spec.label;
    entry.input.setAttribute("aria-label", spec.label);
    entry.input.max = String(scrub.n - 1);
    entry.input.disabled = !!spec.disabled;
    if (spec.play && !entry.play) makePlay(entry, ctx);
    if (!spec.play && entry.play) { stopPlay(entry, ctx, false); entry.play.remove(); entry.play = null; }
    showPlay(entry);
  }
  bar.style.display = scrubs.length ? "flex" : "none";
  return entries;
}

// The server's index for each scrub: the thumb and picture follow it unless the user is
// dragging that scrub or the value they just sent has not come back yet (for up to 2 s).
// Returns the indices to show that differ from what the figure just drawn holds.
export function followServer(entries, at, drawnAt) {
  const local = [];
  Object.values(entries).forEach((entry) => {
    const k = entry.scrub.order;
    const server = at[k];
    entry.server = server;
    let want = server;
    if (entry.dragging || entry.playing) want = entry.shown;
    else if (entry.pending) {
      if (server === entry.pending.index || performance.now() - entry.pending.at > 2000) {
        entry.pending = null;
      } else {
        want = entry.pending.index;
      }
    }
    if (want === undefined || want === null) want = server;
    const before = drawnAt ? drawnAt[k] : entry.shown;
    if (entry.shown !== want || before !== want) {
      if (!entry.dragging && !entry.playing) showIndex(entry, want);
      if (before !== want && entry.scrub.live) local.push([entry, want]);
    }
  });
  return local;
}

// ------------------------------------------------------------------------- capture (answers)

function subplotAt(gd, px, py) {
  // the subplot under a point in the plot div's pixels (plotly's own axes and offsets)
  const plots = gd._fullLayout._plots || {};
  for (const id of Object.keys(plots)) {
    const { xaxis: xa, yaxis: ya } = plots[id];
    if (!xa || !ya) continue;
    if (px >= xa._offset && px <= xa._offset + xa._length &&
        py >= ya._offset && py <= ya._offset + ya._length) return { xa, ya };
  }
  return null;
}

function toData(gd, ev, fixed) {
  const box = gd.getBoundingClientRect();
  const px = ev.clientX - box.left, py = ev.clientY - box.top;
  const where = fixed || subplotAt(gd, px, py);
  if (!where) return null;
  const { xa, ya } = where;
  return { where, x: xa.p2d(px - xa._offset), y: ya.p2d(py - ya._offset) };
}

function resample(points, most) {
  // keep the stroke's points where x grows, then at most `most` points evenly spaced in x
  const kept = [];
  for (const p of points) if (!kept.length || p[0] > kept[kept.length - 1][0]) kept.push(p);
  if (kept.length < 2) return null;
  const n = Math.min(most, kept.length);
  const x0 = kept[0][0], x1 = kept[kept.length - 1][0];
  const out = [];
  let j = 0;
  for (let k = 0; k < n; k++) {
    const x = k === n - 1 ? x1 : x0 + (x1 - x0) * k / (n - 1);
    while (j < kept.length - 2 && kept[j + 1][0] < x) j++;
    const [a, fa] = kept[j], [b, fb] = kept[j + 1];
    out.push([x, fa + (fb - fa) * (b > a ? (x - a) / (b - a) : 0)]);
  }
  return out;
}

function drawAnswer(Plotly, gd, answer) {
  // the student's own answer on their chart at once: a marker (tap) or a line (sketch)
  const where = answer.where;
  const trace = { type: "scatter", meta: "mine", showlegend: false, hoverinfo: "skip",
                  xaxis: where.xa._id, yaxis: where.ya._id,
                  marker: { size: 14, symbol: "x", color: "#D55E00" },
                  line: { width: 4, color: "#D55E00" } };
  if (answer.points) Object.assign(trace, { mode: "lines", x: answer.points.map((p) => p[0]),
                                            y: answer.points.map((p) => p[1]) });
  else Object.assign(trace, { mode: "markers", x: [answer.x], y: [answer.y] });
  const old = gd.data.findIndex((t) => t.meta === "mine");
  if (old >= 0) Plotly.deleteTraces(gd, old);
  Plotly.addTraces(gd, trace);
}

// Listen for one tap or stroke on the plot area while the document asks for an answer.
export function setupCapture(root, gd, doc, ctx) {
  const spec = doc.capture;
  gd.__alCapture = spec || null;
  gd.style.touchAction = spec ? "none" : ""; // a tap or stroke must not scroll the page
  let hint = root.querySelector(":scope > .al-capture-hint");
  if (spec && spec.hint) {
    if (!hint) {
      hint = document.createElement("div");
      hint.className = "al-capture-hint";
      hint.style.cssText = "font-size:0.95em;margin:0 0 0.25rem 0;";
      root.insertBefore(hint, gd);
    }
    hint.textContent = spec.hint;
  } else if (hint) hint.remove();
  if (gd.__alCaptureWired) return;
  gd.__alCaptureWired = true;
  let stroke = null;
  gd.addEventListener("pointerdown", (ev) => {
    const cap = gd.__alCapture;
    if (!cap || !gd._fullLayout) return;
    const hit = toData(gd, ev);
    if (!hit) return;
    ev.preventDefault();
    ev.stopPropagation();
    stroke = { cap, where: hit.where, start: [ev.clientX, ev.clientY], points: [[hit.x, hit.y]] };
    try { gd.setPointerCapture(ev.pointerId); } catch (_) { /* not capturable */ }
  }, true);
  gd.addEventListener("pointermove", (ev) => {
    if (!stroke || stroke.cap.mode !== "sketch") return;
    const hit = toData(gd, ev, stroke.where);
    if (hit) stroke.points.push([hit.x, hit.y]);
    if (stroke.points.length % 4 === 0) {
      const pts = resample(stroke.points, stroke.cap.points);
      if (pts) drawAnswer(ctx.Plotly(), gd, { where: stroke.where, points: pts });
    }
  }, true);
  const end = (ev) => {
    if (!stroke) return;
    const s = stroke;
    stroke = null;
    let answer = null;
    if (s.cap.mode === "tap") {
      const hit = toData(gd, ev, s.where);
      if (hit) answer = { question: s.cap.question, x: hit.x, y: hit.y };
    } else {
      const pts = resample(s.points, s.cap.points);
      if (pts) answer = { question: s.cap.question, points: pts };
    }
    if (!answer) return;
    gd.__alAnswer = Object.assign({ where: s.where }, answer);
    drawAnswer(ctx.Plotly(), gd, gd.__alAnswer);
    ctx.trigger("capture", answer);
  };
  gd.addEventListener("pointerup", end, true);
  gd.addEventListener("pointercancel", () => { stroke = null; }, true);
}

// After a redraw: the student's answer to the same question stays on their chart.
export function redrawAnswer(Plotly, gd) {
  const a = gd.__alAnswer, cap = gd.__alCapture;
  if (!a || !cap || a.question !== cap.question) return;
  const xa = gd._fullLayout[a.where.xa._name], ya = gd._fullLayout[a.where.ya._name];
  if (!xa || !ya) return;
  a.where = { xa, ya };
  drawAnswer(Plotly, gd, a);
}
