"""Decoding source bytes: BOMs, strict UTF-8, GB18030, line ends, clear errors."""

from __future__ import annotations

import codecs

import pytest

from ssg.diagnostics import SsgError
from ssg.ingest.decode import decode_source

TEXT = "中国高新技术产业导报\n\n本报讯(记者 张伟)11月6-7日,2025火炬论坛在河北雄安新区举办。“十个一”倡议\n"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16 with BOM (native order)"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be with BOM"),
        pytest.param(TEXT.encode("utf-32"), id="utf-32 with BOM"),
        pytest.param(TEXT.encode("gb18030"), id="gb18030"),
        pytest.param(TEXT.encode("gbk"), id="gbk"),
    ],
)
def test_every_encoding_a_paper_uses_reads_to_the_same_text(data):
    assert decode_source(data, "sources/x.txt") == TEXT


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(TEXT.replace("\n", "\r\n"), id="CRLF"),
        pytest.param(TEXT.replace("\n", "\r"), id="CR"),
        pytest.param(TEXT.replace("\n", "\r\n", 1), id="mixed"),
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_line_ends_become_lf(raw, encoding):
    assert decode_source(raw.encode(encoding), "x.txt") == TEXT


def test_gbk_text_that_is_also_ascii_prefixed_is_read_as_gb18030():
    data = b"2025 " + "第41期(总第2645期)".encode("gb18030")
    assert decode_source(data, "x.txt") == "2025 第41期(总第2645期)"


def test_undecodable_bytes_name_the_file_and_the_offset():
    data = "中国高新技术产业导报\n".encode() + b"\xff\xfe\xfd" + "更多".encode()
    with pytest.raises(SsgError) as err:
        decode_source(data, "sources/x.txt")
    (d,) = err.value.diagnostics
    offset = len("中国高新技术产业导报\n".encode())
    assert str(d) == f"sources/x.txt: cannot decode byte 0xff at offset {offset} as UTF-8 or GB18030 (try --encoding)"
    assert "\n" not in str(err.value)


def test_a_damaged_gb18030_file_reports_the_gb18030_offset():
    good = "本报讯(记者 张伟)".encode("gb18030")
    data = good + b"\x81\x20" + "举办".encode("gb18030")  # a lead byte with no valid trail byte
    with pytest.raises(SsgError, match=f"cannot decode byte 0x81 at offset {len(good)} "):
        decode_source(data, "old.txt")


def test_forced_encoding_is_used_and_checked():
    big5 = "臺灣新聞報導".encode("big5")
    assert decode_source(big5, "tw.txt", encoding="big5") == "臺灣新聞報導"
    with pytest.raises(SsgError, match=r"^tw\.txt: cannot decode byte 0x.. at offset 0 as UTF-8 \(check --encoding\)$"):
        decode_source(big5, "tw.txt", encoding="utf-8")


def test_forced_utf8_still_drops_a_bom():
    assert decode_source(codecs.BOM_UTF8 + "正文".encode(), "x.txt", encoding="utf-8") == "正文"


def test_an_unknown_encoding_is_an_error_not_a_crash():
    with pytest.raises(SsgError, match="unknown encoding 'klingon'"):
        decode_source(b"abc", "x.txt", encoding="klingon")


def test_utf16_without_bom_is_detected():
    data = ("本报讯 " + "科技创新和产业创新深度融合。" * 20).encode("utf-16-le")
    assert decode_source(data, "x.txt").startswith("本报讯 科技创新")
