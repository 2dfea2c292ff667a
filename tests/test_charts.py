"""Charts say what they show: differences in each metric's unit, noise greyed, a palette without
good or bad, one line in front, the most-named actors only, and the outlets the user chose."""

from __future__ import annotations

import pytest

from framing import charts
from framing.compare import compare
from framing.model import UNITS
from framing.report import rel_name
from framing.scorers import METRICS

SPEC = {m.name: m for m in METRICS}


@pytest.fixture(scope="module")
def framed(seed_report):
    return compare(seed_report).reframe(seed_report)


def test_every_metric_has_a_unit_with_a_stated_noise_level_and_shares_read_as_percent():
    assert all(m.unit in UNITS and m.scale.noise > 0 for m in METRICS)
    assert SPEC["anonymous_share"].display(0.222) == "22%"
    assert SPEC["anonymous_share"].display(0.05, signed=True) == "+5 pts"
    assert SPEC["words"].display(478.0) == "478"
    assert SPEC["tone_mean"].display(-0.05, signed=True) == "-0.05"


def test_heatmap_cells_print_the_difference_in_the_unit_and_grey_what_is_within_the_noise(framed):
    metrics = ("tone_mean", "loaded_per_100w", "quote_share", "lix")
    fig = charts.relative_heatmap(framed, metrics)
    by_colour = {}
    for trace in fig.data:
        for text, custom in zip(trace.text, trace.customdata, strict=True):
            article, metric = custom[0], custom[1]
            rel = framed.get(article).value(rel_name(metric))
            if rel is None:
                assert text == "" and custom[2].startswith("empty")
                continue
            assert text == SPEC[metric].display(rel, signed=True)
            grey = abs(rel) < SPEC[metric].scale.noise
            by_colour.setdefault(grey, 0)
            by_colour[grey] += 1
            assert (trace.marker.color == "#eeeeee") == grey
    assert by_colour.get(True) and by_colour.get(False)  # the seeds have both
    signal = next(t for t in fig.data if t.marker.colorscale is not None)
    assert [c for _, c in signal.marker.colorscale][0].lower() != "rgb(103,0,31)"  # not RdBu's alarm red
    assert signal.marker.cmin == -charts.NOISE_MULTIPLES and signal.marker.colorbar.title.text


def test_the_outlet_filter_limits_every_chart(framed):
    only = ("001_7e04422d48fc93a1", "003_c0d9206cdab6ac5a")
    heat = charts.relative_heatmap(framed, ("tone_mean",), only)
    assert {c[0] for t in heat.data for c in t.customdata} == set(only)
    bars = charts.metrics_by_outlet(framed, ("tone_mean",), 4, only)
    assert {c[0] for c in bars.data[0].customdata} == set(only)
    tone = charts.tone_trajectory(framed, None, only)
    assert {t.customdata[0][0] for t in tone.data} <= set(only)


def test_tone_through_the_article_puts_one_line_in_front(seed_report):
    fig = charts.tone_trajectory(seed_report, "003_c0d9206cdab6ac5a")
    front = [t for t in fig.data if t.showlegend]
    assert [t.customdata[0][0] for t in front] == ["003_c0d9206cdab6ac5a"]
    assert fig.data[-1] is front[0]  # drawn last, over the others
    assert all(t.line.color == "#d0d0d0" for t in fig.data if not t.showlegend)


def test_the_actor_chart_is_a_pivot_of_the_most_named_actors(seed_report):
    comparison = compare(seed_report)
    table = comparison.actor_table(seed_report)
    fig = charts.actor_tone(seed_report, table, top=3)
    (trace,) = fig.data
    assert len(set(trace.y)) <= 3
    named = table.dropna(subset=["tone_mean"]).groupby("actor")["mentions"].sum().sort_values(ascending=False)
    assert set(trace.y) <= set(named.index[:3])
    assert all(text.endswith(")") for text in trace.text)  # the mentions behind each cell
