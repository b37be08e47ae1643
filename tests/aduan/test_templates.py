"""Reply templates: placeholders, validation and the length before inserting."""

from __future__ import annotations

import pytest

from humasdesk.core.templates import (
    STARTER_TEMPLATES,
    Template,
    TemplateError,
    fill,
    fill_reply,
    lapor_reply_values,
    validate,
)


def test_unknown_placeholder_is_refused_with_its_name():
    with pytest.raises(TemplateError) as err:
        validate(Template("Salah ketik", "Halo {sapan}, nomor {nomor_lapor} {kota}"))
    assert err.value.names == ("sapan", "kota")
    assert str(err.value) == (
        "Templat memakai isian yang tidak dikenal: {sapan}, {kota}. Isian yang tersedia: "
        "{sapaan}, {nomor_lapor}, {tautan}, {jam_layanan}."
    )


def test_lone_brace_and_empty_template_are_refused():
    with pytest.raises(TemplateError, match="Kurung kurawal tanpa pasangan"):
        validate(Template("x", "Halo {sapaan"))
    with pytest.raises(TemplateError, match="Templat perlu isi"):
        validate(Template("x", "  "))
    with pytest.raises(TemplateError, match="Templat perlu nama"):
        validate(Template(" ", "Halo"))


def test_fill_replaces_placeholders_and_keeps_escaped_braces():
    assert fill("Halo {sapaan} {{kurung}}", {"sapaan": "Kak Budi"}) == "Halo Kak Budi {kurung}"


def test_a_template_that_makes_the_reply_too_long_is_shown_before_inserting():
    """The counter knows the filled length (X's rules) before the text reaches the composer."""
    body = "Terima kasih {sapaan}. " + "Mohon maaf atas ketidaknyamanannya. " * 7
    ok = fill_reply(body, {"sapaan": "Kak"})
    assert not ok.too_long
    long = fill_reply(body, {"sapaan": "Bapak/Ibu " * 5})
    assert long.too_long and long.weighted_length > 280


def test_forwarded_case_offers_its_lapor_number_in_the_reply():
    starter = next(t for t in STARTER_TEMPLATES if t.name == "Diteruskan ke LAPOR!")
    reply = fill_reply(starter.body, {"sapaan": "Kak", **lapor_reply_values("1916449")})
    assert "Aduan Anda kami teruskan ke LAPOR! dengan nomor #1916449." in reply.text
    assert "https://www.lapor.go.id/pengaduan/1916449" in reply.text
    assert reply.missing == ()


def test_starter_set_is_valid_and_fits():
    for t in STARTER_TEMPLATES:
        validate(t)
        values = {"sapaan": "Bapak/Ibu", "jam_layanan": "08.00–16.00 WIB",
                  "tautan": "https://demo.go.id", "nomor_lapor": "#1916449"}  # fmt: skip
        assert not fill_reply(t.body, values).too_long
