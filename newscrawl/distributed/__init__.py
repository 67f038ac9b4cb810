"""Many workers, one frontier: scrapy-redis behind ``-s NEWSCRAWL_REDIS_URL=redis://...``.

Nothing here is imported unless that setting is given (see ``addon.py``).
"""
