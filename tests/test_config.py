"""The configuration fingerprint keys score caches: it must follow scoring settings only."""

from framing.config import DEFAULT_CONFIG, LOADING_LIMITS


def test_loading_limits_do_not_change_the_fingerprint_but_thresholds_do():
    base = DEFAULT_CONFIG.fingerprint()
    for name in LOADING_LIMITS:
        assert DEFAULT_CONFIG.with_(**{name: getattr(DEFAULT_CONFIG, name) * 2}).fingerprint() == base
    assert DEFAULT_CONFIG.with_(tone_pos_threshold=0.1).fingerprint() != base
    assert DEFAULT_CONFIG.with_(max_sentence_words=60).fingerprint() != base
