"""Researcher tools: search and keyword in context point at the words they found; keyness counts
what it says; the HTML report is one file that escapes user text and links findings to sentences."""

import re
from pathlib import Path

import framing
from framing.compare import compare
from framing.explore import keyness, kwic, search
from framing.html_report import collection_html

EVENTS = Path(__file__).parent / "fixtures" / "events"


def test_search_finds_every_use_with_offsets_into_the_text(seed_report):
    hits = search(seed_report, "Zelensky")
    assert hits
    for h in hits:
        text = seed_report.get(h.article).article.text
        assert text[h.start : h.end].lower() == "zelensky"
        s = seed_report.get(h.article).sentences[h.sentence]
        assert s.start <= h.start < h.end <= s.end
    every = sum(len(re.findall(r"(?<!\w)zelensky(?!\w)", r.article.text, re.IGNORECASE)) for r in seed_report.articles)
    assert len(hits) == every
    # whole words: "Zelensky" is not found inside "Zelenskyy"; a query is text, not a pattern
    assert search(seed_report, ".*") == []
    assert len(search(seed_report, "Zelen", whole_words=False)) >= len(hits) > len(search(seed_report, "Zelen"))


def test_keyword_in_context_shows_the_words_around_each_use(seed_report):
    table = kwic(seed_report, search(seed_report, "historic"))
    assert list(table.columns[:4]) == ["outlet", "left", "match", "right"]
    for row in table.itertuples():
        text = seed_report.get(row.article_id).article.text
        assert text[row.start : row.end] == row.match
        assert " ".join(text[: row.start].split()).endswith(row.left.lstrip("…"))


def test_keyness_ranks_an_outlets_own_words_against_the_rest_of_its_language():
    report = framing.analyze([EVENTS / "shutdown"])
    table = keyness(report)
    partisan = table[table["outlet"] == "partisan"]
    assert {"extremists", "democrats"} <= set(partisan["word"])
    assert not ({"the", "a", "of"} & set(table["word"]))  # function words left out
    for row in table.itertuples():  # the counts are what the texts hold
        mine = [r for r in report.articles if (r.article.outlet or r.article.id) == row.outlet]
        counted = sum(
            len(re.findall(rf"(?<![\w'-]){re.escape(row.word)}(?![\w'-])", r.article.text, re.I)) for r in mine
        )
        assert counted == row.count, row.word
    for _, rows in table.groupby("outlet"):  # each outlet's words, most distinctive first
        assert list(rows["log_likelihood"]) == sorted(rows["log_likelihood"], reverse=True)


def test_the_html_report_is_self_contained_escaped_and_links_findings_to_sentences(seed_report):
    comparison = compare(seed_report)
    page = collection_html(seed_report, comparison, "<script>alert(1)</script> & co", None)
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in page
    assert "<script>alert(1)</script>" not in page
    assert not re.search(r"""<(script|link|img)[^>]*\s(src|href)=["']?https?:""", page)  # nothing fetched
    targets = re.findall(r"<a href='#(a\d+-s\d+)'>", page)
    assert targets and all(f'id="{t}"' in page for t in targets)
    assert page.count('class="fr-text"') >= 2 * len(seed_report.articles)  # headlines and full texts
    assert "fr-ev fr-loaded" in page and "What stands out" in page and "Methods" in page
