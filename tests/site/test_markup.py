"""Markdown through Python-Markdown configured once: raw HTML escaped by default, plain text beside it."""

from __future__ import annotations

import pytest

from ssg.markup import Rendered, html_to_text, render_markdown


def test_paragraphs_and_plain_text():
    m = render_markdown("第一段。\n\n第二段。\n")
    assert m.html == "<p>第一段。</p>\n<p>第二段。</p>"
    assert m.text == "第一段。\n第二段。"


@pytest.mark.parametrize(
    "source, html",
    [
        ("本报讯<script>alert(1)</script>", "<p>本报讯&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<div onclick=\"x()\">块</div>", "<p>&lt;div onclick=\"x()\"&gt;块&lt;/div&gt;</p>"),
        ("<!-- 注释 -->", "<p>&lt;!-- 注释 --&gt;</p>"),
        ("a & b < c", "<p>a &amp; b &lt; c</p>"),
        ("[点我](javascript:alert(1))", '<p><a href="#">点我</a></p>'),
        ("[点我](JaVaScRiPt:alert(1))", '<p><a href="#">点我</a></p>'),
        ("[官网](https://example.org/)", '<p><a href="https://example.org/">官网</a></p>'),
        ("[相对](../02/)", '<p><a href="../02/">相对</a></p>'),
    ],
)
def test_raw_html_and_script_links_are_escaped_by_default(source, html):
    assert render_markdown(source).html == html


def test_unsafe_html_lets_raw_html_through():
    m = render_markdown("<div class=\"box\">编者按</div>\n\n正文<b>粗</b>", unsafe_html=True)
    assert '<div class="box">编者按</div>' in m.html
    assert "<p>正文<b>粗</b></p>" in m.html
    assert m.text == "编者按\n正文粗"


def test_escaped_markdown_from_ingest_shows_literally():
    # ingest escapes *, _ and # at a line start so that the page shows what the paper printed
    m = render_markdown("\\# 不是标题 \\*星号\\* 2\\_3")
    assert m.html == "<p># 不是标题 *星号* 2_3</p>"


def test_a_line_break_between_chinese_characters_is_not_a_space():
    m = render_markdown("推动科技创新和产业创新\n深度融合。**重点**\n任务 Latin\nwords")
    assert m.html == "<p>推动科技创新和产业创新深度融合。<strong>重点</strong>任务 Latin\nwords</p>"
    assert m.text == "推动科技创新和产业创新深度融合。重点任务 Latin words"


def test_breaks_inside_code_are_kept():
    m = render_markdown("```\n代码\n第二行\n```")
    assert "代码\n第二行" in m.html


def test_headings_tables_and_lists():
    m = render_markdown("## 记者手记\n\n| 指标 | 数值 |\n| --- | --- |\n| 企业 | 10 |\n\n- 一\n- 二\n")
    assert m.headings == ((2, "记者手记"),)
    assert "<table>" in m.html and "<li>一</li>" in m.html
    assert m.text.splitlines() == ["记者手记", "指标 数值", "企业 10", "一", "二"]


def test_attribute_lists_are_not_enabled():
    html = render_markdown("段落\n{: onclick=\"x()\" }").html
    assert html.startswith("<p>段落") and "<p " not in html


def test_empty_text():
    assert render_markdown("  \n") == Rendered("", "", ())


def test_pure_and_cached():
    a = render_markdown("同一段文字。")
    b = render_markdown("同一段文字。")
    assert a == b and a is b
    # the converter is shared: state from one document never leaks into the next
    with_footnote = render_markdown("正文[^1]\n\n[^1]: 注释")
    plain = render_markdown("正文")
    assert "footnote" in with_footnote.html and "footnote" not in plain.html


def test_html_to_text_unescapes_entities():
    assert html_to_text("<p>a &amp; b &lt;c&gt;</p><p>第二</p>") == ("a & b <c>\n第二", ())
