"""Same or nearly the same text: X's rule against posting one content from two accounts).

The rule (pure; used before a post is queued):

1. Both texts are normalised: Unicode NFKC, case folded, ``\\r\\n`` and every run of
   whitespace become one space, every URL becomes the token ``url`` (X rewrites links to t.co,
   and the same announcement with another link is still the same announcement), and
   punctuation and symbols are dropped (``#`` and ``@`` too, so ``#Banjir`` equals ``banjir``).
2. Equal normalised texts are duplicates.
3. Otherwise they are near-duplicates when ``difflib.SequenceMatcher`` finds a similarity
   ratio of at least ``THRESHOLD`` (0.9) between them, i.e. at most about one character in ten
   differs: "Jalan Sudirman ditutup besok pagi" vs "Jalan Sudirman ditutup besok pagi ya"
   is near (0.96); "Jalan Sudirman ditutup" vs "Jalan Thamrin ditutup" is not (0.7).
4. An empty normalised text (only URLs or punctuation are not empty: ``url`` stays) is
   never a near-duplicate of anything.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

THRESHOLD = 0.9

_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The comparison form of a post text (see the module docstring)."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = _URL_RE.sub(" url ", t)
    t = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in t)
    return _SPACE_RE.sub(" ", t).strip()


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two post texts after normalisation."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    return difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()


def is_near_duplicate(a: str, b: str, threshold: float = THRESHOLD) -> bool:
    """True when ``a`` and ``b`` are the same or nearly the same post."""
    return similarity(a, b) >= threshold
