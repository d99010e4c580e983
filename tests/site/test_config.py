"""site.yaml: typed, validated, every problem reported with its line and a "did you mean"."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssg.config import DeployTarget, SiteConfig, load_config, parse_config
from ssg.diagnostics import SsgError

REPO = Path(__file__).resolve().parents[2]


def errors(text: str) -> list[str]:
    with pytest.raises(SsgError) as info:
        parse_config(text, Path("."))
    return [str(d) for d in info.value.diagnostics]


def test_no_site_yaml_gives_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config == SiteConfig(root=tmp_path)
    assert config.base_url.endswith("/")


def test_the_project_site_yaml_loads():
    config = load_config(REPO)
    assert config.language == "zh-CN"
    assert "雄安新区" in config.keywords.user_words
    assert config.reading.chars_per_minute == 400


def test_values_are_typed():
    config = parse_config(
        "title: 导报\nbase_url: https://example.org/herald\nreading:\n  chars_per_minute: 300\n"
        "keywords:\n  user_words: [雄安新区, 十个一]\nmarkup:\n  unsafe_html: true\n"
        "deploy:\n  - name: pages\n    to: git:origin\n    keep: 3\n",
        Path("/site"),
    )
    assert config.base_url == "https://example.org/herald/"
    assert config.reading.chars_per_minute == 300
    assert config.reading.summary_chars == 120  # default kept beside a given key
    assert config.keywords.user_words == ("雄安新区", "十个一")
    assert config.markup.unsafe_html is True
    assert config.deploy == (DeployTarget(name="pages", to="git:origin", keep=3),)
    assert config.root == Path("/site")


def test_a_number_written_where_text_belongs_is_kept_as_typed():
    config = parse_config("title: 2025\npaper:\n  postal_code: 1-206\n  cn: 0237\n", Path("."))
    assert config.title == "2025"
    assert config.paper.cn == "0237"


def test_the_typo_in_the_brief():
    text = "\n".join(f"title: t{i}" if i == 1 else f"# comment {i}" for i in range(1, 14)) + "\nbse_url: https://x.org/\n"
    assert errors(text) == ["site.yaml:14: unknown key 'bse_url' (did you mean 'base_url'?)"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("theme: newspaper\nlanguag: zh-CN\n", "site.yaml:2: unknown key 'languag' (did you mean 'language'?)"),
        ("reading:\n  chars_per_minit: 3\n", "site.yaml:2: unknown key 'reading.chars_per_minit' (did you mean 'chars_per_minute'?)"),
        ("colour: red\n", "site.yaml:1: unknown key 'colour'"),
        ("base_url: example.org\n", "site.yaml:1: 'base_url' must be an http:// or https:// URL such as https://example.org/, not 'example.org'"),
        ("base_url: ftp://example.org/\n", "site.yaml:1: 'base_url' must be an http:// or https:// URL such as https://example.org/, not 'ftp://example.org/'"),
        ("base_url: https://example.org/?a=1\n", "site.yaml:1: 'base_url' must not carry a query or fragment: 'https://example.org/?a=1'"),
        ("reading:\n  summary_chars: -1\n", "site.yaml:2: 'reading.summary_chars' must be 1 or more, not -1"),
        ("reading:\n  chars_per_minute: 0\n", "site.yaml:2: 'reading.chars_per_minute' must be 1 or more, not 0"),
        ("reading:\n  chars_per_minute: fast\n", "site.yaml:2: 'reading.chars_per_minute' must be a whole number, not 'fast'"),
        ("reading:\n  chars_per_minute: true\n", "site.yaml:2: 'reading.chars_per_minute' must be a whole number, not 'true'"),
        ("reading:\n  chars_per_minute: 2.5\n", "site.yaml:2: 'reading.chars_per_minute' must be a whole number, not '2.5'"),
        ("feed:\n  entries: -1\n", "site.yaml:2: 'feed.entries' must be 0 or more, not -1"),
        ("markup:\n  unsafe_html: sometimes\n", "site.yaml:2: 'markup.unsafe_html' must be true or false, not 'sometimes'"),
        ("reading: 400\n", "site.yaml:1: 'reading' must be a mapping of keys to values"),
        ("keywords:\n  user_words: 雄安新区\n", "site.yaml:2: 'keywords.user_words' must be a list"),
        ("keywords:\n  user_words: ['']\n", "site.yaml:2: 'keywords.user_words' must not hold empty words"),
        ("title: [a, b]\n", "site.yaml:1: 'title' must be text"),
        ("title:\n", "site.yaml:1: 'title' must be text"),
        ("language: zh CN\n", "site.yaml:1: 'language' must be a language tag such as zh-CN, not 'zh CN'"),
        ("theme: ../evil\n", "site.yaml:1: 'theme' must be a theme name, not a path: '../evil'"),
        ("ingest:\n  encoding: klingon\n", "site.yaml:2: 'ingest.encoding' unknown encoding 'klingon'"),
        ("title: a\ntitle: b\n", "site.yaml:2: duplicate key 'title' (first on line 1)"),
        ("- title\n", "site.yaml:1: the top level must be a mapping of keys to values"),
        ("title: [\n", "site.yaml:2: bad YAML: expected the node content, but found '<stream end>'"),
        ("deploy:\n  - name: web\n    to: ftp:host\n", "site.yaml:3: 'deploy.to' must be git:REMOTE, dir:PATH or rsync:USER@HOST:PATH, not 'ftp:host'"),
        ("deploy:\n  - to: dir:out\n", "site.yaml:2: missing required key 'deploy.name'"),
        ("deploy:\n  - name: a\n    to: dir:x\n  - name: a\n    to: dir:y\n", "site.yaml:4: duplicate deploy name 'a'"),
        ("deploy:\n  - name: a\n    to: dir:x\n    keep: 0\n", "site.yaml:4: 'deploy.keep' must be 1 or more, not 0"),
    ],
)
def test_bad_values_name_the_line(text, expected):
    assert errors(text) == [expected]


def test_every_problem_is_reported_at_once():
    found = errors("bse_url: https://x.org/\nreading:\n  chars_per_minute: -1\n  summary_chars: x\nfeed:\n  entrys: 3\n")
    assert [line.split(":")[1] for line in found] == ["1", "3", "4", "6"]


def test_empty_file_gives_defaults(tmp_path):
    (tmp_path / "site.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_config(tmp_path) == SiteConfig(root=tmp_path)


def test_bom_and_non_utf8(tmp_path):
    (tmp_path / "site.yaml").write_bytes("\ufefftitle: 导报\n".encode("utf-8"))
    assert load_config(tmp_path).title == "导报"
    (tmp_path / "site.yaml").write_bytes("title: 导报\n".encode("gbk"))
    with pytest.raises(SsgError, match=r"^site.yaml: not UTF-8 text"):
        load_config(tmp_path)


def test_config_is_frozen():
    config = parse_config("title: a\n", Path("."))
    with pytest.raises(AttributeError):
        config.title = "b"  # type: ignore[misc]
