"""`digest run`: the service that polls every feed on its interval and sends each digest on its
cron schedule, for as long as it is left running.

A thin layer over the pipeline: APScheduler 3 decides *when*, digest.pipeline does the work.
Jobs live in APScheduler's SQLAlchemy job store, in the same database as the articles (the
table `digest_scheduler_jobs`, built by the migrations), so a restart picks up where the last
process stopped: a digest whose time passed while the machine was off runs once when it is back
(coalesce, within the misfire grace time), never once per missed time.

    poll:<hash of url>   one per enabled feed, every `every` (+ jitter), thread pool "default"
    digest:<name>        one per digest, its cron line in the configured time zone, "digests"
    resume:<name>        one-off: deliver runs left pending by a crash or a failed target

Signals: SIGTERM and SIGINT stop the service after the jobs already running finish (a digest
waiting between delivery attempts stops waiting; its run is resumed at the next start);
SIGHUP reads feeds.yaml again and adds, changes and removes jobs to match it.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from apscheduler.events import EVENT_SCHEDULER_STARTED, SchedulerEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.interval import IntervalTrigger

from digest import pipeline
from digest.config import Config, DigestConfig, cron_trigger, load_config
from digest.errors import DeliveryError, DigestError
from digest.fetch import make_client
from digest.store import Store, open_store, scheduler_jobs

log = logging.getLogger("digest.service")

POLL_WORKERS = 4
# The most a poll is moved from its slot, and the window over which new feeds' first polls are
# spread: a tenth of the interval, at most a minute. 200 feeds never fire in the same second.
MAX_SPREAD = timedelta(minutes=1)
# After every attempt of a delivery failed, the run is tried again this much later.
RETRY_LATER = timedelta(hours=1)

# APScheduler pickles a job as a reference to a module-level function and its arguments, so the
# jobs below find the running service here rather than carrying it.
_service: Service | None = None


@dataclass(frozen=True)
class JobSpec:
    """A job as feeds.yaml wants it. `name` spells out the settings: a job whose stored name
    differs was configured differently and is replaced."""

    id: str
    name: str
    func: Callable[..., None]
    arg: str
    trigger: Any
    executor: str
    misfire_grace_time: int
    first_run: datetime | None = None


def spread(interval: timedelta) -> float:
    return min(interval / 10, MAX_SPREAD).total_seconds()


def wanted_jobs(config: Config, now: datetime, rng: random.Random) -> dict[str, JobSpec]:
    """The poll and digest jobs feeds.yaml asks for, by job id."""
    zone = ZoneInfo(config.timezone)
    jobs: dict[str, JobSpec] = {}
    for feed in config.feeds:
        if not feed.enabled:
            continue
        seconds = feed.interval.total_seconds()
        jitter = spread(feed.interval)
        trigger = IntervalTrigger(seconds=seconds, jitter=max(1, int(jitter)), timezone=zone)
        jobs[pipeline.poll_job_id(feed.url)] = JobSpec(
            id=pipeline.poll_job_id(feed.url), name=f"poll {feed.url} every {feed.every}",
            func=poll_job, arg=feed.url, trigger=trigger, executor="default",
            misfire_grace_time=int(seconds),
            first_run=now + timedelta(seconds=rng.uniform(0, jitter)))
    for digest in config.digests:
        jobs[pipeline.digest_job_id(digest.name)] = JobSpec(
            id=pipeline.digest_job_id(digest.name),
            name=f"digest {digest.name} at '{digest.schedule}' ({config.timezone})",
            func=digest_job, arg=digest.name,
            trigger=cron_trigger(digest.schedule, config.timezone), executor="digests",
            # Later than one period, the next run covers the missed one anyway.
            misfire_grace_time=int(digest.period_length.total_seconds()))
    return jobs


class Service:
    """One running `digest run`: the configuration, the store, the scheduler, the HTTP client."""

    def __init__(self, config_path: Path) -> None:
        self.config_path = config_path
        self.config: Config = load_config(config_path)
        # A missing SMTP password is said at start, not at the first delivery hours later.
        pipeline.check_secrets(self.config)
        self.store: Store = open_store(self.config.store_url)
        self.client: httpx.Client = make_client()
        self.stopping = threading.Event()
        self._stopper: threading.Thread | None = None
        self._reload_lock = threading.Lock()
        zone = ZoneInfo(self.config.timezone)
        self.scheduler = BlockingScheduler(
            jobstores={"default": SQLAlchemyJobStore(engine=self.store.engine,
                                                     tablename=scheduler_jobs.name)},
            executors={"default": ThreadPoolExecutor(POLL_WORKERS),
                       # one at a time: two runs of digests never interleave their records
                       "digests": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=zone)
        self.scheduler.add_listener(self._started, EVENT_SCHEDULER_STARTED)

    def run(self) -> None:
        """Serve until SIGTERM or SIGINT."""
        global _service
        _service = self
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_stop_signal)
        signal.signal(signal.SIGHUP, self._on_reload_signal)
        pipeline.sync_feeds(self.config, self.store)
        log.info("digest run: %d feeds, %d digests, store %s", len(self.config.feeds),
                 len(self.config.digests), self.store.url)
        try:
            self.scheduler.start()
            if self._stopper is not None:
                self._stopper.join()
        finally:
            _service = None
            self.client.close()
            self.store.close()
        log.info("digest run: stopped")

    # Jobs -----------------------------------------------------------------------------------

    def _started(self, _event: SchedulerEvent) -> None:
        """Runs in the main thread after the job store opens, before any job is due."""
        self.reconcile()
        for digest in self.config.digests:
            if self.store.runs(digest.name, outcomes=["pending"], limit=1):
                self.schedule_resume(digest.name, datetime.now(timezone.utc))

    def reconcile(self) -> None:
        """Make the stored jobs match feeds.yaml; jobs it no longer names are removed."""
        wanted = wanted_jobs(self.config, datetime.now(timezone.utc), random.Random())
        stored = {job.id: job for job in self.scheduler.get_jobs()}
        for job_id in stored.keys() - wanted.keys():
            if not job_id.startswith("resume:"):
                self.scheduler.remove_job(job_id)
                log.info("removed job %s (%s)", job_id, stored[job_id].name)
        for spec in wanted.values():
            if spec.id in stored and stored[spec.id].name == spec.name:
                continue  # unchanged: keep its stored next run time, missed or not
            extra = {"next_run_time": spec.first_run} if spec.first_run else {}
            self.scheduler.add_job(spec.func, spec.trigger, args=[spec.arg], id=spec.id,
                                   name=spec.name, executor=spec.executor,
                                   misfire_grace_time=spec.misfire_grace_time,
                                   replace_existing=True, **extra)
            log.info("%s job %s", "changed" if spec.id in stored else "added", spec.name)

    def schedule_resume(self, name: str, when: datetime) -> None:
        self.scheduler.add_job(resume_job, args=[name], id=f"resume:{name}",
                               name=f"resume {name}", executor="digests", next_run_time=when,
                               misfire_grace_time=None, replace_existing=True)

    def poll(self, url: str) -> None:
        result = pipeline.poll_feed(self.config, self.store, url, self.client)
        if result is not None and not result.ok:
            log.warning("feed %s failed: %s", url, result.error)

    def send(self, name: str, resume_only: bool = False) -> None:
        digest = self.digest(name)
        if digest is None:
            return
        try:
            if resume_only:
                runs = pipeline.resume_pending(self.config, self.store, digest,
                                               self.stopping.wait)
                log.info("digest %s: %d pending runs delivered", name, len(runs))
                return
            run = pipeline.run_digest(self.config, self.store, digest, wait=self.stopping.wait)
            log.info("digest %s: %s (%d new, %d updated stories, %s)", name, run.outcome,
                     run.new_stories, run.updated_stories, run.stem)
        except DeliveryError as exc:
            log.error("%s", exc)
            if not self.stopping.is_set():
                self.schedule_resume(name, datetime.now(timezone.utc) + RETRY_LATER)
        except DigestError as exc:
            log.error("digest %s: %s", name, exc)

    def digest(self, name: str) -> DigestConfig | None:
        found = next((d for d in self.config.digests if d.name == name), None)
        if found is None:
            log.warning("digest %s is no longer in %s", name, self.config_path)
        return found

    # Signals --------------------------------------------------------------------------------

    def _on_stop_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.stopping.is_set():
            return
        log.info("%s: stopping once the running jobs finish", signal.Signals(signum).name)
        self.stopping.set()
        # Not in the handler itself: it may interrupt the scheduler while it holds its locks.
        self._stopper = threading.Thread(target=self._shutdown, name="digest-stop")
        self._stopper.start()

    def _shutdown(self) -> None:
        if self.scheduler.state != STATE_STOPPED:
            self.scheduler.shutdown(wait=True)

    def _on_reload_signal(self, _signum: int, _frame: FrameType | None) -> None:
        threading.Thread(target=self.reload, name="digest-reload", daemon=True).start()

    def reload(self) -> None:
        """Read feeds.yaml again and match the jobs to it; a broken file keeps the old setup."""
        with self._reload_lock:
            try:
                config = load_config(self.config_path)
            except DigestError as exc:
                log.error("SIGHUP: feeds.yaml not reloaded, the running setup stays: %s", exc)
                return
            if config.store_url != self.config.store_url:
                log.warning("SIGHUP: the store setting changed; it takes effect on restart")
                config = config.model_copy(update={"store": self.config.store,
                                                   "base_dir": self.config.base_dir})
            self.config = config
            pipeline.sync_feeds(config, self.store)
            self.reconcile()
            log.info("SIGHUP: reloaded %s", self.config_path)


def poll_job(url: str) -> None:
    if _service is not None:
        _service.poll(url)


def digest_job(name: str) -> None:
    if _service is not None:
        _service.send(name)


def resume_job(name: str) -> None:
    if _service is not None:
        _service.send(name, resume_only=True)


def run_service(config_path: Path) -> None:
    """`digest run`: start the service and block until it is stopped."""
    Service(config_path).run()
