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
    "lesson.leave_help": "단계별 설명을 끝냅니다. 설정은 지금 상태 그대로 남아 자유롭게 탐색할 수 있습니다.",
    "lesson.keys_help": "키보드: → 또는 PageDown 키로 다음, ← 또는 PageUp 키로 이전 (입력 칸에 커서가 없을 때)",
    "lesson.elsewhere": "**{title}** — 설명은 아래 그래프 옆에 있습니다.",
    # descent
    "lesson.descent.steady.title": "lr = {lr}: 한쪽에서 꾸준히 수렴",
    "lesson.descent.steady.text": (
        "출발점은 x₀ = {x0}이고 학습률은 {lr}입니다. 한 걸음마다 최소점까지의 오차(x − {target})가 "
        "r = {r}배로 줄어들므로, x는 늘 같은 쪽에서 최소점에 다가갑니다. {k}번째 걸음부터는 x가 "
        "최소점에서 {tol} 이내에 머뭅니다."),
    "lesson.descent.one_step.title": "lr = {lr}: 한 걸음에 최소점으로",
    "lesson.descent.one_step.text": (
        "이 손실 함수의 곡률은 L = f″ = {L}입니다. 학습률이 정확히 1/L = {one}이면 r = {r}이므로, "
        "x₀ = {x0}에서 출발한 첫걸음이 곧바로 최소점 x₁ = {x1}에 닿습니다."),
    "lesson.descent.oscillating.title": "lr = {lr}: 진동하면서 수렴",
    "lesson.descent.oscillating.text": (
        "r = {r}처럼 음수이면 x는 걸음마다 최소점을 건너 반대편으로 넘어갑니다({x0} → {x1} → {x2} → …). "
        "그래도 |r| < 1이므로 최소점까지의 거리는 계속 줄어듭니다. {k}번째 걸음부터는 x가 최소점에서 "
        "{tol} 이내에 머뭅니다."),
    "lesson.descent.cycle.title": "lr = {lr}: 두 점 사이를 끝없이 오감",
    "lesson.descent.cycle.text": (
        "안정 경계는 2/L = {upper}이고 지금 학습률도 정확히 {lr}이므로 r = {r}입니다. 그래서 "
        "최소점까지의 거리가 전혀 줄지 않고, x는 {n}번의 걸음 내내 두 점 {a} ↔ {b} 사이를 오갑니다. "
        "수렴하지도 발산하지도 않는 경우입니다."),
    "lesson.descent.diverges.title": "lr = {lr}: 발산",
    "lesson.descent.diverges.text": (
        "이번에는 |r| = {absr}이어서 1보다 큽니다. 그래서 x는 최소점을 건널 때마다 더 멀리 튕겨 "
        "나갑니다({x0} → {x1} → {x2} → …). {k}번째 걸음에서 x의 크기가 {bound}보다 커지자 실행을 "
        "멈춥니다."),
    "lesson.descent.slow.title": "lr = {lr}: 너무 느림",
    "lesson.descent.slow.text": (
        "r = {r}이므로 한 걸음에 오차가 아주 조금씩만 줄어듭니다. {n}번을 걸은 뒤에도 x는 아직 "
        "{x}에 있습니다. 이 속도라면 최소점에서 {tol} 이내에 들기까지 처음부터 모두 약 {need}번, "
        "곧 지금보다 약 {more}번을 더 걸어야 합니다."),
    "lesson.pending": "이 단계의 숫자는 그래프에 그릴 학습이 끝나면 나옵니다.",
    # explorer
    "lesson.explorer.collapse.title": "선형 층은 쌓아도 선형",
    "lesson.explorer.collapse.text": (
        "h(x) = {a}·x 층을 {L}번 겹쳐도 결과는 기울기가 {slope}인 직선 하나이고, 직선에서 벗어난 "
        "정도는 {dev}%입니다. 은닉층이 하나도 없는 신경망과 다를 바가 없습니다. 층 사이에 비선형 "
        "함수가 있어야 깊이가 의미를 가집니다."),
    "lesson.explorer.bend.title": "층 사이에 {name}: 곡선이 휨",
    "lesson.explorer.bend.text": (
        "같은 {L}개 층 사이에 {name} 함수를 넣으면 곡선이 휘어서, 가장 가까운 직선에서 {dev}%만큼 "
        "벗어납니다. 이제는 층을 하나 더할 때마다 표현할 수 있는 모양이 늘어납니다."),
    "lesson.explorer.sigmoid.title": "시그모이드 계열: {sig}, {tanh}",
    "lesson.explorer.sigmoid.text": (
        "{sig} 함수는 모든 입력을 ({slo}, {shi}) 구간으로, {tanh} 함수는 ({tlo}, {thi}) 구간으로 "
        "눌러 담습니다. 아래 도함수 그래프에서 두 기울기는 모두 x = 0에서 가장 크며, 최댓값은 "
        "{sig} 함수가 {sg}, {tanh} 함수가 {tg}입니다. 양쪽 끝으로 갈수록 기울기는 0에 가깝게 "
        "사라집니다."),
    "lesson.explorer.relu.title": "ReLU 계열: {relu}, {leaky}, {elu}",
    "lesson.explorer.relu.text": (
        "x > 0에서는 세 함수의 기울기가 모두 {one}입니다. 하지만 x = {x}에서 {relu} 함수의 기울기는 "
        "{g}이어서, 음수 입력으로는 배우지 못합니다. {leaky} 함수는 음수 쪽에 작은 기울기({slope})를 "
        "남기고, {elu} 함수는 부드럽게 휘어 {lo}에 다가갑니다."),
    "lesson.explorer.softmax.title": "소프트맥스 오버플로",
    "lesson.explorer.softmax.text": (
        "점수 {orig}에 {off}씩 더하면 점수는 {scores}이고, 이때 e^{zmax}의 값은 float64 형식의 "
        "최댓값({fmax})을 훨씬 넘습니다(지수가 {ln_max}보다 크면 오버플로). 공식 그대로 계산하면 "
        "소프트맥스의 결과는 {naive}입니다. 가장 큰 점수를 먼저 빼고 계산하면 원래 점수와 같은 "
        "확률({stable})이 안전하게 나옵니다."),
    # saturation
    "lesson.saturation.quarter.title": "σ′의 최댓값: {m}",
    "lesson.saturation.quarter.text": (
        "시그모이드의 도함수 σ′(x) = σ(x)(1 − σ(x)) 곡선은 x = {x}에서 가장 높고, 그 높이가 "
        "{m}입니다. 그래서 오차역전파에서 {name} 층을 하나 거꾸로 지날 때마다 기울기는 많아야 "
        "{m}배가 됩니다."),
    "lesson.saturation.flat.title": "포화 구간 (음영)",
    "lesson.saturation.flat.text": (
        "음영은 |f′| < {t}인 구간입니다. {sig} 함수는 |x| > {es}에서, {tanh} 함수는 |x| > {et}에서 "
        "평평하며, 그래프의 범위 [{lo}, {hi}]에서는 x의 {share}%에서 {sig} 함수가 포화됩니다. "
        "살펴볼 점 x = {x}에서 σ′의 크기는 {g}입니다."),
    "lesson.saturation.depth.title": "층을 지날수록: {m}^L",
    "lesson.saturation.depth.text": (
        "오차역전파는 층마다 도함수를 하나씩 곱합니다. 그래서 {sig} 층 {L}개를 거꾸로 지나고도 "
        "남는 기울기의 몫은 가장 좋은 경우에도 {m}^{L} = {v}뿐입니다. 반면 {tanh} 층과 {relu} 층은 "
        "가장 좋은 경우 기울기의 {tv}배와 {rv}배를 남깁니다(세로축은 로그 축)."),
    "lesson.saturation.gradient.title": "깊은 시그모이드 신경망의 층별 기울기",
    "lesson.saturation.gradient.text": (
        "{name} 층이 {L}개인 무작위 신경망에서 마지막 층 가중치의 기울기 크기는 {last}이고, 첫 층은 "
        "{first}밖에 되지 않아 둘의 비율은 {ratio}입니다. 출력에 가까운 층은 배우지만 앞쪽 층은 "
        "거의 움직이지 않는데, 이것이 기울기 소실입니다."),
    "lesson.saturation.dying.title": "죽은 ReLU",
    "lesson.saturation.dying.text": (
        "모든 편향을 b = {b}만큼 옮기면, 어떤 입력에서도 f′ = 0인 죽은 유닛의 비율이 {relu} 함수에서 "
        "{dr}%입니다. 편향을 옮기지 않으면 이 비율은 {d0}%입니다. {leaky} 함수와 {elu} 함수는 "
        "음수 입력에도 기울기를 남기므로 죽은 유닛의 비율이 각각 {dl}%, {de}%입니다."),
    # zigzag
    "lesson.zigzag.inputs.title": "{name} 출력은 늘 양수",
    "lesson.zigzag.inputs.text": (
        "두 입력(x₁, x₂)은 {name} 유닛의 출력이라서 언제나 양수입니다. 뽑힌 입력 {m}개 가운데 "
        "제1사분면(둘 다 양수)에 있는 것의 비율은 {share}%입니다. 왼쪽 그래프에서 출발점(w₀)과 "
        "목표(w*)를 찾아보세요."),
    "lesson.zigzag.same_sign.title": "갱신은 늘 (+,+) 또는 (−,−)",
    "lesson.zigzag.same_sign.text": (
        "가중치 갱신은 Δw = −lr·δ·x 꼴입니다. 두 입력이 모두 양수이면 갱신의 두 성분은 부호가 "
        "둘 다 −δ의 부호와 같습니다. {name} 입력으로 w*에 닿을 때까지 한 갱신 {n}번은 하나도 "
        "빠짐없이 (+,+) 또는 (−,−) 방향이었습니다."),
    "lesson.zigzag.same_sign.text_some": (
        "가중치 갱신은 Δw = −lr·δ·x 꼴입니다. 두 입력이 모두 양수이면 갱신의 두 성분은 부호가 "
        "둘 다 −δ의 부호와 같습니다. {name} 입력으로 w*에 닿을 때까지 한 갱신 {n}번 가운데 "
        "{same}번이 (+,+) 또는 (−,−) 방향이었습니다."),
    "lesson.zigzag.path.title": "지그재그 경로",
    "lesson.zigzag.path.text": (
        "목표 w*는 출발점의 왼쪽 위에 있어서 첫째 가중치는 줄고 둘째 가중치는 늘어야 하는데, 어떤 "
        "갱신도 그쪽(제2사분면)을 향할 수 없습니다. 그래서 지그재그로 꺾인 경로의 길이는 직선 거리 "
        "{straight}의 {ratio}배인 {length}입니다. 경로는 {k}번째 걸음에서야 w* 주변 {eps} 안에 "
        "들어옵니다."),
    "lesson.zigzag.tanh.title": "{name}: 0 중심 (zero-centered)",
    "lesson.zigzag.tanh.text": (
        "{name} 함수의 출력은 (−1, 1) 구간에서 0 주위에 고르게 퍼져 있어서 입력의 부호가 섞이고, 갱신은 "
        "어느 방향이든 가리킬 수 있습니다. 두 성분의 부호가 같은 갱신은 {share}%뿐입니다. 오른쪽 "
        "그래프의 경로는 {kb}번째 걸음에 w* 주변 {eps} 안에 닿습니다({sig} 입력일 때는 {ka}번째 걸음)."),
    "lesson.zigzag.relu.title": "{name}: 역시 음수가 없음",
    "lesson.zigzag.relu.text": (
        "{name} 함수의 출력도 음수가 되지 않고, 정확히 0인 경우도 많습니다. 갱신 {n}번 가운데 "
        "(+,+) 또는 (−,−) 방향이 {same}번, 한 축으로만 움직인 것이 {axis}번, 제2·4사분면 방향이 "
        "{mixed}번입니다. 경로의 길이는 직선 거리의 {ratio}배이고, {k}번째 걸음에 w* 주변에 닿습니다."),
    # network
    "lesson.network.linear.title": "XOR에는 비선형 은닉층이 필요",
    "lesson.network.linear.text": (
        "은닉층의 활성화 함수가 {lin}이면 {sizes} 신경망 전체가 선형 함수 하나일 뿐입니다. {epochs} "
        "에포크를 학습한 뒤 네 XOR 점 가운데 맞힌 비율은 {acc}%입니다(출력 {outs}). 같은 초깃값에서 "
        "은닉층을 {sig} 함수로 바꾸면 맞힌 비율이 {sacc}%입니다(출력 {souts})."),
    "lesson.network.course.title": "수업의 XOR 신경망: {epochs} 에포크",
    "lesson.network.course.text": (
        "학습률은 {lr}이고 샘플마다 한 번씩 갱신하는 {sizes} 시그모이드 신경망입니다. {epochs} "
        "에포크 뒤 입력 (0,0), (0,1), (1,0), (1,1)에 대한 출력은 {outs}이고 손실은 {loss}입니다. "
        "그 값에 이르는 손실 곡선을 따라가 보세요."),
    "lesson.network.relu_out.title": "출력층에 {relu}",
    "lesson.network.relu_out.text": (
        "출력층을 {relu} 함수로 바꾸면 출력이 시그모이드처럼 한 구간 안에 묶이지 않습니다. {epochs} "
        "에포크 뒤 은닉층이 {relu} 함수일 때 정확도는 {acc}%, 손실은 {loss}이고 출력은 {outs}입니다. "
        "은닉층이 {sig} 함수일 때는 정확도가 {sacc}%이고 출력은 {souts}입니다."),
    "lesson.network.forward.title": "손으로 하는 순전파: {sizes} {relu} 신경망",
    "lesson.network.forward.text": (
        "입력은 x = [{x}]이고 편향은 없습니다. 은닉층의 합 z = [{z}]에 {relu} 함수를 적용하고 "
        "출력층 가중치를 곱하면 출력은 y = {y}입니다. 목푯값이 t = {t}이므로 손실은 "
        "½(y − t)² = {loss}이며, 그래프의 숫자로 이 계산을 따라가 볼 수 있습니다."),
    "lesson.network.update.title": "갱신 한 번을 단계별로",
    "lesson.network.update.text": (
        "XOR의 첫 샘플은 x = ({x})이고 목푯값은 t = {t}입니다. 순전파 출력은 y = {y}이고, "
        "출력층에서는 δ = {d}입니다. 은닉 유닛 h₁에서 y로 가는 가중치의 기울기는 {g}이므로, "
        "학습률 {lr}에서 새 가중치는 {old} − {lr}·{g} = {new}입니다."),
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
        "We start at x₀ = {x0} with learning rate {lr}. Each step multiplies the error x − {target} "
        "by r = {r}, so x approaches the minimum from the same side. From step {k} on it stays "
        "within {tol} of the minimum."),
    "lesson.descent.one_step.title": "lr = {lr}: the minimum in one step",
    "lesson.descent.one_step.text": (
        "This loss has curvature L = f″ = {L}. With the learning rate exactly 1/L = {one} we get "
        "r = {r}, so the very first step goes from x₀ = {x0} straight to the minimum x₁ = {x1}."),
    "lesson.descent.oscillating.title": "lr = {lr}: converging while oscillating",
    "lesson.descent.oscillating.text": (
        "Here r = {r} is negative, so x jumps across the minimum at every step ({x0} → {x1} → {x2} "
        "→ …). Since |r| < 1 the distance still shrinks. From step {k} on x stays within {tol} of "
        "the minimum."),
    "lesson.descent.cycle.title": "lr = {lr}: a two-point cycle",
    "lesson.descent.cycle.text": (
        "The learning rate {lr} sits exactly on the stability edge 2/L = {upper}, so r = {r}. The "
        "distance never shrinks, and x bounces {a} ↔ {b} for all {n} steps. It neither converges "
        "nor diverges."),
    "lesson.descent.diverges.title": "lr = {lr}: divergence",
    "lesson.descent.diverges.text": (
        "Now |r| = {absr} is larger than 1, so every jump across the minimum is longer than the "
        "last ({x0} → {x1} → {x2} → …). At step {k} x grows beyond {bound} in size and the run is "
        "stopped."),
    "lesson.descent.slow.title": "lr = {lr}: far too slow",
    "lesson.descent.slow.text": (
        "With r = {r} each step removes only a sliver of the error. After {n} steps x is still at "
        "{x}. At this pace, getting within {tol} of the minimum would take about {need} steps in "
        "all, that is about {more} more."),
    "lesson.pending": "This step's numbers appear once the graph's training has finished.",
    # explorer
    "lesson.explorer.collapse.title": "Stacked linear layers stay linear",
    "lesson.explorer.collapse.text": (
        "Stack h(x) = {a}·x {L} times and you still get one straight line with slope {slope}; it "
        "is {dev}% away from a line. That is a network with no hidden layer at all. Depth only "
        "pays off with a non-linearity between the layers."),
    "lesson.explorer.bend.title": "{name} between the layers: it bends",
    "lesson.explorer.bend.text": (
        "Put {name} between the same {L} layers and the curve bends: it is {dev}% away from the "
        "closest straight line. Now every extra layer can add shape."),
    "lesson.explorer.sigmoid.title": "The sigmoid family: {sig} and {tanh}",
    "lesson.explorer.sigmoid.text": (
        "{sig} squeezes every input into ({slo}, {shi}), {tanh} into ({tlo}, {thi}). In the "
        "derivative graph below both slopes are largest at x = 0: {sg} for {sig} and {tg} for "
        "{tanh}. Towards both ends they fade away to almost 0."),
    "lesson.explorer.relu.title": "The ReLU family: {relu}, {leaky}, {elu}",
    "lesson.explorer.relu.text": (
        "For x > 0 all three have slope {one}. At x = {x}, though, the slope of {relu} is {g}, so "
        "it cannot learn from negative inputs. {leaky} keeps a small slope ({slope}) there, and "
        "{elu} bends smoothly towards {lo}."),
    "lesson.explorer.softmax.title": "Softmax overflow",
    "lesson.explorer.softmax.text": (
        "Add {off} to the scores {orig} and they become {scores}: e^{zmax} is far beyond the "
        "largest float64 number, {fmax} (any exponent above {ln_max} overflows). Computed as "
        "written, softmax returns {naive}. Subtracting the largest score first gives {stable}, "
        "the same probabilities as for the original scores, safely."),
    # saturation
    "lesson.saturation.quarter.title": "σ′ is at most {m}",
    "lesson.saturation.quarter.text": (
        "The derivative σ′(x) = σ(x)(1 − σ(x)) is largest at x = {x}, where it equals {m}. So "
        "each {name} layer passes back at most {m} times the gradient it receives."),
    "lesson.saturation.flat.title": "Saturation: the shaded regions",
    "lesson.saturation.flat.text": (
        "The shading marks where |f′| < {t}. {sig} is flat for |x| > {es} and {tanh} for |x| > "
        "{et}; on the plotted range [{lo}, {hi}], {sig} is saturated for {share}% of the x values. "
        "At the chosen point x = {x}, σ′ = {g}."),
    "lesson.saturation.depth.title": "Through L layers: {m}^L",
    "lesson.saturation.depth.text": (
        "Backpropagation multiplies one derivative per layer. So the share of the gradient that "
        "survives {L} {sig} layers is at best {m}^{L} = {v}. In the same best case {tanh} layers "
        "keep {tv} times the gradient and {relu} layers {rv} times; note the log axis."),
    "lesson.saturation.gradient.title": "A deep sigmoid network, layer by layer",
    "lesson.saturation.gradient.text": (
        "In a random {L}-layer {name} network the gradient of the last layer's weights has size "
        "{last}, the first layer's only {first}: a ratio of {ratio}. The layers near the output "
        "learn while the early ones hardly move. That is the vanishing gradient."),
    "lesson.saturation.dying.title": "Dying ReLU",
    "lesson.saturation.dying.text": (
        "Shift every bias by b = {b} and {dr}% of the {relu} units are dead (f′ = 0 for every "
        "input). Without the shift it is {d0}%. {leaky} and {elu} keep a slope for negative "
        "inputs, so only {dl}% and {de}% of their units are dead."),
    # zigzag
    "lesson.zigzag.inputs.title": "{name} outputs are always positive",
    "lesson.zigzag.inputs.text": (
        "The inputs x₁, x₂ are outputs of {name} units, so they are always positive. Of the {m} "
        "inputs drawn, {share}% lie in quadrant I (both positive). Find the start w₀ and the "
        "target w* in the left graph."),
    "lesson.zigzag.same_sign.title": "Every update is (+,+) or (−,−)",
    "lesson.zigzag.same_sign.text": (
        "An update is Δw = −lr·δ·x. With both inputs positive, both components carry the sign of "
        "−δ. With {name} inputs every one of the {n} updates until w* was reached was (+,+) or "
        "(−,−)."),
    "lesson.zigzag.same_sign.text_some": (
        "An update is Δw = −lr·δ·x. With both inputs positive, both components carry the sign of "
        "−δ. With {name} inputs {same} of the {n} updates until w* was reached were (+,+) or "
        "(−,−)."),
    "lesson.zigzag.path.title": "The zig-zag path",
    "lesson.zigzag.path.text": (
        "w* lies up and to the left of w₀ (w₁ must fall, w₂ must rise), a direction (quadrant II) "
        "no update can take. So the path zig-zags: its length {length} is {ratio} times the "
        "straight distance {straight}. It gets within {eps} of w* only at step {k}."),
    "lesson.zigzag.tanh.title": "{name}: zero-centred",
    "lesson.zigzag.tanh.text": (
        "{name} outputs lie in (−1, 1), centred on 0, so the inputs' signs mix and an update can "
        "point anywhere. Only {share}% of its updates were same-sign. The right graph's path "
        "gets within {eps} of w* at step {kb} (with {sig} inputs: step {ka})."),
    "lesson.zigzag.relu.title": "{name}: never negative either",
    "lesson.zigzag.relu.text": (
        "{name} outputs are never negative either, and often exactly 0. Of its {n} updates {same} "
        "were (+,+) or (−,−), {axis} moved along one axis only and {mixed} pointed into quadrant "
        "II or IV. The path is {ratio} times the straight distance and gets near w* at step {k}."),
    # network
    "lesson.network.linear.title": "XOR needs a non-linear hidden layer",
    "lesson.network.linear.text": (
        "With {lin} hidden units the whole {sizes} network is one linear map. After {epochs} "
        "epochs it gets {acc}% of the four XOR points right (outputs {outs}). From the same start "
        "with {sig} hidden units it gets {sacc}% right (outputs {souts})."),
    "lesson.network.course.title": "The course's XOR network: {epochs} epochs",
    "lesson.network.course.text": (
        "This is the course's {sizes} sigmoid network, trained with learning rate {lr} and one "
        "update per sample. After {epochs} epochs the outputs for (0,0), (0,1), (1,0), (1,1) are "
        "{outs} (loss {loss}). Follow the loss curve on the way there."),
    "lesson.network.relu_out.title": "{relu} at the output",
    "lesson.network.relu_out.text": (
        "Put {relu} at the output and the output is no longer squeezed into a bounded range like "
        "sigmoid's. After {epochs} epochs with {relu} hidden units the accuracy is {acc}%, the "
        "loss {loss} and the outputs {outs}. With {sig} hidden units the accuracy is {sacc}% and "
        "the outputs are {souts}."),
    "lesson.network.forward.title": "A forward pass by hand: the {sizes} {relu} network",
    "lesson.network.forward.text": (
        "The input is x = [{x}] and there are no biases. The hidden sums z = [{z}] go through "
        "{relu}, and the output weights then give y = {y}. With target t = {t} the loss is "
        "½(y − t)² = {loss}; follow the numbers on the graph."),
    "lesson.network.update.title": "One update, stepped through",
    "lesson.network.update.text": (
        "The first XOR sample is x = ({x}) with target t = {t}. The forward pass gives y = {y}, and "
        "the output δ = {d}. The weight h₁ → y has gradient {g}, so with learning rate {lr} it "
        "becomes {old} − {lr}·{g} = {new}."),
}
