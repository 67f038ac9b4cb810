"""Scrapy settings of newscrawl. Scrapy's own first, then ours (NEWSCRAWL_*), each commented."""

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
LOG_FORMATTER = "newscrawl.logformatter.NewsLogFormatter"

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
}
# `scrapy crawl` that stops on a bad configuration with a short message instead of a traceback.
COMMANDS_MODULE = "newscrawl.commands"
ITEM_PIPELINES = {
    "newscrawl.pipelines.extract.ExtractPipeline": 100,
    "newscrawl.pipelines.language.NormalizeLanguagePipeline": 150,  # dates read the language
    "newscrawl.pipelines.dates.NormalizeDatesPipeline": 200,
    "newscrawl.pipelines.bylines.NormalizeBylinesPipeline": 300,
    "newscrawl.pipelines.validate.ValidateArticlePipeline": 400,
    "newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline": 500,
    "newscrawl.pipelines.archive.ArchivePipeline": 600,  # version, changeType, duplicateOf; last
}
# The feed written when the command line (-o/-O) and FEEDS name none: one file per run.
NEWSCRAWL_FEED = {
    "output/%(name)s/%(name)s-%(time)s.jsonl": {
        "format": "jsonlines",
        "encoding": "utf8",
        "item_classes": ["newscrawl.items.Article"],
    }
}
FEED_EXPORT_ENCODING = "utf-8"
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
}

# --- newscrawl -------------------------------------------------------------------------------
NEWSCRAWL_MIN_BODY_CHARS = 200  # shorter bodies are dropped with reason "short-body"
NEWSCRAWL_DEFAULT_TZ = None  # IANA zone assumed when a page states no offset; None keeps it naive
NEWSCRAWL_MIN_YEAR = 1995  # earlier publication dates are rejected as implausible
NEWSCRAWL_MAX_LISTING_DEPTH = 2  # link hops through section pages from the home page
NEWSCRAWL_MAX_PAGINATION = 5  # highest page number of a section listing we follow
# Paths tried when the home page announces no feed; 404s there are expected and cheap.
NEWSCRAWL_FEED_PATHS = ["/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml"]
# Paths tried when robots.txt lists no sitemap.
NEWSCRAWL_SITEMAP_PATHS = ["/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml"]
NEWSCRAWL_STATS_FILE = None  # path of a JSON file to write the crawl's stats and drop reasons to
# Limits of the hostile web (docs/limits.md has the full table).
NEWSCRAWL_MAX_PAGES_PER_SITE = 10000  # article URLs requested per site and crawl; 0 = no cap
NEWSCRAWL_RETRY_AFTER_MAX = 120  # seconds; a longer Retry-After drops the page ("rate-limited")
NEWSCRAWL_MAX_CRAWL_DELAY = 30  # seconds; a larger robots.txt Crawl-delay is lowered to this
NEWSCRAWL_ROBOTSTXT_MAX_BYTES = 500 * 1024  # robots.txt is parsed up to here (RFC 9309 2.5)
# Pages that are only a JavaScript shell are dropped as "no-content". True renders article pages
# with scrapy-playwright (pip install scrapy-playwright; playwright install chromium) and needs
# DOWNLOAD_HANDLERS for http/https set to scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler.
NEWSCRAWL_RENDER_JAVASCRIPT = False
# Queue story links found on article pages (related stories): True, False, or "auto" = only
# for sites whose sitemaps and feeds list no article (link extraction is the crawl's costliest step).
NEWSCRAWL_FOLLOW_ARTICLE_LINKS = "auto"
# Links found while sitemaps and feeds are read wait for the link phase; at most this many.
NEWSCRAWL_MAX_DEFERRED_LINKS = 100_000
# Extraction worker processes (off the reactor thread); None = one per core, 0 = in-process.
NEWSCRAWL_EXTRACT_WORKERS = None
# Exempt the objects that exist once the engine has started from garbage collection (gc.freeze),
# and collect the young generation every NEWSCRAWL_GC_THRESHOLD allocations (None: Python's 700).
NEWSCRAWL_GC_FREEZE = True
NEWSCRAWL_GC_THRESHOLD = 50_000

# --- Many workers, one frontier (docs/distributed.md) --------------------------------------
# Set NEWSCRAWL_REDIS_URL (e.g. -s NEWSCRAWL_REDIS_URL=redis://127.0.0.1:6379/0) and the add-on
# switches scheduler, dupefilter and stats to Redis (scrapy-redis); unset, Redis is never imported.
ADDONS = {"newscrawl.distributed.addon.RedisAddon": 0}
NEWSCRAWL_REDIS_URL = None
NEWSCRAWL_REDIS_KEY = "newscrawl:news"  # prefix of the run's keys: one prefix per crawl job
NEWSCRAWL_REDIS_INDEX_KEY = None  # prefix of the shared archive index in Redis; None: "<NEWSCRAWL_REDIS_KEY>:index"
NEWSCRAWL_REDIS_LEASE = 60  # seconds a dead worker's in-flight request waits before re-queueing
NEWSCRAWL_REDIS_MAX_REQUEUES = 3  # a request re-queued more often is dropped (it kills workers)
NEWSCRAWL_REDIS_IDLE_CLOSE = 30  # seconds of empty shared frontier after which a worker leaves
NEWSCRAWL_DOMAIN_DELAY = 0.5  # seconds between two requests to a domain, over all workers
# --- Archive: incremental, update-aware crawls (docs/scheduling.md) -------------------------
NEWSCRAWL_INDEX_ENABLED = True  # remember every article, so a second crawl is incremental
NEWSCRAWL_INDEX_PATH = "output/index.sqlite"  # the archive index (SQLite, WAL), relative to the cwd
NEWSCRAWL_INDEX_CLASS = "newscrawl.archive.sqlite.SqliteIndex"  # an ArchiveIndex, built on the path above
NEWSCRAWL_INDEX_LOCK_WAIT = 0  # seconds to wait for another crawl holding the index; 0 = refuse at once
NEWSCRAWL_INDEX_COMMIT_EVERY = 20  # records per index commit (each after an fsync of the output)
NEWSCRAWL_RECHECK_AGE = 86400  # seconds; known articles are re-fetched (conditionally) after this; <0 never
NEWSCRAWL_EMIT_UNCHANGED = False  # True: emit unchanged re-fetches too, with changeType "unchanged"
NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD = 0.8  # estimated Jaccard of body 4-grams for duplicateOf
NEWSCRAWL_FEED_GZIP = False  # gzip local feed files when they are renamed complete (.gz added)
NEWSCRAWL_WARC_ENABLED = False  # write the raw responses as WARC (warcio) next to the output
NEWSCRAWL_WARC_PATH = "output/%(name)s/%(name)s-%(time)s.warc.gz"  # %(name)s spider, %(time)s UTC start
