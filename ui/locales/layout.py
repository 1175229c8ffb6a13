"""Strings of the shared page layout (issue #12 "Picture first"): the folded introduction and the
other frame pieces. Keys are prefixed ``layout.`` or ``common.``; the layout helpers share it."""

EN: dict[str, str] = {
    "common.about_page": "About this page",
    "layout.controls": "Controls",
}

KO: dict[str, str] = {
    "common.about_page": "이 페이지 소개",
    "layout.controls": "설정 바꾸기",
}
