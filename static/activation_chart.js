// Activation Lab's chart renderer (loaded once per tab by the element's inline loader, ui/chart.py).
//
// Each chart element keeps one plotly.js div for its whole life; a new figure for the same key is
// drawn into it with Plotly.react, and layout.uirevision (set by ui/chart.py to the chart's kind)
// tells plotly.js to keep the user's zoom, pan, legend choices and hover mode.

import { applyFrame, decodeScrub, followServer, holdZoom, redrawAnswer, setupCapture, syncScrubs,
         unhide } from "./activation_scrub.js";

const decoder = new TextDecoder();

function loadPlotly(src) {
  // One <script> per tab, shared by every chart: the promise lives on window.
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__alPlotlyLoading) {
    window.__alPlotlyLoading = new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = new URL(src, document.baseURI).href;
      tag.async = true;
      tag.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("no Plotly")));
      tag.onerror = () => reject(new Error("plotly.js could not be loaded from " + tag.src));
      document.head.appendChild(tag);
    });
    // a failed load may be retried by the next render (a flaky network, a server restart)
    window.__alPlotlyLoading.catch(() => { window.__alPlotlyLoading = null; });
  }
  return window.__alPlotlyLoading;
}

function showMessage(root, text) {
  let box = root.querySelector(":scope > .al-chart-error");
  if (!box) {
    box = document.createElement("div");
    box.className = "al-chart-error";
    box.setAttribute("role", "alert");
    box.style.cssText = "padding:1rem;border:2px solid #D55E00;border-radius:0.5rem;" +
      "font-size:1.1rem;line-height:1.5;";
    root.appendChild(box);
  }
  box.textContent = text;
}

function chartDiv(root) {
  let gd = root.querySelector(":scope > .al-chart");
  if (!gd) {
    gd = document.createElement("div");
    gd.className = "al-chart";
    gd.style.width = "100%";
    root.appendChild(gd);
    // the column can change width without a window resize (sidebar, rotation): follow it
    if (window.ResizeObserver) {
      let last = 0;
      const watcher = new ResizeObserver((entries) => {
        const width = Math.round(entries[0].contentRect.width);
        if (width && width !== last && gd._fullLayout && window.Plotly) {
          last = width;
          window.Plotly.Plots.resize(gd);
        }
      });
      watcher.observe(gd);
      gd.__alWatcher = watcher;
    }
  }
  return gd;
}

// A touch screen (a phone following the class): the page scrolls under a swipe instead of the
// chart panning or zooming (plotly.js's dragmode off, no scroll zoom, CSS touch-action pan-y
// with the browser's own two-finger zoom), and no mode bar over the chart's right edge.
const touch = () => (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) ||
  (navigator.maxTouchPoints || 0) > 0 && !(window.matchMedia && window.matchMedia("(pointer: fine)").matches);

function registerLocale(Plotly, locale) {
  // plotly.js's hints and mode-bar titles in the viewer's language (once per tab and language)
  if (!locale || !locale.name) return;
  const done = window.__alLocales || (window.__alLocales = {});
  if (done[locale.name]) return;
  Plotly.register({ moduleType: "locale", name: locale.name, dictionary: locale.dictionary || {},
                    format: locale.format || {} });
  done[locale.name] = true;
}

// The lecture view (ui/lesson.py sets window.__alFit to the step's chart key): that chart's
// height fills the screen under the lesson's caption line, whatever the screen's height.
function fitHeight(gd) {
  const bar = document.querySelector(".st-key-lesson_bar");
  if (!bar) return null;
  const top = parseFloat(getComputedStyle(bar).scrollMarginTop) || 0;
  const below = gd.getBoundingClientRect().top - bar.getBoundingClientRect().top;
  if (below < 0 || below > window.innerHeight * 0.5) return null; // not right under the caption
  const h = Math.round(window.innerHeight - top - below - 6);
  return Math.max(320, Math.min(h, 900));
}

window.__alFitChart = (key) => {
  const gd = document.querySelector(".st-key-chart_" + key + " .js-plotly-plot");
  if (!gd || !gd._fullLayout || !window.Plotly) return;
  const h = fitHeight(gd);
  if (h && Math.abs(h - gd._fullLayout.height) > 3) window.Plotly.relayout(gd, { height: h });
};

// What a chart's scrubs and answers need from the element and plotly.js (activation_scrub.js).
function context(gd) {
  if (!gd.__alCtx) {
    gd.__alCtx = {
      gd,
      Plotly: () => window.Plotly,
      send: (name, value) => gd.__alComponent.setStateValue(name, value),
      trigger: (name, value) => gd.__alComponent.setTriggerValue(name, value),
    };
  }
  return gd.__alCtx;
}

