"""Strings of the app's chart element (ui/chart.py)."""

EN: dict[str, str] = {
    "common.chart_unavailable": "This chart cannot be drawn: the charting library (plotly.js) could not be loaded from this app's server. Reload the page; if the message stays, the server's static files are missing.",
}

KO: dict[str, str] = {
    "common.chart_unavailable": "그래프를 그릴 수 없습니다. 이 앱의 서버에서 그래프 라이브러리(plotly.js)를 불러오지 못했습니다. 페이지를 새로 고쳐 보고, 그래도 이 안내가 보이면 서버의 정적 파일이 빠진 것입니다.",
}
