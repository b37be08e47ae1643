"""A small run of `bench/schedule_race.py`: the same code, 8 scheduled posts, a desk and two
`humasdesk sync` loops racing, sync loops SIGKILLed now and then."""

from __future__ import annotations

from bench.schedule_race import run_race


def test_scheduled_posts_go_out_once_with_desk_and_syncs_racing(tmp_path):
    """If this breaks, an OS timer's `humasdesk sync` running while the desk is open (or
    two of them at once, or one killed mid-send) posts the 07.00 announcement twice, drops
    it, or sends it before its time."""
    fig = run_race(posts=8, syncs=2, spacing_s=0.4, lead_s=5, kill_every_s=1.0, seed=4,
                   deadline_s=90, data_dir=tmp_path)  # fmt: skip
    assert fig["finished"], fig
    assert fig["duplicates"] == 0 and fig["lost"] == 0 and fig["on_x"] == 8, fig
    assert fig["sent_early"] == 0, fig
    assert fig["log_verifies"] and fig["log_posts_twice"] == 0, fig
    assert fig["log_posts_missing"] == 0, fig
    assert fig["outbox_states"] == {"sent": 8}, fig
