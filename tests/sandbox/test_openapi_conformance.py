"""The sandbox against X's own API description (tests/data/x-api/openapi-2.159.json).

The `sandbox` fixture (tests/conftest.py) checks every answer of every test against the
description when the test ends; these tests check the checker, and the sandbox's tables
(scopes, list parameters) against the description, so neither can drift from X.
"""

from __future__ import annotations

import json

import pytest

from humasdesk.sandbox import fields
from humasdesk.sandbox.routes import ROUTES
from tests import openapi_check
from tests.sandbox.helpers import OFFICE_ID, api, post, sign_in


def test_the_checker_catches_an_answer_x_would_not_give():
    """A check that cannot fail proves nothing: a user without `username`, an id with
    letters and a problem without `title` are each reported."""
    bad_user = json.dumps({"data": {"id": "12a", "name": "x"}}).encode()
    result = openapi_check.check("GET", "/2/users/me", 200, "application/json", bad_user)
    assert result is not None and result.schema == "Get2UsersMeResponse"
    assert any("username" in e for e in result.errors)
    assert any("does not match" in e for e in result.errors)
    bad_problem = json.dumps({"type": "about:blank"}).encode()
    result = openapi_check.check("POST", "/2/tweets", 403, "application/problem+json", bad_problem)
    assert result is not None and any("title" in e for e in result.errors)
    assert openapi_check.check("POST", "/_sandbox/reset", 200, "application/json", b"{}") is None


def test_errata_are_exactly_the_self_contradictions():
    """The checker relaxes only schemas that contradict themselves, and all of them."""
    assert openapi_check.self_contradictions(openapi_check.original()) == openapi_check.ERRATA


def _template(route_key: str) -> tuple[str, str]:
    method, path = route_key.split(" ", 1)
    return method, path.replace(":id", "{id}")


@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_every_route_needs_every_scope_x_lists(route):
    """X requires every scope an operation lists; the sandbox's table is X's."""
    method, template = _template(route.key)
    assert openapi_check.operation(method, template.replace("{id}", "1")) is not None
    assert set(route.scopes) == openapi_check.security_scopes(method, template)


@pytest.mark.parametrize(
    ("name", "ours"),
    [
        ("tweet.fields", fields.TWEET_FIELDS),
        ("user.fields", fields.USER_FIELDS),
        ("media.fields", fields.MEDIA_FIELDS),
        ("poll.fields", fields.POLL_FIELDS),
        ("place.fields", fields.PLACE_FIELDS),
        ("expansions", fields.TWEET_EXPANSIONS),
        ("exclude", fields.EXCLUDE),
    ],
)
def test_list_parameters_take_exactly_xs_values(name, ours):
    """Unknown values get a 400 from X; the sandbox knows the same values, no more."""
    assert set(ours) == openapi_check.parameter_enum("/2/users/{id}/tweets", "GET", name)


def test_user_expansions_are_xs():
    assert set(fields.USER_EXPANSIONS) == openapi_check.parameter_enum(
        "/2/users/me", "GET", "expansions"
    )


def test_error_answers_validate_too(sandbox):
    """400, 403, 404 and 402 answers are problem bodies X's description allows."""
    base = sandbox.base_url
    office = sign_in(base)
    answers = [
        api(base, "GET", "/2/users/me", office, params={"user.fields": "bogus"}),
        api(base, "GET", "/2/tweets/1", office),
        api(base, "DELETE", "/2/tweets/1", office),
        post(base, office, ""),
    ]
    r = api(base, "POST", "/_sandbox/credits", office, json={"balance": "0"})
    assert r.status_code == 200
    answers.append(api(base, "GET", f"/2/users/{OFFICE_ID}/mentions", office))
    assert [a.status_code for a in answers] == [400, 200, 404, 400, 402]
    for a in answers:
        path = a.request.path_url.split("?")[0]
        result = openapi_check.check(
            a.request.method, path, a.status_code, a.headers["content-type"], a.content
        )
        assert result is not None and result.errors == (), result
