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


# --- metadata a researcher's files carry, or do not --------------------------------------------

from framing.config import DEFAULT_CONFIG  # noqa: E402
from framing.corpus import edit_metadata, first_line_title, outlet_from_name, parse_uploads  # noqa: E402

BODY = b"The Senate passed the budget on Tuesday after a night of debate.\n\nThe bill now goes to the House."


@pytest.mark.parametrize(
    "stem, outlet",
    [
        ("breitbart", "breitbart"),
        ("cnn_senate_budget", "cnn"),
        ("BBC News", "BBC News"),
        ("0001", ""),
        ("000_3bc9e1120b13250d", ""),
        ("article", ""),
        ("b00012", ""),
        ("x", ""),
    ],
)
def test_outlet_from_the_file_name_when_nothing_else_names_one(stem, outlet):
    assert outlet_from_name(stem) == outlet


def test_a_txt_files_first_line_is_its_headline_whatever_its_punctuation():
    from framing.pipeline import score_article
    from framing.text import ROLE_HEADLINE

    data = b"Senate passes the budget after a long night.\n\n" + BODY
    (article,) = parse_bytes("breitbart.txt", data)
    assert (article.outlet, article.title) == ("breitbart", "Senate passes the budget after a long night.")
    sentences = score_article(article).sentences
    assert sentences[0].role == ROLE_HEADLINE and sentences[0].text.startswith("Senate passes")
    assert all(s.role != ROLE_HEADLINE for s in sentences[1:])
    # the switch: off, a line that ends with a full stop is body text, as before
    off = DEFAULT_CONFIG.with_(first_line_headline=False)
    (plain,) = parse_bytes("breitbart.txt", data, off)
    assert plain.title is None
    assert score_article(plain, off).sentences[0].role != ROLE_HEADLINE


def test_no_headline_from_a_single_paragraph_or_a_long_first_line():
    assert first_line_title("One line only.") is None
    long_line = " ".join(["word"] * 40) + ".\n\nMore text follows here."
    assert first_line_title(long_line) is None
    assert first_line_title("\n\n  Headline here  \n\nBody.") == "Headline here"


def test_uploads_take_their_metadata_from_an_articles_csv_or_json_among_them():
    sidecar = (
        b"file,outlet,headline,date,language,event\n"
        b"a.txt,Reuters,Budget passes,2024-11-08,en,same\n"
        b"missing.txt,AP,,,,\n"
    )
    files = [("a.txt", BODY), ("cnn_b.txt", BODY), ("articles.csv", sidecar)]
    articles, errors, unmatched = parse_uploads(files)
    assert errors == [] and unmatched == ["missing.txt"]
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"a", "cnn_b"}  # the metadata file is not an article
    a = by_id["a"]
    assert (a.outlet, a.title, a.published, a.language, a.event) == (
        "Reuters",
        "Budget passes",
        "2024-11-08",
        "en",
        "same",
    )
    assert by_id["cnn_b"].outlet == "cnn"
    as_json = b'[{"file": "a.txt", "outlet": "Reuters", "date": "2024-11-08"}]'
    articles, errors, unmatched = parse_uploads([("a.txt", BODY), ("articles.json", as_json)])
    assert [(x.outlet, x.published) for x in articles] == [("Reuters", "2024-11-08")] and not unmatched


def test_an_articles_csv_with_text_is_articles_not_metadata():
    table = b"file,text\nx.txt,The council met on Monday. It voted on the budget.\n"
    articles, errors, unmatched = parse_uploads([("articles.csv", table)])
    assert len(articles) == 1 and not errors and not unmatched


def test_uploads_stop_at_the_collections_room():
    records = b"\n".join(b'{"text": "The council met. It voted on the budget."}' for _ in range(50))
    articles, errors, _ = parse_uploads([("many.jsonl", records)], room=3)
    assert len(articles) == 3
    assert len(errors) == 1 and "room for 3" in errors[0].message


def test_a_folder_reads_an_articles_json_beside_its_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(BODY)
    (tmp_path / "articles.json").write_text('[{"file": "a.txt", "outlet": "Reuters"}]', encoding="utf-8")
    result = load_paths([tmp_path])
    assert [(a.outlet, a.id) for a in result.articles] == [("Reuters", "a")] and not result.errors


def test_metadata_edits_are_checked_and_an_empty_value_clears():
    (article,) = parse_bytes("cnn_b.txt", BODY)
    edited = edit_metadata(article, {"outlet": " The  Guardian ", "published": "2024-11-08", "language": "sv"})
    assert (edited.outlet, edited.published, edited.language, edited.language_source) == (
        "The Guardian",
        "2024-11-08",
        "sv",
        "metadata",
    )
    cleared = edit_metadata(edited, {"language": "", "published": None, "event": ""})
    assert (cleared.language, cleared.language_source, cleared.published, cleared.event) == (None, None, None, None)
    for bad in ({"published": "next Tuesday"}, {"language": "Swedish!"}, {"event": "maybe"}):
        with pytest.raises(InputError):
            edit_metadata(article, bad)
