"""The zig-zag step slider from step 0 (the page's old opening view): the same states as the
measurements before the page opened on the whole path, so payloads compare like for like."""

SCENARIO = {
    "name": "zigzag-from-0",
    "path": "/zigzag?lang=en&zz_t=0",
    "slider": "Current step t",
    "chart": "zz_planes",
}
