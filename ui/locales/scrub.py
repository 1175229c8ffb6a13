"""Strings of the chart's scrub sliders (ui.chart.Scrub) and chart answers (ui.chart.Capture)."""

EN: dict[str, str] = {
    "scrub.hint": "Drag a parameter's slider above the chart: the curves follow the thumb at once.",
}

KO: dict[str, str] = {
    "scrub.hint": "그래프 위에 있는 매개변수 슬라이더를 끌면 곡선이 손을 따라 바로 움직입니다.",
}
