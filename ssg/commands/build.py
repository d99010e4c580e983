"""`ssg build` (not written yet)."""

HELP = "build (not written yet)"
EXAMPLE = "ssg build"


def add_arguments(parser):
    pass


def run(args) -> int:
    raise NotImplementedError("ssg build is not written yet")
