"""Wording and account-mismatch warnings, and keyword suggestions (pure: no Qt).

The rules are plain data (``resources/rules/*.toml``; the format is described at the top
of ``wording.toml``). In the **office** pane the composer warns about personal or informal
wording: first person singular (*aku*, *gue*), slang, runs of emoji, partisan or campaign
terms, and another account's personal handle (the desk's personal account). In the
**personal** pane it warns about the office's own hashtags and programme names and about
wording that announces an official decision. A warning never blocks: it says what was found
and why it matters, and the post goes out after one more click.

The same matching picks the keyword suggestions for new mentions (``aduan_keywords.toml``):
a suggested *aduan* tag and class, which the official accepts or dismisses.

Matching: words and hashtags are compared whole and in any case; phrases are word sequences
with any spacing between words and word boundaries around them; patterns are regular
expressions matched against whole words. Links are ignored (a URL's letters are not words).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from humasdesk.core.models import Slot
from humasdesk.core.textlength import find_urls

WORDING_FILES = ("wording.toml", "office_terms.toml")
KEYWORDS_FILE = "aduan_keywords.toml"
PERSONAL_HANDLE = "personal_handle"
EMOJI_RUN = "emoji_run"

#: Why each kind of finding matters (Indonesian: the command line says these; the desk
#: shows its own translated text per code). {found} is what was found.
MESSAGES = {
    "first_person_singular": "Kata ganti orang pertama tunggal ({found}): akun kantor berbicara "
    "atas nama instansi (pakai \u201ckami\u201d), bukan pribadi.",
    "slang": "Kata tidak baku ({found}): akun kantor memakai bahasa resmi; kata gaul terbaca "
    "sebagai akun pribadi.",
    EMOJI_RUN: "Deretan emoji ({found}): terbaca sebagai ungkapan perasaan pribadi, bukan "
    "informasi instansi.",
    "partisan": "Istilah politik atau kampanye ({found}): akun instansi wajib netral.",
    PERSONAL_HANDLE: "Menyebut akun pribadi ({found}) dari akun kantor: pastikan kiriman ini "
    "memang untuk akun kantor.",
    "office_hashtag": "Tagar resmi kantor ({found}) di akun pribadi: pengumuman resmi "
    "disampaikan dari akun kantor.",
    "programme_name": "Nama program kantor ({found}) di akun pribadi: program resmi diumumkan "
    "dari akun kantor.",
    "official_decision": "Kalimat pengumuman keputusan resmi ({found}) di akun pribadi: "
    "keputusan instansi diumumkan dari akun kantor.",
}

_WORD_RE = regex.compile(r"[#@]?[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*")
_EMOJI = r"(?:[\p{Extended_Pictographic}\p{Emoji_Presentation}](?:\p{Emoji_Modifier}|\uFE0F|\u200D[\p{Extended_Pictographic}])*)"  # noqa: E501
_BOUND_L = r"(?<![\p{L}\p{N}_])"
_BOUND_R = r"(?![\p{L}\p{N}_])"


class RulesError(ValueError):
    """A rules file that cannot be used (the message names the file and the problem)."""


@dataclass(frozen=True)
class Rule:
    """One rule: what it looks for, for which account, and what it is about (`code`; for a
    keyword rule, the complaint class)."""

    code: str
    account: Slot | None
    words: frozenset[str] = frozenset()
    hashtags: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    message: str | None = None
    _phrase_re: Any = field(default=None, compare=False, repr=False)
    _pattern_re: Any = field(default=None, compare=False, repr=False)

    def find(self, text: str, words: Sequence[tuple[str, str]]) -> list[str]:
        """What this rule finds in `text` (URLs blanked), in text order, each once
        (`words`: the text's (word, lowercase) pairs)."""
        found: list[str] = []
        for original, lower in words:
            if lower in self.words or lower in self.hashtags:
                found.append(original)
            elif self._pattern_re is not None and self._pattern_re.fullmatch(lower):
                found.append(original)
        if self._phrase_re is not None:
            found.extend(m.group(0) for m in self._phrase_re.finditer(text))
        return _unique(found)


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _make_rule(raw: Mapping[str, Any], where: str, key: str) -> Rule:
    code = raw.get(key)
    if not isinstance(code, str) or not code:
        raise RulesError(f"{where}: tiap [[rule]] perlu {key}")
    account = raw.get("account")
    try:
        slot = None if account is None else Slot(account)
    except ValueError:
        raise RulesError(
            f"{where}: account harus office atau personal, bukan {account!r}"
        ) from None
    lists = {}
    for name in ("words", "hashtags", "phrases", "patterns"):
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RulesError(f"{where}: {name} harus daftar teks")
        lists[name] = value
    message = raw.get("message")
    if key == "code" and message is None and code not in MESSAGES:
        raise RulesError(f"{where}: kode {code!r} baru perlu message")
    return _compiled(
        Rule(
            code=code,
            account=slot,
            words=frozenset(w.casefold() for w in lists["words"]),
            hashtags=frozenset(h.casefold() if h.startswith("#") else "#" + h.casefold()
                               for h in lists["hashtags"]),
            phrases=tuple(lists["phrases"]),
            patterns=tuple(lists["patterns"]),
            message=message,
        ),
        where,
    )  # fmt: skip


def _compiled(rule: Rule, where: str) -> Rule:
    phrase_re = pattern_re = None
    if rule.phrases:
        alts = sorted(
            (r"\s+".join(regex.escape(p) for p in phrase.split()) for phrase in rule.phrases),
            key=len,
            reverse=True,
        )
        phrase_re = regex.compile(_BOUND_L + "(?:" + "|".join(alts) + ")" + _BOUND_R, regex.I)
    if rule.patterns:
        try:
            pattern_re = regex.compile("|".join(f"(?:{p})" for p in rule.patterns), regex.I)
        except regex.error as exc:
            raise RulesError(f"{where}: pola tidak terbaca ({exc})") from None
    object.__setattr__(rule, "_phrase_re", phrase_re)
    object.__setattr__(rule, "_pattern_re", pattern_re)
    return rule


def _merge(rules: list[Rule], new: Rule) -> list[Rule]:
    """A rule with the code and account of one already read adds its lists to it."""
    for i, old in enumerate(rules):
        if old.code == new.code and old.account == new.account:
            rules[i] = _compiled(
                Rule(
                    code=old.code,
                    account=old.account,
                    words=old.words | new.words,
                    hashtags=old.hashtags | new.hashtags,
                    phrases=old.phrases + tuple(p for p in new.phrases if p not in old.phrases),
                    patterns=old.patterns + tuple(p for p in new.patterns if p not in old.patterns),
                    message=new.message or old.message,
                ),
                "merge",
            )
            return rules
    rules.append(new)
    return rules


@dataclass(frozen=True)
class WordingRules:
    rules: tuple[Rule, ...] = ()
    emoji_min_run: int = 3


def parse_rules(
    texts: Iterable[tuple[str, str]], *, key: str = "code"
) -> tuple[list[Rule], dict[str, Any]]:
    """Rules from TOML texts ((name, text) pairs, later ones extending earlier ones) and the
    merged top-level settings (e.g. ``emoji_run``)."""
    rules: list[Rule] = []
    settings: dict[str, Any] = {}
    for name, text in texts:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RulesError(f"{name}: {exc}") from None
        for i, raw in enumerate(data.get("rule", [])):
            if not isinstance(raw, dict):
                raise RulesError(f"{name}: rule {i + 1} bukan tabel")
            rules = _merge(rules, _make_rule(raw, f"{name}, rule {i + 1}", key))
        for k, v in data.items():
            if k != "rule":
                settings[k] = v
    return rules, settings


def _read(dirs: Sequence[Path], names: Sequence[str]) -> list[tuple[str, str]]:
    texts = []
    for name in names:
        for d in dirs:
            path = d / name
            if path.is_file():
                try:
                    texts.append((str(path), path.read_text(encoding="utf-8")))
                except (OSError, UnicodeDecodeError) as exc:
                    raise RulesError(f"{path}: {exc}") from None
    return texts


def load_wording_rules(dirs: Sequence[Path]) -> WordingRules:
    """The wording rules from the first directory (the shipped ``resources/rules``),
    extended by the same files in the later ones (the data folder's ``rules``)."""
    rules, settings = parse_rules(_read(dirs, WORDING_FILES))
    run = settings.get(EMOJI_RUN, {}).get("min_run", 3)
    if not isinstance(run, int) or run < 2:
        raise RulesError("emoji_run.min_run harus bilangan bulat 2 atau lebih")
    return WordingRules(tuple(rules), run)


@dataclass(frozen=True)
class WordingWarning:
    """One finding: its `code`, what was `found` and the Indonesian `message` (why it
    matters)."""

    code: str
    found: tuple[str, ...]
    message: str


def _words(text: str) -> list[tuple[str, str]]:
    return [(m.group(0), m.group(0).casefold()) for m in _WORD_RE.finditer(text)]


def _blank_urls(text: str) -> str:
    for start, end in reversed(find_urls(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _emoji_runs(text: str, min_run: int) -> list[str]:
    pattern = regex.compile(f"{_EMOJI}(?:\\s*{_EMOJI}){{{min_run - 1},}}")
    return [regex.sub(r"\s+", "", m.group(0)) for m in pattern.finditer(text)]


def check_wording(
    text: str,
    slot: Slot,
    rules: WordingRules,
    *,
    personal_handles: Iterable[str] = (),
) -> tuple[WordingWarning, ...]:
    """The warnings for `text` in `slot`'s composer, in the rules' order. `personal_handles`:
    handles an office post should not name (the desk's personal account, without ``@``)."""
    plain = _blank_urls(text)
    words = _words(plain)
    out: list[WordingWarning] = []
    for rule in rules.rules:
        if rule.account is not None and rule.account is not slot:
            continue
        found = rule.find(plain, words)
        if found:
            out.append(_warning(rule.code, found, rule.message))
    if slot is Slot.OFFICE:
        runs = _emoji_runs(plain, rules.emoji_min_run)
        if runs:
            out.append(_warning(EMOJI_RUN, runs))
        handles = {h.lstrip("@").casefold() for h in personal_handles if h.strip("@ ")}
        named = [w for w, lower in words if lower.startswith("@") and lower[1:] in handles]
        if named:
            out.append(_warning(PERSONAL_HANDLE, _unique(named)))
    return tuple(out)


def _warning(code: str, found: Sequence[str], message: str | None = None) -> WordingWarning:
    template = message or MESSAGES.get(code, "{found}")
    shown = ", ".join(found[:5])
    return WordingWarning(code, tuple(found), template.replace("{found}", shown))


# -- keyword suggestions for new mentions ---------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """Tag this mention *aduan*, with this class (a `ComplaintClass` value), because of
    these words."""

    category: str
    found: tuple[str, ...]


def load_keyword_rules(dirs: Sequence[Path]) -> tuple[Rule, ...]:
    """The keyword rules (``code`` is the class), shipped ones first, extended as above."""
    from humasdesk.core.aduan import ComplaintClass

    rules, _ = parse_rules(_read(dirs, (KEYWORDS_FILE,)), key="class")
    for rule in rules:
        try:
            ComplaintClass(rule.code)
        except ValueError:
            raise RulesError(f"{KEYWORDS_FILE}: kelas {rule.code!r} tidak dikenal") from None
    return tuple(rules)


def suggest(text: str, rules: Sequence[Rule]) -> Suggestion | None:
    """The first matching keyword rule's class and what it found; None when none match."""
    plain = _blank_urls(text)
    words = _words(plain)
    for rule in rules:
        found = rule.find(plain, words)
        if found:
            return Suggestion(rule.code, tuple(found))
    return None


# -- the composer's checks on a text (the desk's composer and `humasdesk check`) ------------

#: Why a text cannot be sent, in the command line's words (the desk translates its own).
COMPOSE_MESSAGES = {
    "empty": "Teks kosong atau hanya spasi: tidak ada yang dapat dikirim.",
    "too_long": "Teks {length}/{max} karakter menurut hitungan X: terlalu panjang.",
    "invalid_characters": "Teks memuat karakter yang ditolak X (U+FFFE, U+FEFF, U+FFFF).",
}


@dataclass(frozen=True)
class TextCheck:
    weighted_length: int
    valid: bool  # X would take it (length, characters; text only, no media)
    warnings: tuple[WordingWarning, ...]  # what cannot be sent first, then the wording


def check_text(
    text: str,
    slot: Slot,
    rules: WordingRules,
    *,
    personal_handles: Iterable[str] = (),
) -> TextCheck:
    """What the composer says about `text` in `slot`'s pane: the length by X's rules and
    whether it can be sent, then the wording warnings."""
    from humasdesk.core.compose import check_post, normalise_newlines

    post = check_post(text)
    problems = [
        WordingWarning(
            p.value,
            (),
            COMPOSE_MESSAGES[p.value].format(length=post.weighted_length, max=post.max_length),
        )
        for p in post.problems
        if p.value in COMPOSE_MESSAGES
    ]
    wording = check_wording(
        normalise_newlines(text), slot, rules, personal_handles=personal_handles
    )
    return TextCheck(post.weighted_length, post.ok, (*problems, *wording))
