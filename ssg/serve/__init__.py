"""`ssg serve`: a preview server that rebuilds on every save and updates open pages.

Modules: `routing` (URL -> file, MIME), `handler` (HTTP), `events` (what pages
are told, over Server-Sent Events), `livereload` (the script added to served
pages), `preview` (one build at a time, last good site kept), `watcher`
(watchfiles, batched), `server` (binding, threads, clean stop), `project` (a
project folder previewed with the real builder).
"""

from ssg.serve.preview import BuildOutcome, Preview, SiteBuilder, plan_build_event
from ssg.serve.routing import base_path_of, local_base_url, resolve_request
from ssg.serve.server import PreviewServer, bind
from ssg.serve.watcher import Batch, Watcher, WatchPlan, classify

__all__ = [
    "Batch",
    "BuildOutcome",
    "Preview",
    "PreviewServer",
    "SiteBuilder",
    "WatchPlan",
    "Watcher",
    "base_path_of",
    "bind",
    "classify",
    "local_base_url",
    "plan_build_event",
    "resolve_request",
]
