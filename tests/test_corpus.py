import json

import pytest

from conftest import SEEDS
from framing.corpus import Article, InputError, LoadError, decode, load_paths, markdown_to_text, parse_bytes


def load_one(name: str, data: bytes):
    items = list(parse_bytes(name, data))
    assert len(items) == 1
    return items[0]


def test_seed_folder_loads_five_articles_with_sidecar_metadata():
    result = load_paths([SEEDS])
    assert result.errors == []
    assert [a.id[:3] for a in result.articles] == ["000", "001", "002", "003", "004"]
    swedish = result.articles[2]
    assert swedish.outlet == "Swedish-language site" and swedish.language == "sv"
    assert result.articles[4].published == "2024-10-25"


def test_single_seed_file_still_gets_its_folder_metadata():
    (article,) = load_paths([SEEDS / "004_2eb790ead53fdb39.txt"]).articles
    assert article.title == "Musk apparently had regular contact with Putin"


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Smörgåsbord och café.".encode(), "utf-8"),
        ("\ufeffSmörgåsbord och café.".encode("utf-8"), "utf-8-sig"),
        ("Smörgåsbord och café.".encode("utf-16"), "utf-16"),
        ("Smörgåsbord och café.".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_decode_exactly(data, encoding):
    text, used = decode(data)
    assert text == "Smörgåsbord och café."
    assert used == encoding


def test_legacy_single_byte_text_is_detected_not_mangled():
    original = "Le café était fermé. Les élèves sont arrivés à l'école très tôt ce matin-là.\n" * 3
    text, used = decode(original.encode("cp1252"))
    assert text == original
    assert "\ufffd" not in text and used.lower().replace("_", "-") in {
        "cp1252",
        "windows-1252",
        "iso8859-1",
        "latin-1",
        "iso-8859-1",
        "iso8859-15",
        "latin1",
    }


def test_mixed_utf8_and_legacy_lines_are_each_decoded_right():
    data = "Första raden på svenska.\n".encode() + "Deuxième ligne, très française.\n".encode("cp1252")
    text, used = decode(data)
    assert text == "Första raden på svenska.\nDeuxième ligne, très française.\n"
    assert used.startswith("mixed")


@pytest.mark.parametrize(
    "name, data, fragment",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t", "empty"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        ("nul.txt", b"abc\x00\x01\x02def\x00\x00\xff\xfe\x00ghi" * 20, "binary"),
        ("controls.txt", bytes(range(1, 9)) * 50, "binary"),
        ("paper.pdf", b"%PDF-1.4", "a PDF file; export its text"),
        ("notes.docx", b"ABCD", "not a supported file type (.docx)"),
        ("table.csv", b"title,body\nx,y\n", "'text' column"),
        ("bad.json", b"{not json", "not valid JSON"),
    ],
)
def test_bad_input_gets_a_clear_error(name, data, fragment):
    item = load_one(name, data)
    assert isinstance(item, LoadError)
    assert fragment.lower() in item.message.lower()
    assert item.source == name


def test_oversized_file_is_refused_with_the_limit_named():
    from framing.config import Config

    (item,) = parse_bytes("big.txt", b"word " * 1000, Config(max_file_bytes=1000))
    assert isinstance(item, LoadError) and "limit" in item.message and "max_file_bytes" in item.message


