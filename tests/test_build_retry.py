"""Parallel execution survives a kernel that dies at start-up (two kernels started at the same
moment can race for the same TCP ports), and still fails on a real error."""

from __future__ import annotations

import pytest
from jupyter_cache.executors import utils

from kzdecentral import build


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
    path_str, nb, seconds, error = build._execute(str(build.chapters()[0]))
    assert len(calls) == 2 and error is None and seconds == 0.1


def test_other_errors_are_not_retried(monkeypatch):
    calls = []

    def broken(nb, **kwargs):
        calls.append(1)
        raise RuntimeError("something else")

    monkeypatch.setattr(utils, "single_nb_execution", broken)
    with pytest.raises(RuntimeError, match="something else"):
        build._execute(str(build.chapters()[0]))
    assert len(calls) == 1


def test_a_kernel_that_keeps_dying_fails_the_build(monkeypatch):
    def dead(nb, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(utils, "single_nb_execution", dead)
    monkeypatch.setattr(build.time, "sleep", lambda s: None)
    with pytest.raises(RuntimeError, match="Kernel died"):
        build._execute(str(build.chapters()[0]))
