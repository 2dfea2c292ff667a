import pytest


@pytest.fixture(autouse=True)
def _private_collection_store(tmp_path, monkeypatch):
    """Every page test gets its own collections database, never the user's."""
    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "collections.db"))
