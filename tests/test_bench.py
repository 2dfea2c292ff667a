"""The benchmark's corpora are deterministic and shaped like a researcher's folder (numbers come
from the bench command, not from timed tests)."""

from conftest import SEEDS
from framing.bench import MAX_WORDS, MIN_WORDS, articles, corpus, write_files


def test_corpus_is_deterministic_with_real_length_variety():
    first, again = corpus(200, SEEDS), corpus(200, SEEDS)
    assert first == again
    assert len({r["id"] for r in first}) == 200
    words = sorted(len(r["text"].split()) for r in first)
    assert words[0] >= MIN_WORDS and words[-1] <= MAX_WORDS + 300  # the last paragraph may overrun
    # a brief and a long feature, not one length: the longest is several times the shortest
    assert words[-20] > 3 * words[20]
    assert corpus(5, SEEDS, seed=1) != corpus(5, SEEDS, seed=2)


def test_files_carry_no_metadata_and_need_language_detection(tmp_path):
    records = corpus(40, SEEDS)
    assert {r["language"] for r in records} == {"en", "sv"}  # the seeds' languages
    folder = write_files(records, tmp_path / "files")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{r['id']}.txt" for r in records)
    loaded = articles(40, SEEDS)
    assert all(a.language is None and not a.outlet and a.published is None for a in loaded)
    assert [a.raw_text.splitlines()[0] for a in loaded] == [r["title"] for r in records]
