"""The package version, read by ``pyproject.toml`` and part of the engine fingerprint: raise it
with every release that can change a score."""

__version__ = "0.3.0"
