"""Web chrome: lines an e-paper site wraps around the text, which no article holds.

Text copied from a paper's website brings navigation, share buttons, editor
credits and copyright lines along. They are kept out of articles and put in
the edition's notes, where an editor sees them (never dropped silently).
"""

from __future__ import annotations

import re

# Each pattern must match a whole (short) line; a sentence that merely
# mentions 版权 or 编辑 is article text.
_CHROME = re.compile(
    r"""^(?:
        [（(【\[]?\s*(?:责任编辑|本版责编|责编|本版编辑|编辑|美编|校对|版式|版式设计|图片编辑|视觉设计|制图|排版)
            \s*[：:].{0,30}?[）)】\]]?
      | (?:https?://|www\.)\S+
      | .{0,20}(?:https?://|www\.)[\w./\-?=&%#]+.{0,10}
      | 分享到.*
      | (?:微信|微博|QQ空间|朋友圈|QQ|豆瓣|复制链接)(?:\s+(?:微信|微博|QQ空间|朋友圈|QQ|豆瓣|复制链接))+
      | (?:返回目录|返回首页|返回顶部|回到顶部|返回版面|返回列表|打印本页|打印|关闭窗口|关闭|收藏本页|我要纠错|纠错|推荐给朋友)
            (?:\s+(?:返回目录|返回首页|返回顶部|回到顶部|返回版面|打印本页|打印|关闭窗口|关闭|收藏本页|我要纠错|纠错))*
      | (?:上一篇|下一篇|上一版|下一版|上一期|下一期|往期回顾|版面导航|本版导航|标题导航)(?:\s*[：:].{0,40}|\s+.{0,40})?
      | 【?\s*字号[：:]?\s*[大中小\s]+】?
      | 【?\s*字体[：:]?\s*[大中小\s]+】?
      | (?:版权所有|本网站所刊登|未经授权|Copyright|COPYRIGHT|©|\(c\)).{0,80}
      | .{0,40}ICP(?:备|证).{0,40}
      | (?:PDF|pdf)\s*(?:下载|版)?
      | (?:本文来源|来源|稿件来源|原标题)[：:].{0,40}
      | (?:扫码|扫描二维码|长按二维码|点击(?:进入|查看|阅读|下载|这里|此处|放大)|点此).{0,30}
      | (?:放大|缩小|默认)(?:\s+(?:放大|缩小|默认))+
      | 《\s*[\u4e00-\u9fff]{2,12}\s*》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第\s*)?\d{1,3}\s*版\s*[）)]
      | 【?\s*(?:纠错|打印|关闭)\s*】?(?:\s*【[^】]{0,20}】)*
      | 分享让更多人看到
    )$""",
    re.VERBOSE,
)

MAX_CHROME_CHARS = 120


def is_web_chrome(line: str) -> bool:
    """Heuristic: is this whole line website furniture rather than paper text?

    Guesses yes for editor credits (`(责任编辑:王某)`), share and navigation
    links (`分享到`, `返回目录`, `上一篇`), bare URLs, copyright and licence
    lines, font-size switches and source lines (`来源:人民网`,
    `《人民日报》(2025年11月10日 01版)`), when the line is short and nothing else.
    """
    text = line.strip()
    if not text or len(text) > MAX_CHROME_CHARS:
        return False
    if text[-1] in "。！？" and not text.startswith(("版权", "未经")):
        return False  # a sentence: paper text that happens to start like a link
    return _CHROME.match(text) is not None
