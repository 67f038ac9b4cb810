"""A process pool that builds records (``record.built_record``: extraction and normalization)
off the reactor thread.

Extraction costs tens of milliseconds of CPU a page; run in the reactor thread it blocks
every download while it runs. The pool sends the ``FetchedPage`` (the body as bytes and a
few small fields) and the site's ``RecordOptions`` to a worker process, which decodes,
extracts and normalizes it, and gets the ``BuiltRecord`` back, both pickled once. Bytes rather than text: decoding is part of
the work taken off the reactor, and bytes pickle as a plain copy where text is encoded to
UTF-8 on one side and decoded again on the other. The worker also computes the record's
content digest (the archive's exact fingerprint and MinHash signature, ``PooledRecord``), so
the reactor thread only looks it up in the index.

Workers are never ``fork``ed from the crawl process, which runs a reactor and its threads
(a fork copies locks other threads hold, and the reactor's file descriptors). They come
from a fork server (``forkserver``): a fresh interpreter, started with fork+exec as any
subprocess is, that imports the extraction code once (``PRELOAD``; never Scrapy or Twisted),
runs no reactor and no thread, and forks a worker each time the pool asks for one. A worker
starts in milliseconds with that code already imported, where a ``spawn``ed one imported it
again (~0.35 s of CPU each, at the start of every crawl). ``start_fork_server`` starts it
early, while Scrapy starts up, so the imports run beside Scrapy's on another core. On a
platform without ``forkserver`` the workers are ``spawn``ed. Either way each worker leaves
when the crawl process is gone (``start_worker``).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar

from ..archive.fingerprint import ContentDigest, content_digest
from ..extract.encoding import decode_html
from ..extract.errors import ExtractionError
from ..items import FetchedPage
from ..record import BuiltRecord, RecordOptions, built_record

if TYPE_CHECKING:
    from ..extract.page import PageInput

logger = logging.getLogger(__name__)
Job = TypeVar("Job")

#: What the fork server imports before it forks any worker: this module, the extraction and
#: normalization code (record.py imports it only when it first builds a record, which the
#: crawl process never does) and the MinHash code (numpy) of the content digest.
PRELOAD = ("newscrawl.pipelines.pool", "newscrawl.extract.page", "newscrawl.normalize.article",
           "newscrawl.archive.minhash")


@dataclass(kw_only=True)
class PooledRecord(BuiltRecord):
    """A built record and its content digest, computed where the record was built."""

    digest: ContentDigest


#: What a worker sends back: the record, or the reason code and detail of an ExtractionError.
Outcome = BuiltRecord | tuple[str, str]


class WorkerCrashed(Exception):
    """The worker process died while extracting this page, alone in a process of its own."""

    code = "extract-worker-crashed"


def page_input(page: FetchedPage) -> PageInput:
    """The extraction input of a fetched page, its body decoded (charset, BOM, mojibake)."""
    from ..extract.page import PageInput  # noqa: PLC0415 - the crawl process never builds one

    return PageInput(
        url=page.final_url or page.url,
        html=decode_html(page.body, page.headers.get("content-type")),
        headers=page.headers,
        fetched_at=datetime.fromisoformat(page.fetched_at.replace("Z", "+00:00")),
        hints=page.hints,
        discovered_via=page.discovered_via,
    )


def extract_outcome(page: PageInput | FetchedPage, options: RecordOptions = RecordOptions()) -> Outcome:
    """Build one record and its content digest (a ``PooledRecord``); an ExtractionError comes
    back as (code, detail), which pickles simply."""
    try:
        built = built_record(page_input(page) if isinstance(page, FetchedPage) else page, options)
    except ExtractionError as exc:
        return (exc.code, exc.detail)
    article = built.article
    return PooledRecord(article=article, events=built.events,
                        digest=content_digest(article.headline, article.articleBody, article.dateModified))


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is None:  # not a pool worker (the initializer called directly)
        return
    parent.join()  # returns when the crawl process's end of the pipe closes: it is gone
    os._exit(0)  # the crawl process died (SIGKILL leaves no time to stop the pool)


def start_worker() -> None:
    """Pool initializer: the worker leaves when the crawl process that started it is gone.

    That process is the one that asked for the worker, not its parent in the process tree
    (the fork server, which stays up while any worker holds its pipe): ``parent_process()``
    watches the pipe the crawl process holds, under ``spawn`` and ``forkserver`` alike.
    The extraction code is imported by now (this module imports it): its objects live as long
    as the worker, so the collector stops walking them (see extensions/gcfreeze.py).
    """
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    gc.collect()
    gc.freeze()


def start_fork_server() -> bool:
    """Start the fork server now, with ``PRELOAD`` imported in it; False where the platform
    has no ``forkserver`` (workers are then spawned). Does nothing once it is running.

    Call it before the work that should overlap its imports (the crawl command does, before
    Scrapy loads its spiders and components). It is a fresh interpreter (fork+exec), so this
    is safe in a process that runs threads; it stops when the process that started it exits.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    from multiprocessing import forkserver  # noqa: PLC0415 - only where the platform has it

    forkserver.set_forkserver_preload(list(PRELOAD))  # read when the server starts
    forkserver.ensure_running()
    return True


