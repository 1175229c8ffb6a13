"""Class rooms, as imported by older callers: the stores and rules now live in ui.classroom
(rules, memory_store, store). Kept so existing imports keep working."""

from ui.classroom.memory_store import MemoryRoomStore
from ui.classroom.rules import (ALPHABET, CODE_LENGTH, FOLLOWER_STALE_S, IDLE_EXPIRY_S,
                                MAX_CODE_LENGTH, MAX_FOLLOWERS, MAX_ROOMS, MAX_STATE_BYTES,
                                TEACHER_GRACE_S, RoomError, normalise_code, valid_code)
from ui.classroom.store import room_store

__all__ = ["ALPHABET", "CODE_LENGTH", "FOLLOWER_STALE_S", "IDLE_EXPIRY_S", "MAX_CODE_LENGTH",
           "MAX_FOLLOWERS", "MAX_ROOMS", "MAX_STATE_BYTES", "TEACHER_GRACE_S", "MemoryRoomStore",
           "RoomError", "normalise_code", "room_store", "valid_code"]
