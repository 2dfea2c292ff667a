import pytest

from framing.lexicon import LexiconError, PhraseMatcher, available_lexicons, load_lexicon, parse_lexicon

HEADER = """# name: t
# language: en
# kind: hedge
# version: 1.0.0
# date: 2026-01-01
# source: test
# licence: MIT
# categories: a, b
"""


def test_every_packaged_lexicon_loads_with_provenance():
    names = available_lexicons()
    assert {"hedges_en", "hedges_sv", "loaded_en", "boosters_en", "attribution_en"} <= set(names)
    for name in names:
        lexicon = load_lexicon(name)
        meta = lexicon.provenance()
        assert meta["entries"] > 0 and meta["source"] and meta["licence"] and meta["version"]


def test_duplicate_cue_is_rejected_with_its_line():
    with pytest.raises(LexiconError, match=r"t.tsv:10: duplicate cue 'Maybe' \(first on line 9\)"):
        parse_lexicon(HEADER + "maybe\ta\t1\nMaybe\tb\t1\n", "t.tsv")


@pytest.mark.parametrize(
    "body, message",
    [
        ("maybe\tc\t1\n", "category 'c' is not declared"),
        ("maybe\ta\n", "expected 'cue<TAB>category<TAB>weight\\[<TAB>source\\]'"),
        ("maybe\ta\theavy\n", "is not a number"),
        ("ab*\ta\t1\n", "shorter than 3"),
        ("~2 maybe\ta\t1\n", "may not start or end with a gap"),
    ],
)
def test_malformed_lines_are_rejected(body, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(HEADER + body, "t.tsv")


def test_missing_header_is_rejected():
    with pytest.raises(LexiconError, match="header lacks"):
        parse_lexicon("maybe\ta\t1\n", "t.tsv")


def matches(cues: list[str], tokens: str):
    lexicon = parse_lexicon(HEADER + "".join(f"{c}\ta\t1\n" for c in cues), "t.tsv")
    return [(m.start, m.end, m.entry.cue) for m in PhraseMatcher(lexicon).find(tokens.split())]


def test_pattern_syntax():
    assert matches(["speculat*"], "they speculated again") == [(1, 2, "speculat*")]
    assert matches(["a|an source"], "an source said") == [(0, 2, "a|an source")]
    assert matches(["a? source familiar"], "source familiar") == [(0, 2, "a? source familiar")]
    assert matches(["people ~2 matter"], "people briefed on matter") == [(0, 4, "people ~2 matter")]
    assert matches(["people ~2 matter"], "people were briefed on the matter") == []


def test_longest_match_wins_and_matches_do_not_overlap():
    assert matches(["according to", "according to sources"], "according to sources close") == [
        (0, 3, "according to sources")
    ]
    assert matches(["in fact", "fact"], "in fact the fact") == [(0, 2, "in fact"), (3, 4, "fact")]


def test_only_packaged_lexicons_load_whatever_the_name():
    from framing.lexicon import word_list

    for name in ("../lexicons/hedges_en", "hedges_en/../hedges_en", "/etc/passwd", "x" * 300):
        with pytest.raises(LexiconError, match="no lexicon named"):
            load_lexicon(name)
    assert word_list("../lexicons/actor_stop") == frozenset()
    assert word_list("actor_stop")


def test_packaged_loaded_lexicons_are_what_the_builder_makes():
    """The built lexicons are generated files: editing one by hand, or a source without
    rebuilding, fails here (the builder reads the resources in shared/data)."""
    import subprocess
    import sys

    from conftest import ROOT, SHARED_DATA

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_lexicons.py"), "--check", "--data", str(SHARED_DATA)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_a_fourth_column_names_the_source_of_an_entry():
    text = HEADER + "slammed\ta\t1\thand\nhorrid\ta\t0.5\tvader -2.5\n"
    lexicon = parse_lexicon(text, "t.tsv")
    assert [e.source for e in lexicon.entries] == ["hand", "vader -2.5"]
