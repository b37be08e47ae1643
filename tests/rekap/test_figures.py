"""Units' and the total's figures pool every answered mention of their officials: the same
nearest-rank percentiles as one list of all of them, however many there are."""

from __future__ import annotations

import random
from array import array
from datetime import timedelta

import pytest

from humasdesk.core import metrics
from humasdesk.core.metrics import AccountTally, merge_tallies, nearest_rank


@pytest.mark.parametrize("sort_at_most", [10**9, 7])
def test_pooled_percentiles_equal_one_sorted_list(monkeypatch, sort_at_most):
    """Both ways (sort, or select by bucket for very many values) give the defined ranks."""
    monkeypatch.setattr(metrics, "SORT_AT_MOST", sort_at_most)
    rng = random.Random(7)
    tallies = []
    everything = []
    for i in range(9):
        values = [
            rng.choice([rng.randint(0, 3_600_000), rng.randint(0, 10**10), 42])
            for _ in range(rng.randint(0, 300))
        ]
        everything += values
        tallies.append(
            AccountTally(
                account_id=str(i), mentions_received=len(values) + 1, response_ms=array("q", values)
            )
        )
    unit = merge_tallies(tallies[:4])
    total = merge_tallies([unit, *tallies[4:]])
    m = total.figures()
    as_td = [timedelta(milliseconds=v) for v in everything]
    assert m.mentions_answered == len(everything)
    assert m.first_response_median == nearest_rank(as_td, 50)
    assert m.first_response_p90 == nearest_rank(as_td, 90)
    assert len(total.response_ms) == 0  # pooled by reference, not copied
    first_four = [timedelta(milliseconds=v) for t in tallies[:4] for v in t.response_ms]
    assert unit.figures().first_response_median == nearest_rank(first_four, 50)
