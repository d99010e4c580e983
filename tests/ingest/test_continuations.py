"""Column breaks that leave a headline-like line: the rest of the sentence gives them away.

Table-driven, with made-up lines in the style of real pages: for each
heuristic, breaks it must see and article starts it must leave alone.
"""

from __future__ import annotations

import pytest
from column_breaks import breaks_with

from ssg.ingest.continuations import (
    closes_locative_frame,
    continues_quote_run,
    opening_clause,
    opens_new_sentence,
    opens_on_bare_noun,
    opens_on_count,
    opens_on_modifier_tail,
    opens_on_noun_after_quote,
    opens_on_speaker,
)
from ssg.ingest.normalise import normalise_text
from ssg.ingest.segment import Segmenter

SEG = Segmenter()
TAG = SEG.tagged


breaks = breaks_with(SEG)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("服务模式，企业开办时间压缩", ("服务模式", "，")),
        ("“有求必应、无事不扰”，这是评价", ("“有求必应、无事不扰”", "，")),  # 、 inside quotes is no clause mark
        ("没有标点的一句话", None),
        ("据介绍：今年", ("据介绍", "：")),
    ],
)
def test_opening_clause(text, expected):
    assert opening_clause(text) == expected


@pytest.mark.parametrize(
    "prev, nxt, expected",
    [
        ("“最多跑一次”“一网通办”", "“接诉即办”，这是市民对政务服务的评价。", True),
        ("“链长制”", "“店小二”“专员制”，成为营商环境的新名片。", True),
        ("“双碳”目标下的能源转型", "“双碳”，是这个时代的关键词。", False),  # a headline with more than quoted terms
        ("“最多跑一次”“一网通办”", "群众办事越来越方便。", False),
    ],
)
def test_continues_quote_run(prev, nxt, expected):
    assert continues_quote_run(prev, nxt) is expected


@pytest.mark.parametrize(
    "nxt, expected",
    [
        ("企业36家，形成了完整的产业链条。", True),
        ("项目12个，总投资58亿元。", True),
        ("316家，带动就业2万人。", True),
        ("2025年，全市经济运行稳中向好。", False),  # a year opens a sentence
        ("9日，记者来到项目现场。", False),
        ("新增企业36家，形成了产业集群。", False),  # a verb: the sentence's own subject and predicate
        ("今年以来，全市新签约项目52个。", False),
    ],
)
def test_opens_on_count(nxt, expected):
    assert opens_on_count(nxt, TAG) is expected


@pytest.mark.parametrize(
    "nxt, expected",
    [
        ("领域的应用，建成示范场景400余个。", True),
        ("联汽车领域的应用，全年新增测试里程百万公里。", True),  # 智能网|联汽车: a word's tail first
        ("我们的目标，是让群众少跑腿。", False),  # a pronoun
        ("今天的中国，正以更加开放的姿态拥抱世界。", False),  # a time
        ("北京的秋天，天高云淡。", False),  # a place
        ("领域的应用不断拓展。", False),  # no comma: a sentence of its own
    ],
)
def test_opens_on_modifier_tail(nxt, expected):
    assert opens_on_modifier_tail(nxt, TAG) is expected


@pytest.mark.parametrize(
    "prev, nxt, expected",
    [
        ("全区全面推行“拿地即开工”", "政务服务模式，项目落地时间缩短一半。", True),
        ("全区全面推行“拿地即开工”", "近日，首批项目开工建设。", False),
        ("全区全面推行“拿地即开工”", "人工智能，正深刻改变产业形态。", False),  # one word, no compound
        ("全区全面推行拿地即开工", "政务服务模式，项目落地时间缩短一半。", False),  # no quoted term before
    ],
)
def test_opens_on_noun_after_quote(prev, nxt, expected):
    assert opens_on_noun_after_quote(prev, nxt, TAG) is expected


