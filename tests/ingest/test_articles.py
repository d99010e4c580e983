"""Articles: headline groups, datelines and bylines, cross references, captions, chrome, boxes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from ssg.config import SiteConfig
from ssg.ingest.bylines import (
    looks_like_names,
    make_name_splitter,
    parse_byline_line,
    split_lead,
)
from ssg.ingest.chrome import is_web_chrome
from ssg.ingest.crossrefs import reference_paragraph
from ssg.ingest.headlines import HeadlineGroup, column_tag, read_headline_group
from ssg.ingest.heuristics import DEFAULT_HEURISTICS
from ssg.ingest.model import SeeAlso
from ssg.ingest.normalise import normalise_text
from ssg.ingest.reader import read_edition
from ssg.ingest.segment import Segmenter
from ssg.ingest.shapes import (
    is_end_credit,
    is_photo_credit,
    looks_like_caption,
    looks_like_headline,
)

CONFIG = SiteConfig(root=Path("."))
DAY = dt.date(2025, 11, 10)
SEG = Segmenter()
SPLIT_NAME = make_name_splitter(SEG.cut, SEG.is_word)


def read(text: str, **kwargs):
    return read_edition(text, source="x.txt", config=CONFIG, date=DAY, **kwargs)


# -- datelines and bylines ------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph, dateline, byline, rest",
    [
        ("本报讯(记者 张伟)11月6-7日,论坛在雄安举办。", "本报讯", "记者 张伟", "11月6-7日，论坛在雄安举办。"),
        ("本报讯 记者张伟 通讯员李明 近日,全市召开推进会。", "本报讯", "记者张伟 通讯员李明", "近日，全市召开推进会。"),
        ("本报讯 记者 张伟 通讯员 李明 近日,全市召开推进会。", "本报讯", "记者 张伟 通讯员 李明", "近日，全市召开推进会。"),
        ("本报讯 记者张伟 通讯员李明近日,全市召开推进会。", "本报讯", "记者张伟 通讯员李明", "近日，全市召开推进会。"),
        ("本报北京11月9日电(记者 王某 通讯员 李某)国家统计局9日发布数据。", "本报北京11月9日电", "记者 王某 通讯员 李某", "国家统计局9日发布数据。"),
        ("本报4月26日讯(记者 刘洋)记者从市交通运输局获悉。", "本报4月26日讯", "记者 刘洋", "记者从市交通运输局获悉。"),
        ("新华社北京11月9日电(记者 王某、李某)国务院新闻办公室9日举行发布会。", "新华社北京11月9日电", "记者 王某、李某", "国务院新闻办公室9日举行发布会。"),
        ("新华社北京11月9日电 记者王某 国务院新闻办公室9日举行发布会。", "新华社北京11月9日电", "记者王某", "国务院新闻办公室9日举行发布会。"),
        ("【新华社重庆十四日电】全国各地秋收工作正在顺利进行。", "新华社重庆十四日电", None, "全国各地秋收工作正在顺利进行。"),
        ("【新华社重庆十四日电】(记者 周某)重庆海关发布数据。", "新华社重庆十四日电", "记者 周某", "重庆海关发布数据。"),
        ("据新华社电 国家统计局9日发布数据。", "据新华社电", None, "国家统计局9日发布数据。"),
        ("中新社北京11月9日电(记者 黄某)记者从有关部门获悉。", "中新社北京11月9日电", "记者 黄某", "记者从有关部门获悉。"),
        ("本报讯\u3000近日,全市召开推进会。", "本报讯", None, "近日，全市召开推进会。"),
        ("本报北京电 记者从教育部获悉。", "本报北京电", None, "记者从教育部获悉。"),
        ("本报北京11月9日电  （记者王某、李某）国家主席9日举行会谈。", "本报北京11月9日电", "记者王某、李某", "国家主席9日举行会谈。"),
    ],
)
def test_datelines_and_bylines_leading_a_paragraph(paragraph, dateline, byline, rest):
    lead = split_lead(normalise_text(paragraph), SPLIT_NAME)
    assert (lead.dateline, lead.byline, lead.rest) == (dateline, byline, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "本报记者从市交通运输局获悉,市区将新开通两条公交线路。",
        "新华社的报道引起广泛关注。",
        "11月6-7日,2025火炬论坛在河北雄安新区举办。",
        "【新华社重庆十四日电 全国各地秋收工作正在顺利进行。",
    ],
)
def test_paragraphs_without_a_dateline_are_left_alone(paragraph):
    text = normalise_text(paragraph)
    assert split_lead(text, SPLIT_NAME) == split_lead(text).__class__(None, None, text)


@pytest.mark.parametrize(
    "line, bare_name, expected",
    [
        ("本报记者  王  某", False, "本报记者  王  某"),
        ("本报记者 王某 李某", False, "本报记者 王某 李某"),
        ("记者 张伟 通讯员 李明", False, "记者 张伟 通讯员 李明"),
        ("新华社记者 王某", False, "新华社记者 王某"),
        ("本报驻京记者 欧阳文华", False, "本报驻京记者 欧阳文华"),
        ("科技日报记者 王某", False, "科技日报记者 王某"),
        ("经济日报记者 李某 张某", False, "经济日报记者 李某 张某"),
        ("文/图 本报记者 王某", False, "文/图 本报记者 王某"),
        ("□ 本报记者 王某", False, "本报记者 王某"),
        ("本报评论员", False, "本报评论员"),
        ("本报特约评论员", False, "本报特约评论员"),
        ("新华社", False, "新华社"),
        ("王某某", True, "王某某"),
        ("王  某", True, "王  某"),
        ("陈某某 李某", True, "陈某某 李某"),
        # not bylines
        ("王某某", False, None),
        ("本报记者", False, None),
        ("记者手记", False, None),
        ("记者节里话初心", False, None),
        ("高考", True, None),
        ("坚持创新驱动", True, None),
        ("本报记者 王某 报道了这件事。", False, None),
    ],
)
def test_byline_lines(line, bare_name, expected):
    assert parse_byline_line(line, bare_name=bare_name, is_word=SEG.is_word) == expected


@pytest.mark.parametrize("text, expected", [("王某", True), ("欧阳文华", True), ("王某、李某", True), ("王某李某", True), ("江南", True), ("创新驱动", False), ("某王", False)])
def test_names(text, expected):
    assert looks_like_names(text) is expected


# -- headlines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["首届火炬论坛在河北雄安新区举办"], HeadlineGroup("首届火炬论坛在河北雄安新区举办")),
        (["坚持创新驱动 加快发展新质生产力", "——各地推动科技创新和产业创新深度融合综述"],
         HeadlineGroup("坚持创新驱动 加快发展新质生产力", subtitle="各地推动科技创新和产业创新深度融合综述")),
        (["习近平在某省考察时强调", "奋力谱写中国式现代化新篇章"], HeadlineGroup("奋力谱写中国式现代化新篇章", kicker="习近平在某省考察时强调")),
        (["聚焦主业", "国有企业加快布局战略性新兴产业"], HeadlineGroup("国有企业加快布局战略性新兴产业", kicker="聚焦主业")),
        (["国有企业加快布局战略性新兴产业", "今年前三季度投资同比增长"], HeadlineGroup("国有企业加快布局战略性新兴产业", subtitle="今年前三季度投资同比增长")),
        (["深化改革", "开放再出发", "——某市优化营商环境纪实"], HeadlineGroup("开放再出发", kicker="深化改革", subtitle="某市优化营商环境纪实")),
        (["以科技自立自强支撑高质量发展（人民时评）"], HeadlineGroup("以科技自立自强支撑高质量发展（人民时评）", column="人民时评")),
    ],
)
def test_headline_groups(lines, expected):
    assert read_headline_group(lines) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("某某事业迈上新台阶（人民时评）", "人民时评"),
        ("让创新活力竞相迸发（科技视点）", "科技视点"),
        ("让创新活力竞相迸发【评论】", "评论"),
        ("走进大山深处（上）", None),
        ("走进大山深处（之一）", None),
        ("国家高新区创新发展“十个一”倡议", None),
        ("（人民时评）", None),
    ],
)
def test_column_tags(title, expected):
    assert column_tag(title) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("首届火炬论坛在河北雄安新区举办", True),
        ("国家高新区创新发展“十个一”倡议", True),
        ("坚持稳中求进，推动高质量发展", True),
        ("江宁区：推动重点项目 赋能营商环境", True),
        ("你好，新时代！", False),  # the comma halves are too short to be two phrases
        ("——记扎根基层三十年的乡村医生", True),
        ("本届论坛由工业和信息化部火炬中心联合主办。", False),
        ("近日，全市召开推进会", False),
        ("“十四五”以来，市卫生健康委出台", False),
        ("截至5月21日，黄埔区已累计培育", False),
        ("推动产业链、创新链、资金链、人才链深度融合的", False),
        ("具体措施如下：", False),
        ("“过去一条线要几十名工人", False),
        ("创", False),
        ("这是全省推进制造业数字化转型的一个", False),  # a count without its noun
        ("值得一提的是，某物流集团是一", False),
        ("我国首个“三个一”工程", True),
        ("全国统一大市场建设提速", True),  # 统一 is a word, no count
        ("记者11月8日从市发展改革委获悉", False),  # the reporter's lead formula
        ("记者手记：创新的活力来自一线", True),
        ("张总告诉记者，企业订单饱满", False),  # a speech verb before the comma
        ("值得一提的是，全市新增企业", False),
    ],
)
def test_what_looks_like_a_headline(text, expected):
    assert looks_like_headline(text, SEG.is_word) is expected


# -- references, captions, credits, chrome --------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("（相关报道详见2-8版）", (SeeAlso("2-8", "相关报道详见2-8版"),)),
        ("（下转第三版）", (SeeAlso("3", "下转第三版"),)),
        ("（上接第一版）", (SeeAlso("1", "上接第一版"),)),
        ("（相关报道见2、3版）", (SeeAlso("2,3", "相关报道见2、3版"),)),
        ("（相关报道见第二至四版）", (SeeAlso("2-4", "相关报道见第二至四版"),)),
        ("【相关报道见第12版】", (SeeAlso("12", "相关报道见第12版"),)),
        ("相关报道见第三版", (SeeAlso("3", "相关报道见第三版"),)),
        ("（转第4版）（相关报道见第五版）", (SeeAlso("4", "转第4版"), SeeAlso("5", "相关报道见第五版"))),
        ("论坛在雄安举办。（相关报道详见2-8版）", None),
        ("（记者 张伟）", None),
    ],
)
def test_reference_paragraphs(text, expected):
    assert reference_paragraph(text) == expected


@pytest.mark.parametrize(
    "text, caption, credit",
    [
        ("图为11月8日，某市一家科技企业的工人正在调试设备。 本报记者 赵某摄", True, False),
        ("图①：参会嘉宾参观展区。 新华社记者 王某 摄", True, False),
        ("上图：雄安新区城市风貌。", True, False),
        ("11月6日，参会代表在展区参观交流。（受访者供图）", True, False),
        ("新华社记者 王某 摄", False, True),
        ("（本报记者 李某摄）", False, True),
        ("11月6-7日，2025火炬论坛在河北雄安新区举办。", False, False),  # a caption only by where it stands
        ("剧组正在紧张拍摄", False, False),
        ("图书馆里座无虚席，读者们正在安静地阅读。", False, False),
    ],
)
def test_photo_captions_and_credits(text, caption, credit):
    assert (looks_like_caption(text), is_photo_credit(text)) == (caption, credit)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("（作者为某大学教授）", True),
        ("（作者系中国社会科学院研究员）", True),
        ("（本报记者某某整理）", True),
        ("（记者 某某）", True),
        ("（文/王某）", True),
        ("（图文：李某）", True),
        ("（本报记者 赵某 采写）", True),
        ("（据新华社）", True),
        ("（相关报道详见2-8版）", False),
        ("（一）完善机制", False),
        ("（完）", False),
        ("（以下简称《意见》）", False),
    ],
)
def test_end_credits(text, expected):
    assert is_end_credit(text) is expected


def test_the_end_credit_stays_in_the_body_and_is_also_given_on_its_own():
    (a, b) = read("标题一\n\n第一段。\n\n（作者为某大学教授）\n\n标题二\n\n第一段。\n\n（记者 某某）\n\n第二段。\n\n第三段。\n").articles
    assert (a.paragraphs[-1], a.credit) == ("（作者为某大学教授）", "作者为某大学教授")
    assert (b.paragraphs[1], b.credit) == ("（记者 某某）", None)  # text goes on after it: no end credit


@pytest.mark.parametrize(
    "line, expected",
    [
        ("（责任编辑：刘某）", True),
        ("责编：王某", True),
        ("分享到：微信 微博 QQ空间", True),
        ("http://paper.people.com.cn/rmrb/html/2025-11/10/nw.D110000renmrb_20251110_1-01.htm", True),
        ("www.example.org.cn", True),
        ("返回目录", True),
        ("上一篇：某某标题 下一篇：某某标题", True),
        ("版权所有 某某日报社 未经书面授权禁止使用", True),
        ("京ICP备12345678号", True),
        ("【字号：大 中 小】", True),
        ("来源：人民网－人民日报", True),
        ("PDF下载", True),
        ("《 人民日报 》（ 2025年11月10日 01 版）", True),
        ("【纠错】 【责任编辑：王某】", True),
        ("编辑是一门手艺，也是一份责任。", False),
        ("点击量突破1亿次。", False),
        ("本届论坛由工业和信息化部火炬中心联合主办。", False),
    ],
)
def test_web_chrome(line, expected):
    assert is_web_chrome(line) is expected


# -- articles in context ----------------------------------------------------------------


def test_a_lone_paragraph_after_a_gap_between_articles_is_a_caption():
    text = (
        "论坛在雄安举办\n\n本报讯(记者 张伟)论坛开幕。\n\n论坛闭幕。\n\n\n\n"
        "11月6日,参会代表在展区参观交流。\n\n第二个标题\n\n第二篇正文。\n"
    )
    a, caption, b = read(text).articles
    assert (a.title, a.paragraphs) == ("论坛在雄安举办", ("论坛开幕。", "论坛闭幕。"))
    assert (caption.kind, caption.title, caption.paragraphs, caption.order) == ("caption", None, ("11月6日，参会代表在展区参观交流。",), 2)
    assert (b.title, b.order) == ("第二个标题", 3)


def test_the_last_paragraph_of_an_article_is_no_caption():
    (a, b) = read("标题一\n\n第一段。\n\n最后一段。\n\n标题二\n\n正文。\n").articles
    assert a.paragraphs == ("第一段。", "最后一段。") and b.title == "标题二"


def test_a_paragraph_after_the_closing_reference_is_a_caption_even_without_a_gap():
    text = "标题一\n\n第一段。\n\n(相关报道详见2-8版)\n\n会场一角。新华社发\n\n标题二\n\n正文。\n"
    kinds = [(a.kind, a.title) for a in read(text).articles]
    assert kinds == [("news", "标题一"), ("caption", None), ("news", "标题二")]


def test_a_caption_inside_an_article_is_taken_out_and_the_article_goes_on():
    text = "标题一\n\n第一段。\n\n图为活动现场。 本报记者 李某摄\n\n第二段。\n"
    a, caption = read(text).articles
    assert a.paragraphs == ("第一段。", "第二段。")
    assert caption.paragraphs == ("图为活动现场。 本报记者 李某摄",) and caption.order == 2


def test_a_caption_keeps_its_credit_line():
    (_, caption) = read("标题一\n\n第一段。\n\n图为活动现场。\n\n本报记者 李某 摄\n").articles
    assert caption.paragraphs == ("图为活动现场。", "本报记者 李某 摄")


def test_bylines_under_the_headline_and_in_the_lead_are_both_kept():
    (a,) = read("加快建设科技强国\n\n本报记者  王  某\n\n本报北京11月9日电 科技部9日发布数据。\n").articles
    assert (a.title, a.byline, a.dateline, a.paragraphs) == ("加快建设科技强国", "本报记者  王  某", "本报北京11月9日电", ("科技部9日发布数据。",))
    assert a.byline_first  # printed above the dateline: written in that order


@pytest.mark.parametrize(
    "text, dateline, byline, byline_first, first",
    [
        ("标题\n\n本报讯（记者 张伟）论坛举办。\n", "本报讯", "记者 张伟", False, "论坛举办。"),
        ("标题\n\n新华社记者 陈某\n\n新华社长沙11月9日电 走进示范基地。\n", "新华社长沙11月9日电", "新华社记者 陈某", True, "走进示范基地。"),
        ("标题\n\n新华社\n\n【新华社北京十四日电】秋收顺利进行。\n", "新华社北京十四日电", "新华社", True, "秋收顺利进行。"),
        # a byline line and a byline in the lead cannot both keep the paper's order: the lead stays text
        ("标题\n\n本报记者 王某\n\n本报北京11月9日电（记者 李某）科技部发布数据。\n", None, "本报记者 王某", False,
         "本报北京11月9日电（记者 李某）科技部发布数据。"),
    ],
)
def test_which_of_byline_and_dateline_came_first(text, dateline, byline, byline_first, first):
    (a,) = read(text).articles
    assert (a.dateline, a.byline, a.byline_first, a.paragraphs[0]) == (dateline, byline, byline_first, first)


def test_a_name_at_the_end_signs_the_article():
    (a, b) = read("标题一\n\n第一段。\n\n王某某\n\n标题二\n\n正文。\n").articles
    assert a.paragraphs == ("第一段。", "王某某") and b.title == "标题二"


def test_a_box_stays_in_its_article_with_its_title():
    text = "标题一\n\n第一段。\n\n■记者手记\n\n让创新之花竞相绽放\n\n采访中记者深切感受到创新的活力。\n\n编者按:这是一段按语。\n"
    (a,) = read(text).articles
    assert a.paragraphs == ("第一段。", "■记者手记", "让创新之花竞相绽放", "采访中记者深切感受到创新的活力。", "编者按：这是一段按语。")


def test_web_chrome_goes_to_the_notes():
    text = "标题一\n\n第一段。\n\n(责任编辑:刘某)\n\n分享到:微信 微博\n\n第二段。\n"
    edition = read(text)
    assert edition.articles[0].paragraphs == ("第一段。", "第二段。")
    assert edition.notes == ("（责任编辑：刘某）", "分享到：微信 微博")


def test_a_headline_with_no_text_is_kept_and_reported():
    edition = read("标题一\n\n第一段。\n\n孤零零的标题\n")
    assert [a.title for a in edition.articles] == ["标题一", "孤零零的标题"]
    assert [str(d) for d in edition.diagnostics] == ["x.txt:5: warning: headline with no text: 孤零零的标题"]


def test_text_before_any_headline_is_an_untitled_article_and_a_warning():
    edition = read("第一段正文，没有标题。\n\n第二段正文。\n\n标题\n\n正文。\n")
    untitled = edition.articles[0]
    assert (untitled.title, untitled.kind, untitled.paragraphs) == (None, "news", ("第一段正文，没有标题。", "第二段正文。"))
    assert [d.line for d in edition.diagnostics] == [1]


def test_a_heuristic_can_be_swapped():
    text = "标题一\n\n第一段。\n\n本报版权声明\n"
    assert read(text).articles[-1].title == "本报版权声明"
    rules = replace(DEFAULT_HEURISTICS, is_chrome=lambda line: line.endswith("版权声明"))
    edition = read(text, heuristics=rules)
    assert [a.title for a in edition.articles] == ["标题一"] and edition.notes == ("本报版权声明",)
