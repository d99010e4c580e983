"""`ssg serve`: build into a private folder, serve it, rebuild and reload on every save."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import webbrowser

from ssg.commands.build import add_root_argument

HELP = "preview the site: build it, serve it on this machine, rebuild and reload the browser on every save"
EXAMPLE = """ssg serve
  ssg serve --root ~/herald --port 0 --open

The site is built into a temporary folder (public/ is left alone) and served at
the path of base_url from site.yaml (https://example.org/herald/ is previewed
at http://127.0.0.1:8000/herald/). Edits to content/, themes/, templates/,
static/ and site.yaml rebuild what they affect and update open pages; a build
error shows in the page and here, and the last good site stays served. Only
this machine can connect unless --host says otherwise. Ctrl-C stops."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root_argument(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default: 127.0.0.1, this machine only; "
                             "0.0.0.0 lets other machines connect)")
    parser.add_argument("--port", type=_port, default=8000,
                        help="the port to listen on (default: 8000; 0 picks a free one)")
    parser.add_argument("--open", action="store_true", help="open the site in the web browser once it is built")


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (0 to 65535; 0 picks a free one)")
    return value


def run(args) -> int:
    from ssg.serve.project import (
        serve_project,  # imported here so that `ssg --help` stays quick
    )

    try:
        with _sigterm_as_interrupt(), serve_project(args.root, host=args.host, port=args.port,
                                                    tracebacks=args.verbose > 0) as server:
            server.start()
            print(f"serving {server.url} (Ctrl-C stops)", flush=True)
            if args.open:
                webbrowser.open(server.url)
            server.wait()
    except KeyboardInterrupt:
        pass
    print("stopped", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """`kill` stops the preview the way Ctrl-C does: threads ended, private folder removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
