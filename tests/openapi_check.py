"""Validate the sandbox's answers against X's own API description (openapi-2.159.json).

``SpecChecker.check(method, path, status, content_type, body)`` finds the operation for the
request (path templates such as ``/2/users/{id}/mentions``), picks the response schema for
the status (or ``default``) and the content type (``application/json`` or
``application/problem+json``), and returns what does not match. Requests outside the spec
(OAuth token and revoke, the consent page, the ``/_sandbox/`` control API) return None.

Where a schema contradicts itself (``required`` names a property it does not define: four
schemas, found mechanically by ``self_contradictions()``) the undefined names are dropped
from ``required`` in a copy of the description; ``ERRATA`` lists them, so nothing is
relaxed silently and a new contradiction in a later description fails the test suite.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from openapi_schema_validator import OAS30Validator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPEC_PATH = Path(__file__).resolve().parent / "data" / "x-api" / "openapi-2.159.json"
_URN = "urn:x-api-2.159"

#: schema name -> required names it never defines. X's media answers carry no `meta` and
#: their processing_info no `type` (docs.x.com's examples); the sandbox follows the answers.
ERRATA = {
    "MediaUploadResponse": ("meta",),
    "MediaUploadAppendResponse": ("meta",),
    "ProcessingInfo": ("type",),
    "Note": ("note_info",),
}


@dataclass(frozen=True)
class Checked:
    operation: str  # "GET /2/users/{id}/mentions"
    schema: str  # the component schema name the body was checked against
    errors: tuple[str, ...]


@cache
def original() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def self_contradictions(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Schemas whose `required` names properties they do not define."""
    out = {}
    for name, schema in data["components"]["schemas"].items():
        props = schema.get("properties")
        if "required" in schema and props is not None:
            missing = tuple(r for r in schema["required"] if r not in props)
            if missing:
                out[name] = missing
    return out


@cache
def spec() -> dict[str, Any]:
    fixed = copy.deepcopy(original())
    for name, names in ERRATA.items():
        schema = fixed["components"]["schemas"][name]
        schema["required"] = [r for r in schema["required"] if r not in names]
    return fixed


@cache
def _registry() -> Registry:
    return Registry().with_resource(_URN, Resource.from_contents(spec(), DRAFT4))


@cache
def _routes() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for template in spec()["paths"]:
        regex = "^" + re.sub(r"\{[^/]+\}", "[^/]+", template) + "$"
        out.append((re.compile(regex), template))
    # Literal paths before templated ones (/2/media/upload/initialize before /{id}/append).
    return tuple(sorted(out, key=lambda rt: rt[1].count("{")))


def operation(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    for regex, template in _routes():
        if regex.match(path):
            op = spec()["paths"][template].get(method.lower())
            if op is not None:
                return template, op
    return None


@cache
def _validator(ref: str) -> OAS30Validator:
    return OAS30Validator(
        {"$ref": f"{_URN}{ref}"}, registry=_registry(), format_checker=oas30_format_checker
    )


def check(method: str, path: str, status: int, content_type: str, body: bytes) -> Checked | None:
    found = operation(method, path)
    if found is None:
        return None
    template, op = found
    name = f"{method.upper()} {template}"
    responses = op["responses"]
    response = responses.get(str(status)) or responses.get("default")
    if response is None:
        return Checked(name, "-", (f"status {status} is not a documented answer",))
    media = content_type.split(";")[0].strip()
    content = response.get("content") or {}
    if media not in content:
        if not body:
            return Checked(name, "-", ())
        return Checked(name, "-", (f"content type {media} not documented for {status}",))
    ref = content[media]["schema"]["$ref"]
    try:
        instance = json.loads(body)
    except ValueError:
        return Checked(name, ref, ("the body is not JSON",))
    errors = tuple(
        f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}"
        for e in _validator(ref).iter_errors(instance)
    )
    return Checked(name, ref.rsplit("/", 1)[-1], errors)


def security_scopes(method: str, template: str) -> set[str]:
    """The OAuth2UserToken scopes an operation lists."""
    op = spec()["paths"][template][method.lower()]
    for entry in op.get("security", ()):
        if "OAuth2UserToken" in entry:
            return set(entry["OAuth2UserToken"])
    return set()


def parameter_enum(template: str, method: str, name: str) -> set[str]:
    """The allowed values of a list parameter (``tweet.fields``, ``exclude`` …)."""
    params = spec()["paths"][template][method.lower()].get("parameters", ())
    for p in params:
        if "$ref" in p:
            p = spec()["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]]
        if p.get("name") == name:
            return set(p["schema"]["items"]["enum"])
    raise KeyError(name)


class Recorder:
    """Keeps every answer a running sandbox gives (wraps its engine), to check them later."""

    def __init__(self, engine: Any) -> None:
        self.answers: list[tuple[str, str, int, str, bytes]] = []
        handle = engine.handle

        def recording(req: Any, client_ip: str) -> Any:
            outcome = handle(req, client_ip)
            resp = outcome.response
            if resp is not None:
                self.answers.append((req.method, req.path, resp.status, resp.content_type,
                                     resp.body))  # fmt: skip
            return outcome

        engine.handle = recording

    def problems(self) -> list[str]:
        out = []
        for method, path, status, ctype, body in self.answers:
            result = check(method, path, status, ctype, body)
            if result is not None and result.errors:
                out.append(f"{result.operation} → {status} ({result.schema}): "
                           + "; ".join(result.errors[:5]))  # fmt: skip
        return out

    @property
    def checked(self) -> int:
        return sum(1 for m, p, *_ in self.answers if operation(m, p) is not None)
