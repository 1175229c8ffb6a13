"""Session-state keys and timings of the class screens (private to ui.classroom)."""

from __future__ import annotations

import os

PER_VIEWER = ("lang", "classroom", "room")  # URL keys that stay each viewer's own
PUBLISH_EVERY_S = 0.5   # teacher: how often fragment-made changes are looked for (and the
                        # roster redrawn)
# follower with push: re-check the version (a missed wake), stay counted; a deployment (or the
# topology test, which must see the cross-process wake alone) may set it, within 1 – 120 s
HEARTBEAT_S = min(max(float(os.environ.get("ACTIVATION_LAB_HEARTBEAT_S", "5") or 5), 1.0), 120.0)
POLL_S = 1.0            # follower without push: how often the version is read
MAX_RETRIES = 2         # navigations per version, if a page overrode the URL's values

# the teacher
ROOM = "_al_class_room"          # code of the room this session runs
SECRET = "_al_class_secret"      # the room's secret (never shown, never in a URL)
SENT = "_al_class_sent"          # the last view published
REJECTED = "_al_class_rejected"  # the last view refused as too big (not sent again)
CHANGED_AT = "_al_class_changed" # time of the room's start or last change of view
TEACHER_PROBLEM = "_al_class_teacher_problem"   # why the teacher's panel shows a message
WAIT_UNTIL = "_al_class_wait_until"             # a limit: time when a try is allowed again

# the student
FOLLOW = "_al_class_follow"      # code followed
APPLIED = "_al_class_applied"    # room version applied
SOLO = "_al_class_solo"          # exploring on their own
PROBLEM = "_al_class_problem"    # RoomError reason (or "old", "wait") of the link's code
TRIED = "_al_class_tried"        # the code whose failed try was counted (once per code)
JOINED = "_al_class_joined"      # the code this session has joined (no limit applies to it)
SYNC_URL = "_al_class_sync_url"  # the run after a navigation sends the address
VERIFY = "_al_class_verify"      # (version, tries) to check at the end of the run
CHECK = "_al_class_check"        # (version, tries) of a fragment-only apply to check
EPOCH = "_al_class_epoch"        # the room's view epoch applied (None: apply at the next run)
VIEW = "_al_class_view"          # the teacher's view applied last
CONTROL = "_al_class_control"    # the room's control record read at the top of this run
HERE = "_al_class_here"          # the page this session showed last (or is sent to)
VIEW_EPOCH = "_al_view_epoch"    # the view epoch, for the charts' uirevision (zoom resets)

# the teacher's browser keeps the room (code and secret) to reclaim it after a reload
KEEP = "_al_class_keep"          # what the keeper element sends its browser (save / clear / ask)
CLAIM_TRIES = "_al_class_claim_tries"   # reclaims refused because the store did not answer
MODE = "_al_class_mode"          # the mode the teacher's switch shows