@pytest.mark.parametrize(
    "prev, nxt, expected",
    [
        ("全市将加快培育新能源汽车产业", "集群，力争到2027年产值突破千亿元。", True),
        ("全省将加快构建工业互联网", "产业集群，力争到2027年产值突破千亿元。", True),
        ("数字经济引领高质量发展", "数字经济，正在成为经济增长的新引擎。", False),  # a topic and its comment
        ("让创新之花竞相绽放", "创新，是引领发展的第一动力。", False),
        ("公司是一家专注于工业软件的高新技术", "企业，产品远销30多个国家。", True),
        ("全市将加快培育新能源汽车产业", "近日，全市召开推进会。", False),
        ("全市将加快培育新能源汽车产业", "村里，家家户户装上了光伏板。", False),  # a place word
        ("加快培育新能源汽车产业。", "集群化发展成为共识，各地纷纷出台措施。", False),  # no comma after one noun
    ],
)
def test_opens_on_bare_noun(prev, nxt, expected):
    assert opens_on_bare_noun(prev, nxt, TAG) is expected


@pytest.mark.parametrize(
    "prev, nxt, expected",
    [
        ("在某机械制造有限公司的装配", "车间里，一台台数控机床有序运转。", True),
        ("值得一提的是，在某物流集团", "仓库中，分拣机器人来回穿梭。", True),
        ("在某精密制造有限公司的生产车间", "里，一台台数控机床有序运转。", True),  # the locative alone
        ("在希望的田野上", "秋收时节，农民们忙着收割。", False),  # the frame is closed
        ("某某新区经济增速走在前列", "去年以来，全区新增就业2万人。", False),  # 以来 closes a time, and 走在 is no frame
        ("在某机械制造有限公司的装配", "工人们正在调试设备，生产线满负荷运转。", False),
    ],
)
def test_closes_locative_frame(prev, nxt, expected):
    assert closes_locative_frame(prev, nxt, TAG) is expected


@pytest.mark.parametrize(
    "prev, nxt, expected",
    [
        ("某某新能源科技股份有限公司储能电池项目签约落户经开区", "近日，项目签约仪式在市行政中心举行。", True),
        ("某某新能源科技股份有限公司储能电池项目签约落户经开区", "这是全市今年引进的最大单体制造业项目。", True),
        ("某某新能源科技股份有限公司储能电池项目签约落户经开区", "据悉，项目总投资50亿元。", True),
        ("河北省上下牢牢把握京津冀协同发展的重大国家战略", "机遇，坚持创新驱动。", False),
        ("企业负责人认为", "这是一次难得的发展机遇。", False),  # a verb that takes a clause
        ("市人力资源和社会保障局出台二十五条措施支持稳就业保就业", "记者12月13日从市人社局获悉，全市新增就业岗位3万个。", True),
        ("市人力资源和社会保障局出台二十五条措施支持稳就业保就业", "截至11月底，全市城镇新增就业12.6万人。", True),
        ("市人力资源和社会保障局出台二十五条措施支持稳就业保就业", "专家认为，稳就业的关键在于稳市场主体。", True),
        ("市人力资源和社会保障局出台二十五条措施支持稳就业保就业", "“政策出台后，我们招工更有底气了。”一家企业负责人说。", True),
        ("某某精密制造股份有限公司智能传感器项目签约落户经开区", "某某精密制造股份有限公司是一家专注于传感器的企业。", True),
        ("全区全面推行", "“拿地即开工”模式，项目落地提速。", False),  # a quoted term, no quoted sentence
    ],
)
def test_opens_new_sentence(prev, nxt, expected):
    assert opens_new_sentence(normalise_text(prev), normalise_text(nxt), TAG) is expected


