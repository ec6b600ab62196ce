"""The benchmark's arithmetic: the CPU slowdown for the reference speed, and a page's Lighthouse summary."""

from __future__ import annotations

import importlib.util

import pytest
from support import ROOT

spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
benchmark = importlib.util.module_from_spec(spec)
spec.loader.exec_module(benchmark)


@pytest.mark.parametrize(("speed", "slowdown"), [
    # The points Lighthouse's calculator (linked from its docs/throttling.md) names.
    (150, 1), (800, 2), (1300, 3), (1533, 4), (1766, 5), (2000, 6),
    # Below its range, never a speed-up.
    (50, 1),
])
def test_the_reference_slowdown_is_lighthouses_calculator(speed, slowdown):
    assert benchmark.reference_slowdown(speed) == pytest.approx(slowdown, abs=0.01)


def test_the_reference_slowdown_has_no_step_where_the_calculator_changes_slope():
    for edge in (800, 1300):
        below, above = benchmark.reference_slowdown(edge - 0.01), benchmark.reference_slowdown(edge)
        assert above == pytest.approx(below, abs=0.001)


def test_a_pages_summary_gives_both_medians_and_the_spread_of_each():
    run = {"accessibility": 100, "best-practices": 100, "seo": 100, "cls": 0}
    found = [{**run, "performance": 99, "reference": 91}, {**run, "performance": 97, "reference": 95},
             {**run, "performance": 100, "reference": 93}]
    performance, reference, text = benchmark.summary(found)
    assert (performance, reference) == (99, 93)
    assert text == "99 (97-100) / 100 / 100 / 100, CLS 0.000; at the reference speed 93 (91-95)"
