#!/usr/bin/env python
"""Precision of the actors and labels found automatically, on a hand-made gold standard.

    python scripts/actor_precision.py [--all]

The gold standard (tests/fixtures/actors_gold.json) names, for the seeds and the fixture events,
every actor a reader would name with its kind and spellings, and every label an outlet gives it.
An actor found is right when its name is a spelling of one gold actor, its kind is that actor's,
and none of its spellings belongs to another gold actor (no merge). A label is right when it is
one of the gold labels of the actor it is given to. ``--all`` also counts actors named fewer than
``Config.actor_min_mentions`` times (the list the Actors page starts from leaves them out).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "tests" / "fixtures" / "actors_gold.json"


def measure(min_mentions: int | None = None) -> dict:
    import framing
    from framing.compare.actors import discover, mentions

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    config = (
        framing.DEFAULT_CONFIG
        if min_mentions is None
        else framing.DEFAULT_CONFIG.with_(actor_min_mentions=min_mentions)
    )
    actors_right = actors_found = labels_right = labels_found = 0
    wrong: list[str] = []
    for folder, expected in gold.items():
        if folder.startswith("_"):
            continue
        report = framing.analyze([ROOT / folder])
        owner = {}  # spelling -> gold actor
        for name, (_kind, *spellings) in expected["actors"].items():
            for spelling in (name, *spellings):
                owner[spelling] = name
        specs = discover(report, config)
        for spec in specs:
            actors_found += 1
            golds = {owner.get(a) for a in spec.aliases}
            target = owner.get(spec.name)
            ok = target is not None and expected["actors"][target][0] == spec.kind and golds == {target}
            actors_right += ok
            if not ok:
                wrong.append(f"{folder}: actor {spec.name} ({spec.kind}; {', '.join(spec.aliases)})")
        for actor, label in sorted({(m.actor, m.label) for m in mentions(report, specs, config) if m.label}):
            labels_found += 1
            target = owner.get(actor)
            ok = target is not None and label.lower() in expected.get("labels", {}).get(target, [])
            labels_right += ok
            if not ok:
                wrong.append(f"{folder}: label {label!r} of {actor}")
    return {
        "actor precision": actors_right / max(1, actors_found),
        "actors found": actors_found,
        "label precision": labels_right / max(1, labels_found),
        "labels found": labels_found,
        "wrong": wrong,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="also actors named fewer than three times")
    args = parser.parse_args(argv)
    result = measure(1 if args.all else None)
    print(
        f"actors: precision {result['actor precision']:.3f} of {result['actors found']} found; "
        f"labels: precision {result['label precision']:.3f} of {result['labels found']} found"
    )
    for line in result["wrong"]:
        print("  wrong:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
