"""Scrapy settings of newscrawl. Scrapy's own first, then ours (NEWSCRAWL_*), each commented."""

from .settings_table import defaults as _newscrawl_defaults

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- Politeness and identity -------------------------------------------------------------
# Identify ourselves; sites block anonymous bots. Override with -s USER_AGENT=...
USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl; news archive crawler)"
ROBOTSTXT_OBEY = True  # applies to every request: sitemap- and feed-listed URLs too
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy starts this many asyncio tasks for the output of every response; an article page
# yields one item, and at the default of 100 the task churn cost ~3 ms of CPU per page.
CONCURRENT_ITEMS = 8
COOKIES_ENABLED = False  # news pages need no session; cookies only feed tracking

# --- Limits: the crawl must end by itself and never fill memory -----------------------------
DOWNLOAD_TIMEOUT = 20  # seconds; Scrapy's 180 s lets one slow server stall a whole run
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # bytes; larger responses are cancelled
DOWNLOAD_WARNSIZE = 0  # no warning for big pages: over DOWNLOAD_MAXSIZE they are dropped ("too-large")
REDIRECT_MAX_TIMES = 5  # longer chains are dropped with reason "redirect-loop"
RETRY_TIMES = 2  # retries after the first try, for 5xx, 408, 429 and network errors (not 404/410)
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"  # the page's drop line ("Dropped: http-503: ...") says it at INFO
DEPTH_LIMIT = 6  # link hops from a start page; sitemaps and feeds count one hop
TELNETCONSOLE_ENABLED = False  # Scrapy's remote-control servers (telnet and HTTP):
REMOTE_CONTROL_ENABLED = False  # off unless asked for with -s ..._ENABLED=True

# Drops are expected on any site: log each once at INFO, as one line with reason and URL.
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"
# Scrapy's in-memory stats, read without the per-read cost of its deprecation shim (stats.py).
STATS_CLASS = "newscrawl.stats.CrawlStatsCollector"
LOG_FORMATTER = "newscrawl.logformatter.NewsLogFormatter"
# At INFO a crawl logs a line per record written and per page dropped, a progress line every
# LOGSTATS_INTERVAL seconds and the summary; Scrapy's start-up and stats dumps are at DEBUG.
LOG_LEVEL = "INFO"

# --- Components ------------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # RFC 9309 status handling (5xx = skip the site), a parse-size cap and Crawl-delay.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.middlewares.robots.RobotsPolicyMiddleware": 100,
    # Scrapy's retries, but waiting as long as Retry-After asks (up to NEWSCRAWL_RETRY_AFTER_MAX).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.retry_after.RetryAfterMiddleware": 550,
    # A 304 to our conditional re-fetch costs no extraction; validators of downloads are noted.
    "newscrawl.middlewares.incremental.NotModifiedMiddleware": 560,
    # Scrapy's, decoding only pages whose head may hold a refresh tag.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newscrawl.middlewares.refresh.MetaRefreshMiddleware": 580,
    # In-article links of a site that keep answering 404 are stopped (NEWSCRAWL_LINK_404_BUDGET);
    # first in, so a spent source's requests are not even checked against robots.txt.
    "newscrawl.middlewares.link_budget.LinkSourceBudgetMiddleware": 50,
}
# `scrapy crawl` that stops on a bad configuration with a short message instead of a traceback.
COMMANDS_MODULE = "newscrawl.commands"
ITEM_PIPELINES = {
    # extraction and normalization (language, dates, bylines: record.py), in worker processes
    "newscrawl.pipelines.extract.ExtractPipeline": 100,
    "newscrawl.pipelines.validate.ValidateArticlePipeline": 400,
    "newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline": 500,
    "newscrawl.pipelines.archive.ArchivePipeline": 600,  # version, changeType, duplicateOf; last
}
# The feed written when the command line (-o/-O) and FEEDS name none is NEWSCRAWL_FEED (below).
FEED_EXPORT_ENCODING = "utf-8"
# Scrapy's JSON Lines exporter with a faster encoding of nested dataclasses: the same bytes.
FEED_EXPORTERS = {"jsonlines": "newscrawl.exporters.JsonLinesExporter",
                  "jsonl": "newscrawl.exporters.JsonLinesExporter"}
# Local feed files are written as <name>.part and renamed when complete: no reader sees half a file.
FEED_STORAGES = {"": "newscrawl.feedstorage.AtomicFileFeedStorage",
                 "file": "newscrawl.feedstorage.AtomicFileFeedStorage"}
EXTENSIONS = {
    "newscrawl.extensions.report.CrawlReport": 500,
    "newscrawl.extensions.jobdir.JobdirGuard": 10,  # after a SIGKILL, resume from the index
    # Known articles with no sign of change are not even scheduled (docs/scheduling.md).
    "newscrawl.middlewares.incremental.IncrementalFilter": 520,
    "newscrawl.extensions.warc.WarcWriter": 510,  # raw responses as WARC, if NEWSCRAWL_WARC_ENABLED
    "newscrawl.middlewares.limits.ResponseSizeLimit": 100,  # DOWNLOAD_MAXSIZE as bytes arrive
    "newscrawl.extensions.gcfreeze.FreezeStartupObjects": 900,  # NEWSCRAWL_GC_FREEZE
    "scrapy.extensions.logstats.LogStats": None,  # its line, with news counts, comes from:
    "newscrawl.extensions.progress.ProgressLog": 0,
}

# Set NEWSCRAWL_REDIS_URL (e.g. -s NEWSCRAWL_REDIS_URL=redis://127.0.0.1:6379/0) and the add-on
# switches scheduler, dupefilter and stats to Redis (scrapy-redis); unset, Redis is never imported.
ADDONS = {"newscrawl.distributed.addon.RedisAddon": 0}

# --- newscrawl -------------------------------------------------------------------------------
# Every NEWSCRAWL_* setting, its default, allowed values and meaning are stated once, in the
# table of newscrawl/settings_table.py (docs/settings.md lists it); start-up checks use it too.
globals().update(_newscrawl_defaults())
