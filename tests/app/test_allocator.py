"""The server's allocator: when it restarts under jemalloc and with what environment. That a real
``streamlit run app.py`` server ends up under jemalloc is checked in tests/browser."""

from __future__ import annotations

import pytest

from app_pages import allocator


def test_the_restart_preloads_jemalloc_and_hands_it_pythons_small_objects():
    env = allocator.restart_environment({"PATH": "/usr/bin", "LD_PRELOAD": "libother.so"}, lambda: "libjemalloc.so.2")
    assert env["LD_PRELOAD"].split() == ["libjemalloc.so.2", "libother.so"]  # what was preloaded stays
    assert env["PYTHONMALLOC"] == "malloc"
    assert env["MALLOC_CONF"] == allocator.JEMALLOC_CONF
    assert env["PATH"] == "/usr/bin"
    # the restarted server does not restart again, nor look for the library again
    assert allocator.restart_environment(env, lambda: pytest.fail("looked for jemalloc again")) is None


def test_a_deployments_own_settings_are_kept():
    env = allocator.restart_environment({"MALLOC_CONF": "narenas:8"}, lambda: "libjemalloc.so.2")
    assert env["MALLOC_CONF"] == "narenas:8"
    assert "LD_PRELOAD" in env and env["LD_PRELOAD"] == "libjemalloc.so.2"
    assert allocator.restart_environment({allocator.CHOICE: "system"}, lambda: "libjemalloc.so.2") is None


def test_without_jemalloc_the_server_stays_as_it_started(monkeypatch):
    assert allocator.restart_environment({}, lambda: None) is None
    monkeypatch.delenv(allocator.CHOICE, raising=False)
    monkeypatch.setattr(allocator, "jemalloc_library", lambda: None)
    monkeypatch.setattr(allocator.os, "execve", lambda *a: (_ for _ in ()).throw(AssertionError("restarted")))
    allocator.restart_under_jemalloc()  # returns: nothing to restart under


def test_the_allocator_in_use_is_read_from_the_loaded_libraries(tmp_path):
    maps = tmp_path / "maps"
    maps.write_text("7f00-7f01 r-xp 00000000 08:01 42 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2\n")
    assert allocator.in_use(maps) == "jemalloc"
    maps.write_text("7f00-7f01 r-xp 00000000 08:01 42 /usr/lib/x86_64-linux-gnu/libc.so.6\n")
    assert allocator.in_use(maps) != "jemalloc"
    assert allocator.in_use(tmp_path / "missing") != "jemalloc"
