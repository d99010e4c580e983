"""`ssg ingest` (not written yet)."""

HELP = "ingest (not written yet)"
EXAMPLE = "ssg ingest"


def add_arguments(parser):
    pass


def run(args) -> int:
    raise NotImplementedError("ssg ingest is not written yet")
