"""Boilerplate removal on the seeds: exactly the listed parts go, nothing else."""

import pytest

from conftest import SEEDS
from framing.clean import clean
from framing.corpus import Article, load_paths


@pytest.fixture(scope="module")
def cleaned():
    return {a.id[:3]: clean(a) for a in load_paths([SEEDS]).articles}


def removed_texts(article):
    return [r.text for r in article.removed]


def test_000_removes_promo_author_box_and_comment_form_only(cleaned):
    a = cleaned["000"]
    assert [r.rule for r in a.removed] == ["promo", "author_box", "comment_form"]
    assert removed_texts(a)[0] == "Also Read: Kirk Herbstreit’s Dog Ben Passed Away"
    assert removed_texts(a)[1].startswith("Reporter") and removed_texts(a)[1].endswith("118")
    assert removed_texts(a)[2].startswith("Leave a Reply") and removed_texts(a)[2].endswith("marked *")
    # subheadings of the content site stay: they are the outlet's own display type
    assert "Zelensky on X" in a.text and "As per Reports" in a.text


def test_001_removes_station_boilerplate_and_moves_byline_and_credits_to_metadata(cleaned):
    a = cleaned["001"]
    removed = removed_texts(a)
    for expected in (
        "Skip to Content",
        "Skip to content",
        "The-CNN-Wire",
        "Article Topic Follows: CNN - World",
        "Jump to comments ↓",
        "CNN Newsource",
    ):
        assert expected in removed
    assert any(r.startswith("™ & © 2024 Cable News Network") for r in removed)
    policy = next(r for r in a.removed if r.rule == "comment_policy").text
    assert policy.startswith("BE PART OF THE CONVERSATION") and policy.endswith("please submit it here.")
    assert a.authors == ("Tara John", "Victoria Butenko", "Nic Robertson")
    assert a.credits and a.credits[0].endswith("contributed reporting.")
    for gone in ("By Tara John", "contributed reporting", "Newsource", "©", "Skip to"):
        assert gone not in a.text
    # the last body paragraph stays; the newsroom's note after it is no part of the story
    assert a.text.endswith("current and future technologies.”")
    assert "This is a developing story and will be updated." in removed


def test_002_removes_the_duplicated_headline_and_comment_counter(cleaned):
    a = cleaned["002"]
    assert [r.rule for r in a.removed] == ["repeated_line", "comment_counter"]
    assert a.text.count("Elon Musk kallar Trump och Zelensky efter det amerikanska valet") == 1
    assert "Kommentare" not in a.text


def test_003_and_004_lose_only_the_date_marker(cleaned):
    for key, date in (("003", "2024-11-09"), ("004", "2024-10-25")):
        a = cleaned[key]
        assert [r.rule for r in a.removed] == ["date_marker"]
        assert a.published == date
        assert not a.text.startswith("date")


def test_removed_spans_point_into_raw_text(cleaned):
    for a in cleaned.values():
        for r in a.removed:
            assert a.raw_text[r.start : r.end] == r.text


def test_rules_generalise_to_another_site():
    raw = (
        "Skip navigation\n\nCity council passes budget\n\nBy Jane Doe and John Roe, Example Times\n\n"
        "The council passed the budget on Tuesday, officials said.\n\n"
        "Read more: Five things to know about the budget\n\n"
        "Residents left hundreds of comments on the plan before the vote.\n\n"
        "Copyright 2024 Example Times. All rights reserved.\n\nTags: politics, budget\n\n"
        "3 Comments\n\nSign up for our newsletter to get the news first.\n\nJoin the conversation below."
    )
    a = clean(Article(id="x", raw_text=raw, source="x"))
    assert a.text == (
        "City council passes budget\n\nThe council passed the budget on Tuesday, officials said.\n\n"
        "Residents left hundreds of comments on the plan before the vote."
    )
    assert a.authors == ("Jane Doe", "John Roe")


def test_body_text_mentioning_comments_is_kept_when_not_in_the_tail():
    raw = "Headline here\n\nPlease keep your comments short, the mayor told reporters on Monday.\n\nThe vote is on Friday."
    a = clean(Article(id="x", raw_text=raw, source="x"))
    assert a.removed == ()


def test_title_from_metadata_is_placed_first_when_missing_from_the_text():
    a = clean(Article(id="x", raw_text="The council voted on Tuesday.", source="x", title="Vote held"))
    assert a.text.startswith("Vote held\n\n")