def test_a_bad_file_costs_nothing_else(tmp_path):
    (tmp_path / "good.txt").write_text("A council approved the budget on Tuesday, officials said.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "also_good.md").write_text("# Budget passes\n\nThe **council** voted 5-2.", encoding="utf-8")
    result = load_paths([tmp_path])
    assert sorted(a.id for a in result.articles) == ["also_good", "good"]
    assert sorted(e.source.rsplit("/", 1)[-1] for e in result.errors) == ["empty.txt", "image.png"]


def test_html_main_text_title_site_and_date_extracted_and_scripts_dropped():
    html = b"""<!doctype html><html><head><title>Budget passes - Example Times</title>
    <meta property="og:site_name" content="Example Times"><meta name="date" content="2024-11-07"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Budget passes</h1>
    <p>The council approved the budget on Tuesday after a long debate, officials said.</p>
    <script>alert('x')</script>
    <p>Critics said the plan was rushed through without public consultation.</p></article>
    <footer>Contact us</footer></body></html>"""
    article = load_one("page.html", html)
    assert isinstance(article, Article)
    assert article.title == "Budget passes"
    assert article.outlet == "Example Times"
    assert article.published == "2024-11-07"
    assert "approved the budget" in article.raw_text
    assert "alert" not in article.raw_text and "Home | World" not in article.raw_text


def test_csv_and_json_records_with_per_record_errors():
    csv_bytes = b"text,title,outlet,date\nFirst article text here.,One,Daily,2024-01-02\n,Empty,Daily,\n"
    items = list(parse_bytes("batch.csv", csv_bytes))
    assert isinstance(items[0], Article) and items[0].outlet == "Daily" and items[0].published == "2024-01-02"
    assert isinstance(items[1], LoadError) and items[1].source == "batch.csv#2"

    records = [{"text": "Alpha text.", "outlet": "A"}, {"title": "no text"}, "not an object"]
    items = list(parse_bytes("batch.json", json.dumps({"articles": records}).encode()))
    assert [type(i).__name__ for i in items] == ["Article", "LoadError", "LoadError"]

    lines = b'{"text": "One.", "language": "EN"}\n{broken\n{"text": "Two."}\n'
    items = list(parse_bytes("batch.jsonl", lines))
    assert [type(i).__name__ for i in items] == ["Article", "LoadError", "Article"]
    assert items[0].language == "en" and items[0].language_source == "metadata"
    assert items[1].source == "batch.jsonl#2"


def test_markdown_markup_is_removed_but_lines_kept():
    text = markdown_to_text("# Title here\n\nSome **bold** and _italic_ with a [link](http://x.y).\n\n- item one")
    assert text == "Title here\n\nSome bold and italic with a link.\n\nitem one"


def test_duplicate_ids_are_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("First version.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Second version.", encoding="utf-8")
    ids = [a.id for a in load_paths([tmp_path]).articles]
    assert ids == ["story", "story~2"]


def test_decode_raises_input_error_on_undecidable_bytes():
    with pytest.raises(InputError):
        decode(b"\x00" * 10 + b"\x01\x02")


def test_corpus_formats_stream_records_with_per_record_errors(tmp_path):
    import pandas as pd

    (tmp_path / "c.jsonl").write_text(
        '{"text": "One. Two.", "outlet": "A"}\n{bad\n{"text": "Three."}\n', encoding="utf-8"
    )
    pd.DataFrame({"text": ["Alpha text.", ""], "outlet": ["X", "Y"]}).to_parquet(tmp_path / "p.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["c-1", "c-3", "p-1"]
    sources = sorted(e.source.rsplit("/", 1)[-1] for e in result.errors)
    assert sources == ["broken.parquet", "c.jsonl#2", "p.parquet#2"]


def test_parquet_upload_bytes_are_read_too():
    import io

    import pandas as pd

    buffer = io.BytesIO()
    pd.DataFrame({"text": ["Alpha text."], "title": ["A"]}).to_parquet(buffer)
    (article,) = list(parse_bytes("upload.parquet", buffer.getvalue()))
    assert article.title == "A" and article.raw_text == "Alpha text."


def test_language_metadata_must_be_a_language_code():
    from framing.corpus import language_code

    assert [language_code(v) for v in ("en", " SV ", "en-US", "pt_BR", "deu")] == ["en", "sv", "en", "pt", "deu"]
    assert [language_code(v) for v in ("../../etc/passwd", "english", "e", "", None, "[1, 2]")] == [None] * 6
    data = b'{"text": "The council met on Tuesday, officials said.", "lang": "../lexicons/hedges_en"}\n'
    (article,) = parse_bytes("batch.jsonl", data)
    assert article.language is None and article.language_source is None
    assert any("not a language code" in w for w in article.warnings)
    import framing

    assert framing.score_article(article).article.language == "en"  # detected from the text instead


def test_a_stored_article_with_fields_of_a_newer_version_loads():
    from dataclasses import asdict

    from framing.corpus import article_from_dict, article_from_text

    article = article_from_text("The council met. It voted.", ident="x")
    stored = asdict(article) | {"stance": "new field", "embedding": [0.1, 0.2]}
    assert article_from_dict(stored) == article
    with pytest.raises(InputError, match="lacks raw_text"):
        article_from_dict({"id": "x", "source": "x"})


def test_html_records_what_its_extraction_left_out():
    """As text input records each part cleaning removed, an HTML page records the blocks of its
    text that the extraction dropped (navigation, promotions, footer), and the tables count them."""
    import framing
    from framing.corpus import parse_bytes

    page = (
        b"<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        b"<article><h1>Bridge falls</h1><p>The bridge fell on Saturday morning, officials said, and twelve people "
        b"were hurt in the collapse.</p><p>Divers pulled everyone out of the water within an hour, the fire chief "
        b"said on Saturday.</p></article><aside>Read more: other stories from the valley</aside>"
        b"<footer>Copyright 2026 Wire. All rights reserved.</footer></body></html>"
    )
    (article,) = parse_bytes("page.html", page)
    removed = {r.text: r.rule for r in article.removed}
    assert removed["Read more: other stories from the valley"] == "html_extraction"
    assert "Copyright 2026 Wire. All rights reserved." in removed
    assert not any("Divers pulled" in text for text in removed)  # what was kept is not listed
    row = framing.build_report([article]).article_table().iloc[0]
    assert row["removed_parts"] == len(article.removed)
    assert row["removed_chars"] == sum(len(text) for text in removed)
