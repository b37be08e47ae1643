"""A small run of `bench/faults.py`: the same code, 20 posts and a handful of faults."""

from __future__ import annotations

from bench.faults import run_faults


def test_posts_survive_injected_faults_without_duplicates_or_losses(tmp_path):
    """20 posts from both accounts while the sandbox answers 500/503/429, drops connections,
    answers after the client gave up, and fails *after* storing the post. Counted on the
    sandbox. If this breaks, the official's office account shows the same announcement
    twice (a retry after a post that did go out), or a post she queued never appears on X
    while the desk says nothing; a failing chain check means the activity log she hands
    her supervisor no longer verifies."""
    fig = run_faults(posts=20, seed=3, deadline_s=50, max_faults=12, data_dir=tmp_path)
    assert fig["finished"], fig
    assert fig["faults_total"] >= 6, fig  # the faults were really injected
    assert fig["posts"] == 20
    assert fig["duplicates"] == 0, fig
    assert fig["lost"] == 0, fig
    assert fig["on_x"] == 20, fig
    assert fig["wrong_account"] == 0, fig
    assert fig["log_verifies"], fig
