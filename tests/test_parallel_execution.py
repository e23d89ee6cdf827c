"""Parallel execution survives a kernel that dies at start-up, and still fails on a real error;
each chapter's kernel talks over Unix sockets (no TCP port to race for) and is shut down."""

from __future__ import annotations

import pytest
from jupyter_cache.executors import utils

from kzbuild import build
from kzbuild.chapters import chapters


class _Result:
    time, err, exc_string = 0.1, None, None


def test_a_kernel_that_dies_at_start_is_started_again(monkeypatch):
    calls = []

    def flaky(nb, **kwargs):
        calls.append(kwargs["cwd"])
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return _Result()

    monkeypatch.setattr(utils, "single_nb_execution", flaky)
    monkeypatch.setattr(build.time, "sleep", lambda s: None)
    path_str, nb, seconds, error = build._execute(str(chapters()[0]))
    assert len(calls) == 2 and error is None and seconds == 0.1


def test_other_errors_are_not_retried(monkeypatch):
    calls = []

    def broken(nb, **kwargs):
        calls.append(1)
        raise RuntimeError("something else")

    monkeypatch.setattr(utils, "single_nb_execution", broken)
    with pytest.raises(RuntimeError, match="something else"):
        build._execute(str(chapters()[0]))
    assert len(calls) == 1


def test_a_kernel_that_keeps_dying_fails_the_build(monkeypatch):
    def dead(nb, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(utils, "single_nb_execution", dead)
    monkeypatch.setattr(build.time, "sleep", lambda s: None)
    with pytest.raises(RuntimeError, match="Kernel died"):
        build._execute(str(chapters()[0]))


def test_a_chapter_kernel_uses_unix_sockets_and_is_shut_down(monkeypatch):
    import os

    import psutil

    seen = {}
    real = utils.single_nb_execution

    def spy(nb, **kwargs):
        km = kwargs["km"]
        result = real(nb, **kwargs)
        seen.update(
            transport=km.transport,
            folder=os.path.dirname(km.ip),
            alive=km.is_alive(),
            pid=km.provisioner.pid if km.provisioner else None,
        )
        return result

    monkeypatch.setattr(utils, "single_nb_execution", spy)
    chapter = next(c for c in chapters() if c.name == "cite.md")
    path_str, nb, seconds, error = build._execute(str(chapter))
    assert error is None and seconds > 0
    assert seen["transport"] == "ipc" and seen["alive"]
    assert not os.path.exists(seen["folder"]), "the kernel's socket folder was left behind"
    pid = seen["pid"]
    assert pid, "no kernel process was started"
    gone = not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert gone, "the kernel was left running"


def test_longest_chapters_start_first():
    """Last run's seconds when known, else the size of the chapter's code, decide the order."""
    by_name = {c.name: c for c in chapters()}
    survey, cite = by_name["survey.md"], by_name["cite.md"]
    assert build.longest_first([cite, survey], {}) == [survey, cite]  # survey has far more code
    seconds = {"book/cite.md": 9.0, "book/survey.md": 1.0}
    assert build.longest_first([survey, cite], seconds) == [cite, survey]
