"""Lineage, coverage and omissions on the seeds and on collections built to test them."""

import re

import framing
from conftest import S000, S001, S002, S003, S004
from framing.compare import compare
from framing.compare.align import align, units
from framing.compare.lineage import candidates, confidence


def test_seed_relations(seed_comparison):
    relations = {r.derived: (r.kind, r.source) for r in seed_comparison.relations}
    assert relations == {S000: ("rewrite", S001), S002: ("translation", S001)}
    for r in seed_comparison.relations:
        assert r.coverage >= 0.5 and len(r.evidence) >= 10 and r.confidence >= 0.9


def test_seed_lineage_table_says_independent(seed_comparison, seed_report):
    status = dict(zip(*seed_comparison.lineage_table(seed_report)[["article_id", "status"]].T.values, strict=True))
    assert status[S001] == "original" and status[S003] == "independent" and status[S004] == "independent"


def test_000_omits_the_starlink_shutdown_near_crimea(seed_comparison):
    labels = {f.id: f.label for f in seed_comparison.facts}
    omitted = [labels[o.fact] for o in seed_comparison.omissions if o.article == S000 and o.reason == "source"]
    assert any("turn off his company’s Starlink" in label and "Crimean coast" in label for label in omitted)
    # and what it kept is not listed as omitted
    assert not any(label.startswith("Musk did not respond") for label in omitted)


def test_coverage_matrix_has_a_row_per_fact_and_a_column_per_article(seed_comparison):
    table = seed_comparison.coverage_table()
    ids = [S000, S001, S002, S003, S004]
    assert list(table.columns[3:]) == [c for i in ids for c in (i, f"{i} sentence")]
    assert set(table[S000].unique()) == {0, 1}  # present, apart from where
    assert (table[S000].astype(bool) == table[f"{S000} sentence"].notna()).all()
    shared = table[table["articles"] >= 3]
    assert len(shared) >= 10  # the call, the quote, the WSJ report … carried by 000, 001 and 002


def test_000_rewrite_diff_shows_the_injected_loaded_words(seed_comparison):
    changes = [c for d in seed_comparison.diffs if d.a == S001 and d.b == S000 for c in d.changes]
    inserted_loaded = [c.b_text for c in changes if "loaded" in c.b_kinds]
    assert any("assertively and influentially participated in a pivotal" in t for t in inserted_loaded)
    assert any(c.a_text == "did not respond" and c.b_text == "failed to reply" for c in changes)
    dropped = [c for c in changes if "attribution" in c.a_kinds and c.op == "delete"]
    assert dropped  # "according to a source with knowledge of the situation" moved/dropped


def rewrite(text: str) -> str:
    """A synthetic rewrite: sentences paraphrased, two loaded adverbs inserted, one paragraph dropped."""
    swaps = {
        "said": "stated",
        "told": "informed",
        "concerns": "worries",
        "significant": "considerable",
        "raised": "voiced",
        "reports": "accounts",
        "later": "subsequently",
        "previously": "earlier",
    }
    paragraphs = [p for p in text.split("\n\n") if not p.startswith("A 2023 biography on Musk")]
    out = "\n\n".join(paragraphs)
    for old, new in swaps.items():
        out = re.sub(rf"\b{old}\b", new, out)
    out = out.replace("Tech tycoon Elon Musk joined", "Tech tycoon Elon Musk brazenly joined")
    out = out.replace("Musk complained about", "Musk shamelessly complained about")
    return out


def test_synthetic_rewrite_is_recovered_with_insertions_and_omission(seed_report):
    source = seed_report.get(S001).article
    original = framing.article_from_text(source.text, outlet="Wire", date="2024-11-07", ident="original", language="en")
    rewritten = framing.article_from_text(
        rewrite(source.text), outlet="Content farm", date="2024-11-08", ident="rewritten", language="en"
    )
    report = framing.build_report([original, rewritten])
    result = compare(report)
    assert [(r.derived, r.kind, r.source, r.direction) for r in result.relations] == [
        ("rewritten", "rewrite", "original", "date")
    ]
    inserted = [
        c.b_text for d in result.diffs for c in d.changes if "loaded" in c.b_kinds and c.op in ("insert", "replace")
    ]
    assert any("brazenly" in t for t in inserted) and any("shamelessly" in t for t in inserted)
    labels = {f.id: f.label for f in result.facts}
    omitted = [labels[o.fact] for o in result.omissions if o.article == "rewritten"]
    assert len(omitted) == 1 and omitted[0].startswith("A 2023 biography on Musk")


