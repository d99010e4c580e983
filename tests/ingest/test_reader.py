"""read_edition end to end: the seed issue, pages in the style of other papers, dates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ssg.config import SiteConfig, load_config
from ssg.diagnostics import SsgError
from ssg.ingest.decode import decode_source
from ssg.ingest.model import Masthead, PageInfo, SeeAlso
from ssg.ingest.reader import date_from_filename, read_edition

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "sources" / "2025-11-10.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "reader"
PLAIN = SiteConfig(root=Path("."))


def read_file(path: Path, config: SiteConfig = PLAIN, **kwargs):
    return read_edition(decode_source(path.read_bytes(), str(path)), source=str(path), config=config, **kwargs)


@pytest.fixture(scope="module")
def seed():
    return read_file(SEED, load_config(REPO), date=date_from_filename(str(SEED)))


def significant(text: str) -> str:
    return re.sub(r"[^\w]|_", "", text)


# -- the seed issue ---------------------------------------------------------------------


def test_seed_masthead(seed):
    assert seed.masthead == Masthead(
        paper="中国高新技术产业导报",
        paper_en="CHINA HIGH-TECH INDUSTRY HERALD",
        publisher="科学技术部主管 科技日报社主办",
        cn="CN 11-0237",
        postal_code="1-206",
        date=dt.date(2025, 11, 10),
        weekday="星期一",
        number=41,
        total_number=2645,
        page_count=24,
        line=3,
    )
    assert seed.diagnostics == () and seed.notes == ()
    assert seed.pages == (PageInfo(1),)


def test_seed_lead_article(seed):
    a = seed.articles[0]
    assert (a.order, a.page, a.kind, a.title) == (1, 1, "news", "首届火炬论坛在河北雄安新区举办")
    assert (a.dateline, a.byline) == ("本报讯", "记者 张伟")
    assert a.see_also == (SeeAlso(pages="2-8", text="相关报道详见2-8版"),)
    assert a.paragraphs[0].startswith("11月6-7日，以“发展高科技，实现产业化，")
    assert a.paragraphs[-1] == "本届论坛由工业和信息化部火炬中心、河北雄安新区管理委员会联合主办。"
    assert len(a.paragraphs) == 8


def test_seed_caption(seed):
    c = seed.articles[1]
    assert (c.order, c.kind, c.title, c.line) == (2, "caption", None, 33)
    caption = (
        "11月6-7日，2025火炬论坛在河北雄安新区举办。本次论坛以“发展高科技，实现产业化，推动科技创新和产业创新深度融合”为主题，"
        "由工业和信息化部火炬中心、河北雄安新区管理委员会联合主办。"
    )
    assert c.paragraphs == (caption,)


def test_seed_ten_initiatives_article(seed):
    a = seed.articles[2]
    assert (a.order, a.kind, a.title, a.line) == (3, "news", "国家高新区创新发展“十个一”倡议", 35)
    assert len(seed.articles) == 3
    assert a.paragraphs[0].startswith("为深化科技创新和产业创新融合发展")
    leads = [p.split("。")[0] for p in a.paragraphs[1:]]
    assert leads == [
        "绘好一张蓝图，推动愿景落地", "集成一套政策，助力红利释放", "共建一批平台，促进要素融通", "育强一套体系，护航企业成林",
        "聚焦一个特色，打造产业地标", "抢滩一个赛道，激发澎湃动能", "推动一体开放，强化协同发展", "优化一流服务，营造无忧环境",
        "守护一流生态，厚植绿色本底", "擦亮一面旗帜，赓续创新精神",
    ]


@pytest.mark.parametrize("joined", ["重大国家战略机遇，坚持", "滚动推出资金", "供应链金融、创业投资", "体系化推动场景", "社会文化环境，让"])
def test_seed_breaks_are_repaired(seed, joined):
    assert sum(joined in p for a in seed.articles for p in a.paragraphs) == 1


def test_seed_text_is_all_there_once_and_in_order(seed):
    source = SEED.read_text("utf-8")
    body = source.split("今日24版", 1)[1]
    out = "".join(
        (a.title or "") + (a.dateline or "") + (a.byline or "") + "".join(a.paragraphs) + "".join(s.text for s in a.see_also)
        for a in seed.articles
    )
    assert significant(out) == significant(body)


def test_seed_as_gb18030_with_crlf_reads_the_same(seed, tmp_path):
    copy = tmp_path / "2025-11-10.txt"
    copy.write_bytes(SEED.read_text("utf-8").replace("\n", "\r\n").encode("gb18030"))
    again = read_edition(
        decode_source(copy.read_bytes(), str(copy)), source=str(SEED), config=load_config(REPO), date=date_from_filename(str(copy))
    )
    assert again == seed


def test_reading_is_deterministic(seed):
    assert read_file(SEED, load_config(REPO)) == seed


# -- pages in the style of other papers ----------------------------------------------------


def test_renmin_style_pages():
    e = read_file(FIXTURES / "renmin-style.txt")
    m = e.masthead
    assert (m.paper, m.paper_en, m.publisher, m.cn, m.postal_code) == ("人民日报", "RENMIN RIBAO", "人民日报社出版", "CN 11-0065", "1-1")
    assert (m.date, m.weekday, m.number, m.page_count) == (dt.date(2025, 11, 10), "星期一", 27613, 20)
    assert e.pages == (PageInfo(1, "要闻", 1), PageInfo(2, "评论", 26), PageInfo(3, "要闻", 42))
    assert e.notes == ("农历乙巳年九月二十一", "（责任编辑：刘某）", "分享到：微信 微博 QQ空间")
    lead, caption, comment = e.articles
    assert (lead.title, lead.subtitle, lead.byline) == (
        "坚持创新驱动 加快发展新质生产力", "各地推动科技创新和产业创新深度融合综述", "本报记者  王  某  李  某"
    )
    # continued on page 3 after (上接第一版), with the box that closes it; the
    # reference stays where it stands, as more of the article follows it
    assert lead.paragraphs[2].endswith("（下转第三版）")
    assert lead.paragraphs[3] == "（上接第一版）"
    assert lead.paragraphs[4].startswith("各地还加大对科技型中小企业的支持力度")
    assert lead.paragraphs[5:7] == ("■记者手记", "让创新之花竞相绽放")
    assert lead.see_also == ()
    assert (caption.kind, caption.page) == ("caption", 1)
    assert caption.paragraphs == ("图为11月8日，某市一家科技企业的工人正在调试设备。 本报记者 赵某摄",)
    assert (comment.title, comment.column, comment.byline, comment.page) == (
        "以科技自立自强支撑高质量发展（人民时评）", "人民时评", "陈某某", 2
    )
    assert comment.paragraphs[-1] == "（作者为某大学教授）"
    assert e.diagnostics == ()


def test_city_daily_with_single_line_breaks():
    e = read_file(FIXTURES / "city-daily.txt")
    m = e.masthead
    assert (m.paper, m.paper_en, m.publisher) == ("江城晚报", "JIANGCHENG EVENING NEWS", "主管：中共江城市委宣传部 主办：江城日报社")
    assert (m.date, m.weekday, m.number, m.page_count) == (dt.date(2025, 4, 26), "星期六", 8123, 12)
    assert e.pages == (PageInfo(1, "要闻", 5), PageInfo(2, "国内", 11))
    rows = [(a.page, a.kind, a.title, a.dateline, a.byline, len(a.paragraphs)) for a in e.articles]
    assert rows == [
        (1, "news", "市区新增两条公交线路", "本报4月26日讯", "记者 刘洋 通讯员 孙某", 3),
        (1, "caption", None, None, None, 1),
        (2, "news", "稳外贸政策持续发力", "新华社重庆十四日电", None, 2),
        (2, "news", "我国首艘大洋钻探船完成海试", "新华社广州4月25日电", "记者 黄某 李某", 2),
    ]
    assert e.articles[2].paragraphs[0].startswith("记者从重庆海关获悉")


def test_gb18030_file_with_a_bare_page_header():
    path = FIXTURES / "guangming-gb18030.txt"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    e = read_file(path)
    assert (e.masthead.paper, e.masthead.date, e.masthead.page_count) == ("光明日报", dt.date(2025, 3, 5), 16)
    assert e.pages == (PageInfo(2, "要闻", 5),)
    (a,) = e.articles
    assert (a.page, a.title, a.dateline, a.byline) == (2, "代表委员热议科技创新", "本报讯", "记者张伟 通讯员李明")
    assert a.paragraphs[0].startswith("3月4日，全国两会进入议程")
    assert a.see_also == (SeeAlso("3", "相关报道见第三版"),)


def test_archive_page_with_running_heads_and_column_lines():
    e = read_file(FIXTURES / "archive-1951.txt")
    assert (e.masthead.paper, e.masthead.date, e.masthead.line) == ("人民日报", dt.date(1951, 9, 15), None)
    assert [(p.number, p.name) for p in e.pages] == [(1, None), (2, None)]
    first, second = e.articles
    assert (first.title, first.byline, first.dateline) == ("全国各地秋收工作顺利进行", "新华社", "新华社北京十四日电")
    assert (second.title, second.byline, second.column, second.page) == ("朝鲜停战谈判的前途", "本报评论员", "国际述评", 2)
    assert e.notes == ("专栏：", "专栏：国际述评")


def test_pdf_columns_with_indented_wrapped_lines():
    e = read_file(FIXTURES / "pdf-columns.txt")
    (a,) = e.articles
    assert (a.page, a.title, a.subtitle, a.dateline, a.byline) == (
        3, "“链”上发力 集群成势", "某市做强新能源汽车产业链观察", "本报讯", "记者张伟\u3000通讯员李明"
    )
    assert a.paragraphs == (
        "近日，记者走进某市新能源汽车产业园，一座座厂房拔地而起，生产线正满负荷运转。",
        "今年以来，该市围绕新能源汽车产业链，引进上下游企业46家，形成了从电池材料到整车制造的完整链条，产业规模突破千亿元。",
        "“我们的订单已经排到了明年。”一家电池企业负责人说。",
    )


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("sources/2025-11-10.txt", dt.date(2025, 11, 10)),
        ("herald_2025_11_10.txt", dt.date(2025, 11, 10)),
        ("20251110.txt", dt.date(2025, 11, 10)),
        ("/a/2024-01-01/2025-11-10.txt", dt.date(2025, 11, 10)),
        ("issue-41.txt", None),
        ("2025-13-45.txt", None),
        ("120251110.txt", None),
    ],
)
def test_date_from_filename(name, expected):
    assert date_from_filename(name) == expected


def test_without_a_masthead_date_the_given_date_is_used():
    e = read_edition("标题\n\n正文。\n", source="x.txt", config=PLAIN, date=dt.date(2025, 11, 10))
    assert e.masthead == Masthead(date=dt.date(2025, 11, 10))


def test_without_any_date_it_is_an_error():
    with pytest.raises(SsgError) as err:
        read_edition("标题\n\n正文。\n", source="sources/issue.txt", config=PLAIN)
    (d,) = err.value.diagnostics
    assert str(d) == (
        "sources/issue.txt: no date: the text has no masthead date; give --date YYYY-MM-DD or name the file YYYY-MM-DD.txt"
    )


def test_a_given_date_that_disagrees_with_the_masthead_is_a_warning():
    e = read_edition("某某日报\n\n2025年11月10日 星期一\n\n标题\n\n正文。\n", source="x.txt", config=PLAIN, date=dt.date(2025, 11, 11))
    assert e.masthead.date == dt.date(2025, 11, 10)
    assert [str(d) for d in e.diagnostics] == [
        "x.txt:3: warning: the text is dated 2025-11-10, not 2025-11-11 as given: using the text's date"
    ]


def test_text_copied_from_a_paper_website():
    e = read_file(FIXTURES / "web-copy.txt")
    assert (e.masthead.paper, e.masthead.date, e.masthead.line) == ("人民日报", dt.date(2025, 11, 10), None)
    assert e.pages == (PageInfo(1, "要闻", 1), PageInfo(5, "评论", 8))
    assert e.notes == ("《 人民日报 》（ 2025年11月10日 01 版）", "《 人民日报 》（ 2025年11月10日 05 版）")
    talks, forum = e.articles
    assert (talks.title, talks.dateline, talks.byline) == ("习近平同某国总统举行会谈", "本报北京11月9日电", "记者王某、李某")
    assert len(talks.paragraphs) == 4 and talks.paragraphs[-1].endswith("签署。")
    assert (forum.title, forum.column, forum.byline, forum.page) == ("积极拓展文化消费新场景（人民论坛）", "人民论坛", "李  某", 5)
