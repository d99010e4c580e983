"""Enumerated lists -> initiatives: every list style, nesting, names and counts, and non-lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ssg.ingest.enumerations import (
    HEURISTICS,
    ListRules,
    apply_lists,
    best_list,
    count_from_intro,
    list_name_from_headline,
)
from ssg.ingest.lead_clauses import parallel_lead, split_lead
from ssg.ingest.list_markers import markers_in
from ssg.ingest.model import Article
from ssg.ingest.numerals import parse_circled, parse_cn_number
from ssg.ingest.parallel_items import shared_opening, split_semicolon_items
from ssg.ingest.segment import Segmenter

FIXTURES = Path(__file__).parent / "fixtures" / "lists"
SEG = Segmenter()


def read_fixture(name: str) -> Article:
    """Headline on the first line, then blank-line separated paragraphs."""
    text = (FIXTURES / f"{name}.txt").read_text("utf-8")
    head, _, body = text.partition("\n\n")
    paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
    return Article(title=head.strip(), paragraphs=paragraphs, line=1)


FIXTURE_NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def check_initiatives(found, expected):
    assert [i.title for i in found] == [e["title"] for e in expected]
    for item, want in zip(found, expected):
        if "goal" in want:
            assert item.goal == want["goal"], item.title
        if "marker" in want:
            assert item.marker == want["marker"], item.title
        if "paragraphs" in want:
            assert len(item.paragraphs) == want["paragraphs"], item.title
        check_initiatives(item.initiatives, want.get("initiatives", []))
    assert [i.number for i in found] == list(range(1, len(found) + 1))


def test_every_heuristic_has_a_fixture():
    styles = {json.loads((FIXTURES / f"{n}.json").read_text("utf-8"))["style"] for n in FIXTURE_NAMES}
    assert set(HEURISTICS) - styles == set()


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture(name):
    article = read_fixture(name)
    want = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    result, diagnostics = apply_lists(article, path=f"{name}.txt", tagged=SEG.tagged)
    if want["style"] is None:
        assert result == article
        assert diagnostics == []
        return
    assert best_list(article.paragraphs, tagged=SEG.tagged).style == want["style"]
    assert result.kind == "initiatives"
    assert result.list_name == want["list_name"]
    assert result.list_count == want["list_count"]
    assert len(result.paragraphs) == want["intro"]
    assert len(result.closing) == want["closing"]
    if "intro_last" in want:
        assert result.paragraphs[-1] == want["intro_last"]
    check_initiatives(result.initiatives, want["initiatives"])
    assert all(i.list_name == want["list_name"] for i in result.initiatives)
    assert len(diagnostics) == want["warnings"]
    for d in diagnostics:
        assert d.severity == "warning" and d.path == f"{name}.txt" and d.line == 1


def test_count_mismatch_warning_names_the_list_and_both_counts():
    _, [d] = apply_lists(read_fixture("count_mismatch"), path="sources/x.txt")
    assert str(d).startswith("sources/x.txt:1: warning: “五个一” announces 5 items but 4 were found")


def test_seed_ten_initiatives():
    text = Path(__file__).parents[2].joinpath("sources", "2025-11-10.txt").read_text("utf-8")
    body = text.split("国家高新区创新发展“十个一”倡议\n")[1]
    paragraphs: list[str] = []
    for p in (p.strip() for p in body.split("\n\n") if p.strip()):
        if paragraphs and not paragraphs[-1].endswith("。"):  # the column breaks, joined as part 1 does
            paragraphs[-1] += p
        else:
            paragraphs.append(p)
    article = Article(title="国家高新区创新发展“十个一”倡议", paragraphs=tuple(paragraphs), line=38)
    result, diagnostics = apply_lists(article)
    assert diagnostics == []
    assert (result.list_name, result.list_count) == ("十个一", 10)
    assert [i.title for i in result.initiatives][::9] == ["绘好一张蓝图", "擦亮一面旗帜"]
    assert [i.goal for i in result.initiatives][::9] == ["推动愿景落地", "赓续创新精神"]
    assert result.paragraphs[0].startswith("为深化科技创新")
    assert result.closing == ()
    # the slogan “三个一” inside item 6 is text, not a nested list
    assert all(i.initiatives == () for i in result.initiatives)


@pytest.mark.parametrize("paragraph, style, values", [
    ("一是加强统筹;二是完善机制;三是强化保障。", "yi-shi", [1, 2, 3]),
    ("坚持党的领导、人民当家作主、依法治国有机统一是制度优势。", "yi-shi", []),
    ("我国经济总量稳居世界第二,第一次超过", "di-yi", []),
    ("第一,坚持稳中求进。第二,坚持改革创新。", "di-yi", [1, 2]),
    ("第一批项目开工。", "di-yi", []),
    ("(一)推动传统产业转型升级。", "paren-cn", [1]),
    ("（二）培育壮大新兴产业。", "paren-cn", [2]),
    ("提供验证场景、首台(套)支持。", "paren-cn", []),
    ("一、总体要求", "dun-cn", [1]),
    ("一、二、三产业融合发展。", "dun-cn", []),
    ("张伟、李明、王芳发言。", "dun-cn", []),
    ("1.建设一体化政务大数据体系。", "arabic", [1]),
    ("1.5亿元资金已经到位。", "arabic", []),
    ("1、建设一体化政务大数据体系。", "arabic", [1]),
    ("2)推进“高效办成一件事”。", "arabic", [2]),
    ("2025年全市经济平稳增长。", "arabic", []),
    ("从0到1的突破。", "arabic", []),
    ("(1)在本省境内注册。(2)具有研发能力。", "paren-arabic", [1, 2]),
    ("条件:①注册满一年;②无不良记录。", "circled", [1, 2]),
    ("图①为签约现场。", "circled", []),
    ("首先,要打通堵点;其次,要建强平台;最后,要引导资本。", "shou-xian", [1, 2, -1]),
    ("他首先来到车间。", "shou-xian", []),
])
def test_markers(paragraph, style, values):
    assert [m.value for m in markers_in(paragraph, style)] == values


@pytest.mark.parametrize("paragraph, style, printed", [
    ("第一,坚持稳中求进。", "di-yi", "第一"), ("1、建设平台。", "arabic", "1、"), ("1.建设平台。", "arabic", "1."),
    ("（一）加强领导。", "paren-cn", "（一）"), ("一、总体要求", "dun-cn", "一、"), ("①注册满一年", "circled", "①"),
])
def test_marker_as_printed(paragraph, style, printed):
    assert markers_in(paragraph, style)[0].text == printed


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("两", 2),
    ("十四五", None), ("一二", None), ("零", None), ("二十零", None), ("", None),
])
def test_cn_numbers(text, value):
    assert parse_cn_number(text) == value


def test_circled_numbers():
    assert [parse_circled(c) for c in "①⑩⑳a"] == [1, 10, 20, None]


@pytest.mark.parametrize("headline, expected", [
    ("国家高新区创新发展“十个一”倡议", ("十个一", 10)),
    ("提供验证场景、首台(套)、科技金融“三个一”支持", ("三个一", 3)),
    ("坚持“六个坚持” 推动高质量发展", ("六个坚持", 6)),
    ("深刻领悟“两个确立”的决定性意义", ("两个确立", 2)),
    ("“十四五”规划实施情况良好", (None, None)),
    ("共建“一带一路”", (None, None)),
    ("首届火炬论坛在河北雄安新区举办", (None, None)),
])
def test_list_name_from_headline(headline, expected):
    assert list_name_from_headline(None, headline) == expected


@pytest.mark.parametrize("intro, count", [
    (("重点抓好以下五方面工作。",), 5),
    (("提出如下十条措施:",), 10),
    (("从三个方面提出十二条具体举措。",), None),
    ((), None),
])
def test_count_from_intro(intro, count):
    assert count_from_intro(intro) == count


@pytest.mark.parametrize("text, expected", [
    ("绘好一张蓝图,推动愿景落地。锚定目标", ("绘好一张蓝图", "推动愿景落地", "锚定目标")),
    ("下好一盘棋,稳住经济大盘。", ("下好一盘棋", "稳住经济大盘", "")),
    ("近日,记者从市统计局获悉。", None),
    ("今年以来,全市经济平稳增长。", None),
    ("前三季度,全市增长5.6%。", None),
    ("会议指出,要坚持稳中求进工作总基调,推动高质量发展。", None),
])
def test_parallel_lead(text, expected):
    assert parallel_lead(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("总体要求", ("总体要求", "")),
    ("坚持创新驱动。以科技创新引领产业创新。", ("坚持创新驱动", "以科技创新引领产业创新。")),
    ("加强基础设施建设,完善配套服务;", ("加强基础设施建设", "完善配套服务;")),
    ("总体要求:坚持稳中求进。", ("总体要求", "坚持稳中求进。")),
])
def test_split_lead(text, expected):
    assert split_lead(text) == expected


def test_prose_runs_of_short_sentences_are_not_lists():
    paragraphs = (
        "近日,市统计局发布数据。全市经济运行总体平稳。",
        "今年以来,全市新签约项目120个。",
        "目前,各项工作正在有序推进。",
        "他说,企业订单已经排到了明年。",
    )
    assert best_list(paragraphs) is None


def test_parallel_clauses_need_three_paragraphs():
    paragraphs = ("建好一个窗口,实现集成服务。整合部门窗口。", "打造一张网络,推动数据跑路。推动全程网办。")
    assert best_list(paragraphs) is None
    assert best_list(paragraphs, ListRules(min_unnumbered=2)).style == "parallel-lead-clauses"


def test_a_lone_first_item_is_not_a_list():
    assert best_list(("会议要求,一是要加强统筹协调。", "会议还研究了其他事项。")) is None


def test_styles_can_be_switched_off():
    article = read_fixture("yi_shi_paragraphs")
    rules = ListRules(styles=tuple(s for s in HEURISTICS if s != "yi-shi"))
    assert apply_lists(article, rules=rules) == (article, [])


def test_captions_and_articles_with_initiatives_are_left_alone():
    article = read_fixture("dash_items")
    caption = Article(title=None, kind="caption", paragraphs=article.paragraphs)
    assert apply_lists(caption) == (caption, [])


def test_the_list_that_has_most_items_wins():
    paragraphs = (
        "会议要求:一是稳增长;二是促改革。",
        "(一)加强组织领导。建立工作专班。",
        "(二)强化要素保障。保障项目用地。",
        "(三)严格督查考核。实行月调度。",
    )
    match = best_list(paragraphs)
    assert (match.style, len(match.items), match.start) == ("paren-cn", 3, 1)


def test_list_restarting_at_one_ends_the_first_list():
    paragraphs = ("1.建设平台。", "2.完善机制。", "文件还明确了保障措施。", "1.加强领导。", "2.强化考核。", "3.严格督查。")
    match = best_list(paragraphs)
    assert (match.start, match.end, len(match.items)) == (3, 6, 3)


def test_an_inline_list_ends_at_the_full_stop_of_its_last_clause():
    article = Article(title="市政府常务会议研究部署冬季供暖工作", paragraphs=(
        "会议要求:一是加强热源调度;二是做好管网巡检;三是畅通投诉渠道。会议还研究了其他事项。", "下一段。"))
    result, _ = apply_lists(article)
    assert result.paragraphs == ("会议要求:",)
    assert [i.title for i in result.initiatives] == ["加强热源调度", "做好管网巡检", "畅通投诉渠道"]
    assert result.closing == ("会议还研究了其他事项。", "下一段。")


def test_sentences_after_an_item_of_sentences_stay_with_it():
    article = Article(title="标题", paragraphs=("一是加强统筹。要建立专班。二是完善机制。要定期调度。",))
    result, _ = apply_lists(article)
    assert [i.paragraphs for i in result.initiatives] == [("要建立专班。",), ("要定期调度。",)]
    assert result.closing == ()


def test_items_under_heads_nest_even_when_they_outnumber_the_heads():
    paragraphs = (
        "一、重点任务",
        "(一)推动传统产业转型升级。实施技改工程。",
        "(二)培育壮大新兴产业。打造产业集群。",
        "(三)前瞻布局未来产业。建设先导区。",
        "(四)加快数字化转型。推广工业互联网。",
        "二、保障措施",
        "(一)加强组织领导。建立工作专班。",
        "(二)强化要素保障。保障项目用地。",
    )
    match = best_list(paragraphs)
    assert (match.style, len(match.items)) == ("dun-cn", 2)
    result, _ = apply_lists(Article(title="实施意见", paragraphs=paragraphs))
    assert [len(i.initiatives) for i in result.initiatives] == [4, 2]
    assert result.initiatives[0].initiatives[3].title == "加快数字化转型"


# -- unnumbered parallel items -------------------------------------------------------------


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["大力宣传党的创新理论，推动理论武装。", "大力宣传经济社会发展成就，讲好故事。", "大力宣传基层干部群众的奋斗故事。"], "大力宣传"),
        (["坚持党的全面领导。", "坚持以人民为中心。", "坚持全面深化改革。"], "坚持"),
        (["持续优化创新生态，为企业服务。", "持续强化人才支撑，引进团队。"], "持续"),
        (["记者看到，市场里人头攒动。", "记者看到，蔬菜码放整齐。", "记者看到，摊主用上了电子秤。"], None),  # a whole clause
        (["有的来买当季蔬菜", "有的专程来挑选土鸡蛋", "有的来逛逛早市"], None),  # some …, others …
        (["我市新增企业120家。", "我市新增就业岗位3万个。", "我市新建5G基站800个。"], None),  # a subject
        (["今年以来全市经济平稳。", "今年以来外贸稳中有进。", "今年以来消费持续回暖。"], None),  # a time
        (["加强统筹协调。", "完善工作机制。", "强化考核评价。"], None),  # no shared opening
    ],
)
def test_shared_opening(texts, expected):
    assert shared_opening(texts, SEG.tagged) == expected


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        (
            "会议要求：加快建设创新平台；加快培育骨干企业；加快集聚创新人才。会议还强调了安全生产。",
            ("会议要求：", ("加快建设创新平台", "加快培育骨干企业", "加快集聚创新人才。"), "会议还强调了安全生产。"),
        ),
        (
            "大力宣传党的创新理论；大力宣传发展成就；大力宣传先进典型。",
            ("", ("大力宣传党的创新理论", "大力宣传发展成就", "大力宣传先进典型。"), ""),
        ),
        (
            "重点做好以下工作：加大财政投入；完善金融支持；强化人才保障。",
            ("重点做好以下工作：", ("加大财政投入", "完善金融支持", "强化人才保障。"), ""),
        ),
        ("市民们的需求各不相同：有的买菜；有的挑鸡蛋；有的逛早市。", None),  # no action opens them
        ("一方面，市场供应充足；另一方面，价格总体平稳。", None),  # two clauses
        ("加大财政投入；完善金融支持；强化人才保障。", None),  # different openings and no introduction
    ],
)
def test_split_semicolon_items(paragraph, expected):
    assert split_semicolon_items(paragraph, SEG.tagged) == expected


def test_without_parts_of_speech_the_unnumbered_styles_find_nothing():
    paragraphs = ("坚持党的全面领导，把党的领导落实到各领域各方面各环节。", "坚持以人民为中心，在发展中保障和改善民生。",
                  "坚持全面深化改革，坚决破除体制机制障碍。")
    assert best_list(paragraphs, tagged=SEG.tagged).style == "same-opening"
    assert best_list(paragraphs) is None
