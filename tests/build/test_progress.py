"""The progress reporter: silent when quiet or quick, lines in a log, a bar on a terminal."""

from __future__ import annotations

import io

from ssg.progress import BarProgress, LineProgress, NullProgress, make_progress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_make_progress_picks_by_stream_and_quiet():
    assert isinstance(make_progress(io.StringIO(), quiet=True), NullProgress)
    assert isinstance(make_progress(Terminal(), quiet=True), NullProgress)
    assert isinstance(make_progress(Terminal()), BarProgress)
    assert isinstance(make_progress(io.StringIO()), LineProgress)


def test_lines_only_for_a_stage_that_runs_long():
    stream, clock = io.StringIO(), Clock()
    progress = LineProgress(stream, clock, every=2.0)
    progress.stage("rendering", 100)
    for _ in range(100):
        progress.advance()
    assert stream.getvalue() == ""  # a quick build prints nothing
    progress.stage("rendering", 300)
    for _ in range(300):
        clock.now += 0.05
        progress.advance()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 7  # 15 s, a line every 2 s
    assert lines[0] == "rendering: 40/300"
    assert "\r" not in stream.getvalue()


def test_bar_draws_in_place_and_clears_itself():
    stream, clock = Terminal(), Clock()
    progress = BarProgress(stream, clock, delay=0.3, interval=0.1)
    progress.stage("rendering", 10)
    progress.advance()
    assert stream.getvalue() == ""  # nothing in the first moment
    clock.now = 1.0
    progress.advance(4)
    assert stream.getvalue().endswith("5/10") and "[" in stream.getvalue() and "\r" in stream.getvalue()
    progress.advance()  # within the redraw interval: no redraw
    assert stream.getvalue().endswith("5/10")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_a_new_stage_after_a_long_one_prints_no_empty_count():
    stream, clock = io.StringIO(), Clock()
    progress = LineProgress(stream, clock, every=2.0)
    progress.stage("loading")
    clock.now = 5.0
    progress.stage("rendering", 10)
    assert stream.getvalue() == ""
