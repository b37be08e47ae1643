"""A small run of `bench/crash.py`: the same code, 6 posts and 3 kills."""

from __future__ import annotations

from bench.crash import run_crash


def test_posts_survive_sigkill_of_the_sender_without_duplicates_or_losses(tmp_path):
    """The sending process is killed with SIGKILL three times (mid-send or while starting)
    and restarted; counted on the sandbox. If this breaks, a laptop that loses power or a
    desk that crashes while sending leaves the office account with a post published twice
    after the restart, or a queued post silently never sent; a damaged database
    (`PRAGMA integrity_check`) or a chain that no longer verifies would cost the official
    her activity record."""
    fig = run_crash(posts=6, kills=3, seed=5, deadline_s=50, data_dir=tmp_path)
    assert fig["finished"], fig
    assert fig["kills"] >= 1, fig
    assert fig["duplicates"] == 0, fig
    assert fig["lost"] == 0, fig
    assert fig["on_x"] == 6, fig
    assert fig["integrity_ok"] == fig["integrity_checks"], fig
    assert fig["log_verifies"], fig
    # every post on X is recorded once in the activity log
    assert fig["log_posts_missing"] == 0 and fig["log_posts_twice"] == 0, fig
