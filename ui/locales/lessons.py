"""Strings of lesson mode (ui/lesson.py) and of the five lesson stories (ui/lessons/*)."""

KO = {
    "lesson.start": "단계별 설명",
    "lesson.start_help": ("이 페이지의 이야기를 한 단계씩 따라갑니다. 단계는 URL 주소에 남으므로 링크를 "
                          "열면 같은 단계가 열립니다. 발표용 리모컨의 → / ← (PageDown / PageUp) 키로도 "
                          "넘길 수 있습니다."),
    "lesson.step": "{k} / {n} 단계",
    "lesson.prev": "이전",
    "lesson.next": "다음",
    "lesson.leave": "단계별 설명 끝내기",
    "lesson.leave_help": "단계별 설명을 끝냅니다. 컨트롤은 지금 상태 그대로 남아 자유롭게 탐색할 수 있습니다.",
    "lesson.keys_help": "키보드: → 또는 PageDown 키로 다음, ← 또는 PageUp 키로 이전 (입력 칸에 커서가 없을 때)",
    "lesson.elsewhere": "**{title}** — 설명은 아래 그림 옆에 있습니다.",
    # descent
    "lesson.descent.steady.title": "lr = {lr}: 한쪽에서 꾸준히 수렴",
    "lesson.descent.steady.text": (
        "출발점 x₀ = {x0}, 학습률 {lr}. 한 걸음마다 오차 x − {target} 값이 r = {r}배가 되어, x는 "
        "같은 쪽에서 최솟값에 다가갑니다. {k}번째 걸음부터 x는 최솟값에서 {tol} 이내에 머뭅니다."),
    "lesson.descent.one_step.title": "lr = {lr}: 한 걸음에 최솟값",
    "lesson.descent.one_step.text": (
        "이 손실의 곡률: L = f″ = {L}. 학습률이 꼭 1/L = {one} 값이면 r = {r}, 출발점 x₀ = {x0} "
        "자리에서 첫 걸음 만에 최솟값 x₁ = {x1} 위치에 닿습니다."),
    "lesson.descent.oscillating.title": "lr = {lr}: 진동하며 수렴",
    "lesson.descent.oscillating.text": (
        "r = {r}, 음수라서 x는 걸음마다 최솟값을 건너뜁니다 ({x0} → {x1} → {x2} → …). 그래도 "
        "|r| < 1 조건 덕분에 거리는 줄어들고, {k}번째 걸음부터 {tol} 이내에 머뭅니다."),
    "lesson.descent.cycle.title": "lr = {lr}: 두 점 사이를 끝없이 오감",
    "lesson.descent.cycle.text": (
        "학습률 {lr} 값이 안정 경계 2/L = {upper} 자리와 정확히 같아서 r = {r}. 거리가 전혀 줄지 "
        "않고 x는 {n}번의 걸음 내내 {a} ↔ {b} 두 점을 오갑니다: 수렴도 발산도 아닙니다."),
    "lesson.descent.diverges.title": "lr = {lr}: 발산",
    "lesson.descent.diverges.text": (
        "|r| = {absr}: 한계 1 초과. 점프가 걸음마다 길어지고 ({x0} → {x1} → {x2} → …), {k}번째 "
        "걸음에서 |x| 값이 {bound} 한계를 넘자 실행이 멈춥니다."),
    "lesson.descent.slow.title": "lr = {lr}: 너무 느림",
    "lesson.descent.slow.text": (
        "r = {r}: 한 걸음에 오차가 아주 조금만 줄어듭니다. {n}번의 걸음 뒤에도 x = {x} 위치이고, "
        "이 속도라면 {tol} 이내까지 약 {need}번의 걸음이 더 필요합니다."),
    "lesson.pending": "이 단계의 숫자는 그림의 학습이 끝나면 나옵니다.",
    # explorer
    "lesson.explorer.collapse.title": "층을 쌓아도 선형은 선형",
    "lesson.explorer.collapse.text": (
        "h(x) = {a}·x 층을 {L}번 겹쳐도 결과는 기울기 {slope} 직선 하나입니다 (직선과의 차이 "
        "{dev}): 은닉층이 없는 신경망과 같습니다. 층 사이에 비선형 함수가 있어야 깊이가 의미를 "
        "가집니다."),
    "lesson.explorer.bend.title": "층 사이에 {name}: 곡선이 휘어짐",
    "lesson.explorer.bend.text": (
        "같은 {L}개 층 사이에 {name} 함수를 넣으면 곡선이 휩니다. 가장 가까운 직선과의 차이: "
        "{dev}. 이제 층을 더할 때마다 표현할 수 있는 모양이 늘어납니다."),
    "lesson.explorer.sigmoid.title": "시그모이드 계열: {sig}, {tanh}",
    "lesson.explorer.sigmoid.text": (
        "{sig} 함수는 모든 x 값을 ({slo}, {shi}) 구간으로, {tanh} 함수는 ({tlo}, {thi}) 구간으로 "
        "눌러 담습니다. 아래 도함수 그림을 보세요: 두 기울기 모두 x = 0 지점에서 가장 크고 "
        "(최댓값 {sg} 및 {tg}), 양쪽 끝으로 갈수록 거의 사라집니다."),
    "lesson.explorer.relu.title": "렐루 계열: {relu}, {leaky}, {elu}",
    "lesson.explorer.relu.text": (
        "x > 0 구간에서는 셋 다 기울기 {one}. 음수 쪽이 다릅니다: x = {x} 지점에서 {relu} 기울기는 "
        "{g}, 그래서 음수 입력으로는 배우지 못합니다. {leaky} 함수는 작은 기울기 {slope} 값을 "
        "남기고, {elu} 함수는 부드럽게 {lo} 값으로 다가갑니다."),
    "lesson.explorer.softmax.title": "소프트맥스 오버플로",
    "lesson.explorer.softmax.text": (
        "점수 {orig} 값에 {off} 값을 더하면 {scores}: e^{zmax} 값은 float64 최댓값 {fmax} 범위를 "
        "훌쩍 넘습니다 (지수가 {ln_max} 값을 넘으면 오버플로). 그대로 계산한 소프트맥스: {naive}. "
        "가장 큰 점수를 먼저 빼고 계산하면 {stable}, 원래 점수와 같은 확률이 안전하게 나옵니다."),
    # saturation
    "lesson.saturation.quarter.title": "σ′ 최댓값: {m}",
    "lesson.saturation.quarter.text": (
        "σ′(x) = σ(x)(1 − σ(x)) 도함수는 x = {x} 지점에서 가장 크고, 그 값이 {m}. {name} 층 하나를 "
        "거꾸로 지날 때마다 기울기는 많아야 {m}배가 됩니다."),
    "lesson.saturation.flat.title": "포화 구간 (음영)",
    "lesson.saturation.flat.text": (
        "음영은 |f′| < {t} 구간입니다. {sig} 함수는 |x| > {es} 구간, {tanh} 함수는 |x| > {et} "
        "구간에서 평평합니다. 그림 범위 [{lo}, {hi}] 가운데 {sig} 포화 비율: {share}. 탐침 "
        "x = {x} 지점의 σ′ 값: {g}."),
    "lesson.saturation.depth.title": "층을 지날수록: {m}^L",
    "lesson.saturation.depth.text": (
        "역전파는 층마다 도함수를 하나씩 곱합니다. 최선의 경우에도 {sig} 층 {L}개를 지나면 "
        "{m}^{L} = {v}. {tanh} 최선값: {tv}, {relu} 최선값: {rv}. 세로축이 로그 축인 점에 "
        "주의하세요."),
    "lesson.saturation.gradient.title": "깊은 시그모이드 신경망의 층별 기울기",
    "lesson.saturation.gradient.text": (
        "{name} 층 {L}개짜리 무작위 신경망: 마지막 층 가중치의 기울기 크기는 {last}, 첫 층은 "
        "{first}, 비율로 {ratio}. 출력에 가까운 층은 배우지만 앞쪽 층은 거의 움직이지 않습니다 "
        "(기울기 소실)."),
    "lesson.saturation.dying.title": "죽은 렐루",
    "lesson.saturation.dying.text": (
        "모든 편향을 b = {b} 값만큼 옮기면 {relu} 유닛 가운데 죽은 비율(어떤 입력에도 f′ = 0): "
        "{dr}. 편향을 옮기지 않았을 때: {d0}. {leaky}: {dl}, {elu}: {de}. 두 함수는 음수 입력에도 "
        "기울기를 남깁니다."),
    # zigzag
    "lesson.zigzag.inputs.title": "{name} 출력은 늘 양수",
    "lesson.zigzag.inputs.text": (
        "입력 x₁, x₂ 값은 {name} 유닛의 출력이라서 언제나 양수입니다: 뽑힌 입력 {m}개 가운데 "
        "{share} 비율이 제1사분면(둘 다 양수) 안에 있습니다. 왼쪽 그림에서 w₀ 출발점과 목표 w* "
        "위치를 확인하세요."),
    "lesson.zigzag.same_sign.title": "갱신은 늘 (+,+) 또는 (−,−)",
    "lesson.zigzag.same_sign.text": (
        "갱신은 Δw = −lr·δ·x 꼴입니다. x₁, x₂ 값이 모두 양수이면 두 성분의 부호는 둘 다 −δ 부호와 "
        "같습니다. {name} 입력에서는 w* 근처에 닿을 때까지 {n}번의 갱신 하나하나가 모두 (+,+) "
        "또는 (−,−) 방향이었습니다."),
    "lesson.zigzag.same_sign.text_some": (
        "갱신은 Δw = −lr·δ·x 꼴입니다. x₁, x₂ 값이 모두 양수이면 두 성분의 부호는 둘 다 −δ 부호와 "
        "같습니다. {name} 입력에서는 w* 근처에 닿을 때까지 {n}번의 갱신 가운데 {same}번이 (+,+) "
        "또는 (−,−) 방향이었습니다."),
    "lesson.zigzag.path.title": "지그재그 경로",
    "lesson.zigzag.path.text": (
        "w* 위치는 w₀ 기준 왼쪽 위입니다 (w₁ 감소, w₂ 증가). 그런데 어떤 갱신도 그쪽, 곧 제2사분면 "
        "방향을 가리킬 수 없습니다. 그래서 경로는 지그재그로 꺾입니다: 길이 {length}, 직선 거리 {straight} 대비 "
        "{ratio}배. {k}번째 걸음에서야 w* 주변 {eps} 안에 들어옵니다."),
    "lesson.zigzag.tanh.title": "{name}: 영점 중심",
    "lesson.zigzag.tanh.text": (
        "{name} 출력 범위는 (−1, 1) 구간이고 가운데가 원점이라서 입력의 부호가 섞이고, 갱신은 어느 "
        "방향이든 가리킬 수 있습니다. 같은 부호 갱신 비율: {share}. 오른쪽 그림의 경로는 "
        "{kb}번째 걸음에 w* 주변 {eps} 안에 닿습니다 ({sig} 입력: {ka}번째 걸음)."),
    "lesson.zigzag.relu.title": "{name}: 역시 음수 없음",
    "lesson.zigzag.relu.text": (
        "{name} 출력도 음수가 되지 않습니다 (정확히 0 값도 자주 나옴). {n}번의 갱신 가운데 (+,+) 또는 "
        "(−,−) 방향: {same}번, 한 축만 움직인 갱신: {axis}번, 제2·4사분면 방향: {mixed}번. 경로 "
        "길이는 직선 거리의 {ratio}배, {k}번째 걸음에 w* 주변에 닿습니다."),
    # network
    "lesson.network.linear.title": "XOR에는 비선형 은닉층이 필요",
    "lesson.network.linear.text": (
        "은닉 유닛이 {lin} 함수이면 {sizes} 신경망 전체가 선형 함수 하나입니다. {epochs} 에포크 "
        "뒤 네 XOR 점 가운데 맞힌 비율: {acc} (출력 {outs}). 같은 초깃값에서 {sig} 은닉층: {sacc} "
        "(출력 {souts})."),
    "lesson.network.course.title": "수업의 XOR 신경망: {epochs} 에포크",
    "lesson.network.course.text": (
        "{sizes} 시그모이드 신경망, 학습률 {lr}, 샘플별 갱신. {epochs} 에포크 뒤 "
        "(0,0), (0,1), (1,0), (1,1) 입력의 출력: {outs} (손실 {loss}). "
        "거기까지 가는 손실 곡선을 따라가 보세요."),
    "lesson.network.relu_out.title": "출력층에 {relu}",
    "lesson.network.relu_out.text": (
        "출력층을 {relu} 함수로 바꾸면 출력이 시그모이드처럼 한 구간 안에 묶이지 않습니다. "
        "{epochs} 에포크 뒤 {relu} 은닉층: 정확도 {acc}, 손실 {loss}, 출력 {outs}. {sig} 은닉층: "
        "정확도 {sacc}, 출력 {souts}."),
    "lesson.network.forward.title": "손으로 하는 순전파: {sizes} {relu} 신경망",
    "lesson.network.forward.text": (
        "입력 x = [{x}], 편향 없음. 은닉층 합 z = [{z}] 값에 {relu} 함수를 적용하고 "
        "출력층 가중치를 곱하면 y = {y}. 목표값 t = {t}, 손실 ½(y − t)² = "
        "{loss}. 그림의 숫자를 따라가 보세요."),
    "lesson.network.update.title": "갱신 한 번, 단계별로",
    "lesson.network.update.text": (
        "XOR 첫 샘플 x = ({x}), 목표값 t = {t}: 순전파 출력 y = {y}, 출력층 δ = "
        "{d}. 은닉 유닛 h₁ → y 가중치의 기울기 {g}, 학습률 {lr}: 새 가중치 = {old} "
        "− {lr}·{g} = {new}."),
}

