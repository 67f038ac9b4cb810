"""A scrapy-redis priority queue whose pops are leases: a killed worker loses no request.

scrapy-redis pops a request by removing it from the sorted set, so a worker killed while the
request is in flight loses it. Here a pop moves it, atomically, into a ``processing`` sorted
set scored by a deadline (Redis server time, the same clock for every machine). The worker
acknowledges it when done (``ack``) and renews the deadline while it is in flight (``renew``).
Any worker re-queues requests whose deadline passed (``requeue_expired``), with their priority,
up to ``max_requeues`` times (a request that kills every worker must not loop for ever).
"""

from __future__ import annotations

from typing import Any

from scrapy_redis.queue import PriorityQueue

# KEYS: queue, processing, scores; ARGV: lease ms. Redis TIME is the one clock of all workers.
_POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], found[1])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[1]), found[1])
redis.call('HSET', KEYS[3], found[1], found[2])
return found[1]
"""
# KEYS: queue, processing, scores, requeues; ARGV: max requeues, batch. Returns {requeued, dropped}.
_REQUEUE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
local requeued, dropped = 0, 0
for _, member in ipairs(expired) do
  local score = redis.call('HGET', KEYS[3], member) or '0'
  redis.call('ZREM', KEYS[2], member)
  redis.call('HDEL', KEYS[3], member)
  if redis.call('HINCRBY', KEYS[4], member, 1) > tonumber(ARGV[1]) then
    dropped = dropped + 1
  else
    redis.call('ZADD', KEYS[1], score, member)
    requeued = requeued + 1
  end
end
return {requeued, dropped}
"""
# KEYS: dupefilter set, queue; ARGV: fingerprint, score, request. 1 if queued, 0 if seen before.
# One script: a worker killed between "seen" and "queued" would lose the request for good.
_ADD_NEW = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""
# KEYS: processing; ARGV: lease ms, members... Only leases still held are extended (XX).
_RENEW = """
local t = redis.call('TIME')
local deadline = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', deadline, ARGV[i]) end
return #ARGV - 1
"""


class LeasedPriorityQueue(PriorityQueue):
    """scrapy-redis' PriorityQueue, with pops that lease the request instead of removing it."""

    lease_ms = 60_000
    max_requeues = 3

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self.processing_key = f"{self.key}:processing"
        self.scores_key = f"{self.key}:scores"
        self.requeues_key = f"{self.key}:requeues"
        self._pop = server.register_script(_POP)
        self._requeue = server.register_script(_REQUEUE)
        self._renew = server.register_script(_RENEW)
        self._add_new = server.register_script(_ADD_NEW)
        self.leases: dict[bytes, Any] = {}
        """Member (encoded request) -> Request, for the requests this worker holds."""

    def pop(self, timeout: int = 0) -> Any:
        """Lease the highest-priority request (None when the queue is empty)."""
        member = self._pop(keys=[self.key, self.processing_key, self.scores_key], args=[self.lease_ms])
        if not member:
            return None
        request = self._decode_request(member)
        self.leases[member] = request
        return request

    def push_unseen(self, request: Any, fingerprint: str, seen_key: str) -> bool:
        """Mark the request seen in the dupefilter set and queue it, at once; False if it was seen."""
        data = self._encode_request(request)
        return bool(self._add_new(keys=[seen_key, self.key], args=[fingerprint, -request.priority, data]))

    def ack(self, members: list[bytes]) -> None:
        """Done with these requests: forget their leases."""
        if members:
            pipe = self.server.pipeline()
            pipe.zrem(self.processing_key, *members).hdel(self.scores_key, *members)
            pipe.hdel(self.requeues_key, *members)
            pipe.execute()
        for member in members:
            self.leases.pop(member, None)

    def renew(self) -> None:
        """Push back the deadline of every request this worker still holds."""
        if self.leases:
            self._renew(keys=[self.processing_key], args=[self.lease_ms, *self.leases])

    def requeue_expired(self, batch: int = 500) -> tuple[int, int]:
        """Return expired leases (any worker's) to the queue: (requeued, dropped as hopeless)."""
        keys = [self.key, self.processing_key, self.scores_key, self.requeues_key]
        requeued, dropped = self._requeue(keys=keys, args=[self.max_requeues, batch])
        return int(requeued), int(dropped)

    def in_flight(self) -> int:
        """Leased requests of every worker, not yet acknowledged."""
        return int(self.server.zcard(self.processing_key))

    def clear(self) -> None:
        """Delete the queue and its leases."""
        self.server.delete(self.key, self.processing_key, self.scores_key, self.requeues_key)
