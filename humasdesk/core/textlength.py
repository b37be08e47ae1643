"""Weighted post length, counted the way X counts it ("213/280").

Used by the composer (on every keystroke) and by the X API emulator, so both agree with X.

The rules are twitter-text's ``parseTweet`` (config v3, the one in force), pinned down by X's
conformance data (``tests/data/twitter-text/validate.yml``):

* The text is NFC-normalised first and everything is counted on the normalised text.
* Each URL weighs ``transformedURLLength`` (23), however long it is (X shortens it to t.co).
* Each emoji sequence weighs ``defaultWeight`` (2 characters) when the config enables emoji
  parsing (v3): a ZWJ family, a flag, a keycap, a skin-tone variant each count 2.
* Every other code point weighs 1 inside the config's light ranges (Latin, Greek, Cyrillic,
  Arabic, Indic scripts..., general punctuation), 2 elsewhere (CJK, astral symbols...).
* U+FFFE, U+FEFF and U+FFFF make a post invalid; so does an empty post or one over the maximum.

Emoji sequences are found with the ``regex`` package's Unicode properties
(``\\p{Extended_Pictographic}``, ``\\p{Emoji_Presentation}``, ``\\p{Emoji_Modifier}``...), not a
frozen emoji table, so sequences newer than twitter-text's 2019 data (❤️‍🔥, 🧑‍🧑‍🧒) count 2
as X counts them. A pictograph that defaults to text presentation and stands alone without
U+FE0F (``©``, ``☺``) is weighed per code point, like any character.

URLs follow twitter-text's extractor: ``http://`` or ``https://`` optional, the host must end
in a TLD from X's list (shipped as ``data/twitter_text_tlds.json``, generated from the
conformance file ``tlds.yml``), each host label at most 63 characters once punycode-encoded,
trailing punctuation is not part of the URL, and a URL without scheme must have an ASCII host.

Project decisions (not covered by the conformance data):

``\\r\\n`` counts as 1.
    The reference libraries count it as 2; X is reported to count 1. A line break is one line
    break to the user: Qt's editors and the x.com composer (an HTML textarea, which normalises
    line breaks to ``\\n``) both produce ``\\n``, so ``\\r\\n`` only arrives by pasting from
    Windows programs, and counting it as 2 would reject pasted posts that X accepts. Whoever
    sends a post should still send ``\\n`` line breaks, so the count shown is the one X applies
    whichever way X counts ``\\r\\n``. A lone ``\\r`` counts 1 like any control character.

NFC and ranges.
    Counting is on the NFC form (as X does), but ``display_range`` and ``valid_range`` are
    inclusive indices in UTF-16 code units of the *original* text (the units QTextCursor
    positions use). The mapping is exact per grapheme cluster: a cluster that normalisation
    changed (``A`` + U+0301 → ``Á``, ``\\r\\n`` → ``\\n``) is either wholly inside the valid range
    or wholly outside it. twitter-text instead adds one global offset; both agree on the
    conformance data.

Deviation: twitter-text looks an astral character's weight up by one of its UTF-16 surrogates;
here it is looked up by code point. The two agree for every shipped config (no range reaches
the surrogates or beyond U+FFFF, so astral characters weigh the default 2).

Performance: O(n) passes with patterns compiled once (the URL pattern on first use, ~0.1 s);
plain runs between URLs and emoji are weighed with a character-class count, and only the run
where the limit is crossed is walked character by character. 3,000 characters of ordinary text
take 1-3 ms. twitter-text's URL pattern backtracks on adversarial input (long runs like
"a.a.a…" without spaces); it is only run on space-free chunks that contain "." + a TLD, which
keeps such input to a few milliseconds (worst seen: ~40 ms for 3,000 characters of "a(b").
"""

from __future__ import annotations

import json
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

__all__ = [
    "MAX_WEIGHTED_LENGTH",
    "V2",
    "V3",
    "PostLength",
    "TextConfig",
    "find_urls",
    "load_config",
    "parse_post",
]

_PACKAGE = "humasdesk.core"  # data files live in its data/ folder (not a package)
MAX_URL_LENGTH = 4096
MAX_DOMAIN_LABEL_LENGTH = 63
MAX_TCO_SLUG_LENGTH = 40


