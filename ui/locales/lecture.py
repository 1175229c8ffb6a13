"""Strings of the lecture view (ui/lesson.py in projector mode with a lesson step)."""

EN: dict[str, str] = {
    "lecture.more": "More",
    "lecture.step": "{k}/{n}",
}

KO: dict[str, str] = {
    "lecture.more": "자세히",
    "lecture.step": "{k}/{n}",
}
