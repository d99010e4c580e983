"""Paragraphs: column breaks repaired, wrapped lines joined, headlines never glued."""

from __future__ import annotations

from pathlib import Path

import pytest
from column_breaks import breaks_with

from ssg.config import SiteConfig, load_config
from ssg.ingest.blocks import (
    Layout,
    join_pieces,
    measure_layout,
    parse_pieces,
)
from ssg.ingest.normalise import normalise_text
from ssg.ingest.reader import read_edition
from ssg.ingest.segment import Segmenter

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "2025-11-10.txt"
SEG = Segmenter(("雄安新区", "火炬中心", "高新区", "十个一"))


breaks = breaks_with(SEG)


def paragraphs(text: str) -> list[str]:
    pieces = parse_pieces(list(enumerate(normalise_text(text).split("\n"), 1)))
    return [b.text for b in join_pieces(pieces, measure_layout(pieces), splits_word=SEG.splits_word, is_word=SEG.is_word,
                                        tagged=SEG.tagged)]


# The five breaks of the seed issue: (end of the cut paragraph, start of the rest).
SEED_CUTS = [("重大国家战略", "机遇,"), ("滚动推出", "资金、"), ("创", "业投资,"), ("体系化推", "动场景"), ("社会文化环", "境,")]


def seed_pair(tail: str, head: str) -> tuple[str, str]:
    lines = [line for line in SEED.read_text("utf-8").split("\n") if line]
    i = next(i for i, line in enumerate(lines) if line.endswith(tail) and lines[i + 1].startswith(head))
    return lines[i], lines[i + 1]


@pytest.mark.parametrize("tail, head", SEED_CUTS)
def test_the_seed_column_breaks_are_joined(tail, head):
    assert breaks(*seed_pair(tail, head))


@pytest.mark.parametrize(
    "prev, nxt",
    [
        pytest.param("要加快构建现代化产业体系,", "推动传统产业转型升级。", id="after a comma"),
        pytest.param("要处理好政府与市场的关系,", "四是加强统筹协调。", id="before an inline list marker, after a comma"),
        pytest.param("今年前三季度,全市规模以上工业增加值", ",同比增长6.2%。", id="before a comma"),
        pytest.param("围绕新能源汽车产业链,全区引进上下游企业25", "家,形成了完整链条。", id="a number cut from its unit"),
        pytest.param("全年实现营业收入3", "5.6亿元,同比增长12%。", id="a number cut in two"),
        pytest.param("走进科", "技馆里的新发现让孩子们流连忘返。", id="a short fragment that cuts a word"),
        pytest.param("记者了解到,这家企业的", "研发投入连续三年超过10%。", id="ends on a particle"),
        pytest.param("河北省上下牢牢把握京津冀协同发展和雄安新区规划建设的重大国家战略", "机遇,坚持创新驱动。", id="too long a run for a headline"),
        pytest.param("该企业是一家专注", "于人工智能的高新技术企业。", id="opens on a particle"),
    ],
)
def test_more_breaks_that_are_joined(prev, nxt):
    assert breaks(prev, nxt)


@pytest.mark.parametrize(
    "prev, nxt",
    [
        pytest.param("首届火炬论坛在河北雄安新区举办", "本报讯(记者 张伟)11月6-7日,论坛举办。", id="headline + dateline"),
        pytest.param("国家高新区创新发展“十个一”倡议", "为深化科技创新和产业创新融合发展,工业和信息化部火炬中心发起倡议。", id="headline + body"),
        pytest.param("“文化旅游+操作系统”打开发展新空间", "数据显示,成渝地区文化旅游产业营业收入达1.6亿元。", id="headline + body forming a compound (空间数据)"),
        pytest.param("深化改革", "开放再出发", id="kicker + title forming a compound (改革开放)"),
        pytest.param("本届论坛由工业和信息化部火炬中心联合主办。", "国家高新区创新发展“十个一”倡议", id="a paragraph ending in 。"),
        pytest.param("“我们的订单已经排到了明年。”", "一家企业负责人说,产能正在扩大。", id="a quote ending in 。”"),
        pytest.param("具体措施如下:", "一是加大财政支持力度。", id="a colon, then a list"),
        pytest.param("全市重点抓好以下工作", "一、强化科技创新引领", id="a list marker line"),
        pytest.param("全市重点抓好以下工作", "(一)完善科技创新体系", id="a (一) marker line"),
        pytest.param("各地积极推动产业升级", "■记者手记", id="a box"),
        pytest.param("加快建设科技强国(人民时评)", "王某某", id="headline + name"),
        pytest.param("加快建设科技强国", "本报记者  王  某", id="headline + padded byline"),
        pytest.param("近日,全市召开推进会部署相关工作", "图为会议现场。 本报记者 李某摄", id="a photo caption"),
        pytest.param("这是一场没有硝烟的战斗", "(相关报道详见2-8版)", id="a cross reference"),
        pytest.param("坚持稳中求进,推动高质量发展", "近日,全市召开经济工作会议。", id="a headline with a comma"),
        pytest.param("推进城乡融合发展", "于豪调研乡村振兴工作时强调抓好落实", id="a headline opening on the surname 于"),
    ],
)
def test_joins_that_must_not_happen(prev, nxt):
    assert not breaks(prev, nxt)