def test_a_collection_with_no_relations_reports_none(seed_report):
    independent = [
        seed_report.get(S003).article,
        seed_report.get(S004).article,
        framing.article_from_text(
            "Flood waters rose overnight in the river valley, officials said. "
            "Schools were closed and residents moved to higher ground. "
            "The weather service expects the water to fall by Friday.",
            ident="flood",
            language="en",
        ),
    ]
    result = compare(framing.build_report(independent))
    assert result.relations == ()
    assert set(result.lineage_table(framing.build_report(independent))["status"]) == {"independent"}


def test_comparison_round_trips_through_json(seed_comparison):
    from framing.compare import Comparison

    assert Comparison.from_json(seed_comparison.to_json()) == seed_comparison


def test_a_syndicated_copy_is_found_and_independent_reports_sharing_a_statement_are_not(bridge):
    report, result = bridge
    assert [(r.derived, r.kind, r.source) for r in result.relations] == [("local_copy", "near_copy", "wire")]
    copy = result.relations[0]
    assert copy.shared_quotes == 2  # the mayor's two-sentence statement is evidence of nothing: all quote it
    assert "2 shared quotations not counted" in copy.explanation()
    # the Tribune quotes the same statement word for word, and the Herald part of it: still independent
    config = framing.DEFAULT_CONFIG
    pairs = {
        frozenset((c.derived, c.source)): c
        for c in candidates(
            report, align(report, config), {k: len(v) for k, v in units(report, config).items()}, config
        )
    }
    assert pairs[frozenset(("herald", "tribune"))].shared_quotes >= 1
    assert not any({"tribune", "wire"} == {r.derived, r.source} for r in result.relations)


def test_two_aligned_sentences_of_short_texts_are_not_lineage():
    """Two short reports of one event that happen to share two near-identical sentences (a
    sentence of fact each outlet wrote alike): not enough evidence in absolute terms."""
    shared = (
        "The measure passed the House 301 to 120 and the Senate 77 to 19 on Friday. "
        "The bill extends current funding levels for seven weeks and adds disaster aid. "
    )
    a = framing.article_from_text(shared + "Republicans in the House were split over it.", ident="a", language="en")
    b = framing.article_from_text(shared + "Agencies will stay open through December.", ident="b", language="en")
    report = framing.build_report([a, b])
    result = compare(report)
    assert result.relations == ()
    config = framing.DEFAULT_CONFIG
    (weak,) = candidates(report, align(report, config), {k: len(v) for k, v in units(report, config).items()}, config)
    assert len(weak.evidence) == 2 and weak.coverage >= 0.5  # the old rule (half aligned) linked these


def test_confidence_grows_with_evidence_and_stays_a_probability():
    config = framing.DEFAULT_CONFIG
    values = [confidence(n, 150 * n, 0.8, config) for n in (1, 3, 10, 40)]
    assert values == sorted(values) and 0 < values[0] < values[-1] < 1
    assert confidence(3, 450, 0.3, config) < confidence(3, 450, 0.9, config)


def test_similarities_are_in_the_unit_interval(seed_comparison):
    assert seed_comparison.alignments and all(0 <= a.score <= 1 for a in seed_comparison.alignments)
    assert all(0 <= r.similarity <= 1 and 0 <= r.confidence <= 1 for r in seed_comparison.relations)
    assert any(a.method == "multilingual" for a in seed_comparison.alignments)  # margins above 1 before


def test_a_full_copy_without_dates_says_the_texts_do_not_decide_direction(seed_report):
    text = seed_report.get(S001).article.text
    first = framing.article_from_text(text, ident="first", language="en")
    second = framing.article_from_text(text, ident="second", language="en")
    (relation,) = compare(framing.build_report([first, second])).relations
    assert (relation.derived, relation.source, relation.direction, relation.kind) == (
        "second",
        "first",
        "order",
        "near_copy",
    )
    assert "do not say which came first" in relation.explanation()
