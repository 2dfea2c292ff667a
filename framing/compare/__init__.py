"""Comparison across a collection of articles about one event.

- ``relative``: each metric against the median of the other articles (relative framing);
- ``align``: which sentences of two articles say the same thing;
- ``lineage``: who rewrote, translated or copied whom, with evidence;
- ``coverage``: the event's facts × articles, and what each article leaves out;
- ``diff``: the words a rewrite inserted, removed or changed in aligned passages;
- ``actors``: people and organisations, how each outlet labels them, the tone towards them (``framing.tone_towards``).
"""

from .relative import relative_framing

__all__ = ["Comparison", "compare", "relative_framing"]


def __getattr__(name):  # the comparison engine loads scipy; import it only when asked
    if name in ("Comparison", "compare"):
        from . import comparison

        return getattr(comparison, name)
    raise AttributeError(name)