def worker_context() -> BaseContext:
    """The start method of pool workers: the fork server (started here if need be), else spawn."""
    if start_fork_server():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=worker_context(), initializer=start_worker)


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ready() -> bool:
    """Nothing to do: unpickling this call has imported the extraction code in the worker."""
    return True


class ExtractionPool:
    """``await pool.extract(page)``: the outcome of one page, computed in a worker process."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"ExtractionPool needs at least one worker, got {workers}")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self.restarts = 0

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = _executor(self.workers)
        return self._executor

    def start(self) -> threading.Thread:
        """Start every worker now, so they are ready at the first page, from a thread of its own.

        Asking the fork server for a process waits until it answers, which it does once its
        imports are done; the reactor thread meanwhile sends the first requests. (A spawned
        worker's start waits too, for the new interpreter.)
        """
        executor = self._pool()

        def start_all() -> None:
            try:
                for _ in range(self.workers):
                    executor.submit(_ready)
            except RuntimeError:  # closed before every worker had started
                return

        starter = threading.Thread(target=start_all, name="extraction-pool-start", daemon=True)
        starter.start()
        return starter

    async def extract(self, page: PageInput | FetchedPage, options: RecordOptions = RecordOptions()) -> Outcome:
        """The outcome of ``page``; a dead worker costs a fresh pool and one isolated retry."""
        executor = self._pool()
        try:
            return await asyncio.wrap_future(executor.submit(extract_outcome, page, options))
        except BrokenProcessPool:
            # Every page in flight on a broken pool fails, not only the one that killed it.
            # Each is retried alone in a process of its own, so the culprit cannot take the
            # others down a second time; only a page that kills its own process is dropped.
            self._replace(executor)
            logger.warning("Extraction worker died; retrying %s in a process of its own", page.url)
        return await self._isolated(page, options)

    async def _isolated(self, page: PageInput | FetchedPage, options: RecordOptions) -> Outcome:
        alone = _executor(1)
        try:
            return await asyncio.wrap_future(alone.submit(extract_outcome, page, options))
        except BrokenProcessPool:
            raise WorkerCrashed(f"the extraction process died on {page.url}") from None
        finally:
            alone.shutdown(wait=False)

    def imap(self, function: Callable[[Job], Any], jobs: Iterable[Job], *, window: int | None = None,
             on_crash: Callable[[Job, WorkerCrashed], Any]) -> Iterator[Any]:
        """``function(job)`` for every job, in order, for a command-line run (no event loop).

        At most ``window`` jobs are in flight, so a 1 GB WARC read lazily stays a few pages in
        memory. A dead worker costs a fresh pool and one isolated retry of each job in flight,
        as in ``extract``; a job that kills its own process gives ``on_crash(job, error)``.
        """
        limit = window or self.workers * 8
        pending: deque[tuple[Job, Future[Any]]] = deque()
        for job in jobs:
            pending.append((job, self._pool().submit(function, job)))
            if len(pending) >= limit:
                yield self._result(*pending.popleft(), function, on_crash)
        while pending:
            yield self._result(*pending.popleft(), function, on_crash)

    def _result(self, job: Job, future: Future[Any], function: Callable[[Job], Any],
                on_crash: Callable[[Job, WorkerCrashed], Any]) -> Any:
        try:
            return future.result()
        except BrokenProcessPool:
            # the futures still pending on the broken pool fail too: replace it only once
            if self._executor is not None and getattr(self._executor, "_broken", False):
                self._replace(self._executor)
        alone = _executor(1)
        try:
            return alone.submit(function, job).result()
        except BrokenProcessPool:
            return on_crash(job, WorkerCrashed("the extraction process died"))
        finally:
            alone.shutdown(wait=False)

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is broken:
            self._executor = None
            self.restarts += 1
            broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers, waiting for them to exit."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
