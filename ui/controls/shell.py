"""The controls of the frame around every page: each viewer's own, never shared with a class."""

from __future__ import annotations

from ui.controls import Control, Spec
from ui.i18n import DEFAULT_LANG, LANGS

LANG_NAMES = {"ko": "한국어", "en": "English"}

SPEC = Spec("shell", [
    # the default follows the browser's locale (ui.shell passes it when it draws the switch)
    Control("lang", "segmented", DEFAULT_LANG, label="common.language", options=LANGS,
            viewer=True),
    Control("classroom", "toggle", False, label="common.classroom", help="common.classroom_help",
            viewer=True),
])
