"""Reply templates (*Templat balasan*): placeholders, validation, filling (pure: no Qt).

A template is a polite reply with placeholders in braces:

``{sapaan}``       how the citizen is greeted ("Kak Budi", "Bapak/Ibu")
``{nomor_lapor}``  the case's LAPOR! tracking ID, with its ``#``
``{tautan}``       a link (the LAPOR! report, a service page)
``{jam_layanan}``  the office's service hours

Any other name in braces is refused with its name, so a typo never reaches a citizen.
``{{`` and ``}}`` write a literal brace. A filled template goes into the composer to be
edited before sending; nothing is ever sent from a template on its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from humasdesk.core.textlength import MAX_WEIGHTED_LENGTH, parse_post

PLACEHOLDERS = ("sapaan", "nomor_lapor", "tautan", "jam_layanan")
_FIELD_RE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class TemplateError(ValueError):
    """A template that cannot be used; the message (Indonesian) names the problem."""

    def __init__(self, message: str, names: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.names = names


@dataclass(frozen=True)
class Template:
    name: str
    body: str


def placeholders_in(body: str) -> tuple[str, ...]:
    """The placeholder names `body` uses, in order, each once; `TemplateError` for an
    unknown name or a lone brace."""
    names: list[str] = []
    unknown: list[str] = []
    for m in _FIELD_RE.finditer(body):
        if m.group(0) in ("{{", "}}"):
            continue
        if m.group(1) is None:
            raise TemplateError(
                "Kurung kurawal tanpa pasangan dalam templat; tulis {{ atau }} untuk kurung "
                "kurawal biasa."
            )
        name = m.group(1).strip()
        target = names if name in PLACEHOLDERS else unknown
        if name not in target:
            target.append(name)
    if unknown:
        shown = ", ".join("{" + n + "}" for n in unknown)
        allowed = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
        raise TemplateError(
            f"Templat memakai isian yang tidak dikenal: {shown}. Isian yang tersedia: {allowed}.",
            tuple(unknown),
        )
    return tuple(names)


def validate(template: Template) -> None:
    """Refuse a template without a name or text, or with an unknown placeholder."""
    if not template.name.strip():
        raise TemplateError("Templat perlu nama.")
    if not template.body.strip():
        raise TemplateError("Templat perlu isi.")
    placeholders_in(template.body)


def fill(body: str, values: Mapping[str, str]) -> str:
    """`body` with each placeholder replaced by its value ("" when not given: the official
    fills it in the composer)."""
    placeholders_in(body)

    def sub(m: re.Match[str]) -> str:
        brace = m.group(0)
        if brace in ("{{", "}}"):
            return brace[0]
        return values.get(m.group(1).strip(), "")

    return _FIELD_RE.sub(sub, body)


@dataclass(frozen=True)
class FilledReply:
    text: str
    weighted_length: int
    too_long: bool
    missing: tuple[str, ...]  # placeholders without a value (left empty)


def fill_reply(body: str, values: Mapping[str, str]) -> FilledReply:
    """The filled text and its length by X's rules, so the counter shows a reply that would
    be too long before it is inserted."""
    missing = tuple(n for n in placeholders_in(body) if not values.get(n))
    text = fill(body, values)
    length = parse_post(text)
    return FilledReply(text, length.weighted_length, length.weighted_length > MAX_WEIGHTED_LENGTH,
                       missing)  # fmt: skip


#: What the placeholders hold when the case says nothing else (the official edits the reply).
DEFAULT_VALUES = {"sapaan": "Bapak/Ibu", "jam_layanan": "Senin–Jumat pukul 08.00–16.00"}


def lapor_reply_values(lapor_id: str | None) -> dict[str, str]:
    """The values a forwarded case offers: ``{nomor_lapor}`` with its ``#`` and ``{tautan}``
    to the report on lapor.go.id."""
    if not lapor_id:
        return {}
    from humasdesk.core.aduan import lapor_case_url

    return {"nomor_lapor": f"#{lapor_id}", "tautan": lapor_case_url(lapor_id)}


#: The starter set, in polite plain Indonesian (a pane begins with these; each can be edited).
STARTER_TEMPLATES = (
    Template(
        "Aduan diterima",
        "Terima kasih {sapaan} atas laporannya. Aduan Anda sudah kami terima dan kami "
        "teruskan ke unit terkait. Kami kabari perkembangannya di sini.",
    ),
    Template(
        "Diteruskan ke LAPOR!",
        "Terima kasih {sapaan}. Aduan Anda kami teruskan ke LAPOR! dengan nomor {nomor_lapor}. "
        "Perkembangannya dapat dipantau di {tautan}",
    ),
    Template(
        "Minta data lewat pesan",
        "Mohon maaf atas kendalanya, {sapaan}. Agar dapat kami bantu, mohon kirimkan detail "
        "lokasi dan waktu kejadian melalui pesan langsung. Jangan kirim NIK di kolom balasan.",
    ),
    Template(
        "Jam layanan",
        "Halo {sapaan}, layanan kami buka {jam_layanan}. Informasi lengkap: {tautan}",
    ),
    Template(
        "Sedang ditindaklanjuti",
        "Terima kasih atas kesabarannya, {sapaan}. Laporan Anda sedang ditindaklanjuti oleh "
        "petugas di lapangan. Kami sampaikan hasilnya segera.",
    ),
    Template(
        "Aduan selesai",
        "Terima kasih {sapaan}. Aduan Anda telah selesai ditindaklanjuti. Bila masih ada "
        "kendala, silakan sampaikan kembali kepada kami.",
    ),
)