def test_all_five_seed_breaks_are_repaired_in_the_edition():
    edition = read_edition(SEED.read_text("utf-8"), source=str(SEED), config=load_config(REPO))
    text = "\n".join(p for a in edition.articles for p in a.paragraphs)
    for joined in ("战略机遇", "滚动推出资金", "创业投资", "体系化推动场景", "社会文化环境"):
        assert joined in text
    # the repaired paragraphs are whole, and nothing else was glued
    assert all(p.endswith(("。", "）")) for a in edition.articles for p in a.paragraphs)
    assert sum(len(a.paragraphs) for a in edition.articles) == 8 + 1 + 11


def test_blank_lines_separate_paragraphs():
    assert paragraphs("标题\n\n第一段。\n\n\n第二段。\n") == ["标题", "第一段。", "第二段。"]


def test_single_line_breaks_only():
    text = (
        "市区新增两条公交线路\n"
        "本报4月26日讯(记者 刘洋)记者从市交通运输局获悉,市区将新开通两条公交线路。\n"
        "新开通的两条线路全长共约38公里,沿途设站46个,首末班时间与高铁\n"
        "到发时间相衔接。\n"
        "市交通运输局相关负责人表示,将及时优化线路和班次。\n"
    )
    assert paragraphs(text) == [
        "市区新增两条公交线路",
        "本报4月26日讯（记者 刘洋）记者从市交通运输局获悉，市区将新开通两条公交线路。",
        "新开通的两条线路全长共约38公里，沿途设站46个，首末班时间与高铁到发时间相衔接。",
        "市交通运输局相关负责人表示，将及时优化线路和班次。",
    ]


def test_stacked_headline_lines_stay_apart():
    text = "深化改革\n开放再出发\n——某市优化营商环境纪实\n本报记者  王  某\n今年以来,某市推出一批改革举措。\n"
    assert paragraphs(text) == ["深化改革", "开放再出发", "——某市优化营商环境纪实", "本报记者  王  某", "今年以来，某市推出一批改革举措。"]


def test_indented_paragraphs_join_their_wrapped_lines():
    text = (
        "\u3000\u3000今年以来,该市围绕新能源汽车产业链,\n"
        "引进上下游企业46家,形成了完整链条。\n"
        "整车产量同比增长三成。\n"
        "\u3000\u3000“我们的订单已经排到了明年。”一家电池\n"
        "企业负责人说。\n"
        "\u3000\u3000下一步,该市将继续强链补链。\n"
    )
    pieces = parse_pieces(list(enumerate(normalise_text(text).split("\n"), 1)))
    assert measure_layout(pieces).indented
    assert paragraphs(text) == [
        "今年以来，该市围绕新能源汽车产业链，引进上下游企业46家，形成了完整链条。整车产量同比增长三成。",
        "“我们的订单已经排到了明年。”一家电池企业负责人说。",
        "下一步，该市将继续强链补链。",
    ]


def test_hard_wrapped_lines_are_joined_at_the_column_width():
    # A PDF column 12 characters wide; the lines end wherever the column does.
    body = "今年以来各地深入实施创新驱动发展战略推动科技创新和产业创新深度融合新质生产力加快培育经济发展的新动能持续增强产业结构不断优化。"
    lines = [body[i:i + 12] for i in range(0, len(body), 12)]
    text = "科技创新引领产业升级\n\n" + "\n".join(lines) + "\n\n下一段另起一行。\n"
    pieces = parse_pieces(list(enumerate(text.split("\n"), 1)))
    assert measure_layout(pieces).wrap_width == 25
    assert paragraphs(text) == ["科技创新引领产业升级", body, "下一段另起一行。"]


def test_latin_words_parted_by_a_line_break_keep_a_space():
    pieces = parse_pieces([(1, "该公司发布新一代操作系统，并宣布与Open"), (2, "Source基金会达成合作。")])
    joined = join_pieces(pieces, Layout(), splits_word=SEG.splits_word, is_word=SEG.is_word)
    assert [b.text for b in joined] == ["该公司发布新一代操作系统，并宣布与Open Source基金会达成合作。"]


def test_pieces_keep_their_line_and_the_gap_above():
    pieces = parse_pieces([(1, "标题"), (2, ""), (3, ""), (4, "\u3000\u3000正文。"), (5, None), (6, "再一段。")])
    assert [(b.text, b.line, b.blank_before, b.indented) for b in pieces] == [
        ("标题", 1, 0, False),
        ("正文。", 4, 2, True),
        ("再一段。", 6, 0, False),
    ]


def test_words_cut_by_a_break_are_found_by_jieba():
    assert SEG.splits_word("大力发展供应链金融、创", "业投资")
    assert SEG.splits_word("社会文化环", "境,让政务服务")
    assert not SEG.splits_word("滚动推出", "资金、人才")
    assert not SEG.splits_word("深化改革", "开放")  # two words that also make a compound
    assert not SEG.splits_word("2025", "年")  # no Han on one side


def test_user_words_are_known_to_the_segmenter():
    plain, site = Segmenter(), Segmenter(("火炬论坛",))
    assert "火炬论坛" in site.cut("2025火炬论坛在雄安举办")
    assert "火炬论坛" not in plain.cut("2025火炬论坛在雄安举办")
    assert site.tokenizer is Segmenter(("火炬论坛",)).tokenizer  # loaded once per word list
    assert SiteConfig(root=REPO).keywords.user_words == ()
