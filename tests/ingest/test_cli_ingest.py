"""`ssg ingest` as a user runs it: the seed, --json, re-ingest, edits, --force, bad input."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from ssg.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "2025-11-10.txt"
EDITION = Path("content/editions/2025-11-10")

TITLES = ["绘好一张蓝图", "集成一套政策", "共建一批平台", "育强一套体系", "聚焦一个特色",
          "抢滩一个赛道", "推动一体开放", "优化一流服务", "守护一流生态", "擦亮一面旗帜"]
GOALS = ["推动愿景落地", "助力红利释放", "促进要素融通", "护航企业成林", "打造产业地标",
         "激发澎湃动能", "强化协同发展", "营造无忧环境", "厚植绿色本底", "赓续创新精神"]
BREAKS = ["战略机遇", "滚动推出资金", "创业投资", "体系化推动场景", "社会文化环境"]


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """A site folder with the repository's site.yaml and the seed in sources/, as the working directory."""
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources" / SEED.name)
    shutil.copy(REPO / "site.yaml", tmp_path / "site.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ingest(capsys, *args) -> tuple[int, str, str]:
    code = main(["ingest", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_json_gives_what_was_understood_and_writes_nothing(site, capsys):
    code, out, _ = ingest(capsys, "sources/2025-11-10.txt", "--json")
    assert code == 0
    assert not (site / "content").exists()
    data = json.loads(out)
    masthead = {k: data[k] for k in ("paper", "paper_en", "publisher", "cn", "postal_code", "date", "weekday",
                                     "number", "total_number", "page_count")}
    assert masthead == {
        "paper": "中国高新技术产业导报", "paper_en": "CHINA HIGH-TECH INDUSTRY HERALD",
        "publisher": "科学技术部主管 科技日报社主办", "cn": "CN 11-0237", "postal_code": "1-206",
        "date": "2025-11-10", "weekday": "星期一", "number": 41, "total_number": 2645, "page_count": 24,
    }
    assert data["source"] == "sources/2025-11-10.txt"
    lead, caption, lists = data["articles"]
    assert (lead["title"], lead["dateline"], lead["byline"]) == ("首届火炬论坛在河北雄安新区举办", "本报讯", "记者 张伟")
    assert [s["pages"] for s in lead["see_also"]] == ["2-8"]
    assert caption["kind"] == "caption" and "title" not in caption
    assert caption["paragraphs"][0].startswith("11月6-7日")
    assert (lists["title"], lists["kind"], lists["list_name"], lists["list_count"]) == (
        "国家高新区创新发展“十个一”倡议", "initiatives", "十个一", 10)
    assert [i["title"] for i in lists["initiatives"]] == TITLES
    assert [i["goal"] for i in lists["initiatives"]] == GOALS
    assert [i["number"] for i in lists["initiatives"]] == list(range(1, 11))
    for article in data["articles"]:
        assert article["tags"] and article["slug"]
        for item in article.get("initiatives", []):
            assert item["tags"] and item["slug"]
    text = json.dumps(data, ensure_ascii=False)
    for joined in BREAKS:
        assert joined in text, joined
    assert "雄安新区" in lead["tags"]


def test_writes_the_content_tree(site, capsys):
    code, out, err = ingest(capsys, "sources/2025-11-10.txt")
    assert code == 0
    assert out.strip() == "3 articles, 10 initiatives written to content/editions/2025-11-10"
    assert "sources/2025-11-10.txt: 2025-11-10, 3 articles, 10 initiatives" in err
    folder = site / EDITION
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    assert names[:3] == ["01-shou-jie-huo-ju-lun-tan.md", "02-11-yue-6-7-ri.md", "03-guo-jia-gao-xin-qu/01-hui-hao-yi-zhang-lan-tu.md"]
    assert "03-guo-jia-gao-xin-qu/10-ca-liang-yi-mian-qi-zhi.md" in names
    assert "03-guo-jia-gao-xin-qu/index.md" in names and "_edition.md" in names
    assert len(names) == 14
    assert (folder / ".ingest.json").is_file()


def test_reingest_changes_nothing(site, capsys):
    ingest(capsys, "sources/2025-11-10.txt")
    before = tree(site / "content")
    stamps = {p: os.stat(site / "content" / p).st_mtime_ns for p in before}
    code, out, _ = ingest(capsys, "sources/2025-11-10.txt")
    assert code == 0 and "skipped" not in out
    assert out.strip() == "3 articles, 10 initiatives written to content/editions/2025-11-10 (14 unchanged)"
    assert tree(site / "content") == before
    assert {p: os.stat(site / "content" / p).st_mtime_ns for p in before} == stamps


def test_an_edit_survives_reingest(site, capsys):
    ingest(capsys, "sources/2025-11-10.txt")
    item = site / EDITION / "03-guo-jia-gao-xin-qu/04-yu-qiang-yi-tao-ti-xi.md"
    edited = item.read_text("utf-8").replace("title: 育强一套体系", "title: 育强一套企业培育体系")
    item.write_text(edited, "utf-8")
    code, out, err = ingest(capsys, "sources/2025-11-10.txt")
    assert code == 0
    assert item.read_text("utf-8") == edited
    assert "(1 skipped: edited since ingest; 13 unchanged)" in out
    assert re.search(r"^content/editions/2025-11-10/03-guo-jia-gao-xin-qu/04-yu-qiang-yi-tao-ti-xi\.md: "
                     r"warning: edited since ingest: not overwritten \(.*--force.*\)$", err, re.MULTILINE)


def test_force_overwrites_and_keeps_a_backup(site, capsys):
    ingest(capsys, "sources/2025-11-10.txt")
    lead = site / EDITION / "01-shou-jie-huo-ju-lun-tan.md"
    original = lead.read_bytes()
    lead.write_text(lead.read_text("utf-8") + "\n编辑加的一段。\n", "utf-8")
    edited = lead.read_bytes()
    code, out, _ = ingest(capsys, "sources/2025-11-10.txt", "--force")
    assert code == 0 and "1 backed up in .backup/" in out
    assert lead.read_bytes() == original
    [backup] = (site / EDITION / ".backup").glob("01-shou-jie-huo-ju-lun-tan.md.bak-*")
    assert backup.read_bytes() == edited


def test_gb18030_with_crlf_ingests_to_identical_files(site, tmp_path_factory, capsys, monkeypatch):
    ingest(capsys, "sources/2025-11-10.txt")
    other = tmp_path_factory.mktemp("gb18030")
    (other / "sources").mkdir()
    shutil.copy(site / "site.yaml", other / "site.yaml")
    text = SEED.read_text("utf-8").replace("\n", "\r\n")
    (other / "sources" / SEED.name).write_bytes(text.encode("gb18030"))
    monkeypatch.chdir(other)
    code, _, _ = ingest(capsys, "sources/2025-11-10.txt")
    assert code == 0
    assert tree(other / "content") == tree(site / "content")


def test_content_option_and_site_yaml_content_dir(site, capsys):
    assert ingest(capsys, "sources/2025-11-10.txt", "--content", "elsewhere")[0] == 0
    assert (site / "elsewhere/editions/2025-11-10/_edition.md").is_file()
    with open(site / "site.yaml", "a", encoding="utf-8") as fh:
        fh.write("\ncontent_dir: articles\n")
    code, out, _ = ingest(capsys, "sources/2025-11-10.txt")
    assert code == 0 and "written to articles/editions/2025-11-10" in out
    assert not (site / "content").exists()


def test_works_in_a_folder_without_site_yaml(tmp_path, monkeypatch, capsys):
    shutil.copy(SEED, tmp_path / "issue.txt")
    monkeypatch.chdir(tmp_path)
    code, out, _ = ingest(capsys, "issue.txt")
    assert code == 0 and "written to content/editions/2025-11-10" in out
    meta = (tmp_path / EDITION / "_edition.md").read_text("utf-8")
    assert "source: issue.txt" in meta


NO_MASTHEAD = "今日要闻\n\n本报讯(记者 李明)市政府昨天召开常务会议,研究部署冬季供暖工作。\n"


def test_text_without_a_date_needs_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "issue.txt").write_text(NO_MASTHEAD, "utf-8")
    code, _, err = ingest(capsys, "issue.txt")
    assert code == 1 and "issue.txt" in err and "--date" in err
    assert not (tmp_path / "content").exists()
    code, _, _ = ingest(capsys, "issue.txt", "--date", "2025-11-12")
    assert code == 0 and (tmp_path / "content/editions/2025-11-12").is_dir()
    (tmp_path / "2025-11-13.txt").write_text(NO_MASTHEAD, "utf-8")
    assert ingest(capsys, "2025-11-13.txt")[0] == 0
    assert (tmp_path / "content/editions/2025-11-13").is_dir()


def test_undecodable_text_is_one_line_naming_file_and_offset(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "2025-11-12.txt").write_bytes("某某日报\n\n正文".encode() + b"\xff\xfe\xff broken")
    code, _, err = ingest(capsys, "2025-11-12.txt")
    assert code == 1
    [line] = [line for line in err.splitlines() if line.startswith("error")]
    assert "2025-11-12.txt" in line and re.search(r"offset \d+", line)
    assert not (tmp_path / "content").exists()


def test_one_bad_file_writes_nothing_at_all(site, capsys):
    (site / "sources/2025-11-12.txt").write_bytes(b"\xff\xff\xff\xff")
    code, _, err = ingest(capsys, "sources/2025-11-10.txt", "sources/2025-11-12.txt")
    assert code == 1 and "sources/2025-11-12.txt" in err
    assert not (site / "content").exists()


def test_two_files_for_one_date_is_an_error(site, capsys):
    shutil.copy(SEED, site / "sources/copy.txt")
    code, _, err = ingest(capsys, "sources/2025-11-10.txt", "sources/copy.txt")
    assert code == 1 and "same date 2025-11-10" in err
    assert not (site / "content").exists()


@pytest.mark.usefixtures("site")
def test_date_with_several_files_is_a_usage_error(capsys):
    code, _, err = ingest(capsys, "sources/2025-11-10.txt", "sources/2025-11-10.txt", "--date", "2025-11-10")
    assert code == 2 and "--date" in err


@pytest.mark.usefixtures("site")
def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", "sources/2025-11-10.txt", "--date", "2025-13-40"])
    assert exit_.value.code == 2
    assert "not a date" in capsys.readouterr().err


@pytest.mark.usefixtures("site")
def test_a_missing_file_is_an_error(capsys):
    code, _, err = ingest(capsys, "sources/nope.txt")
    assert code == 1 and "sources/nope.txt" in err and "cannot read" in err


def test_count_warning_reaches_the_user(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    fixture = (Path(__file__).parent / "fixtures/lists/count_mismatch.txt").read_text("utf-8")
    (tmp_path / "2025-11-12.txt").write_text("县域经济报\n\n2025年11月12日 星期三 今日8版\n\n" + fixture, "utf-8")
    code, out, err = ingest(capsys, "2025-11-12.txt")
    assert code == 0
    assert re.search(r"^2025-11-12\.txt:\d+: warning: “五个一” announces 5 items but 4 were found", err, re.MULTILINE)
    assert "1 article, 4 initiatives written to" in out


def test_json_for_several_files_is_a_list(site, capsys):
    (site / "sources/2025-11-12.txt").write_text("县域经济报\n\n2025年11月12日 星期三 今日8版\n\n" + NO_MASTHEAD, "utf-8")
    code, out, _ = ingest(capsys, "sources/2025-11-10.txt", "sources/2025-11-12.txt", "--json")
    assert code == 0
    assert [e["date"] for e in json.loads(out)] == ["2025-11-10", "2025-11-12"]
    assert not (site / "content").exists()


def test_files_no_longer_produced_are_removed_and_named(site, capsys):
    ingest(capsys, "sources/2025-11-10.txt")
    source = site / "sources/2025-11-10.txt"
    source.write_text(source.read_text("utf-8").replace("首届火炬论坛在河北雄安新区举办", "火炬论坛在雄安举办"), "utf-8")
    code, out, err = ingest(capsys, "sources/2025-11-10.txt")
    assert code == 0 and "(1 removed: no longer produced; 13 unchanged)" in out
    assert "content/editions/2025-11-10/01-shou-jie-huo-ju-lun-tan.md: removed" in err
    assert not (site / EDITION / "01-shou-jie-huo-ju-lun-tan.md").exists()
    [new] = (site / EDITION).glob("01-*.md")
    assert new.name.startswith("01-huo-ju-lun-tan")
