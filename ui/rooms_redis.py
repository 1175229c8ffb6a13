"""The Redis room store, as imported by older callers: it now lives in
ui.classroom.redis_store (and the choice of store in ui.classroom.store)."""

from ui.classroom.redis_store import RedisRoomStore, secret_digest
from ui.classroom.rules import UNAVAILABLE
from ui.classroom.store import ENV_URL, store_from_env

__all__ = ["ENV_URL", "UNAVAILABLE", "RedisRoomStore", "secret_digest", "store_from_env"]
