"""Strings of the lessons' questions (ui.questions): each question's prompt, options, hint and
the reveal's sentence, the lesson texts of the question steps, the class summaries and the
reasons an answer is refused."""

KO = {
    # ------------------------------------------------------------------ the class, the reasons
    "question.summary.none": "아직 받은 답이 없습니다.",
    "question.summary.chose": "답한 {n}명 가운데 {k}명이 맞는 답을 골랐습니다.",
    "question.summary.within": "답한 {n}명 가운데 {k}명의 답이 참값에서 {tol} 이내입니다.",
    "question.summary.within_factor": ("답한 {n}명 가운데 {k}명의 답이 참값과 {factor}배 넘게 차이 "
                                       "나지 않습니다."),
    "question.summary.near": "답한 {n}명 가운데 {k}명이 참 위치에서 거리 {tol} 안쪽을 눌렀습니다.",
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
    "question.hidden": "이 부분은 답을 알려 주므로, 답을 확인하면 다시 나타납니다.",
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
    # ------------------------------------------------------------------ saturation
    "lesson.saturation.zero.title": "예측: σ′(0)의 값",
    "lesson.saturation.zero.text": (
        "지금 그래프에는 {sig} 함수만 있고 도함수 그래프는 답을 확인할 때 나타납니다. x = 0 지점에서 "
        "{sig} 함수의 도함수 값이 얼마일지 숫자로 적어 보세요."),
    "question.saturation.zero.prompt": "{sig} 함수의 도함수 σ′(x)에서 σ′(0)의 값은 얼마일까요?",
    "question.saturation.zero.truth": (
        "σ′(0) = σ(0)(1 − σ(0)) = {g}입니다. σ′ 곡선이 가장 높은 곳도 바로 여기이며, 그 최댓값은 "
        "{m}입니다."),
    "lesson.saturation.shrink.title": "예측: {sig} 층 {L}개를 지나면",
    "lesson.saturation.shrink.text": (
        "오차역전파는 층마다 도함수를 하나씩 곱합니다. {sig} 층 {L}개를 거꾸로 지나면 가장 좋은 "
        "경우에 기울기가 얼마나 남을지 보기에서 골라 보세요."),
    "question.saturation.shrink.prompt": (
        "{sig} 층 {L}개를 거꾸로 지난 뒤, 가장 좋은 경우에 남는 기울기는 처음의 얼마쯤일까요?"),
    "question.saturation.shrink.option.e1": "약 10분의 1 (10⁻¹)",
    "question.saturation.shrink.option.e3": "약 1000분의 1 (10⁻³)",
    "question.saturation.shrink.option.e6": "약 100만분의 1 (10⁻⁶)",
    "question.saturation.shrink.option.e9": "약 10억분의 1 (10⁻⁹)",
    "question.saturation.shrink.truth": (
        "가장 좋은 경우에도 층마다 기울기가 {m}배가 되므로, {L}개 층을 지나면 {m}^{L} = {v}만 "
        "남습니다."),
    # ------------------------------------------------------------------ zigzag
    "lesson.zigzag.quadrant.title": "예측: 갱신 한 번이 향할 수 있는 사분면",
    "lesson.zigzag.quadrant.text": (
        "두 입력은 {name} 유닛의 출력이므로 둘 다 양수입니다. 가중치 갱신 한 번이 (w₁, w₂) 평면에서 "
        "어느 사분면 쪽을 향할 수 있을지 골라 보세요."),
    "question.zigzag.quadrant.prompt": "{name} 입력에서 가중치 갱신 한 번은 어느 사분면 쪽을 향할 수 있을까요?",
    "question.zigzag.quadrant.option.i_iii": "제1사분면 또는 제3사분면만",
    "question.zigzag.quadrant.option.ii_iv": "제2사분면 또는 제4사분면만",
    "question.zigzag.quadrant.option.i": "제1사분면만",
    "question.zigzag.quadrant.option.any": "네 사분면 모두",
    "question.zigzag.quadrant.truth": (
        "{name} 입력으로 한 실행의 갱신을 모두 살펴보면 답은 ‘{answer}’입니다. 두 입력이 모두 "
        "양수라서 갱신의 두 성분은 언제나 부호가 같습니다."),
    "lesson.zigzag.where.title": "예측: {t}걸음 뒤의 가중치",
    "lesson.zigzag.where.text": (
        "왼쪽 그래프에는 출발점(w₀)과 목표(w*)만 있습니다. {name} 입력으로 {t}번 갱신한 뒤 가중치가 "
        "어디에 있을지 그래프에서 눌러 보세요."),
    "question.zigzag.where.prompt": (
        "{t}번 갱신한 뒤 가중치는 (w₁, w₂) 평면의 어디에 있을까요? 왼쪽 그래프에서 눌러 보세요."),
    "question.zigzag.where.hint": "왼쪽 그래프에서 한 곳을 누르세요.",
    "question.zigzag.where.truth": (
        "{t}번 갱신한 뒤 가중치는 (w₁, w₂) = ({w1}, {w2})에 있습니다. 목표 쪽으로 곧장 가지 못하고 "
        "지그재그로 움직였습니다."),
    # ------------------------------------------------------------------ descent
    "lesson.descent.count.title": "예측: lr = {lr}에서 몇 걸음?",
    "lesson.descent.count.text": (
        "걸음을 0에 두어 출발점 x₀ = {x0}만 보입니다. 최소점 x = {target}까지의 거리가 {goal}보다 "
        "작아지기까지 몇 걸음이 걸릴지 숫자로 적어 보세요."),
    "question.descent.count.prompt": (
        "학습률이 {lr}이고 x₀ = {x0}에서 출발할 때, 몇 번째 걸음부터 x와 {target} 사이의 거리가 "
        "{goal}보다 작아질까요?"),
    "question.descent.count.truth": (
        "{k}번째 걸음에서 x = {x}에 닿아 처음으로 {target}까지의 거리가 {goal}보다 작아지고, 그 "
        "뒤로는 계속 그 안에 머뭅니다."),
    "lesson.descent.diverge.title": "예측: 발산이 시작되는 학습률",
    "lesson.descent.diverge.text": (
        "그래프 아래의 학습률 축으로 내려가 보세요. 경사 하강법이 수렴하지 못하고 발산하기 시작하는 "
        "학습률을 축 위에서 눌러 보세요."),
    "question.descent.diverge.prompt": (
        "이 손실 함수에서 경사 하강법이 발산하기 시작하는 학습률은 어디일까요? 학습률 축에서 눌러 "
        "보세요."),
    "question.descent.diverge.hint": "학습률 축에서 한 곳을 누르세요.",
    "question.descent.diverge.truth": (
        "경계는 2/L = {upper}입니다(L = {L}). 학습률이 꼭 {upper}이면 x는 두 점 사이를 끝없이 오가고, "
        "그보다 크면 걸음마다 최소점에서 더 멀어집니다."),
    # ------------------------------------------------------------------ network
    "lesson.network.race.title": "예측: XOR의 네 점을 가장 먼저 모두 맞히는 함수",
    "lesson.network.race.text": (
        "지금 그래프는 {epochs} 에포크까지만 학습한 결과입니다. 은닉층의 활성화 함수만 다른 {sizes} "
        "신경망 가운데 어느 것이 네 점을 가장 먼저 모두 맞힐지 골라 보세요."),
    "question.network.race.prompt": "XOR 데이터의 네 점을 가장 먼저 모두 맞히는 은닉층 활성화 함수는 무엇일까요?",
    "question.network.race.option.sigmoid": "시그모이드",
    "question.network.race.option.tanh": "tanh",
    "question.network.race.option.relu": "ReLU",
    "question.network.race.truth": (
        "답은 {answer}입니다. 네 점을 모두 맞히기까지 {n_relu} 함수는 {e_relu} 에포크, {n_tanh} 함수는 "
        "{e_tanh} 에포크, {n_sigmoid} 함수는 {e_sigmoid} 에포크가 걸렸습니다."),
    "lesson.network.output.title": "예측: {sizes} {relu} 신경망의 출력",
    "lesson.network.output.text": (
        "이번에는 손으로 계산해 볼 차례입니다. 그래프에는 이 신경망의 입력과 가중치가 있고, 각 유닛의 "
        "값은 물음표로 가려져 있습니다. 순전파를 계산해 출력을 숫자로 적어 보세요."),
    "question.network.output.prompt": (
        "편향이 없는 {sizes} {relu} 신경망의 가중치가 W1 = {w1}, W2 = [{w2}]입니다. 입력 x = [{x}]에 "
        "대한 출력은 얼마일까요?"),
    "question.network.output.truth": "은닉층의 입력 합은 [{z}]이고, 출력은 y = {y}입니다.",
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
    "question.hidden": "This part would give the answer away: it comes back with the reveal.",
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
    # ------------------------------------------------------------------ saturation
    "lesson.saturation.zero.title": "Predict: σ′(0) = ?",
    "lesson.saturation.zero.text": (
        "The chart shows {sig} alone; its derivative comes back with the reveal. Write down the "
        "value of the derivative of {sig} at x = 0."),
    "question.saturation.zero.prompt": "Call the derivative of {sig} σ′(x). What is σ′(0)?",
    "question.saturation.zero.truth": (
        "σ′(0) = σ(0)(1 − σ(0)) = {g}. This is also where the σ′ curve is highest: its largest "
        "value is {m}."),
    "lesson.saturation.shrink.title": "Predict: through {L} {sig} layers",
    "lesson.saturation.shrink.text": (
        "Backpropagation multiplies one derivative per layer. Choose how much of the gradient is "
        "left, at best, after going back through {L} {sig} layers."),
    "question.saturation.shrink.prompt": (
        "After going back through {L} {sig} layers, about what share of the gradient is left at "
        "best?"),
    "question.saturation.shrink.option.e1": "about a tenth (10⁻¹)",
    "question.saturation.shrink.option.e3": "about a thousandth (10⁻³)",
    "question.saturation.shrink.option.e6": "about a millionth (10⁻⁶)",
    "question.saturation.shrink.option.e9": "about a billionth (10⁻⁹)",
    "question.saturation.shrink.truth": (
        "At best every layer multiplies the gradient by {m}, so after {L} layers {m}^{L} = {v} of "
        "it is left."),
    # ------------------------------------------------------------------ zigzag
    "lesson.zigzag.quadrant.title": "Predict: where can one update point?",
    "lesson.zigzag.quadrant.text": (
        "Both inputs are outputs of {name} units, so both are positive. Choose which quadrants of "
        "the (w₁, w₂) plane a single weight update can point into."),
    "question.zigzag.quadrant.prompt": "With inputs from {name}, which quadrants can a single weight update point into?",
    "question.zigzag.quadrant.option.i_iii": "quadrant I or III only",
    "question.zigzag.quadrant.option.ii_iv": "quadrant II or IV only",
    "question.zigzag.quadrant.option.i": "quadrant I only",
    "question.zigzag.quadrant.option.any": "any of the four quadrants",
    "question.zigzag.quadrant.truth": (
        "Over every update of the {name} run the answer is: {answer}. Both inputs are positive, "
        "so the two components of an update always share their sign."),
    "lesson.zigzag.where.title": "Predict: the weights after {t} steps",
    "lesson.zigzag.where.text": (
        "The left chart shows only the start (w₀) and the target (w*). Tap where you think the "
        "weights will be after {t} updates with inputs from {name}."),
    "question.zigzag.where.prompt": "Where will the weights (w₁, w₂) be after {t} updates? Tap the left chart.",
    "question.zigzag.where.hint": "Tap one point on the left chart.",
    "question.zigzag.where.truth": (
        "After {t} updates the weights are at (w₁, w₂) = ({w1}, {w2}): they could not head "
        "straight for the target and zig-zagged."),
    # ------------------------------------------------------------------ descent
    "lesson.descent.count.title": "Predict: how many steps at lr = {lr}?",
    "lesson.descent.count.text": (
        "The step is set to 0, so only the start x₀ = {x0} is shown. Write down how many steps it "
        "takes until x is closer than {goal} to the minimiser x = {target}."),
    "question.descent.count.prompt": (
        "Starting from x₀ = {x0} with learning rate {lr}, from which step on is |x − {target}| < "
        "{goal}?"),
    "question.descent.count.truth": (
        "At step {k} x reaches {x}, within {goal} of {target} for the first time, and it stays "
        "that close from then on."),
    "lesson.descent.diverge.title": "Predict: the learning rate where divergence begins",
    "lesson.descent.diverge.text": (
        "Scroll down to the learning-rate axis below the chart. Tap the learning rate on it where "
        "gradient descent stops converging and starts to diverge."),
    "question.descent.diverge.prompt": (
        "Where on the learning-rate axis does gradient descent on this loss start to diverge? "
        "Tap it."),
    "question.descent.diverge.hint": "Tap one point on the learning-rate axis.",
    "question.descent.diverge.truth": (
        "The limit is 2/L = {upper} (L = {L}). At exactly {upper} x jumps between two points for "
        "ever; above it every step lands farther from the minimiser."),
    # ------------------------------------------------------------------ network
    "lesson.network.race.title": "Predict: which one gets all four XOR points right first?",
    "lesson.network.race.text": (
        "The chart now shows only {epochs} epochs of training. Choose which of these {sizes} "
        "networks, which differ only in the hidden activation, classifies all four points "
        "correctly first."),
    "question.network.race.prompt": "Which hidden activation gets all four XOR points right first?",
    "question.network.race.option.sigmoid": "Sigmoid",
    "question.network.race.option.tanh": "tanh",
    "question.network.race.option.relu": "ReLU",
    "question.network.race.truth": (
        "The answer is {answer}. To get all four points right {n_relu} needed {e_relu} epochs, "
        "{n_tanh} {e_tanh} and {n_sigmoid} {e_sigmoid}."),
    "lesson.network.output.title": "Predict: the output of the {sizes} {relu} network",
    "lesson.network.output.text": (
        "Time to calculate by hand. The drawing shows this network's inputs and weights, with "
        "every unit's values hidden behind a question mark. Do the forward pass and write down "
        "the output."),
    "question.network.output.prompt": (
        "A {sizes} {relu} network without biases has W1 = {w1} and W2 = [{w2}]. What does it "
        "output for x = [{x}]?"),
    "question.network.output.truth": "The hidden layer's sums are [{z}] and the output is y = {y}.",
}