EN = {
    "lesson.start": "Lesson mode",
    "lesson.start_help": ("Walk through this page's story step by step. The step is kept in the "
                          "URL, so a link opens the same step. A presentation clicker's → / ← "
                          "(PageDown / PageUp) keys move between steps too."),
    "lesson.step": "Step {k} / {n}",
    "lesson.prev": "Previous",
    "lesson.next": "Next",
    "lesson.leave": "Leave the lesson",
    "lesson.leave_help": "Turn lesson mode off; the controls keep their current values for free "
                         "exploration.",
    "lesson.keys_help": "Keyboard: → or PageDown for the next step, ← or PageUp for the previous "
                        "one (while no text field has the cursor)",
    "lesson.elsewhere": "**{title}** — explained beside its chart below.",
    # descent
    "lesson.descent.steady.title": "lr = {lr}: steady convergence from one side",
    "lesson.descent.steady.text": (
        "Start x₀ = {x0}, learning rate {lr}. Each step multiplies the error x − {target} by "
        "r = {r}, so x approaches the minimum from the same side; from step {k} on it stays "
        "within {tol} of it."),
    "lesson.descent.one_step.title": "lr = {lr}: the minimum in one step",
    "lesson.descent.one_step.text": (
        "This loss has curvature L = f″ = {L}. With the learning rate exactly 1/L = {one}, "
        "r = {r}: the first step goes from x₀ = {x0} straight to the minimum x₁ = {x1}."),
    "lesson.descent.oscillating.title": "lr = {lr}: converging while oscillating",
    "lesson.descent.oscillating.text": (
        "r = {r} is negative, so x jumps across the minimum every step ({x0} → {x1} → {x2} → …). "
        "Since |r| < 1 the distance still shrinks; from step {k} on x stays within {tol}."),
    "lesson.descent.cycle.title": "lr = {lr}: a two-point cycle",
    "lesson.descent.cycle.text": (
        "The learning rate {lr} sits exactly on the stability edge 2/L = {upper}, so r = {r}: "
        "the distance never shrinks and x bounces {a} ↔ {b} for all {n} steps — neither "
        "converging nor diverging."),
    "lesson.descent.diverges.title": "lr = {lr}: divergence",
    "lesson.descent.diverges.text": (
        "|r| = {absr} > 1: every jump is longer than the last ({x0} → {x1} → {x2} → …); at step "
        "{k} |x| passes {bound} and the run is stopped."),
    "lesson.descent.slow.title": "lr = {lr}: far too slow",
    "lesson.descent.slow.text": (
        "r = {r}: each step removes only a sliver of the error. After {n} steps x is still at "
        "{x}; at this pace reaching {tol} would take about {need} more steps."),
    "lesson.pending": "This step's numbers appear once the picture's training has finished.",
    # explorer
    "lesson.explorer.collapse.title": "Stacked linear layers stay linear",
    "lesson.explorer.collapse.text": (
        "Stack h(x) = {a}·x {L} times and you still get one straight line with slope {slope} "
        "(distance from a line: {dev}) — a network with no hidden layer at all. Depth only pays "
        "off with a non-linearity between the layers."),
    "lesson.explorer.bend.title": "{name} between the layers: it bends",
    "lesson.explorer.bend.text": (
        "Put {name} between the same {L} layers and the curve bends: it is {dev} away from the "
        "closest straight line. Now every extra layer can add shape."),
    "lesson.explorer.sigmoid.title": "The sigmoid family: {sig} and {tanh}",
    "lesson.explorer.sigmoid.text": (
        "{sig} squeezes every x into ({slo}, {shi}), {tanh} into ({tlo}, {thi}). Look at the "
        "derivative panel: both slopes are largest at x = 0 ({sg} and {tg}) and fade away "
        "towards both ends."),
    "lesson.explorer.relu.title": "The ReLU family: {relu}, {leaky}, {elu}",
    "lesson.explorer.relu.text": (
        "For x > 0 all three have slope {one}. They differ for negative inputs: at x = {x} the "
        "slope of {relu} is {g}, so it cannot learn from there; {leaky} keeps a small slope "
        "{slope}, and {elu} bends smoothly towards {lo}."),
    "lesson.explorer.softmax.title": "Softmax overflow",
    "lesson.explorer.softmax.text": (
        "Add {off} to the scores {orig} and you get {scores}: e^{zmax} is far beyond the float64 "
        "maximum {fmax} (any exponent above {ln_max} overflows). The naive formula returns "
        "{naive}. Subtracting the largest score first gives {stable} — the same probabilities as "
        "for the original scores, safely."),
    # saturation
    "lesson.saturation.quarter.title": "σ′ is at most {m}",
    "lesson.saturation.quarter.text": (
        "σ′(x) = σ(x)(1 − σ(x)) is largest at x = {x}, where it equals {m}: each {name} layer "
        "passes back at most {m} times the gradient it receives."),
    "lesson.saturation.flat.title": "Saturation: the shaded regions",
    "lesson.saturation.flat.text": (
        "Shaded: where |f′| < {t}. {sig} is flat for |x| > {es}, {tanh} for |x| > {et}; on the "
        "plotted range [{lo}, {hi}], {share} of the x values are saturated for {sig}. At the "
        "probe x = {x}, σ′ = {g}."),
    "lesson.saturation.depth.title": "Through L layers: {m}^L",
    "lesson.saturation.depth.text": (
        "Backpropagation multiplies one derivative per layer. Even in the best case, {L} {sig} "
        "layers leave {m}^{L} = {v} of the gradient; the best case for {tanh} is {tv}, for "
        "{relu} {rv}. Note the log axis."),
    "lesson.saturation.gradient.title": "A deep sigmoid network, layer by layer",
    "lesson.saturation.gradient.text": (
        "A random {L}-layer {name} network: the gradient of the last layer's weights has size "
        "{last}, the first layer's only {first} — a ratio of {ratio}. The layers near the output "
        "learn; the early ones hardly move (vanishing gradient)."),
    "lesson.saturation.dying.title": "Dying ReLU",
    "lesson.saturation.dying.text": (
        "Shift every bias by b = {b} and {dr} of the {relu} units are dead (f′ = 0 for every "
        "input), against {d0} without the shift. {leaky}: {dl}, {elu}: {de} — both keep a slope "
        "for negative inputs."),
    # zigzag
    "lesson.zigzag.inputs.title": "{name} outputs are always positive",
    "lesson.zigzag.inputs.text": (
        "The inputs x₁, x₂ are outputs of {name} units, so they are always positive: of the {m} "
        "inputs drawn, {share} lie in quadrant I (both positive). Find the start w₀ and the "
        "target w* in the left plane."),
    "lesson.zigzag.same_sign.title": "Every update is (+,+) or (−,−)",
    "lesson.zigzag.same_sign.text": (
        "An update is Δw = −lr·δ·x. With x₁, x₂ both positive, both components carry the sign "
        "of −δ. With {name} inputs every one of the {n} updates until w* was reached was (+,+) "
        "or (−,−)."),
    "lesson.zigzag.same_sign.text_some": (
        "An update is Δw = −lr·δ·x. With x₁, x₂ both positive, both components carry the sign "
        "of −δ. With {name} inputs {same} of the {n} updates until w* was reached were (+,+) "
        "or (−,−)."),
    "lesson.zigzag.path.title": "The zig-zag path",
    "lesson.zigzag.path.text": (
        "w* lies up and to the left of w₀ (w₁ must fall, w₂ must rise), a direction "
        "(quadrant II) no update can take. So the path zig-zags: length {length} against a "
        "straight distance of {straight} ({ratio}×), and it gets within {eps} of w* only at "
        "step {k}."),
    "lesson.zigzag.tanh.title": "{name}: zero-centred",
    "lesson.zigzag.tanh.text": (
        "{name} outputs lie in (−1, 1), centred on the origin, so the inputs' signs mix and an "
        "update can point anywhere: only {share} of its updates were same-sign. The right "
        "plane's path gets within {eps} of w* at step {kb} (with {sig} inputs: step {ka})."),
    "lesson.zigzag.relu.title": "{name}: never negative either",
    "lesson.zigzag.relu.text": (
        "{name} outputs are never negative either (often exactly 0). Of its {n} updates, {same} "
        "were (+,+) or (−,−), {axis} moved along one axis only and {mixed} pointed into "
        "quadrant II or IV. The path is {ratio}× the straight distance and gets near w* at "
        "step {k}."),
    # network
    "lesson.network.linear.title": "XOR needs a non-linear hidden layer",
    "lesson.network.linear.text": (
        "With {lin} hidden units the whole {sizes} network is one linear map: after {epochs} "
        "epochs it gets {acc} of the four XOR points right (outputs {outs}). From the same start "
        "with {sig} hidden units: {sacc} (outputs {souts})."),
    "lesson.network.course.title": "The course's XOR network: {epochs} epochs",
    "lesson.network.course.text": (
        "The {sizes} sigmoid network, learning rate {lr}, one update per sample. After {epochs} "
        "epochs the outputs for (0,0), (0,1), (1,0), (1,1) are {outs} (loss {loss}). Follow the "
        "loss curve on the way there."),
    "lesson.network.relu_out.title": "{relu} at the output",
    "lesson.network.relu_out.text": (
        "Put {relu} at the output and the output is no longer squeezed into a bounded range "
        "like sigmoid's. After {epochs} epochs, {relu} hidden units: accuracy {acc}, loss "
        "{loss}, outputs {outs}; {sig} hidden units: accuracy {sacc}, outputs {souts}."),
    "lesson.network.forward.title": "A forward pass by hand: the {sizes} {relu} network",
    "lesson.network.forward.text": (
        "Input x = [{x}], no biases. The hidden sums z = [{z}] go through {relu}, then the "
        "output weights give y = {y}. Target t = {t}, loss ½(y − t)² = {loss}. Follow the "
        "numbers on the diagram."),
    "lesson.network.update.title": "One update, stepped through",
    "lesson.network.update.text": (
        "First XOR sample x = ({x}), target t = {t}: the forward pass gives y = {y}, the output "
        "δ = {d}. The weight h₁ → y has gradient {g}; with learning rate {lr} it becomes "
        "{old} − {lr}·{g} = {new}."),
}
