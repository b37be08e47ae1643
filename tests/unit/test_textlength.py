"""The post-length counter agrees with X.

The parametrized conformance cases are X's own test data (twitter-text, in
``tests/data/twitter-text/``). If one fails, the composer's "n/280" counter, its red overflow
highlight (``valid_range``) or the Send button's enabled state disagrees with what X will do:
the user either cannot send a post X would accept, or sends one X rejects as too long. The
URL extraction cases decide which text is counted as a 23-character link.
"""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from pathlib import Path

import pytest
import yaml

from humasdesk.core.textlength import (
    MAX_WEIGHTED_LENGTH,
    V2,
    V3,
    PostLength,
    TextConfig,
    find_urls,
    parse_post,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "twitter-text"
VALIDATE = yaml.safe_load((DATA / "validate.yml").read_text(encoding="utf-8"))["tests"]
EXTRACT = yaml.safe_load((DATA / "extract.yml").read_text(encoding="utf-8"))["tests"]


def _cases(tests: dict, section: str) -> list:
    return [pytest.param(c["text"], c["expected"], id=c["description"]) for c in tests[section]]


def _as_expected(r: PostLength) -> dict:
    return {
        "weightedLength": r.weighted_length,
        "valid": r.valid,
        "permillage": r.permillage,
        "displayRangeStart": r.display_range[0],
        "displayRangeEnd": r.display_range[1],
        "validRangeStart": r.valid_range[0],
        "validRangeEnd": r.valid_range[1],
    }


# ---- X's conformance data -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"), _cases(VALIDATE, "WeightedTweetsWithDiscountedEmojiCounterTest")
)
def test_weighted_with_emoji_v3(text, expected):
    assert _as_expected(parse_post(text, config=V3)) == expected


@pytest.mark.parametrize(
    ("text", "expected"), _cases(VALIDATE, "UnicodeDirectionalMarkerCounterTest")
)
def test_directional_markers_default_config(text, expected):
    assert _as_expected(parse_post(text)) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(VALIDATE, "WeightedTweetsCounterTest"))
