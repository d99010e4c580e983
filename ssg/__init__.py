"""ssg: a static site generator for Chinese newspaper digital editions."""

__version__ = "0.1.0"
