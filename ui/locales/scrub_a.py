"""Strings of the scrubbed controls of the saturation and learning-rate pages (issue #24)."""

EN: dict[str, str] = {
    "saturation.scrub_hint": "The probe x₀ and the threshold t are the sliders above the chart: "
                             "drag them and the tangent, the values and the shading follow at "
                             "once.",
    "descent.scrub_hint": "The log learning-rate slider is above the chart: drag it and the "
                          "iterates and their regime follow at once.",
}

KO: dict[str, str] = {
    "saturation.scrub_hint": "살펴볼 점 x₀ 슬라이더와 포화 임곗값 t 슬라이더는 그래프 위에 "
                             "있습니다. 끌면 접선과 값, 포화 구간이 손을 따라 바로 움직입니다.",
    "descent.scrub_hint": "로그 눈금 학습률 슬라이더는 그래프 위에 있습니다. 끌면 반복점과 "
                          "그 움직임의 종류가 손을 따라 바로 바뀝니다.",
}
