"""sidebyside/workers.py: tasks shared with forked processes come back in order, and every case
where forking is not possible or fails gives the serial result."""

import os
import threading

import pytest

from sidebyside import workers

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork")


@needs_fork
def test_run_keeps_task_order_across_processes(monkeypatch):
    monkeypatch.setenv(workers.ENV, "3")
    parent = os.getpid()
    out = workers.run(lambda i: (i * i, os.getpid() == parent), 10)
    assert [v for v, _ in out] == [i * i for i in range(10)]
    assert not all(here for _, here in out)  # some were done by children


@needs_fork
def test_a_failing_child_has_its_tasks_done_here(monkeypatch):
    monkeypatch.setenv(workers.ENV, "2")
    parent = os.getpid()

    def fn(i):
        if os.getpid() != parent:
            raise RuntimeError("child fails")
        return i + 1

    assert workers.run(fn, 5) == [1, 2, 3, 4, 5]


def test_serial_when_told_or_small(monkeypatch):
    parent = os.getpid()
    monkeypatch.setenv(workers.ENV, "1")
    assert workers.run(lambda i: os.getpid() == parent, 4) == [True] * 4
    monkeypatch.setenv(workers.ENV, "2")
    assert workers.run(lambda i: os.getpid() == parent, 4, parallel=False) == [True] * 4


def test_serial_in_a_worker_thread(monkeypatch):
    """The app compares in a worker thread: never a fork there."""
    monkeypatch.setenv(workers.ENV, "2")
    parent = os.getpid()
    seen = []
    t = threading.Thread(target=lambda: seen.extend(workers.run(lambda i: os.getpid() == parent, 4)))
    t.start()
    t.join()
    assert seen == [True] * 4


@needs_fork
def test_progress_is_called_here_only(monkeypatch):
    monkeypatch.setenv(workers.ENV, "2")
    called = []
    workers.run(lambda i: i, 6, progress=called.append)
    assert called == [0, 2, 4]  # this process's tasks (the child's progress is not seen)


@needs_fork
def test_later_works_in_a_child_or_here(monkeypatch):
    monkeypatch.setenv(workers.ENV, "2")
    parent = os.getpid()
    with workers.Later(lambda: (42, os.getpid() == parent)) as later:
        assert later.forked
        assert later.result() == (42, False)
    with workers.Later(lambda: (42, os.getpid() == parent), parallel=False) as later:
        assert not later.forked
        assert later.result() == (42, True)


@needs_fork
def test_later_child_failing_is_done_here(monkeypatch):
    monkeypatch.setenv(workers.ENV, "2")
    parent = os.getpid()

    def fn():
        if os.getpid() != parent:
            os._exit(3)
        return "here"

    with workers.Later(fn) as later:
        assert later.result() == "here"


@needs_fork
def test_later_never_asked_is_reaped(monkeypatch):
    monkeypatch.setenv(workers.ENV, "2")
    with workers.Later(lambda: __import__("time").sleep(30)) as later:
        pid = later.child[0]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@needs_fork
def test_serial_when_children_are_reaped_for_us(monkeypatch):
    """A program started with SIGCHLD ignored (servers often leave it so) cannot wait for its
    children: no fork then, and the tasks are done here (it failed with 'No child processes')."""
    import signal

    monkeypatch.setenv(workers.ENV, "2")
    parent = os.getpid()
    old = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert not workers.can_fork()
        assert workers.run(lambda i: (i, os.getpid() == parent), 3) == [(0, True), (1, True),
                                                                         (2, True)]
        with workers.Later(lambda: os.getpid() == parent) as later:
            assert not later.forked and later.result() is True
    finally:
        signal.signal(signal.SIGCHLD, old)


@needs_fork
def test_a_child_ignores_ctrl_c_and_dies_with_its_parent(monkeypatch):
    """Ctrl-C reaches the whole process group: a child ignores it (the parent stops it), and a
    child is killed when its parent dies (Linux), never left running alone."""
    import ctypes
    import signal
    import sys

    monkeypatch.setenv(workers.ENV, "2")

    def state():
        death = ctypes.c_int(0)
        if sys.platform.startswith("linux"):
            ctypes.CDLL(None).prctl(2, ctypes.byref(death), 0, 0, 0)  # PR_GET_PDEATHSIG
        return signal.getsignal(signal.SIGINT) is signal.SIG_IGN, death.value

    with workers.Later(state) as later:
        assert later.forked
        ignores, death = later.result()
    assert ignores
    if sys.platform.startswith("linux"):
        assert death == signal.SIGKILL
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN  # this process: unchanged


@needs_fork
def test_the_engine_forks_only_within_its_sizes(monkeypatch):
    """Between OVERLAP_FROM and OVERLAP_TO matched sentences the engine works beside forked
    processes, with the same results as one process; past OVERLAP_TO (memory) and under
    OVERLAP_FROM (a fork would cost more than it saves) it never forks."""
    from sidebyside import engine, report

    monkeypatch.setenv(workers.ENV, "2")
    forks = []
    real = workers._fork
    monkeypatch.setattr(workers, "_fork", lambda *a: forks.append(1) or real(*a))

    def run():
        c = engine.compare_folder(engine.demo_folder(), use_cache=False)
        c.timings = {}
        return report.to_json(c)

    serial = run()
    assert not forks  # the demo is small
    monkeypatch.setattr(engine, "OVERLAP_FROM", 1)
    assert run() == serial and forks
    forks.clear()
    monkeypatch.setattr(engine, "OVERLAP_TO", 10)
    assert run() == serial and not forks
