"""The script the preview server adds to every HTML page it sends, and the page it
sends when there is no good build yet.

Added at serve time only: `ssg build` output never contains it. The script
listens to `/__ssg/events` through a SharedWorker, so that any number of open
tabs share one connection (a browser opens at most six per host over HTTP/1.1,
and each EventSource holds one for ever); without SharedWorker it opens its own
EventSource. On a build it reloads the page if the page changed, swaps
stylesheets in place when only CSS changed, and shows build errors in an
overlay that clears itself when the error is fixed.
"""

from __future__ import annotations

import html

from ssg.serve.events import SiteState

EVENTS_PATH = "/__ssg/events"
WORKER_PATH = "/__ssg/worker.js"

CLIENT_JS = r"""
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script.getAttribute("data-version");
  var status = script.getAttribute("data-status");
  var eventsUrl = script.getAttribute("data-events");
  var workerUrl = script.getAttribute("data-worker");
  var stale = false;

  function pagePath() {
    var path = location.pathname;
    try { path = decodeURI(path); } catch (e) { /* keep it encoded */ }
    return path.replace(/\/index\.html$/, "/");
  }

  function unfingerprinted(url) {
    return new URL(url, location.href).pathname.replace(/\.[0-9a-f]{8,64}(\.css)$/, "$1");
  }

  function swapStylesheets(css) {
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var next = css[unfingerprinted(link.href)];
      if (!next) continue;
      var href = new URL(next, location.href);
      if (href.href === link.href) href.search = "?ssg=" + encodeURIComponent(version);
      var fresh = link.cloneNode(false);
      fresh.href = href.href;
      // the old sheet stays until the new one has loaded: no flash of unstyled text
      fresh.addEventListener("load", function (old) { return function () { old.remove(); }; }(link));
      link.after(fresh);
    }
  }

  function hideErrors() {
    var old = document.getElementById("ssg-error-overlay");
    if (old) old.remove();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showErrors(errors) {
    hideErrors();
    var host = document.createElement("div");
    host.id = "ssg-error-overlay";
    // a shadow root keeps the page's styles off the overlay and the overlay's off the page
    var root = host.attachShadow({ mode: "open" });
    var style = el("style");
    style.textContent =
      ":host{all:initial;display:block;position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.72);" +
      "overflow:auto;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,'Noto Sans Mono CJK SC',monospace}" +
      ".box{max-width:60rem;margin:8vh auto;padding:1.25rem 1.5rem;background:#fff;color:#1a1a1a;" +
      "border-top:6px solid #b3261e;border-radius:4px;box-shadow:0 8px 32px rgba(0,0,0,.4)}" +
      "h2{margin:0 0 .25rem;font-size:1.15rem;color:#b3261e}" +
      "p{margin:0 0 1rem;color:#444}" +
      "ul{list-style:none;margin:0;padding:0}" +
      "li{padding:.6rem 0;border-top:1px solid #ddd;white-space:pre-wrap;word-break:break-word}" +
      ".where{display:block;font-weight:bold;color:#0b57d0}" +
      ".hint{display:block;color:#555}" +
      "button{float:right;font:inherit;font-size:1.25rem;line-height:1;border:0;background:none;cursor:pointer;color:#444}" +
      "button:focus-visible{outline:2px solid #0b57d0}";
    var box = el("div", "box");
    box.setAttribute("role", "alert");
    var close = el("button", "", "\u00d7");
    close.setAttribute("aria-label", "Hide build errors");
    close.addEventListener("click", hideErrors);
    box.appendChild(close);
    box.appendChild(el("h2", "", "ssg: the build failed"));
    box.appendChild(el("p", "", "The last good version of the site is shown. Fix the file and save; this message goes away by itself."));
    var list = el("ul");
    errors.forEach(function (e) {
      var item = el("li");
      var where = e.path ? e.path + (e.line ? ":" + e.line + (e.column ? ":" + e.column : "") : "") : "";
      if (where) item.appendChild(el("span", "where", where));
      item.appendChild(el("span", "message", e.message));
      if (e.hint) item.appendChild(el("span", "hint", e.hint));
      list.appendChild(item);
    });
    box.appendChild(list);
    root.appendChild(style);
    root.appendChild(box);
    (document.body || document.documentElement).appendChild(host);
  }

  function reload() { location.reload(); }

  function handle(msg) {
    if (msg.version !== version) stale = stale || msg.type === "hello";
    if (!msg.ok) { showErrors(msg.errors); return; }
    hideErrors();
    if (msg.version === version && !stale) return;
    if (stale || status !== "200") return reload();
    if (msg.css && Object.keys(msg.css).length) {
      swapStylesheets(msg.css);
    } else if (msg.changed === null || msg.changed.indexOf(pagePath()) >= 0) {
      return reload();
    }
    version = msg.version;
  }

  function connect() {
    if (window.SharedWorker && workerUrl) {
      try {
        var worker = new SharedWorker(workerUrl + "?events=" + encodeURIComponent(eventsUrl), { name: "ssg-livereload" });
        worker.port.onmessage = function (e) { handle(e.data); };
        addEventListener("pagehide", function () { worker.port.postMessage("bye"); }, { once: true });
        return;
      } catch (e) { /* fall back to a connection of this page's own */ }
    }
    var source = new EventSource(eventsUrl);
    var on = function (e) { handle(JSON.parse(e.data)); };
    source.addEventListener("hello", on);
    source.addEventListener("build", on);
  }

  // a page restored from the back-forward cache said goodbye when it was hidden
  addEventListener("pageshow", function (e) { if (e.persisted) connect(); });
  connect();
})();
""".strip()

