"""Strings of the shared page layout (issue #12 "Picture first"): the folded introduction and the
other frame pieces (``layout.``, ``common.``), and the lecture view's lesson line (``lecture.``,
ui/lesson.py in projector mode)."""

EN: dict[str, str] = {
    "common.about_page": "About this page",
    "layout.controls": "Controls",
    "lecture.more": "More",
    "lecture.step": "{k}/{n}",
}

KO: dict[str, str] = {
    "common.about_page": "이 페이지 소개",
    "layout.controls": "설정 바꾸기",
    "lecture.more": "자세히",
    "lecture.step": "{k}/{n}",
}
