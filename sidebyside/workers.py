"""Both cores for the big stages: a stage's tasks shared between this process and forked copies.

`run(fn, count)` is `[fn(i) for i in range(count)]`, the tasks dealt round-robin to this process
and WORKERS - 1 forked children (os.fork: each child starts with the comparison as it stands, and
sends back its results, pickled, through a pipe). The results come back in task order, so the
caller merges them exactly as the serial loop would; `fn` must be a pure function of the task
(what a child changes of the comparison, a cache, is not seen by this process).

Everything falls back to the serial loop, in this process, when forking cannot help or is not
safe: one core; a platform without fork; SIDEBYSIDE_WORKERS=1; a call from any thread but the
main one, or while other threads run (the app compares in a worker thread: a child forked there
would inherit locks other threads hold); a child that cannot be started, or fails (its tasks are
then done here). Callers use it only past a size where the work outweighs a fork (some 50 ms at
half a gigabyte), so small folders never fork.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

ENV = "SIDEBYSIDE_WORKERS"  # how many processes a stage may use ("1": never fork)
MAX_WORKERS = 4

R = TypeVar("R")


def count() -> int:
    """How many processes a stage may use: the cores this process may run on (at most
    MAX_WORKERS), or SIDEBYSIDE_WORKERS."""
    env = os.environ.get(ENV, "").strip()
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            pass
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def can_fork() -> bool:
    """Forking is safe here: the main thread, no other thread running, and children can be
    waited for (a program started with SIGCHLD ignored has its children reaped for it)."""
    return (hasattr(os, "fork") and threading.current_thread() is threading.main_thread()
            and threading.active_count() == 1
            and signal.getsignal(signal.SIGCHLD) is not signal.SIG_IGN)


# Signals held while a child is forked and recorded: Ctrl-C (or a SIGTERM) then never lands in the
# child before it has set its own handling, nor in this process before it knows the child.
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held() -> Iterator[None]:
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def run(fn: Callable[[int], R], tasks: int, progress: Callable[[int], None] | None = None,
        parallel: bool = True) -> list[R]:
    """[fn(i) for i in range(tasks)], shared among processes when that is possible (and
    `parallel`: the caller's size threshold is met). `progress(i)` is called, in this process
    only, before each task this process does."""
    k = min(count(), tasks) if parallel and can_fork() else 1
    if k < 2:
        return [_step(fn, i, progress) for i in range(tasks)]
    children: list[tuple[int, int, int]] = []  # (worker, pid, read end of its pipe)
    try:
        for w in range(1, k):
            with _signals_held():
                started = _fork(fn, w, k, tasks)
                if started is not None:
                    children.append((w, *started))
            if started is None:
                break
        results: list = [None] * tasks
        for i in range(0, tasks, k):
            results[i] = _step(fn, i, progress)
        done = {0}
        for w, pid, fd in children:
            out = _collect(pid, fd)
            if out is not None and len(out) == len(range(w, tasks, k)):
                for i, r in zip(range(w, tasks, k), out, strict=True):
                    results[i] = r
                done.add(w)
        for w in range(1, k):  # a child that could not start or failed: its tasks, here
            if w not in done:
                for i in range(w, tasks, k):
                    results[i] = fn(i)
        return results
    finally:
        for _, pid, fd in children:
            _reap(pid, fd)


class Later:
    """`fn()` worked out in a forked child while this process goes on (`parallel`, and forking
    possible), else when `result()` asks for it, here. Use as a context manager: leaving it
    reaps the child, killed if its result was never asked for."""

    def __init__(self, fn: Callable[[], R], parallel: bool = True) -> None:
        self.fn = fn
        self.child = None
        if parallel and count() > 1 and can_fork():
            with _signals_held():
                self.child = _fork(lambda _: fn(), 0, 1, 1)

    @property
    def forked(self) -> bool:
        return self.child is not None

    def result(self) -> R:
        if self.child is not None:
            pid, fd = self.child
            self.child = None
            try:
                out = _collect(pid, fd)
            finally:
                _reap(pid, fd)
            if out is not None and len(out) == 1:
                return out[0]
        return self.fn()  # no child, or it failed: here

    def __enter__(self) -> Later:
        return self

    def __exit__(self, *exc) -> None:
        if self.child is not None:
            _reap(*self.child)
            self.child = None


def _step(fn: Callable[[int], R], i: int, progress: Callable[[int], None] | None) -> R:
    if progress is not None:
        progress(i)
    return fn(i)


def _fork(fn: Callable[[int], R], w: int, k: int, tasks: int) -> tuple[int, int] | None:
    """Start worker w (of k): it does tasks w, w + k, ... and writes their results to a pipe.
    Returns (pid, read end), or None when no process could be started."""
    try:
        r, wr = os.pipe()
    except OSError:
        return None
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(wr)
        return None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            _child_signals(parent)
            os.close(r)
            data = pickle.dumps([fn(i) for i in range(w, tasks, k)], protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(wr, view):]
            code = 0
        except BaseException:  # noqa: BLE001 - the parent redoes the tasks
            pass
        finally:
            os._exit(code)
    os.close(wr)
    return pid, r


def _child_signals(parent: int) -> None:
    """A child ignores Ctrl-C (its parent stops it), dies with a SIGTERM, and is killed when its
    parent dies (Linux: PR_SET_PDEATHSIG), never left running alone; then the held signals are
    let through."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def _collect(pid: int, fd: int) -> list | None:
    """A child's results, or None if it failed."""
    chunks = []
    try:
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError:
        return None
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # reaped by someone else (a SIGCHLD handler): its tasks, here
        return None
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        if os.environ.get(ENV + "_DEBUG"):
            print(f"sidebyside: a worker process failed ({status}); its tasks are done again",
                  file=sys.stderr)
        return None
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - a truncated result: the tasks are done again here
        return None


def _reap(pid: int, fd: int) -> None:
    """Close a child's pipe and make sure it has exited (killed if this process failed first)."""
    try:
        os.close(fd)
    except OSError:
        pass
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            import signal

            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # reaped already (`_collect`)
    except OSError:
        pass
