"""The consent page (in Indonesian) and the 400 page of the authorize endpoint.

Everything that came from the request or the data is passed through html.escape.
"""

from __future__ import annotations

from html import escape

from humasdesk.sandbox.oauth import AuthorizeRequest
from humasdesk.sandbox.state import User

_STYLE = (
    "body{font-family:sans-serif;max-width:32em;margin:3em auto;color:#111}"
    "button{font-size:1em;padding:.5em 1.5em;margin-right:1em}"
    "label{display:block;margin:.4em 0}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def consent_page(req: AuthorizeRequest, accounts: list[User]) -> str:
    hidden = "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">'
        for k, v in req.hidden_fields().items()
    )
    choices = "".join(
        f'<label><input type="radio" name="sandbox_user" value="{escape(u.username)}"'
        f"{' checked' if i == 0 else ''}> {escape(u.name)} (@{escape(u.username)})</label>"
        for i, u in enumerate(accounts)
    )
    scopes = "".join(f"<li>{escape(s)}</li>" for s in req.scopes)
    body = (
        "<h1>Izinkan akses ke akun X (sandbox)?</h1>"
        f"<p>Aplikasi <strong>{escape(req.client_id)}</strong> meminta akses ke akun Anda "
        "di sandbox latihan HumasDesk. Tidak ada yang diunggah ke X sungguhan.</p>"
        f"<p>Izin yang diminta:</p><ul>{scopes}</ul>"
        '<form method="post" action="/i/oauth2/authorize">'
        f"{hidden}<fieldset><legend>Masuk sebagai</legend>{choices}</fieldset><p>"
        '<button type="submit" name="decision" value="allow">Izinkan</button>'
        '<button type="submit" name="decision" value="deny">Tolak</button>'
        "</p></form>"
    )
    return _page("Izinkan akses — Sandbox X", body)


def error_page(message: str) -> str:
    body = (
        "<h1>Permintaan tidak sah</h1>"
        f"<p>{escape(message)}</p>"
        "<p>Tutup halaman ini dan coba masuk lagi dari HumasDesk.</p>"
    )
    return _page("Permintaan tidak sah — Sandbox X", body)
