"""`ssg check` (not written yet)."""

HELP = "check (not written yet)"
EXAMPLE = "ssg check"


def add_arguments(parser):
    pass


def run(args) -> int:
    raise NotImplementedError("ssg check is not written yet")
