"""The Markdown writer: layout and keys of docs/content-format.md, literal text,
deterministic bytes, and never losing an editor's work."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from pathlib import Path

import markdown
import pytest

from ssg.diagnostics import SsgError
from ssg.frontmatter import parse_document
from ssg.ingest.emit import MANIFEST, PlannedFile, plan_edition, write_plan
from ssg.ingest.escape import escape_paragraph
from ssg.ingest.model import Article, Edition, Initiative, Masthead, PageInfo, SeeAlso

DATE = dt.date(2025, 11, 10)


def make_edition(**changes) -> Edition:
    masthead = Masthead(paper="中国高新技术产业导报", paper_en="CHINA HIGH-TECH INDUSTRY HERALD",
                        publisher="科学技术部主管 科技日报社主办", cn="CN 11-0237", postal_code="1-206",
                        date=DATE, weekday="星期一", number=41, total_number=2645, page_count=24, line=3)
    lead = Article(title="首届火炬论坛在河北雄安新区举办", order=1, dateline="本报讯", byline="记者 张伟",
                   see_also=(SeeAlso("2-8", "相关报道详见2-8版"),), paragraphs=("第一段。", "第二段。"),
                   tags=("雄安新区", "火炬论坛"), slug="shou-jie-huo-ju-lun-tan")
    caption = Article(title=None, kind="caption", order=2, paragraphs=("11月6-7日,2025火炬论坛在河北雄安新区举办。",),
                      slug="11-yue-6-7-ri")
    nested = (Initiative(1, "推动传统产业转型升级", marker="(一)", paragraphs=("实施技改工程。",), slug="tui-dong"),
              Initiative(2, "培育壮大新兴产业", marker="(二)", slug="pei-yu"))
    items = (
        Initiative(1, "绘好一张蓝图", goal="推动愿景落地", paragraphs=("锚定建设目标。",), list_name="十个一",
                   tags=("蓝图",), slug="hui-hao-yi-zhang-lan-tu"),
        Initiative(2, "重点任务", marker="二、", list_name="十个一", paragraphs=("任务如下。",), initiatives=nested,
                   closing=("以上任务按年度推进。",), slug="zhong-dian-ren-wu"),
    )
    lists = Article(title="国家高新区创新发展“十个一”倡议", kind="initiatives", order=3, paragraphs=("为深化……发起倡议。",),
                    initiatives=items, closing=("倡议发布后……。",), list_name="十个一", list_count=10,
                    slug="guo-jia-gao-xin-qu")
    values = {"masthead": masthead, "articles": (lead, caption, lists), "pages": (PageInfo(1, "要闻"), PageInfo(2)),
              "notes": ("责任编辑:王某",), "source": "sources/2025-11-10.txt"}
    values.update(changes)
    return Edition(**values)


def relative(plan, content: Path) -> dict[str, str]:
    return {Path(f.path).relative_to(content).as_posix(): f.text for f in plan}


def test_layout(tmp_path):
    files = relative(plan_edition(make_edition(), tmp_path), tmp_path)
    base = "editions/2025-11-10/"
    assert sorted(files) == sorted(base + p for p in [
        "_edition.md", "01-shou-jie-huo-ju-lun-tan.md", "02-11-yue-6-7-ri.md",
        "03-guo-jia-gao-xin-qu/index.md", "03-guo-jia-gao-xin-qu/01-hui-hao-yi-zhang-lan-tu.md",
        "03-guo-jia-gao-xin-qu/02-zhong-dian-ren-wu/index.md",
        "03-guo-jia-gao-xin-qu/02-zhong-dian-ren-wu/01-tui-dong.md",
        "03-guo-jia-gao-xin-qu/02-zhong-dian-ren-wu/02-pei-yu.md",
    ])


def meta_of(files, name):
    doc = parse_document(files["editions/2025-11-10/" + name], name)
    return doc.meta, doc.body


def test_front_matter_keys_in_contract_order(tmp_path):
    files = relative(plan_edition(make_edition(), tmp_path), tmp_path)
    meta, body = meta_of(files, "_edition.md")
    assert list(meta) == ["paper", "paper_en", "publisher", "cn", "postal_code", "date", "weekday", "number",
                          "total_number", "page_count", "pages", "source"]
    assert meta["date"] == DATE and meta["pages"] == {1: "要闻"} and meta["cn"] == "CN 11-0237"
    assert body.strip() == "责任编辑:王某"
    meta, body = meta_of(files, "01-shou-jie-huo-ju-lun-tan.md")
    assert list(meta) == ["title", "kind", "page", "order", "dateline", "byline", "see_also", "tags", "slug"]
    assert meta["see_also"] == [{"pages": "2-8", "text": "相关报道详见2-8版"}]
    assert body == "第一段。\n\n第二段。\n"
    meta, _ = meta_of(files, "02-11-yue-6-7-ri.md")
    assert "title" not in meta and meta["kind"] == "caption"
    meta, body = meta_of(files, "03-guo-jia-gao-xin-qu/index.md")
    assert (meta["kind"], meta["list"], meta["list_count"]) == ("initiatives", "十个一", 10)
    assert body == "为深化……发起倡议。\n\n<!-- list -->\n\n倡议发布后……。\n"
    meta, body = meta_of(files, "03-guo-jia-gao-xin-qu/01-hui-hao-yi-zhang-lan-tu.md")
    assert list(meta) == ["title", "goal", "number", "list", "tags", "slug"]
    assert body == "锚定建设目标。\n"
    meta, body = meta_of(files, "03-guo-jia-gao-xin-qu/02-zhong-dian-ren-wu/index.md")
    assert meta["marker"] == "二、" and body == "任务如下。\n\n<!-- list -->\n\n以上任务按年度推进。\n"


def test_no_key_is_written_empty(tmp_path):
    for f in plan_edition(make_edition(), tmp_path):
        meta = parse_document(f.text, str(f.path)).meta
        assert meta and all(v not in (None, "", [], {}) for v in meta.values()), f.path


def test_what_build_reads(tmp_path):
    """Every planned file loads with the content reader build uses."""
    from ssg.config import SiteConfig
    from ssg.content import load_sources

    write_plan(plan_edition(make_edition(), tmp_path / "content"), tmp_path / "content")
    content = load_sources(SiteConfig(root=tmp_path))
    [edition] = content.editions
    assert len(edition.articles) == 3
    assert [len(a.initiatives) for a in edition.articles] == [0, 0, 2]


LITERAL = [
    "*重点*_项目_", "<script>alert('x')</script>", "# 不是标题", "1. 不是列表", "> 不是引用", "- 不是列表",
    "+ 不是列表", "---", "===", "R&D &amp; &lt;b&gt;", "[链接](http://example.org) ![图](a.png)", "`代码`",
    "反斜杠\\*", "12.5亿元", "| 表 | 格 |", "{: .class}", "*[HTML]: 缩写", "[^1] 注", "    缩进四格",
    "<!-- list -->", "<http://example.org>", "~~~", ": 定义", "王  某",
]


@pytest.mark.parametrize("text", LITERAL)
@pytest.mark.parametrize("extensions", [[], ["extra"]])
def test_source_text_shows_literally(text, extensions):
    rendered = markdown.markdown(escape_paragraph(text), extensions=extensions)
    assert not re.search(r"<(?!/?p>)", rendered), rendered  # no element but the paragraph
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert shown.strip() == text.strip()


def test_deterministic_bytes(tmp_path):
    assert plan_edition(make_edition(), tmp_path) == plan_edition(make_edition(), tmp_path)


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_writing_twice_changes_nothing(tmp_path):
    plan = plan_edition(make_edition(), tmp_path)
    first = write_plan(plan, tmp_path)
    assert len(first.written) == len(plan) and not first.skipped
    before = read_tree(tmp_path)
    stamps = {p: os.stat(tmp_path / p).st_mtime_ns for p in before}
    second = write_plan(plan, tmp_path)
    assert (second.written, second.skipped, second.removed) == ((), (), ())
    assert len(second.unchanged) == len(plan)
    assert read_tree(tmp_path) == before
    assert {p: os.stat(tmp_path / p).st_mtime_ns for p in before} == stamps


def test_manifest_records_what_ingest_wrote(tmp_path):
    plan = plan_edition(make_edition(), tmp_path)
    write_plan(plan, tmp_path)
    manifest = json.loads((tmp_path / "editions/2025-11-10" / MANIFEST).read_text("utf-8"))
    assert sorted(manifest["files"]) == sorted(f"{Path(f.path).relative_to(tmp_path / 'editions/2025-11-10').as_posix()}" for f in plan)
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in manifest["files"].values())


def changed_edition():
    """The same issue re-ingested after the source text was corrected."""
    edition = make_edition()
    lead = edition.articles[0]
    from dataclasses import replace
    return replace(edition, articles=(replace(lead, paragraphs=("第一段(改)。", "第二段。")),) + edition.articles[1:])


def test_unedited_files_follow_the_source(tmp_path):
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    report = write_plan(plan_edition(changed_edition(), tmp_path), tmp_path)
    path = tmp_path / "editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md"
    assert report.written == (path.resolve(),) and not report.skipped
    assert "第一段(改)" in path.read_text("utf-8")


def test_an_edit_survives_reingest(tmp_path):
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    path = tmp_path / "editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md"
    edited = path.read_text("utf-8").replace("第一段。", "第一段,编辑改过。")
    path.write_text(edited, "utf-8")
    report = write_plan(plan_edition(changed_edition(), tmp_path), tmp_path)
    assert path.read_text("utf-8") == edited
    assert report.skipped == (path.resolve(),) and not report.written
    [d] = report.diagnostics
    assert d.severity == "warning" and d.path.endswith("01-shou-jie-huo-ju-lun-tan.md")
    assert "edited since ingest" in d.message and "--force" in d.hint
    # and it stays protected on the next run too
    again = write_plan(plan_edition(changed_edition(), tmp_path), tmp_path)
    assert again.skipped == (path.resolve(),) and path.read_text("utf-8") == edited


def test_force_overwrites_and_keeps_a_backup(tmp_path):
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    path = tmp_path / "editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md"
    path.write_text("---\ntitle: 编辑改过\npage: 1\norder: 1\n---\n\n正文。\n", "utf-8")
    edited = path.read_bytes()
    report = write_plan(plan_edition(changed_edition(), tmp_path), tmp_path, force=True)
    assert "第一段(改)" in path.read_text("utf-8")
    [backup] = report.backed_up
    assert backup.read_bytes() == edited
    assert backup.parent == (tmp_path / "editions/2025-11-10/.backup").resolve()
    assert backup.name.startswith("01-shou-jie-huo-ju-lun-tan.md.bak-")
    # after --force the file is ingest's again: the next run replaces it without --force
    assert not write_plan(plan_edition(make_edition(), tmp_path), tmp_path).skipped


def test_files_ingest_did_not_write_are_left_alone(tmp_path):
    folder = tmp_path / "editions/2025-11-10"
    folder.mkdir(parents=True)
    mine = folder / "01-shou-jie-huo-ju-lun-tan.md"
    mine.write_text("my own file\n", "utf-8")
    report = write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    assert mine.read_text("utf-8") == "my own file\n"
    assert report.skipped == (mine.resolve(),)
    assert "not written by ingest" in report.diagnostics[0].message


def test_a_file_the_editor_deleted_stays_deleted(tmp_path):
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    caption = tmp_path / "editions/2025-11-10/02-11-yue-6-7-ri.md"
    caption.unlink()
    report = write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    assert not caption.exists() and report.skipped == (caption.resolve(),)
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path, force=True)
    assert caption.exists()


def test_files_no_longer_produced_are_removed_only_when_unedited(tmp_path):
    from dataclasses import replace
    edition = make_edition()
    write_plan(plan_edition(edition, tmp_path), tmp_path)
    folder = tmp_path / "editions/2025-11-10"
    item = folder / "03-guo-jia-gao-xin-qu/01-hui-hao-yi-zhang-lan-tu.md"
    item.write_text(item.read_text("utf-8") + "\n编辑补充。\n", "utf-8")
    shorter = replace(edition, articles=edition.articles[:1])
    report = write_plan(plan_edition(shorter, tmp_path), tmp_path)
    assert not (folder / "02-11-yue-6-7-ri.md").exists()
    assert not (folder / "03-guo-jia-gao-xin-qu/02-zhong-dian-ren-wu").exists()  # emptied folder pruned
    assert item.exists() and "编辑补充" in item.read_text("utf-8")
    assert item.resolve() in report.skipped
    assert (folder / "02-11-yue-6-7-ri.md").resolve() in report.removed


def test_a_failed_write_leaves_the_old_file_and_no_temp_files(tmp_path, monkeypatch):
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    before = read_tree(tmp_path)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_plan(plan_edition(changed_edition(), tmp_path), tmp_path)
    assert read_tree(tmp_path) == before


def test_refuses_paths_outside_the_content_folder(tmp_path):
    content = tmp_path / "content"
    plan = [PlannedFile(content / "editions/2025-11-10/01-a.md", "a\n"), PlannedFile(content / "../escape.md", "x\n")]
    with pytest.raises(SsgError, match="refusing to write outside"):
        write_plan(plan, content)
    assert not any(tmp_path.rglob("*.md"))


def test_a_broken_manifest_stops_before_anything_is_written(tmp_path):
    folder = tmp_path / "editions/2025-11-10"
    folder.mkdir(parents=True)
    (folder / MANIFEST).write_text("{not json", "utf-8")
    with pytest.raises(SsgError) as err:
        write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    assert MANIFEST in str(err.value) and "not an ingest manifest" in str(err.value)
    assert not any(folder.rglob("*.md"))


def test_manifest_entries_cannot_point_outside(tmp_path):
    folder = tmp_path / "editions/2025-11-10"
    folder.mkdir(parents=True)
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", "utf-8")
    import hashlib
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    (folder / MANIFEST).write_text(json.dumps({"version": 1, "files": {"../../victim.md": digest}}), "utf-8")
    write_plan(plan_edition(make_edition(), tmp_path), tmp_path)
    assert victim.read_text("utf-8") == "keep me\n"