WORKER_JS = r"""
"use strict";
// One event stream shared by every open tab of the preview.
var ports = [];
var last = null;
var source = null;
var eventsUrl = new URL(location.href).searchParams.get("events") || "/__ssg/events";

function open() {
  source = new EventSource(eventsUrl);
  var on = function (e) {
    var msg = JSON.parse(e.data);
    // a tab that connects later starts from the current state
    last = { type: "hello", version: msg.version, ok: msg.ok, errors: msg.errors };
    ports.forEach(function (port) { port.postMessage(msg); });
  };
  source.addEventListener("hello", on);
  source.addEventListener("build", on);
}

onconnect = function (e) {
  var port = e.ports[0];
  ports.push(port);
  port.onmessage = function (m) {
    if (m.data !== "bye") return;
    var i = ports.indexOf(port);
    if (i >= 0) ports.splice(i, 1);
  };
  if (!source) open();
  if (last) port.postMessage(last);
};
""".strip()


def client_tag(state: SiteState, status: int) -> bytes:
    """The <script> element added to a page served with `status` while `state` is current."""
    attrs = {
        "data-ssg-livereload": "",
        "data-version": state.version,
        "data-status": str(status),
        "data-events": EVENTS_PATH,
        "data-worker": WORKER_PATH,
    }
    shown = " ".join(f'{k}="{html.escape(v, quote=True)}"' if v else k for k, v in attrs.items())
    return f"<script {shown}>\n{CLIENT_JS}\n</script>\n".encode()


def inject(page: bytes, tag: bytes) -> bytes:
    """`page` with `tag` before its last </body> (else </html>, else at the end)."""
    lower = page.lower()
    for marker in (b"</body", b"</html"):
        at = lower.rfind(marker)
        if at >= 0:
            return page[:at] + tag + page[at:]
    return page + tag


def render_waiting_page(state: SiteState) -> bytes:
    """The page served while no build has succeeded: the errors, readable without script."""
    items = "\n".join(f"<li><pre>{html.escape(e.text())}</pre></li>" for e in state.errors)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>ssg serve: the site has not built yet</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}"
        "pre{white-space:pre-wrap}</style>\n</head>\n<body>\n<main>\n"
        "<h1>The site has not built yet</h1>\n"
        "<p>Fix the errors below and save: this page reloads by itself once the site builds.</p>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    ).encode()


NOT_FOUND_PAGE = (
    b"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>404 Not Found</title>\n"
    b"</head>\n<body>\n<main>\n<h1>404 Not Found</h1>\n<p>The site has no page here.</p>\n</main>\n</body>\n</html>\n"
)
"""Served for a missing path when the site has no 404.html of its own."""