# --------------------------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class TextConfig:
    """One twitter-text weighting configuration (``config/v3.json`` format)."""

    version: int
    max_weighted_length: int
    scale: int
    default_weight: int
    transformed_url_length: int = 23
    emoji_parsing: bool = False
    ranges: tuple[tuple[int, int, int], ...] = ()  # (first code point, last code point, weight)

    def __post_init__(self) -> None:
        if self.scale < 1 or self.max_weighted_length < 0 or self.default_weight < 0:
            raise ValueError(f"invalid twitter-text config: {self!r}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> TextConfig:
        """Build from the JSON object twitter-text ships (camelCase keys)."""
        return cls(
            version=int(data["version"]),
            max_weighted_length=int(data["maxWeightedTweetLength"]),
            scale=int(data["scale"]),
            default_weight=int(data["defaultWeight"]),
            transformed_url_length=int(data.get("transformedURLLength", 23)),
            emoji_parsing=bool(data.get("emojiParsingEnabled", False)),
            ranges=tuple(
                (int(r["start"]), int(r["end"]), int(r["weight"])) for r in data.get("ranges", ())
            ),
        )


def _read_data(name: str) -> Any:
    path = resources.files(_PACKAGE).joinpath("data").joinpath(name)
    return json.loads(path.read_text(encoding="utf-8"))


def load_config(version: int) -> TextConfig:
    """The packaged twitter-text config ``version`` (2 or 3)."""
    return TextConfig.from_mapping(_read_data(f"twitter_text_v{version}.json"))


V3 = load_config(3)
V2 = load_config(2)
MAX_WEIGHTED_LENGTH = V3.max_weighted_length


@dataclass(frozen=True)
class PostLength:
    """The result of :func:`parse_post`. Ranges are inclusive, in UTF-16 units of the input."""

    weighted_length: int  # characters as X shows them: weighted sum // scale
    valid: bool
    permillage: int
    display_range: tuple[int, int]
    valid_range: tuple[int, int]
    remaining: int  # max - weighted_length; negative when over


# --------------------------------------------------------------------------------------------
# Patterns (twitter-text's, compiled once)

_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$"  # twitter-text's list, as is
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263"
    r"\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"

_INVALID_RE = regex.compile(f"[{_INVALID}]")
_GRAPHEME_RE = regex.compile(r"\X")

_EMOJI_TAIL = r"(?:\p{Emoji_Modifier}|\uFE0F|[\U000E0020-\U000E007E]+\U000E007F)"
_EMOJI_ELEMENT = r"[\p{Extended_Pictographic}\p{Emoji_Presentation}]" + _EMOJI_TAIL + "?"
_EMOJI_RE = regex.compile(
    r"[#*0-9]\uFE0F?\u20E3"  # keycap
    r"|\p{Regional_Indicator}{2}"  # flag
    rf"|{_EMOJI_ELEMENT}(?:\u200D{_EMOJI_ELEMENT})+"  # ZWJ sequence
    rf"|\p{{Emoji_Presentation}}{_EMOJI_TAIL}?"  # emoji-style character
    rf"|\p{{Extended_Pictographic}}{_EMOJI_TAIL}"  # text-style one made emoji (U+FE0F, tone)
)


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` as a trie (fast on ~1,600 TLDs; longest match first)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


@dataclass(frozen=True)
class _UrlPatterns:
    url: regex.Pattern[str]
    ascii_domain: regex.Pattern[str]
    tco: regex.Pattern[str]
    tld_probe: regex.Pattern[str]  # "." + a TLD: a chunk without one holds no URL


@cache
def _url_patterns() -> _UrlPatterns:
    tlds = _read_data("twitter_text_tlds.json")
    tld_end = r"(?=[^a-zA-Z0-9@+\-]|\Z)"
    gtld = f"(?:{_trie([t.lower() for t in tlds['generic']])}){tld_end}"
    cctld = f"(?:{_trie([t.lower() for t in tlds['country']])}){tld_end}"
    punycode = r"(?:xn--[\-0-9a-z]+)"
    tld = f"(?:{gtld}|{cctld}|{punycode})"
    dc = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
    # A label is as in twitter-text ((?:c(?:[_-]|c)*)?c\.), written possessively: the same
    # matches (a label cannot contain the dot after it), but linear on very long labels.
    subdomain = rf"(?:(?={dc})(?:[_\-]|{dc})++(?<={dc})\.)"
    domain_name = rf"(?:(?={dc})(?:-|{dc})++(?<={dc})\.)"
    domain = f"(?:{subdomain}*{domain_name}{tld})"
    pc = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
    parens = rf"\((?:{pc}+|(?:{pc}*\({pc}+\){pc}*))\)"
    path_end = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|{parens})"
    path = rf"(?:(?:{pc}*(?:{parens}{pc}*)*{path_end})|(?:@{pc}+/))"
    query = r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]"
    preceding = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^)"
    url = (
        rf"(?P<before>{preceding})"
        rf"(?P<url>(?P<protocol>https?://)?(?P<domain>{domain})(?::[0-9]+)?"
        rf"(?P<path>/{path}*)?(?:{query})?)"
    )
    flags = regex.IGNORECASE
    return _UrlPatterns(
        url=regex.compile(url, flags),
        ascii_domain=regex.compile(rf"(?:[\-a-z0-9{_LATIN_ACCENTS}]+\.)+{tld}", flags),
        tco=regex.compile(rf"^https?://t\.co/(?P<slug>[a-z0-9]+)(?:{query})?", flags),
        tld_probe=regex.compile(rf"\.{tld}", flags),
    )


def _host_fits(domain: str, pats: _UrlPatterns) -> str | None:
    """twitter-text's ``idna.toAscii``: the punycode host, or None if a label is too long."""
    if domain[:4] == "xn--" and not pats.ascii_domain.search(domain):
        return None
    labels = []
    for label in domain.split("."):
        if label.isascii():
            encoded = label
        else:
            try:
                encoded = "xn--" + label.encode("punycode").decode("ascii")
            except UnicodeError:
                return None
        if not 1 <= len(encoded) <= MAX_DOMAIN_LABEL_LENGTH:
            return None
        labels.append(encoded)
    return ".".join(labels)


_CHUNK_RE = regex.compile(f"[^{_SPACES}]+")


def find_urls(text: str) -> list[tuple[int, int]]:
    """(start, end) Python-string indices of the URLs X would shorten in ``text``."""
    if "." not in text:
        return []
    pats = _url_patterns()
    spans: list[tuple[int, int]] = []
    # A URL never contains a space, so each space-free chunk is searched on its own (starting
    # at the space before it, which the pattern takes as the URL's preceding character), and
    # only when it holds "." + a TLD. Same matches as one search over the whole text, but
    # twitter-text's pattern backtracks quadratically over long dotted runs ("a.a.a.…").
    for chunk in _CHUNK_RE.finditer(text):
        a, b = chunk.span()
        if pats.tld_probe.search(text, a, b) is None:
            continue
        for m in pats.url.finditer(text, max(a - 1, 0), b):
            _add_url(m, pats, spans)
    return spans


def _add_url(m: regex.Match[str], pats: _UrlPatterns, spans: list[tuple[int, int]]) -> None:
    url, protocol, domain = m["url"], m["protocol"], m["domain"]
    start, end = m.span("url")
    host = _host_fits(domain, pats)
    if host is None:
        return
    if len(protocol or "https://") + len(url) + len(host) - len(domain) > MAX_URL_LENGTH:
        return
    if protocol:
        tco = pats.tco.match(url)  # a t.co link ends after its slug and query
        if tco and len(tco["slug"]) > MAX_TCO_SLUG_LENGTH:
            return
        spans.append((start, start + tco.end() if tco else end))
        return
    # Without a scheme only ASCII hosts count, and not right after "-", "_", "." or "/".
    if m["before"] and m["before"] in "-_./":
        return
    offset = m.start("domain")
    found = [(offset + a.start(), offset + a.end()) for a in pats.ascii_domain.finditer(domain)]
    if not found:
        return
    if m["path"]:
        found[-1] = (found[-1][0], end)
    spans.extend(found)


# --------------------------------------------------------------------------------------------
# Weights


@dataclass(frozen=True)
class _Weights:
    starts: tuple[int, ...]  # disjoint ranges, sorted
    ends: tuple[int, ...]
    weights: tuple[int, ...]
    classes: tuple[tuple[regex.Pattern[str], int], ...]  # (runs of one weight, weight - default)


@cache
def _weights(config: TextConfig) -> _Weights:
    # Ranges may overlap; as in twitter-text the first listed range wins.
    pieces: list[tuple[int, int, int]] = []
    for lo, hi, weight in config.ranges:
        segments = [(lo, hi)]
        for plo, phi, _ in pieces:
            segments = [
                part
                for a, b in segments
                for part in ((a, min(b, plo - 1)), (max(a, phi + 1), b))
                if part[0] <= part[1]
            ]
        pieces.extend((a, b, weight) for a, b in segments)
    pieces.sort()
    by_weight: dict[int, list[str]] = {}
    for lo, hi, weight in pieces:
        if weight != config.default_weight:
            by_weight.setdefault(weight, []).append(f"\\U{lo:08x}-\\U{hi:08x}")
    classes = tuple(
        (regex.compile("[" + "".join(parts) + "]+"), weight - config.default_weight)
        for weight, parts in by_weight.items()
    )
    return _Weights(
        starts=tuple(p[0] for p in pieces),
        ends=tuple(p[1] for p in pieces),
        weights=tuple(p[2] for p in pieces),
        classes=classes,
    )


def _char_weight(cp: int, w: _Weights, default: int) -> int:
    i = bisect_right(w.starts, cp) - 1
    return w.weights[i] if i >= 0 and cp <= w.ends[i] else default


# --------------------------------------------------------------------------------------------
# Normalisation with a map back to the original text


def _normalize(text: str) -> tuple[str, Callable[[int], int]]:
    """NFC with ``\\r\\n`` → ``\\n``; and a map from an end index in it to one in ``text``."""
    if "\r" not in text and unicodedata.is_normalized("NFC", text):
        return text, lambda i: i
    parts: list[str] = []
    n_starts: list[int] = []
    segs: list[tuple[int, int, int]] = []  # (normalised end, original start, original end)
    n = 0
    for m in _GRAPHEME_RE.finditer(text):
        g = m.group()
        if g == "\r\n":
            ng = "\n"
        elif g.isascii() or unicodedata.is_normalized("NFC", g):
            ng = g
        else:
            ng = unicodedata.normalize("NFC", g)
        if ng != g:
            n_starts.append(n)
            segs.append((n + len(ng), m.start(), m.end()))
        parts.append(ng)
        n += len(ng)
    norm = "".join(parts)
    whole = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    if norm != whole:  # normalisation crossed a cluster edge: twitter-text's global offset
        delta = len(text) - len(whole)
        return whole, lambda i: min(len(text), max(0, i + delta))

    def to_original(i: int) -> int:
        k = bisect_left(n_starts, i) - 1
        if k < 0:
            return i
        n_end, o_start, o_end = segs[k]
        return o_end + (i - n_end) if i >= n_end else o_start

    return norm, to_original


def _utf16_len(s: str) -> int:
    return len(s) if s.isascii() else len(s.encode("utf-16-le")) // 2


# --------------------------------------------------------------------------------------------
# Counting


def parse_post(text: str, config: TextConfig = V3) -> PostLength:
    """Weigh ``text`` as X does; see the module docstring for the rules."""
    limit = config.max_weighted_length * config.scale
    if not text:
        return PostLength(0, False, 0, (0, 0), (0, 0), config.max_weighted_length)
    w = _weights(config)
    default = config.default_weight
    norm, to_original = _normalize(text)

    entities = [(s, e, 0, config.transformed_url_length * config.scale) for s, e in find_urls(norm)]
    if config.emoji_parsing:
        entities += [(m.start(), m.end(), 1, default) for m in _EMOJI_RE.finditer(norm)]
        entities.sort()
    bad = _INVALID_RE.search(norm)
    first_invalid = bad.start() if bad else len(norm) + 1

    total = 0
    valid_end = 0  # end (exclusive, in norm) of the last unit that fits and is valid
    fitting = True

    def weigh_run(a: int, b: int) -> None:
        nonlocal total, valid_end, fitting
        if a >= b:
            return
        run = default * (b - a)
        for pattern, delta in w.classes:
            run += delta * sum(map(len, pattern.findall(norm, a, b)))
        if fitting and total + run <= limit and b <= first_invalid:
            valid_end = b
        elif fitting:
            fitting = False
            acc = total
            for i in range(a, min(b, first_invalid)):
                acc += _char_weight(ord(norm[i]), w, default)
                if acc > limit:
                    break
                valid_end = i + 1
        total += run

    pos = 0
    for start, end, _, weight in entities:
        if start < pos:  # inside a URL (or an emoji overlapping one): already counted
            continue
        weigh_run(pos, start)
        total += weight
        if fitting and total <= limit and end <= first_invalid:
            valid_end = end
        else:
            fitting = False
        pos = end
    weigh_run(pos, len(norm))

    valid = bad is None and 0 < total <= limit
    valid_last = max(0, _utf16_len(text[: to_original(valid_end)]) - 1)
    weighted = total // config.scale
    return PostLength(
        weighted_length=weighted,
        valid=valid,
        permillage=total * 1000 // limit if limit else 0,
        display_range=(0, _utf16_len(text) - 1),
        valid_range=(0, valid_last),
        remaining=config.max_weighted_length - weighted,
    )
