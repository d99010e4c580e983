"""Functions and filters every template gets.

Links: `rel(url)` turns a site-relative URL ("2025/11/10/01/") into a link
relative to the page being rendered ("../../01/"), so the site works under any
sub-path; on a page that can be served at any depth (404.html) the context sets
`link_root` ("/herald/") and links become absolute from the base path.
`asset(name)` is `rel()` of a static file's fingerprinted path.

Text: `cn_numeral(3)` -> 三, `cn_date(date)` -> 2025年11月10日,
`page_label(1)` -> 第01版, `jsonld(obj)` -> JSON safe inside <script>.
"""

from __future__ import annotations

import datetime as dt
import json

import jinja2
from markupsafe import Markup

DIGITS = "零一二三四五六七八九"
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def relative_url(target: str, page_url: str) -> str:
    """The link from page `page_url` to `target` (both site-relative, directories end in "/")."""
    if "://" in target or target.startswith(("/", "mailto:", "#")):
        return target
    path, hash_, fragment = target.partition("#")
    here = page_url if page_url.endswith("/") or not page_url else page_url.rpartition("/")[0] + "/"
    if here == "/":
        here = ""
    if path == here and hash_:
        return f"#{fragment}"
    from_parts = here.split("/")[:-1]
    to_parts = path.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    link = "../" * (len(from_parts) - common) + "/".join(to_parts[common:])
    return (link or "./") + (hash_ + fragment)


@jinja2.pass_context
def rel(ctx, url: str) -> str:
    root = ctx.get("link_root")
    if root is not None and "://" not in url and not url.startswith(("/", "#")):
        return root + url
    return relative_url(url, ctx["page_url"])


@jinja2.pass_context
def asset(ctx, name: str) -> str:
    mapping = ctx.environment.globals["asset_map"]
    if name not in mapping:
        raise KeyError(f"no static file '{name}' in the theme (have: {', '.join(sorted(mapping)) or 'none'})")
    return rel(ctx, mapping[name])


def cn_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (as list items are numbered)."""
    if n < 0:
        return "负" + cn_numeral(-n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out, zero = "", False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + DIGITS[n]
    return out


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def cn_weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def page_label(n: int) -> str:
    return f"第{n:02d}版"


def jsonld(obj) -> Markup:
    """JSON for <script type="application/ld+json">: "<", ">" and "&" escaped so it can never close the script."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def install(env: jinja2.Environment) -> None:
    env.globals.update(rel=rel, asset=asset, cn_numeral=cn_numeral, page_label=page_label)
    env.filters.update(
        rel=rel,
        cn_numeral=cn_numeral,
        cn_date=cn_date,
        cn_weekday=cn_weekday,
        page_label=page_label,
        jsonld=jsonld,
    )
