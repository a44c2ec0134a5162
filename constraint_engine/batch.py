"""Runs of many scenarios in several processes (the engine holds the GIL, so threads would not help):
chunks go to a pool of workers, each with its own Runner; results come back in order, and a worker
that dies takes only its own chunk with it (each scenario of it is retried alone)."""

from __future__ import annotations

import collections
import contextlib
import itertools
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from .features import ScenarioSpec
from .running import Runner, ScenarioResult

# -- several processes: the engine holds the GIL, so threads would not help -----------------------------

_WORKER: Runner | None = None
_CHUNK = 64


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER
    # A worker forked while the parent held signals (signals_held) inherits the mask: take it off first.
    with contextlib.suppress(AttributeError, ValueError):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork: just end
    _die_with_parent()
    _WORKER = Runner(**options)


def _die_with_parent() -> None:
    """On Linux, have the kernel end this worker if its parent dies, so no worker is ever left orphaned."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # elsewhere the parent's own cleanup has to do
        pass


def _run_chunk(specs: list[ScenarioSpec], how: dict[str, Any]) -> list[Any]:
    """Run a chunk; with a `render` function, return (status, rendered) pairs, which pickle far faster."""
    results = [
        worker().run(s, with_cures=how["with_cures"], brief=how["brief"], strict=how["strict"]) for s in specs
    ]
    render = how.get("render")
    return [(r.status, render(r)) for r in results] if render else results


def _died(specs: list[ScenarioSpec], how: dict[str, Any]) -> list[Any]:
    """The results of scenarios whose worker process died twice: errors that say so, never a verdict."""
    out: list[Any] = []
    for spec in specs:
        message = f"{spec.location}: worker died: the process evaluating this scenario was killed, twice."
        result = ScenarioResult(spec, "error", None, [message])
        out.append((result.status, how["render"](result)) if how.get("render") else result)
    return out


def _chunks(specs: Iterable[ScenarioSpec]) -> Iterator[list[ScenarioSpec]]:
    """The scenarios in chunks of _CHUNK, taken from the iterable as they are needed."""
    it = iter(specs)
    while chunk := list(itertools.islice(it, _CHUNK)):
        yield chunk


def run_in_processes(
    specs: Iterable[ScenarioSpec],
    jobs: int,
    options: dict[str, Any],
    *,
    with_cures: bool = False,
    brief: bool = False,
    strict: bool = False,
    render: Any = None,
) -> Iterator[Any]:
    """Run scenarios in `jobs` worker processes; results come back, as they are done, in the order of `specs`.

    `options` are the Runner's keyword arguments (rules_dir, today, settings, assumptions): each worker
    loads and compiles the law once. With `render` (a module-level function of a ScenarioResult), the
    workers render and return (status, rendered) pairs instead of results. At most `jobs` x 4 chunks are in
    flight at once (F09: submitting every chunk up front held a 40,000-row Outline's results in the parent,
    1.42 GB); each chunk's results are handed on before more work is submitted. If a worker dies, every
    chunk not finished is run again, each in a pool of its own; a chunk whose worker dies again gives error
    results.
    """
    from concurrent.futures.process import BrokenProcessPool

    how = {"with_cures": with_cures, "brief": brief, "strict": strict, "render": render}
    chunks = _chunks(specs)
    window = max(2, jobs * 4)
    pending: collections.deque[tuple[list[ScenarioSpec], Any]] = collections.deque()
    broken = False
    with _stopped_on_exit(worker_pool(jobs, options)) as pool:

        def submit_more() -> None:
            while not broken and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                with signals_held():
                    pending.append((chunk, pool.submit(_run_chunk, chunk, how)))

        submit_more()
        while pending:
            chunk, future = pending.popleft()
            results = None
            if not broken:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
            if results is None:
                results = _alone(chunk, how, options)
            yield from results
            submit_more()
    for chunk in chunks:  # after a worker died: the chunks never submitted, each alone
        yield from _alone(chunk, how, options)


def _alone(chunk: list[ScenarioSpec], how: dict[str, Any], options: dict[str, Any]) -> list[Any]:
    """A chunk run again in a pool of its own, after a worker died; error results if it dies again."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        with _stopped_on_exit(worker_pool(1, options)) as alone:
            with signals_held():
                future = alone.submit(_run_chunk, chunk, how)
            return list(future.result())
    except BrokenProcessPool:
        return _died(chunk, how)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while work is handed to a pool: the pool does it under a lock that its own
    shutdown takes again, so an interrupt inside it would leave the command waiting for ever. A signal that
    arrives meanwhile is delivered when the block ends."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError):  # no pthread_sigmask here, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _stopped_on_exit:
    """A worker pool that, when left by an exception (an interrupt, SIGTERM), ends its workers at once
    instead of waiting for them to finish their chunks."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    def __enter__(self) -> Any:
        return self.pool.__enter__()

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if kind is not None:
            self._stop()
            return
        try:  # an interrupt can come while the pool is being shut down normally, too
            self.pool.__exit__(kind, exc, tb)
        except BaseException:
            self._stop()
            raise

    def _stop(self) -> None:
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)


def worker_pool(jobs: int, options: dict[str, Any]) -> Any:
    """Worker processes, each with a Runner of its own (`worker()`); forked where the system can."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(options,))


def worker() -> Runner:
    """This worker process's Runner."""
    assert _WORKER is not None, "not in a worker process"
    return _WORKER
