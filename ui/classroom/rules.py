"""The rules of class rooms in one place: codes, bounds, times, limits and the error reasons.

Both room stores (memory, Redis) and the class screens read these; nothing else defines them.

Codes: ``CODE_LENGTH`` characters of ``ALPHABET`` (16 characters without look-alikes), so
16⁷ = 268,435,456 codes. Failed code tries are limited per session and per client address
(``TRIES_PER_*`` per ``TRY_WINDOW_S``); :func:`expected_guesses` gives how many guesses finding
any open room takes on average, and :func:`guess_hours` how long that is at the address limit.
"""

from __future__ import annotations

import secrets

from ui.questions.model import KINDS, MAX_ANSWER_BYTES, MAX_SKETCH_POINTS

# Codes: no look-alikes (0/O/Q/D, 1/I/L/J/T, 2/Z, 5/S, 8/B, 6/G, U/V, 9): what remains reads
# the same on a projector, in handwriting and in both languages' fonts.
ALPHABET = "34ACEFHKMNPRWXY7"
CODE_LENGTH = 7            # 16⁷ codes: guessing an open one takes months at the try limits
MAX_CODE_LENGTH = 8        # a fresh code grows only if CODE_LENGTH keeps colliding
OLD_CODE_LENGTHS = (4, 5, 6)   # codes of earlier versions: "too short or expired"
MAX_CODE_TRIES = 200       # attempts to draw a free code
READ_CODE_CHARS = 12       # characters of a typed code looked at (a long URL costs nothing)

# Bounds and times of a room.
MAX_ROOMS = 50             # open rooms per store
MAX_FOLLOWERS = 200        # followers per room
MAX_STATE_BYTES = 16_384   # JSON of a published view
TEACHER_GRACE_S = 90.0     # a room lives this long after its teacher's last sign of life
LEASE_RENEW_S = 20.0       # a live teacher session renews its room this often
CLAIM_TRIES = 6            # a reload's reclaim tried this often while the store does not answer
IDLE_EXPIRY_S = 3 * 3600.0   # a room without any change of view for this long ends
FOLLOWER_STALE_S = 600.0   # a follower unseen for this long no longer counts
ROSTER_GONE_S = 12.0       # a follower unseen for this long is "gone" on the teacher's roster
TEACHER_AWAY_S = 45.0      # no sign of the teacher for this long: students see "has left"

# How the teacher holds the class (a room's mode): students follow with their controls locked,
# explore freely, or look at the projector.
FOLLOW, FREE, PAUSE = "follow", "free", "pause"
MODES = (FOLLOW, FREE, PAUSE)
# What a follower reports of itself on the roster.
FOLLOWING, EXPLORING = "following", "exploring"
STATUSES = (FOLLOWING, EXPLORING)

# Limits against abuse: at most N events per window, per session and per client address.
START_WINDOW_S = 600.0
STARTS_PER_SESSION = 3     # classes started by one browser tab in START_WINDOW_S
STARTS_PER_ADDRESS = 20    # ... by one address (a school behind one NAT address has many)
TRY_WINDOW_S = 60.0
TRIES_PER_SESSION = 5      # wrong class codes tried by one tab in TRY_WINDOW_S
TRIES_PER_ADDRESS = 20     # ... by one address (students who mistype a code)
MAX_BUCKETS = 10_000       # limit counters a memory store keeps (oldest dropped first)

# Questions the teacher asks and the class's answers (issue #23): one answer per student per
# question (a new one replaces the old); the bounds of one answer (MAX_ANSWER_BYTES of JSON,
# MAX_SKETCH_POINTS points) and the kinds come from ui.questions.model.
MAX_ANSWERS = 200          # answers per question
MAX_QUESTIONS = 20         # questions kept per room (the oldest is dropped with its answers)
MAX_OPTIONS = 12           # options of a "choose" question
SKETCH_STEPS = 1000        # a sketch's points are kept to 1/SKETCH_STEPS of the chart's span
OPEN, CLOSED_Q, REVEALED = "open", "closed", "revealed"   # a question's status
QUESTION_STATUSES = (OPEN, CLOSED_Q, REVEALED)

# RoomError reasons.
UNKNOWN, FULL, FORBIDDEN, TOO_MANY, TOO_BIG = "unknown", "full", "forbidden", "too_many_rooms", \
    "too_big"
UNAVAILABLE = "store_unavailable"   # a shared store cannot be reached (the room may still exist)
CLOSED = "closed"                  # an answer to a question that is no longer open
BAD_ANSWER = "bad_answer"          # an answer of the wrong shape, size or range
NO_QUESTION = "no_question"        # a question id the room does not have (forged or dropped)
TOO_MANY_ANSWERS = "too_many_answers"   # MAX_ANSWERS reached for the question
ANSWER_REASONS = (CLOSED, BAD_ANSWER, NO_QUESTION, TOO_MANY_ANSWERS)


class RoomError(Exception):
    """A room operation that cannot be done; ``reason`` is one of REASONS (for the message)."""

    REASONS = (UNKNOWN, FULL, FORBIDDEN, TOO_MANY, TOO_BIG, UNAVAILABLE, *ANSWER_REASONS)

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalise_code(text: str) -> str:
    """A typed code as stored: upper case, spaces and dashes removed (at most READ_CODE_CHARS
    characters are looked at, so a long URL value costs nothing)."""
    return "".join(c for c in str(text)[:READ_CODE_CHARS].upper() if c not in " -")


def valid_code(code: str) -> bool:
    """Whether code could be a room code at all (length and alphabet)."""
    return CODE_LENGTH <= len(code) <= MAX_CODE_LENGTH and all(c in ALPHABET for c in code)


def old_code(code: str) -> bool:
    """Whether code looks like a code of an earlier version (too short to be one now)."""
    return len(code) in OLD_CODE_LENGTHS and all(c in ALPHABET for c in code)


def new_code(attempt: int = 0) -> str:
    """A random code; longer after many collisions (attempt counts the draws made so far)."""
    length = min(CODE_LENGTH + attempt // 50, MAX_CODE_LENGTH)
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def expected_guesses(open_rooms: int = MAX_ROOMS) -> float:
    """Mean number of random guesses until one hits any of open_rooms rooms:
    N / R for N = |ALPHABET|^CODE_LENGTH codes and R open rooms (geometric, p = R / N)."""
    return len(ALPHABET) ** CODE_LENGTH / max(1, open_rooms)


def guess_hours(open_rooms: int = MAX_ROOMS, per_window: int = TRIES_PER_ADDRESS) -> float:
    """Hours those guesses take from one address at the try limit (per_window per
    TRY_WINDOW_S): expected_guesses · TRY_WINDOW_S / per_window / 3600."""
    return expected_guesses(open_rooms) * TRY_WINDOW_S / per_window / 3600.0


def hit_chance(hours: float, open_rooms: int = MAX_ROOMS,
               per_window: int = TRIES_PER_ADDRESS) -> float:
    """Chance that one address finds any open room within hours at the try limit:
    1 − (1 − R/N)^g with g = hours · 3600 / TRY_WINDOW_S · per_window guesses."""
    guesses = hours * 3600.0 / TRY_WINDOW_S * per_window
    return 1.0 - (1.0 - open_rooms / len(ALPHABET) ** CODE_LENGTH) ** guesses