// The last whole document of each chart key in this tab, its scrubs decoded: a document that
// holds only the scrubs' indices (the server sends no more when nothing else changed) is drawn
// from it, also into a node Streamlit built anew.
const docs = window.__alDocs || (window.__alDocs = {});

function decoded(doc) {
  const known = docs[doc.key];
  const scrubs = known && known.digest === doc.digest ? known.scrubs
    : (doc.scrubs || []).map((spec, order) => Object.assign(decodeScrub(spec), { order }));
  docs[doc.key] = { digest: doc.digest, doc, scrubs };
  return scrubs;
}

function afterDraw(Plotly, root, gd, doc, scrubs, drawnAt) {
  // the thumbs follow the server, except a drag in progress or a value not yet come back
  const entries = syncScrubs(root, gd, scrubs, context(gd));
  for (const [entry, i] of followServer(entries, doc.at || [], drawnAt)) {
    applyFrame(Plotly, gd, entry.scrub, i);
  }
  setupCapture(root, gd, doc, context(gd));
  redrawAnswer(Plotly, gd);
}

function drawWhole(Plotly, root, gd, doc, scrubs, drawnAt) {
  const first = !gd._fullLayout;
  // A changed config makes Plotly.react start over (newPlot), which drops the user's zoom: the
  // config stays the same for a chart and the export name, which follows the view's state, is
  // set on the drawn chart's context, where the mode bar's camera button reads it.
  const { toImageButtonOptions: exportAs, ...config } = doc.config;
  const current = gd._context && gd._context.toImageButtonOptions;
  if (current && !first) config.toImageButtonOptions = current;
  else if (exportAs) config.toImageButtonOptions = exportAs;
  registerLocale(Plotly, doc.locale);
  const fig = doc.figure;
  const layout = Object.assign({}, fig.layout || {});
  if (touch()) {
    config.scrollZoom = false;
    config.displayModeBar = false;
    layout.dragmode = false;
    root.style.touchAction = "pan-y pinch-zoom";
  }
  if (doc.capture) layout.dragmode = false; // a press on the plot is an answer, not a zoom
  if (window.__alFit && window.__alFit === doc.key && gd._fullLayout) {
    const h = fitHeight(gd);
    if (h) layout.height = h;
  }
  holdZoom(gd, layout, scrubs);
  const data = (fig.data || []).map((t) => Object.assign({}, t));
  unhide(gd);
  const drawn = Plotly.react(gd, { data, layout, config, frames: fig.frames || [] });
  return Promise.resolve(drawn).then(() => {
    if (exportAs && gd._context) gd._context.toImageButtonOptions = exportAs;
    afterDraw(Plotly, root, gd, doc, scrubs, drawnAt);
    gd.__alRenders = (gd.__alRenders || 0) + 1;
    gd.__alDrawnAt = performance.now();
    if (first) gd.__alCreated = performance.now();
  });
}

function drawIndices(Plotly, root, gd, doc) {
  // only the scrubs' indices changed: show those frames (or the whole cached document in a
  // node built anew); a digest this tab does not hold asks the server for the whole document
  const known = docs[doc.key];
  if (!known || known.digest !== doc.digest) {
    gd.__alComponent.setTriggerValue("resend", doc.digest);
    return null;
  }
  const config = Object.assign({}, known.doc.config);
  if (doc.export) config.toImageButtonOptions = doc.export;
  const whole = Object.assign({}, known.doc, { at: doc.at, config });
  if (doc.export && gd._context) gd._context.toImageButtonOptions = doc.export;
  if (!gd._fullLayout) return drawWhole(Plotly, root, gd, whole, known.scrubs, known.doc.at);
  const before = gd.__alRenders || 0;
  afterDraw(Plotly, root, gd, whole, known.scrubs, null);
  known.doc = whole;
  gd.__alRenders = before + 1;
  gd.__alDrawnAt = performance.now();
  return null;
}

export function render(component) {
  const { parentElement: root, data } = component;
  let doc;
  try {
    doc = JSON.parse(decoder.decode(data));
  } catch (err) {
    showMessage(root, String(err));
    return;
  }
  const gd = chartDiv(root);
  gd.__alReceivedAt = performance.now(); // bench/latency.py splits a move's time with these marks
  gd.__alComponent = component;
  gd.__alDoc = doc; // the newest figure wins if several arrive while plotly.js loads
  const scrubs = doc.figure ? decoded(doc) : null;
  loadPlotly(doc.lib).then((Plotly) => {
    if (gd.__alDoc !== doc) return;
    const old = root.querySelector(":scope > .al-chart-error");
    if (old) old.remove();
    if (!doc.figure) return drawIndices(Plotly, root, gd, doc);
    return drawWhole(Plotly, root, gd, doc, scrubs, doc.at || []);
  }).catch((err) => {
    console.error(err);
    showMessage(root, doc.message);
  });
}
