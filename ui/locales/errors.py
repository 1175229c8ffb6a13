"""What a viewer sees when something in the app fails (the server log keeps the details)."""

EN = {
    "errors.section": "This part of the page could not be shown because of an error in the app. The rest of the page still works; reloading may help, and the error has been written to the server's log.",
}

KO = {
    "errors.section": "앱에 오류가 생겨 페이지의 이 부분을 보여 줄 수 없습니다. 페이지의 나머지 부분은 그대로 쓸 수 있고, 새로 고치면 나아질 수 있습니다. 오류 내용은 서버 기록에 남겼습니다.",
}
