"""Strings of the lessons' questions (ui.questions): each question's prompt, options, hint and
the reveal's sentence, the lesson texts of the question steps, the class summaries and the
reasons an answer is refused."""

KO = {
    # ------------------------------------------------------------------ the class, the reasons
    "question.summary.none": "아직 받은 답이 없습니다.",
    "question.summary.chose": "답한 {n}명 가운데 {k}명이 맞는 답을 골랐습니다.",
    "question.summary.within": "답한 {n}명 가운데 {k}명의 답이 참값에서 {tol} 이내입니다.",
    "question.summary.within_factor": ("답한 {n}명 가운데 {k}명의 답이 참값의 {factor}배 이내로 "
                                       "가깝습니다."),
    "question.summary.near": "답한 {n}명 가운데 {k}명의 답이 참인 점에서 거리 {tol} 이내입니다.",
    "question.summary.sketch": ("답한 {n}명 가운데 {k}명의 곡선이 참 곡선에서 평균 {tol} 이내에 "
                                "있습니다. 모든 곡선의 평균 거리는 {mean}입니다."),
    "question.bad.shape": "이 답은 질문이 받는 형식이 아닙니다.",
    "question.bad.size": "답이 너무 큽니다. 조금 더 짧게 다시 그려 주세요.",
    "question.bad.number": "답에는 유한한 숫자만 쓸 수 있습니다.",
    "question.bad.whole": "횟수는 정수로 입력해 주세요.",
    "question.bad.outside": "답이 그래프나 허용된 범위를 벗어났습니다.",
    "question.bad.choice": "보기 가운데 하나를 골라 주세요.",
    "question.bad.points": "그린 곡선의 점이 너무 적거나 너무 많습니다. 다시 그려 주세요.",
    "question.bad.order": "곡선은 왼쪽에서 오른쪽으로 그려 주세요.",
    "question.fig.answers": "학생들의 답",
    "question.fig.truth": "참값",
    "question.fig.mine": "내 답",
    "question.fig.count": "답한 사람 수",
    "question.fig.value": "답",
    # ------------------------------------------------------------------ explorer
    "lesson.explorer.steep.title": "예측: {sig} 함수가 가장 가파른 곳은?",
    "lesson.explorer.steep.text": (
        "아래쪽 도함수 그래프를 잠시 숨겼습니다. {sig} 곡선이 가장 빠르게 올라가는 곳, 곧 도함수가 "
        "가장 큰 곳을 그래프에서 눌러 보세요."),
    "question.explorer.steep.prompt": "{sig} 함수의 도함수는 어디에서 가장 클까요? 곡선 위의 그곳을 눌러 보세요.",
    "question.explorer.steep.hint": "그래프에서 한 곳을 누르세요.",
    "question.explorer.steep.truth": "{name} 함수의 도함수는 x = {x}에서 가장 크고, 그때 기울기는 {g}입니다.",
    "lesson.explorer.sketch.title": "예측: {tanh} 함수의 도함수 그리기",
    "lesson.explorer.sketch.text": (
        "이번에는 {tanh} 곡선만 보입니다. 이 함수의 도함수가 어떤 모양일지 같은 그래프 위에 손가락이나 "
        "마우스로 한 번에 그려 보세요."),
    "question.explorer.sketch.prompt": "{tanh} 함수의 도함수를 그래프 위에 그려 보세요.",
    "question.explorer.sketch.hint": "그래프 위를 왼쪽에서 오른쪽으로 한 번에 그으세요.",
    "question.explorer.sketch.truth": (
        "{name} 함수의 도함수는 x = {x}에서 가장 크고 그 값은 {m}입니다. 양쪽 끝으로 갈수록 0에 "
        "가까워집니다."),
}

EN = {
    # ------------------------------------------------------------------ the class, the reasons
    "question.summary.none": "No answers yet.",
    "question.summary.chose": "{k} of {n} chose the right answer.",
    "question.summary.within": "{k} of {n} answered within {tol} of the true value.",
    "question.summary.within_factor": ("{k} of {n} answered within a factor of {factor} of the "
                                       "true value."),
    "question.summary.near": "{k} of {n} tapped within a distance of {tol} of the true point.",
    "question.summary.sketch": ("{k} of {n} sketches stay within {tol} of the true curve on "
                                "average. The mean distance of all sketches is {mean}."),
    "question.bad.shape": "This answer does not have the form the question takes.",
    "question.bad.size": "The answer is too large. Please draw it again a little shorter.",
    "question.bad.number": "An answer may hold finite numbers only.",
    "question.bad.whole": "Please enter the count as a whole number.",
    "question.bad.outside": "The answer lies outside the chart or the allowed range.",
    "question.bad.choice": "Please choose one of the options.",
    "question.bad.points": "The sketch has too few or too many points. Please draw it again.",
    "question.bad.order": "Please draw the sketch from left to right.",
    "question.fig.answers": "the class's answers",
    "question.fig.truth": "true value",
    "question.fig.mine": "my answer",
    "question.fig.count": "answers",
    "question.fig.value": "answer",
    # ------------------------------------------------------------------ explorer
    "lesson.explorer.steep.title": "Predict: where is {sig} steepest?",
    "lesson.explorer.steep.text": (
        "The derivative panel below is hidden for now. Tap the chart where you think the {sig} "
        "curve rises fastest, that is, where its derivative is largest."),
    "question.explorer.steep.prompt": "Where is the derivative of {sig} largest? Tap that place on the curve.",
    "question.explorer.steep.hint": "Tap one point on the chart.",
    "question.explorer.steep.truth": "The derivative of {name} is largest at x = {x}, where the slope is {g}.",
    "lesson.explorer.sketch.title": "Predict: draw the derivative of {tanh}",
    "lesson.explorer.sketch.text": (
        "Only the {tanh} curve is shown now. Draw on the same chart, in one stroke with a finger "
        "or the mouse, the shape you expect its derivative to have."),
    "question.explorer.sketch.prompt": "Draw the derivative of {tanh} on the chart.",
    "question.explorer.sketch.hint": "Draw one stroke across the chart from left to right.",
    "question.explorer.sketch.truth": (
        "The derivative of {name} is largest at x = {x}, where it equals {m}, and it falls "
        "towards 0 on both sides."),
}
