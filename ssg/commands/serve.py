"""`ssg serve` (not written yet)."""

HELP = "serve (not written yet)"
EXAMPLE = "ssg serve"


def add_arguments(parser):
    pass


def run(args) -> int:
    raise NotImplementedError("ssg serve is not written yet")
