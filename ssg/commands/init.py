"""`ssg init` (not written yet)."""

HELP = "init (not written yet)"
EXAMPLE = "ssg init"


def add_arguments(parser):
    pass


def run(args) -> int:
    raise NotImplementedError("ssg init is not written yet")
