"""Notices about values a link carried (ui.widgets, ui.controls): what was asked, what is used."""

EN = {
    "controls.url_notice": "The link set `{param}` to “{value}”, which cannot be used here, so this page uses {used} instead.",
    "controls.url_dropped": "The link asked for “{value}” in `{param}`, which is not one of the choices here, so it was left out.",
    "controls.url_empty": "The link left `{param}` empty, so this page uses {used}.",
    "controls.url_unused": "The link set `{param}` to “{value}”, which cannot be used. This setting is not shown in the current view; when it appears it starts at {used}.",
    "controls.no_lesson": "The link asked for lesson step “{value}”, but this page has no lesson, so the page opens as it is.",
    "controls.url_cut": "The link's `{param}` is longer than {most} characters, so this page uses the default {used} instead.",
}

KO = {
    "controls.url_notice": "링크가 `{param}` 설정에 준 “{value}” 값은 여기서 쓸 수 없어서 대신 {used} 값을 씁니다.",
    "controls.url_dropped": "링크가 `{param}` 설정에 준 “{value}” 항목은 고를 수 있는 항목이 아니어서 빼고 보여 줍니다.",
    "controls.url_empty": "링크의 `{param}` 설정이 비어 있어서 {used} 값을 씁니다.",
    "controls.url_unused": "링크가 `{param}` 설정에 준 “{value}” 값은 쓸 수 없습니다. 지금 화면에는 이 설정이 없고, 나타나면 {used} 값에서 시작합니다.",
    "controls.no_lesson": "링크가 “{value}” 수업 단계를 열려고 했지만 이 페이지에는 수업이 없어서 페이지를 그대로 엽니다.",
    "controls.url_cut": "링크의 `{param}` 설정이 {most}자보다 길어서 대신 기본 설정인 {used} 값을 씁니다.",
}
