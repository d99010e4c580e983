"""Content files -> typed sources: `parse_source` (pure, one file) and `load_sources` (the folder walk)."""

from ssg.content.load import decode_source, load_sources, parse_bytes
from ssg.content.model import (
    ArticleNode,
    ArticleSource,
    ContentSet,
    EditionContent,
    EditionSource,
    InitiativeNode,
    InitiativeSource,
    PageSource,
    SeeAlsoRef,
    Source,
)
from ssg.content.parse import LIST_MARKER, classify, parse_source

__all__ = [
    "LIST_MARKER",
    "ArticleNode",
    "ArticleSource",
    "ContentSet",
    "EditionContent",
    "EditionSource",
    "InitiativeNode",
    "InitiativeSource",
    "PageSource",
    "SeeAlsoRef",
    "Source",
    "classify",
    "decode_source",
    "load_sources",
    "parse_bytes",
    "parse_source",
]
