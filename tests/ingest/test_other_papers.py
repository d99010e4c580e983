"""Whole pages in the style of other papers, read end to end (lists, tags and slugs included).

Each page under fixtures/pages/ is made up in one paper's style: a 人民日报 page
with the byline above the dateline and an article continued on the next page,
a city daily printed in sections (A01版, B1:体育), a 科技日报 page with running
heads and lists, a 新华每日电讯 page, a trade paper whose columns were cut
mid-sentence. test_conservation checks that every one keeps all its text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssg.config import load_config
from ssg.ingest import ingest_file
from ssg.ingest.emit import article_meta

PAGES = Path(__file__).parent / "fixtures" / "pages"


def read(name: str, tmp_path: Path):
    return ingest_file(PAGES / name, load_config(tmp_path), date=dt.date(2025, 1, 1))


def heads(edition) -> list[tuple]:
    return [(a.kind, a.page, a.title, a.dateline, a.byline) for a in edition.articles]


def test_renmin_byline_above_dateline_and_a_continued_article(tmp_path):
    e = read("renmin-continued.txt", tmp_path)
    assert heads(e) == [
        ("news", 1, "秋粮收购有序推进 农民增收底气更足", "本报北京11月9日电", "本报记者  刘  某"),
        ("news", 2, "以更大力度稳就业惠民生（人民时评）", None, "何  某"),
        ("news", 2, "科技创新持续赋能产业升级", "本报上海11月9日电", "本报记者  张  某"),
    ]
    lead, comment, tech = e.articles
    assert lead.kicker == "扎实推进乡村全面振兴"
    # the byline line stood above the dateline: the model and the front matter keep that order
    assert (lead.byline_first, comment.byline_first, tech.byline_first) == (True, False, True)
    assert [k for k in article_meta(lead) if k in ("dateline", "byline")] == ["byline", "dateline"]
    assert lead.paragraphs[0].startswith("记者从国家粮食和物资储备局获悉")
    # continued on page 2: both jump lines stay where the paper printed them, the text goes on
    assert lead.paragraphs[3:5] == ("（下转第二版）", "（上接第一版）")
    assert lead.paragraphs[5].startswith("在黑龙江、吉林等主产区") and lead.see_also == ()
    assert (comment.column, comment.credit, comment.paragraphs[-1]) == ("人民时评", "作者为某大学教授", "（作者为某大学教授）")
    assert tech.credit == "本报记者张某整理"
    assert e.diagnostics == ()


def test_city_daily_printed_in_sections(tmp_path):
    e = read("city-sections.txt", tmp_path)
    assert (e.masthead.paper, e.masthead.date, e.masthead.page_count) == ("江城日报", dt.date(2025, 6, 18), 32)
    assert [(p.number, p.name, p.label) for p in e.pages] == [
        (1, "要闻", "A01"), (2, "城事", "A02"), (3, "评论", "A03"), (4, "体育", "B1"), (5, "文化", "B2")
    ]
    assert [(a.page, a.title) for a in e.articles] == [
        (1, "城市更新让老街区焕发新活力"),
        (2, "夏季用电高峰来临 电网企业全力保供"),
        (3, "让“小摊贩”融入城市“大格局”"),
        (4, "全民健身热潮涌动江城"),
        (5, "非遗传承人走进校园"),
    ]
    power, comment = e.articles[1], e.articles[2]
    assert power.kind == "initiatives"
    assert [(i.marker, i.title) for i in power.initiatives] == [
        ("首先", "加强设备巡视和检修"), ("其次", "优化电网运行方式"), ("最后", "做好应急抢修准备")
    ]
    assert power.closing == ("（本报记者孙某整理）",) and power.credit == "本报记者孙某整理"
    assert (comment.byline, comment.credit) == ("王某某", "作者为江城市社会科学院研究员")


def test_keji_running_heads_inline_list_and_same_opening_paragraphs(tmp_path):
    e = read("keji-lists.txt", tmp_path)
    assert [(p.number, p.name) for p in e.pages] == [(3, "综合新闻"), (4, "区域创新")]
    policy, zone = e.articles
    assert (policy.title, policy.subtitle, policy.byline) == (
        "加快培育发展新质生产力", "某省推动科技创新和产业创新深度融合", "本报记者 吴某 通讯员 郑某"
    )
    assert [(i.marker, i.title) for i in policy.initiatives] == [
        ("一是", "强化企业科技创新主体地位"),
        ("二是", "加快关键核心技术攻关"),
        ("三是", "推动科技成果转化"),
        ("四是", "培育壮大战略性新兴产业"),
        ("五是", "深化科技体制机制改革"),
    ]
    # slogans, ordinals inside words and 从0到1 in the closing paragraph make no second list
    assert len(policy.closing) == 1 and "“四个意识”" in policy.closing[0] and "从0到1" in policy.closing[0]
    assert zone.kind == "initiatives"
    assert [(i.marker, i.title) for i in zone.initiatives] == [
        (None, "持续优化创新生态"), (None, "持续强化人才支撑"), (None, "持续深化开放合作")
    ]
    assert zone.paragraphs == ("今年前三季度，某高新区新增科技型中小企业860家，高新技术企业总数突破3000家。",)


def test_xinhua_telegraph_leads_and_caption(tmp_path):
    e = read("xinhua-telegraph.txt", tmp_path)
    assert heads(e) == [
        ("news", 1, "我国成功发射新一代通信卫星", "新华社西昌11月9日电", "记者 黄某 李某"),
        ("caption", 1, None, None, None),
        ("news", 2, "智慧农业让种菜更“聪明”", "新华社长沙11月9日电", "新华社记者 陈某"),
        ("news", 2, "重庆支持中小微企业数字化转型", "新华社重庆十四日电", None),
    ]
    assert e.articles[1].paragraphs[0].endswith("新华社记者 郭某 摄")
    assert e.articles[2].byline_first and not e.articles[0].byline_first


def test_trade_paper_columns_cut_mid_sentence(tmp_path):
    e = read("trade-breaks.txt", tmp_path)
    assert [a.title for a in e.articles] == ["储能产业驶入发展快车道", "电网企业加快数字化转型"]
    storage, grid = e.articles
    # three column breaks that left a headline-like line: a run of quoted terms, a count, a measure word
    assert storage.paragraphs[1].startswith("“装得上”“用得好”“调得动”“收得回”“算得清”，这是")
    assert "引进上下游企业120家" in storage.paragraphs[2]
    assert storage.paragraphs[3].startswith("这是我国新型储能产业加快发展的一个缩影。")
    assert len(storage.paragraphs) == 4
    assert [(i.marker, i.title) for i in grid.initiatives] == [
        ("——", "坚持数字赋能"), ("——", "坚持安全可控"), ("——", "坚持开放共享")
    ]
    assert grid.credit == "文/韩某"


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.txt")))
def test_every_page_reads_the_same_twice(name, tmp_path):
    assert read(name, tmp_path) == read(name, tmp_path)
