"""Injected faults: error statuses, dropped connections, delays, failures after the commit."""

from __future__ import annotations

import time

import pytest
import requests

from tests.sandbox.helpers import control, post, sign_in


@pytest.fixture
def office(sandbox):
    return sign_in(sandbox.base_url, "HumasDemo")


def _fault(base, **spec):
    r = control(base, "POST", "faults", json=spec)
    assert r.status_code == 201, r.text


def _texts(base):
    return [p["text"] for p in control(base, "GET", "posts?author=HumasDemo").json()["data"]]


def test_status_fault_for_next_n_requests(sandbox, office):
    """The outbox must survive X's 503s and send once X recovers."""
    base = sandbox.base_url
    _fault(base, count=2, status=503, path_prefix="/2/tweets")
    for _ in range(2):
        r = post(base, office, "Coba kirim")
        assert r.status_code == 503
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["status"] == 503
    assert "Coba kirim" not in _texts(base)
    assert post(base, office, "Coba kirim").status_code == 201


def test_fault_only_on_matching_prefix(sandbox, office):
    """A fault aimed at posting must not break reading mentions."""
    base = sandbox.base_url
    _fault(base, count=1, status=500, path_prefix="/2/tweets")
    r = requests.get(
        base + "/2/users/me",
        headers={"Authorization": f"Bearer {office['access_token']}"},
        timeout=10,
    )
    assert r.status_code == 200
    assert post(base, office, "Kena").status_code == 500


def test_429_fault_has_future_reset(sandbox, office):
    """A 429 from X always says when to come back; so must the injected one."""
    base = sandbox.base_url
    _fault(base, count=1, status=429, path_prefix="/2/tweets")
    r = post(base, office, "Terlalu cepat")
    assert r.status_code == 429
    assert r.headers["x-rate-limit-remaining"] == "0"
    assert int(r.headers["x-rate-limit-reset"]) > time.time()


def test_drop_connection(sandbox, office):
    """A connection cut with no answer must surface as a network error, not a hang."""
    base = sandbox.base_url
    _fault(base, count=1, drop_connection=True, path_prefix="/2/tweets")
    with pytest.raises(requests.ConnectionError):
        post(base, office, "Putus")
    assert "Putus" not in _texts(base)


def test_delay(sandbox, office):
    """A slow X must trip the client's timeout; with no status the answer is normal."""
    base = sandbox.base_url
    _fault(base, count=1, delay_ms=1500, path_prefix="/2/tweets")
    with pytest.raises(requests.Timeout):
        post(base, office, "Lambat", timeout=0.5)
    _fault(base, count=1, delay_ms=300, path_prefix="/2/tweets")
    r = post(base, office, "Lambat tapi sampai")
    assert r.status_code == 201
    assert control(base, "GET", "faults").json()["data"] == []  # this request took the delay
    assert "Lambat tapi sampai" in _texts(base)


def test_after_commit_post_exists_though_response_failed(sandbox, office):
    """The desk must not blindly resend after a failure: the post may already be on X."""
    base = sandbox.base_url
    _fault(base, count=1, status=503, path_prefix="/2/tweets", after_commit=True)
    r = post(base, office, "Terkirim diam-diam")
    assert r.status_code == 503
    assert "Terkirim diam-diam" in _texts(base)
    retry = post(base, office, "Terkirim diam-diam")
    assert retry.status_code == 403  # X sees the resend as a duplicate


def test_after_commit_with_dropped_connection(sandbox, office):
    """The worst case: the post exists and the desk heard nothing at all."""
    base = sandbox.base_url
    _fault(base, count=1, drop_connection=True, after_commit=True, path_prefix="/2/tweets")
    with pytest.raises(requests.ConnectionError):
        post(base, office, "Hilang jawaban")
    assert "Hilang jawaban" in _texts(base)


def test_faults_listed_and_cleared(sandbox):
    """Tests can check and clear pending faults."""
    base = sandbox.base_url
    _fault(base, count=3, status=502)
    assert control(base, "GET", "faults").json()["data"][0]["count"] == 3
    control(base, "DELETE", "faults")
    assert control(base, "GET", "faults").json()["data"] == []


def test_bad_fault_spec_refused(sandbox):
    """A typo in a fault spec fails loudly instead of faulting everything."""
    r = control(sandbox.base_url, "POST", "faults", json={"count": 0})
    assert r.status_code == 400
    r = control(sandbox.base_url, "POST", "faults", json={"status": 299})
    assert r.status_code == 400
