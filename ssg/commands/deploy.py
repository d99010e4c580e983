"""`ssg deploy` (not written yet)."""

HELP = "deploy (not written yet)"
EXAMPLE = "ssg deploy"


def add_arguments(parser):
    pass


def run(args) -> int:
    raise NotImplementedError("ssg deploy is not written yet")