def test_weighted_v2(text, expected):
    assert _as_expected(parse_post(text, config=V2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"), _cases(EXTRACT, "urls") + _cases(EXTRACT, "tco_urls_with_params")
)
def test_extract_urls(text, expected):
    assert [text[a:b] for a, b in find_urls(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(EXTRACT, "urls_with_indices") + _cases(EXTRACT, "urls_with_directional_markers"),
)
def test_extract_urls_with_indices(text, expected):
    assert [{"url": text[a:b], "indices": [a, b]} for a, b in find_urls(text)] == expected


def test_packaged_tlds_are_the_conformance_tlds():
    """A link to any TLD X knows (.id, .go.id, .한국...) counts 23; the shipped list is X's."""
    cases = yaml.safe_load((DATA / "tlds.yml").read_text(encoding="utf-8"))["tests"]
    shipped = json.loads(
        resources.files("humasdesk.core")
        .joinpath("data")
        .joinpath("twitter_text_tlds.json")
        .read_text(encoding="utf-8")
    )
    for kind in ("country", "generic"):
        expected = [c["expected"][0].removeprefix("https://twitter.") for c in cases[kind]]
        assert shipped[kind] == expected
        for case in cases[kind]:
            text = case["text"]
            assert [text[a:b] for a, b in find_urls(text)] == case["expected"], text


def test_packaged_configs_match_reference():
    """The 280 limit, URL weight 23 and emoji weight 2 are X's published numbers."""
    assert MAX_WEIGHTED_LENGTH == 280
    assert V3 == TextConfig(
        version=3,
        max_weighted_length=280,
        scale=100,
        default_weight=200,
        transformed_url_length=23,
        emoji_parsing=True,
        ranges=((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100)),
    )
    assert dataclasses.replace(V3, version=2, emoji_parsing=False) == V2


# ---- Emoji: each sequence counts 2, including ones newer than twitter-text's data -----------


@pytest.mark.parametrize(
    "emoji",
    [
        pytest.param("\u2764\ufe0f\u200d\U0001f525", id="heart on fire"),
        pytest.param("\U0001f9d1\u200d\U0001f9d1\u200d\U0001f9d2", id="family adult adult child"),
        pytest.param("\U0001f3f3\ufe0f\u200d\U0001f308", id="rainbow flag"),
        pytest.param("\U0001f3f4\u200d\u2620\ufe0f", id="pirate flag"),
        pytest.param("\U0001f1ee\U0001f1e9", id="flag Indonesia"),
        pytest.param("\U0001f1f2\U0001f1fe", id="flag Malaysia"),
        pytest.param(
            "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
            id="flag Scotland",
        ),
        pytest.param("1\ufe0f\u20e3", id="keycap 1"),
        pytest.param("#\u20e3", id="keycap # without VS16"),
        pytest.param("\U0001f44b\U0001f3fe", id="waving hand medium-dark skin"),
        pytest.param("\U0001f64f\U0001f3fb", id="folded hands light skin"),
        pytest.param("\U0001f9d1\U0001f3fd\u200d\U0001f4bb", id="technologist medium skin"),
        pytest.param("\U0001f426\u200d\U0001f525", id="phoenix (Unicode 15.1)"),
        pytest.param("\U0001fae0", id="melting face"),
        pytest.param("\u00a9\ufe0f", id="copyright as emoji"),
    ],
)
def test_each_emoji_sequence_counts_two(emoji):
    """Each emoji the user inserts adds 2 to the counter, as on x.com, whatever its age."""
    r = parse_post(emoji)
    assert (r.weighted_length, r.valid, r.remaining) == (2, True, 278)
    assert parse_post(f"Halo {emoji}!").weighted_length == 8


def test_v2_counts_emoji_per_code_point():
    """Only the legacy config counts a ZWJ family per code point (kept for comparison)."""
    assert parse_post("\u2764\ufe0f\u200d\U0001f525", config=V2).weighted_length == 7


def test_text_style_symbol_counts_per_code_point():
    """A plain © (no emoji selector) is a Latin-1 character and counts 1, not 2."""
    assert parse_post("\u00a9 Humas Pemkab").weighted_length == 14


def test_280_emoji_fill_the_post_exactly():
    """140 new-style emoji are a full post; one more is over the limit."""
    full = "\u2764\ufe0f\u200d\U0001f525" * 140
    assert (parse_post(full).weighted_length, parse_post(full).valid) == (280, True)
    over = parse_post(full + "\U0001f1ee\U0001f1e9")
    assert (over.weighted_length, over.valid, over.remaining) == (282, False, -2)
    assert over.valid_range == (0, len(full.encode("utf-16-le")) // 2 - 1)


# ---- Indonesian text, line breaks, limits ----------------------------------------------------


def test_indonesian_text_counts_one_per_character():
    """Indonesian (Latin letters, digits, punctuation, accents) counts 1 per character."""
    text = (
        "Pemkab mengimbau warga waspada banjir & longsor (Senin, 12/5). "
        "Hubungi BPBD: 112. Terima kasih — Humas, Café Balai Kota."
    )
    r = parse_post(text)
    assert r.weighted_length == len(text)
    assert r.valid
    assert r.display_range == r.valid_range == (0, len(text) - 1)


def test_crlf_counts_as_one_line_break():
    """A line break pasted from Windows (CRLF) costs 1, the same as a typed one."""
    assert (
        parse_post("Salam\r\nHumas").weighted_length == parse_post("Salam\nHumas").weighted_length
    )
    assert parse_post("a\r\nb").weighted_length == 3
    assert parse_post("a\rb").weighted_length == 3  # a lone CR is an ordinary character


def test_crlf_is_never_split_by_the_overflow_highlight():
    """The overflow highlight starts after a whole line break, never between CR and LF."""
    r = parse_post("x" * 279 + "\r\n" + "yy")
    assert (r.weighted_length, r.valid) == (282, False)
    assert r.valid_range == (0, 280)  # ends on the LF (original index 280)
    assert r.display_range == (0, 282)


def test_exactly_280_is_valid():
    """A post of exactly 280 reads "280/280" and can be sent."""
    r = parse_post("a" * 280)
    assert (r.weighted_length, r.valid, r.remaining, r.permillage) == (280, True, 0, 1000)
    assert r.valid_range == r.display_range == (0, 279)


def test_281_is_invalid_and_highlights_the_last_character():
    """One character too many: "-1", Send disabled, only the last character highlighted."""
    r = parse_post("a" * 281)
    assert (r.weighted_length, r.valid, r.remaining, r.permillage) == (281, False, -1, 1003)
    assert r.valid_range == (0, 279)
    assert r.display_range == (0, 280)


def test_empty_post_is_invalid():
    """An empty composer shows 0 and cannot send."""
    assert parse_post("") == PostLength(0, False, 0, (0, 0), (0, 0), 280)


@pytest.mark.parametrize("bad", ["\ufffe", "\ufeff", "\uffff"])
def test_noncharacters_make_the_post_invalid(bad):
    """A stray BOM or noncharacter (e.g. from a pasted file) blocks sending, as X would."""
    r = parse_post(f"Siaran pers{bad}hari ini")
    assert not r.valid
    assert r.valid_range == (0, 10)


def test_nfc_decomposed_counts_like_composed():
    """ "é" typed as e + combining accent counts 1, like a precomposed "é"."""
    composed, decomposed = "Kafe Sérang", "Kafe Se\u0301rang"
    assert parse_post(decomposed).weighted_length == parse_post(composed).weighted_length == 11
    # Ranges stay in the original text's UTF-16 units (the composer's cursor positions).
    assert parse_post(decomposed).display_range == (0, 11)


def test_ranges_are_in_original_utf16_units_after_normalisation():
    """The overflow highlight starts at the right place even when accents were decomposed."""
    text = "e\u0301" * 10 + "x" * 275  # 285 characters as X counts them
    r = parse_post(text)
    assert r.weighted_length == 285
    assert r.valid_range == (0, 20 + 270 - 1)
    emoji = "\U0001f637"  # astral: two UTF-16 units each
    r = parse_post(emoji * 141)
    assert r.valid_range == (0, 279) and r.display_range == (0, 281)


# ---- URLs weigh 23 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.jatengprov.go.id/berita/2024/05/banjir-demak-warga-diminta-waspada?utm=x",
        "http://bpbd.example.go.id",
        "jatengprov.go.id",
        "www.kominfo.go.id/content/detail/12345",
        "t.co/abc123",
        "https://t.co/UqIyJAJTfo",
        "x.com",
    ],
)
def test_url_weighs_23(url):
    """Any link, long or short, with or without http(s)://, costs 23 (X shortens it)."""
    assert parse_post(url).weighted_length == 23
    assert parse_post(f"Info: {url}").weighted_length == 29


def test_url_trailing_punctuation_is_text():
    """A full stop or closing bracket after a link is counted as text, not part of the link."""
    assert parse_post("Lihat jatengprov.go.id.").weighted_length == 6 + 23 + 1
    assert parse_post("(lihat https://bpbd.go.id/peta).").weighted_length == 7 + 23 + 2


def test_not_urls():
    """Words with dots that are not links (no known TLD, file names) count per character."""
    for text in ("Pukul 10.30 WIB", "file laporan.docx", "v2.0", "a.b", "mailto"):
        assert parse_post(text).weighted_length == len(text), text


def test_overlong_host_label_is_not_a_link():
    """A host label over 63 characters is not a link, so it counts per character."""
    text = "a" * 64 + ".com"
    assert parse_post(text).weighted_length == 68
    assert parse_post("a" * 63 + ".com").weighted_length == 23


# ---- Long and pathological drafts ------------------------------------------------------------

TYPICAL_LINE = "Warga diimbau waspada. Info https://bpbd.go.id/x 🙏🇮🇩 \r\n"  # 55 code points


@pytest.mark.parametrize(
    ("text", "weighted"),
    [
        # 54 whole lines of 58 (28 + a 23-character link + space + two emoji of 2 + space +
        # CRLF as one) and the first 30 characters of the next ("…Info ht": no link).
        pytest.param((TYPICAL_LINE * 60)[:3000], 54 * 58 + 30, id="typical"),
        pytest.param("a." * 1500, 3000, id="dotted run"),  # "a" is no TLD: no links
        pytest.param(("\u6545" * 50 + ".com") * 60, 60 * (50 * 2 + 4), id="CJK with domains"),
        pytest.param("e\u0301" * 1500, 1500, id="decomposed accents"),  # NFC: 1500 × é
    ],
)
def test_long_pathological_drafts_are_counted_right(text, weighted):
    """A few thousand characters of the inputs that make link and emoji patterns backtrack
    get their exact count and are refused as too long (a runaway pattern would hang the
    composer: pytest-timeout fails it). The time per keystroke is bench/textlength.py's."""
    result = parse_post(text)
    assert result.weighted_length == weighted
    assert not result.valid and result.remaining == MAX_WEIGHTED_LENGTH - weighted
