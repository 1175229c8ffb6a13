"""The zig-zag step slider from step 0 (the page's old opening view): the same states as the
measurements before the page opened on the whole path, so payloads compare like for like."""

from bench.scenarios.zigzag import SCENARIO as OPENING
from ui.controls.zigzag import SPEC

SCENARIO = dict(OPENING, name="zigzag-from-0",
                path=f"{OPENING['path']}&zz_t={SPEC['zz_t'].lo}")