@pytest.mark.parametrize(
    "prev, nxt",
    [
        pytest.param("“最多跑一次”“一网通办”", "“接诉即办”，这是市民对政务服务的评价。", id="a run of quoted terms"),
        pytest.param("围绕智能装备产业链，全区引进上下游", "企业36家，形成了完整的产业链条。", id="a count"),
        pytest.param("围绕智能装备产业链，全区引进上下游企业", "316家，形成了完整的产业链条。", id="a bare count"),
        pytest.param("这是全省推进制造业数字化转型的一个", "缩影。记者从省工信厅获悉，全省已建成智能工厂300家。", id="a measure word"),
        pytest.param("值得一提的是，某物流集团是一", "家专注于冷链运输的企业，业务覆盖全国。", id="a numeral after 是"),
        pytest.param("张总告诉记者，“十四五”以来企业", "订单饱满，生产线满负荷运转。", id="a speech verb opens it"),
        pytest.param("记者11月8日从市发展改革委", "获悉，全市重大项目建设进展顺利。", id="a reporter's lead formula"),
        pytest.param("江城市加快推进人工智能在智慧医疗", "领域的应用，建成示范场景120个。", id="a noun phrase's tail"),
        pytest.param("全区全面推行“拿地即开工”", "政务服务模式，项目落地时间缩短一半。", id="the noun a quoted term qualifies"),
        pytest.param("全市将加快培育新能源汽车产业", "集群，力争到2027年产值突破千亿元。", id="a compound noun"),
        pytest.param("在某机械制造有限公司的装配", "车间里，一台台数控机床有序运转。", id="a locative frame"),
        pytest.param("该集团多年来一直专注", "于新能源装备制造，产品远销海外。", id="于 after a verb"),
        pytest.param("该集团多年来一直致力", "于新能源装备制造，产品远销海外。", id="于 making a word with the verb"),
    ],
)
def test_breaks_after_headline_like_lines(prev, nxt):
    assert breaks(prev, nxt)


@pytest.mark.parametrize(
    "prev, nxt",
    [
        pytest.param("从“最多跑一次”到“一网通办”：某区政务服务的蝶变之路", "经开区全面推行“一件事一次办”服务模式，群众办事更方便。", id="之路|经开区 is no word split"),
        pytest.param("某某市出台二十条措施支持碳达峰碳中和", "市生态环境局相关负责人表示，将抓好政策落实。", id="碳中和|市 is no word split"),
        pytest.param("某某新能源科技股份有限公司储能电池项目签约落户经开区", "近日，项目签约仪式在市行政中心举行。", id="a long headline, then a new sentence"),
        pytest.param("新区：优化营商环境 赋能实体经济", "于海滨告诉记者，近年来企业订单饱满。", id="a name opening on the surname 于"),
        pytest.param("高新区：聚力科技创新 赋能产业升级", "于建国介绍，园区今年新增企业120家。", id="于 and a given name that is a word"),
        pytest.param("“十个一”倡议发布", "“十个一”，是火炬中心发起的倡议。", id="a headline with more than quoted terms"),
        pytest.param("数字经济引领高质量发展", "人工智能，正深刻改变着千行百业。", id="an article opening on one noun"),
        pytest.param("走进智能工厂", "车间里，机械臂有序运转。", id="no open 在 frame"),
    ],
)
def test_headlines_stay_headlines(prev, nxt):
    assert not breaks(prev, nxt)


@pytest.mark.parametrize(
    "nxt, expected",
    [
        ("程某国表示：“有了政策支持，我们更有信心。”", True),
        ("王某说，今年的订单比去年多了三成。", True),
        ("欧阳某某介绍，项目明年投产。", True),
        ("专家认为，关键在于培育应用场景。", False),  # no name
        ("路程不远，走路十分钟就到。", False),
    ],
)
def test_opens_on_speaker(nxt, expected):
    assert opens_on_speaker(nxt) is expected


def test_a_word_across_the_break_is_no_evidence_before_a_speaker():
    # jieba makes 路程 across the break, but a name and 表示 start a sentence
    assert SEG.splits_word("从“最多跑一次”到“一网通办”：某区政务服务的蝶变之路", "程某国表示：群众办事更方便了。")
    assert not breaks("从“最多跑一次”到“一网通办”：某区政务服务的蝶变之路", "程某国表示：群众办事更方便了。")
