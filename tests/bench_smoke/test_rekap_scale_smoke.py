"""A small run of `bench/rekap_scale.py`: the same generator, floor and child rekap."""

from __future__ import annotations

from bench.rekap_scale import run_scale


def test_rekap_of_generated_exports_counts_every_entry(tmp_path):
    """Eight officials' signed exports, generated as the desk writes them: every file must
    verify and every entry count once; otherwise the national-scale numbers measure a rekap
    that refuses its inputs."""
    fig = run_scale(files=8, entries=400, keep=tmp_path)
    assert fig["counted_files"] == 8 and fig["excluded"] == 0, fig
    assert fig["entries_full"] == 8 * 400, fig
    assert fig["floor_s"] > 0 and fig["rekap_s"] > 0
    assert fig["posts_measured"] > 0, fig  # the exports' metrics snapshots were read
