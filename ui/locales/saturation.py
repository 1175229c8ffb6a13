"""Texts of the derivatives-and-saturation page (keys ``saturation.*``), English and Korean.

No computed fact is typed here: every number reaches a sentence through a ``{placeholder}``
filled by the page from core.saturation.
"""

EN: dict[str, str] = {
    "saturation.title": "Derivatives and saturation",
    "saturation.intro": (
        "Backpropagation multiplies one derivative f′ per layer. Where an activation is flat, "
        "f′ is close to zero and the learning signal fades on its way to the first layers — the "
        "**vanishing gradient**. A ReLU unit whose input is always negative passes no gradient at "
        "all: a **dying ReLU**. Every number below is computed from the functions themselves."
    ),
    "saturation.none": "Choose at least one activation.",
    "saturation.or": " or ",
    "saturation.all_x": "every x shown",
    "saturation.every_x": "every x",
    # ---------------------------------------------------------------- f and f'
    "saturation.curves.title": "f and its derivative f′",
    "saturation.curves.body": (
        "Top: the activation f(x). Bottom: its slope f′(x) on the same x axis. A region is "
        "shaded as **saturated** where |f′(x)| is below the threshold t (dotted line): a change "
        "of the input there barely changes the output, so almost no gradient flows back. Each "
        "function's saturated region is a strip in its own colour; dotted lines on the f′ chart "
        "mark the computed edges."
    ),
    "saturation.acts": "Activations (up to {n})",
    "saturation.acts_help": "The URL stores the English names of the chosen functions.",
    "saturation.threshold": "Saturation threshold t (|f′| < t)",
    "saturation.threshold_help": "Where the absolute slope is below t the region is shaded.",
    "saturation.xrange": "x range ±",
    "saturation.probe": "Probe x₀",
    "saturation.probe_help": "Shows f(x₀), f′(x₀) and the tangent line at x₀.",
    "saturation.sat_line": (
        "**{name}** is saturated (|f′| < {t}) for {where} — {share} of the range "
        "[{lo}, {hi}]."
    ),
    "saturation.sat_none": "**{name}** has |f′| ≥ {t} everywhere on [{lo}, {hi}]: no saturated region.",
    "saturation.peak_point": "Largest |f′|: **{value}** at x = {x}.",
    "saturation.peak_plateau": "Largest |f′|: **{value}**, reached for {where}.",
    "saturation.peak_limit": "|f′| keeps growing towards x → {side} and approaches **{value}**.",
    "saturation.probe_title": "At the probe x₀ = {x}",
    "saturation.probe_line": "**{name}**: f(x₀) = {f}, f′(x₀) = {g} — {state}",
    "saturation.probe_flat": "saturated here: the tangent is almost flat.",
    "saturation.probe_live": "not saturated: the tangent (dashed) still has a clear slope.",
    # ---------------------------------------------------------------- depth
    "saturation.depth.title": "Chain through depth: the best case",
    "saturation.depth.body": (
        "On its way back through L layers the gradient is multiplied by one f′ per layer. Even "
        "if every unit sat exactly where its slope is largest, the signal could change by at most "
        "(max|f′|)^L. Below this is drawn on a logarithmic axis for the chosen activations."
    ),
    "saturation.depth_L": "Number of layers L",
    "saturation.depth_line": "**{name}**: max|f′| = {m}, so after L = {L} layers at most {m}^{L} = **{v}**.",
    "saturation.depth_zero": "**{name}**: f′ = 0 wherever it exists, so not even one layer passes a gradient.",
    "saturation.depth_note": (
        "Weights also scale the signal, and real units rarely sit at the steepest point, so an "
        "actual network usually does worse than this best case — see the simulation below."
    ),
    # ---------------------------------------------------------------- deep MLP
    "saturation.mlp.title": "A simulated deep network",
    "saturation.mlp.body": (
        "Random inputs pass through a stack of fully connected layers with random weights; then a "
        "fixed random error is sent back from the output. Per layer you see how the summed inputs "
        "z are spread, how many units are saturated or dead, and how large the gradient is."
    ),
    "saturation.preset.sig_pos": "Sigmoid, W > 0",
    "saturation.preset.sig_xav": "Sigmoid, Xavier",
    "saturation.preset.relu_he": "ReLU, He",
    "saturation.preset.relu_neg": "ReLU, He, b = {b}",
    "saturation.mlp_act": "Activation",
    "saturation.init": "Weight initialisation",
    "saturation.init_help": (
        "N(0, {small}²): small normal. Xavier √(1/n), as CS231n writes it (also called LeCun): "
        "standard deviation √(1/n). Glorot's formula √(2/(n_in + n_out)), used in the network "
        "lab, gives the same value here because every layer has n units in and out. He: "
        "standard deviation √(2/n). |N(0, 1/n)|: Xavier-sized but every weight positive "
        "(n = units per layer)."
    ),
    "saturation.mlp_depth": "Layers",
    "saturation.width": "Units per layer",
    "saturation.samples": "Samples",
    "saturation.bias": "Bias shift b (every unit)",
    "saturation.bias_help": "Added to every summed input; negative values push ReLU units below zero.",
    "saturation.seed": "Random seed",
    "saturation.mlp_setup": (
        "{name}, {init} weights, {L} layers × {w} units, {n} samples, bias {b}, threshold t = {t}."
    ),
    "saturation.preact_title": "Summed inputs z per layer",
    "saturation.preact_text": (
        "The mean summed input is {first} in layer 1 and {last} in layer {L}; the largest layer "
        "mean is {peak} (layer {peak_layer}). From one layer to the next the mean went up "
        "{rising} times out of {steps}. In layer {L} the central {mid} of the summed inputs lie "
        "between {lo} and {hi}; the rest sits in the tails."
    ),
    "saturation.shares_title": "Saturated and dead units",
    "saturation.shares_text": (
        "Saturated (|f′| < {t}): {sat_first} of all unit outputs in layer 1, {sat_last} in layer "
        "{L}."
    ),
    "saturation.dead_text": (
        "Dead units (f′ = 0 for every sample): {dead_first} in layer 1, {dead_last} in layer "
        "{L}; the most, {dead_max}, in layer {dead_layer}."
    ),
    "saturation.dead_none": "No unit in any of the {L} layers is dead (f′ = 0 for every sample).",
    "saturation.grad_title": "Gradient size per layer",
    "saturation.grad_text": (
        "‖∂L/∂W‖ is {first} in layer 1 and {last} in layer {L}, so the first layer gets {ratio} "
        "times the last layer's gradient. Largest ÷ smallest over all layers: {spread}."
    ),
    # ---------------------------------------------------------------- dying ReLU
    "saturation.die.title": "Dying ReLU",
    "saturation.die.body": (
        "Shift every summed input down by a bias b < 0 and more and more ReLU units receive a "
        "negative input for every sample: their output is 0 and their slope is 0, so they stop "
        "learning. Leaky ReLU, PReLU and ELU keep a slope for negative inputs."
    ),
    "saturation.die_acts": "Activations to compare (up to {n})",
    "saturation.die_setup": "Each point: {L} layers × {w} units, {init} weights, {n} samples, seed {seed}.",
    "saturation.die_line": (
        "**{name}**: at b = {b}, {dead_neg} of all units are dead ({last} in the last layer); at "
        "b = {b0}, {dead_zero}. Saturated share (|f′| < {t}) at b = {b}: {sat}."
    ),
    "saturation.die_note": (
        "A dead unit has f′ = 0 for every sample. A unit with a tiny but non-zero slope (ELU far "
        "left) is not dead but saturated: it still learns, only slowly."
    ),
    # ---------------------------------------------------------------- figures
    "saturation.fig.tangent": "tangent at x₀",
    "saturation.fig.depth_x": "layers L",
    "saturation.fig.depth_y": "(max|f′|)<sup>L</sup>",
    "saturation.fig.band": "{lo}–{hi}% of z",
    "saturation.fig.median": "median z",
    "saturation.fig.mean": "mean z",
    "saturation.fig.layer": "layer",
    "saturation.fig.z_axis": "summed input z",
    "saturation.fig.saturated": "saturated (|f′| < t)",
    "saturation.fig.dead": "dead units",
    "saturation.fig.share_y": "share",
    "saturation.fig.grad_w": "‖∂L/∂W‖",
    "saturation.fig.grad_z": "‖∂L/∂z‖",
    "saturation.fig.grad_y": "gradient norm",
    "saturation.fig.bias_x": "bias shift b",
    "saturation.fig.dead_y": "dead units",
    "saturation.fig.flat": "flat zone (|f′| < t)",
    "saturation.presets": "Quick start",
    # ---------------------------------------------------------------- added: legend, budget
    "saturation.fig.sat_band": "{name}: |f′| < t",
    "saturation.budget_reduced": (
        "{L} layers × {w} units × {asked} samples with {name} is more work than one request "
        "may do, so the network was run with {used} samples instead of {asked}. Every number "
        "and chart below comes from those {used} samples."
    ),
    "saturation.budget_refused": (
        "{L} layers × {w} units with {name} is more work than one request may do, even with "
        "only {used} samples, so the network was not run. Use fewer layers or units, or a "
        "simpler formula."
    ),
}

KO: dict[str, str] = {
    "saturation.title": "미분과 포화 · 기울기 소실",
    "saturation.intro": (
        "오차역전파는 층마다 도함수 값(f′)을 하나씩 곱합니다. 활성화 함수가 평평한 곳에서는 도함수가 0에 "
        "가까워서, 학습 신호가 앞쪽 층으로 갈수록 사라집니다. 이것이 **기울기 소실**입니다. 입력이 늘 "
        "음수인 ReLU 유닛은 기울기를 전혀 전달하지 못하는데, 이를 **죽은 ReLU**라고 부릅니다. 아래의 "
        "모든 숫자는 함수에서 직접 계산한 값입니다."
    ),
    "saturation.none": "활성화 함수를 하나 이상 고르세요.",
    "saturation.or": " 또는 ",
    "saturation.all_x": "보이는 모든 x",
    "saturation.every_x": "모든 x",
    # ---------------------------------------------------------------- f and f'
    "saturation.curves.title": "함수 f와 도함수 f′",
    "saturation.curves.body": (
        "위: 활성화 함수 f(x). 아래: 같은 x축 위의 기울기 f′(x). 기울기의 "
        "절댓값(|f′(x)|)이 임곗값 t(점선)보다 작은 구간을 **포화** 구간으로 칠했습니다. "
        "그곳에서는 입력이 바뀌어도 출력이 거의 변하지 않으므로 거꾸로 흘러가는 기울기도 거의 없습니다. "
        "함수마다 포화 구간을 자기 색의 띠로 표시했고, f′ 그래프의 점선은 계산으로 구한 경계입니다."
    ),
    "saturation.acts": "활성화 함수 (최대 {n}개)",
    "saturation.acts_help": "URL에는 고른 함수의 영어 이름이 저장됩니다.",
    "saturation.threshold": "포화 임곗값 t (|f′| < t)",
    "saturation.threshold_help": "기울기의 절댓값이 t보다 작은 구간을 색칠합니다.",
    "saturation.xrange": "x 범위 ±",
    "saturation.probe": "살펴볼 점 x₀",
    "saturation.probe_help": "x₀ 위치의 함숫값 f(x₀), 도함수 값 f′(x₀), 접선을 보여 줍니다.",
    "saturation.sat_line": (
        "**{name}**: {where}에서 포화(|f′| < {t}) — 구간 [{lo}, {hi}]의 {share}."
    ),
    "saturation.sat_none": "**{name}**: [{lo}, {hi}] 전체에서 |f′| ≥ {t}이므로 포화 구간이 없습니다.",
    "saturation.peak_point": "|f′|의 최댓값: x = {x}에서 **{value}**.",
    "saturation.peak_plateau": "|f′|의 최댓값: {where}에서 **{value}**.",
    "saturation.peak_limit": "x → {side} 쪽으로 갈수록 |f′| 값이 커지며 **{value}**에 다가갑니다.",
    "saturation.probe_title": "살펴볼 점 x₀ = {x}에서",
    "saturation.probe_line": "**{name}**: f(x₀) = {f}, f′(x₀) = {g} — {state}",
    "saturation.probe_flat": "여기는 포화 구간이라 접선이 거의 수평입니다.",
    "saturation.probe_live": "포화되지 않아 접선(파선)에 뚜렷한 기울기가 있습니다.",
    # ---------------------------------------------------------------- depth
    "saturation.depth.title": "층을 거치는 곱: 가장 좋은 경우",
    "saturation.depth.body": (
        "기울기는 L개 층을 거꾸로 지나면서 층마다 도함수 값(f′)을 하나씩 곱하게 됩니다. 모든 유닛이 "
        "도함수가 가장 큰 곳에 있더라도 신호의 크기는 많아야 (max|f′|)^L배가 됩니다. 고른 함수들에 대해 "
        "이 값을 로그 축에 그렸습니다."
    ),
    "saturation.depth_L": "층 수 L",
    "saturation.depth_line": "**{name}**: max|f′| = {m}이므로 L = {L}개 층을 지나면 많아야 {m}^{L} = **{v}**.",
    "saturation.depth_zero": "**{name}**: 도함수가 정의되는 모든 곳에서 0이므로 층 하나도 기울기를 전달하지 못합니다.",
    "saturation.depth_note": (
        "실제로는 가중치도 신호의 크기를 바꾸고 유닛이 가장 가파른 지점에만 있지도 않으므로, 실제 "
        "신경망은 대개 이 최선의 경우보다 나쁩니다. 아래 시뮬레이션에서 확인해 보세요."
    ),
    # ---------------------------------------------------------------- deep MLP
    "saturation.mlp.title": "깊은 신경망 시뮬레이션",
    "saturation.mlp.body": (
        "무작위 입력을 무작위 가중치로 만든 완전 연결층 여러 개에 통과시킨 뒤, 출력에서 고정된 무작위 "
        "오차를 거꾸로 보냅니다. 층마다 가중합 z가 어떻게 퍼져 있는지, 포화되거나 죽은 유닛이 얼마나 "
        "되는지, 기울기가 얼마나 큰지 볼 수 있습니다."
    ),
    "saturation.preset.sig_pos": "시그모이드, W > 0",
    "saturation.preset.sig_xav": "시그모이드, Xavier",
    "saturation.preset.relu_he": "ReLU, He",
    "saturation.preset.relu_neg": "ReLU, He, b = {b}",
    "saturation.mlp_act": "활성화 함수",
    "saturation.init": "가중치 초기화",
    "saturation.init_help": (
        "N(0, {small}²): 작은 정규분포. Xavier √(1/n): CS231n에서 쓰는 Xavier(LeCun 초기화라고도 "
        "함)로, 표준편차가 √(1/n)입니다. 신경망 학습 페이지의 Glorot 공식 √(2/(n_in + n_out))도 "
        "여기서는 층마다 입력과 출력 유닛이 n개로 같아서 같은 값이 됩니다. He: 표준편차 √(2/n). "
        "|N(0, 1/n)|: Xavier와 크기는 같지만 모든 가중치가 양수 (n = 층당 유닛 수)."
    ),
    "saturation.mlp_depth": "층 수",
    "saturation.width": "층당 유닛 수",
    "saturation.samples": "샘플 수",
    "saturation.bias": "편향 이동 b (모든 유닛)",
    "saturation.bias_help": "모든 가중합에 더해집니다. 음수로 두면 ReLU 유닛의 입력이 0 아래로 밀립니다.",
    "saturation.seed": "난수 시드",
    "saturation.mlp_setup": (
        "{name}, {init} 가중치, {L}개 층 × {w}개 유닛, 샘플 {n}개, 편향 {b}, 임곗값 t = {t}."
    ),
    "saturation.preact_title": "층별 가중합 z",
    "saturation.preact_text": (
        "가중합의 평균은 1층에서 {first}, {L}층에서 {last}입니다. 층 평균이 가장 큰 곳은 "
        "{peak_layer}층({peak})입니다. 한 층에서 다음 층으로 넘어갈 때 평균이 커진 경우는 "
        "{steps}번 중 {rising}번입니다. {L}층에서는 가운데 {mid}의 가중합이 {lo}에서 "
        "{hi} 사이에 있고, 나머지는 양쪽 꼬리에 있습니다."
    ),
    "saturation.shares_title": "포화된 유닛과 죽은 유닛",
    "saturation.shares_text": (
        "포화(|f′| < {t}): 1층에서 전체 유닛 출력의 {sat_first}, {L}층에서 {sat_last}."
    ),
    "saturation.dead_text": (
        "죽은 유닛(모든 샘플에서 f′ = 0): 1층 {dead_first}, {L}층 {dead_last}, 가장 많은 곳은 "
        "{dead_layer}층({dead_max})."
    ),
    "saturation.dead_none": "{L}개 층 어디에도 죽은 유닛(모든 샘플에서 f′ = 0)은 없습니다.",
    "saturation.grad_title": "층별 기울기 크기",
    "saturation.grad_text": (
        "가중치 기울기의 크기(‖∂L/∂W‖)는 1층에서 {first}, {L}층에서 {last}입니다. 즉 "
        "첫 층은 마지막 층 기울기의 {ratio}배를 받습니다. 모든 층 중 최댓값 ÷ 최솟값: "
        "{spread}."
    ),
    # ---------------------------------------------------------------- dying ReLU
    "saturation.die.title": "죽은 ReLU",
    "saturation.die.body": (
        "모든 가중합을 음수 편향 b만큼 아래로 옮기면, 모든 샘플에서 음수 입력만 받는 ReLU 유닛이 점점 "
        "늘어납니다. 이런 유닛은 출력과 기울기가 모두 0이므로 더 이상 학습하지 못합니다. Leaky ReLU, "
        "PReLU, ELU는 음수 입력에서도 기울기를 남겨 둡니다."
    ),
    "saturation.die_acts": "비교할 활성화 함수 (최대 {n}개)",
    "saturation.die_setup": "각 점: {L}개 층 × {w}개 유닛, {init} 가중치, 샘플 {n}개, 시드 {seed}.",
    "saturation.die_line": (
        "**{name}**: b = {b}일 때 죽은 유닛은 전체의 {dead_neg}(마지막 층 "
        "{last})입니다. b = {b0}일 때는 {dead_zero}. b = {b}에서 포화(|f′| "
        "< {t}) 비율: {sat}."
    ),
    "saturation.die_note": (
        "죽은 유닛은 모든 샘플에서 f′ = 0입니다. 기울기가 아주 작아도 0보다 큰 유닛(왼쪽 끝의 "
        "ELU)은 죽은 것이 아니라 포화된 것이어서, 느리지만 계속 학습합니다."
    ),
    # ---------------------------------------------------------------- figures
    "saturation.fig.tangent": "x₀에서의 접선",
    "saturation.fig.depth_x": "층 수 L",
    "saturation.fig.depth_y": "(max|f′|)<sup>L</sup>",
    "saturation.fig.band": "z의 {lo}–{hi}%",
    "saturation.fig.median": "z 중앙값",
    "saturation.fig.mean": "z 평균",
    "saturation.fig.layer": "층",
    "saturation.fig.z_axis": "가중합 z",
    "saturation.fig.saturated": "포화 (|f′| < t)",
    "saturation.fig.dead": "죽은 유닛",
    "saturation.fig.share_y": "비율",
    "saturation.fig.grad_w": "‖∂L/∂W‖",
    "saturation.fig.grad_z": "‖∂L/∂z‖",
    "saturation.fig.grad_y": "기울기 노름",
    "saturation.fig.bias_x": "편향 이동 b",
    "saturation.fig.dead_y": "죽은 유닛",
    "saturation.fig.flat": "평평한 구간 (|f′| < t)",
    "saturation.presets": "바로 보기",
    # ---------------------------------------------------------------- added: legend, budget
    "saturation.fig.sat_band": "{name}: |f′| < t",
    "saturation.budget_reduced": (
        "{name} 함수로 {L}층 × 유닛 {w}개 × 표본 {asked}개를 계산하면 한 번의 요청에 허용된 "
        "계산량을 넘습니다. 그래서 표본을 {used}개로 줄여서 계산했습니다. 아래 숫자와 그래프는 모두 "
        "표본 {used}개로 얻은 결과입니다."
    ),
    "saturation.budget_refused": (
        "{name} 함수로 {L}층 × 유닛 {w}개를 계산하면 표본을 {used}개로 줄여도 한 번의 요청에 "
        "허용된 계산량을 넘어서 계산하지 않았습니다. 층이나 유닛 수를 줄이거나 더 간단한 식을 "
        "써 보세요."
    ),
}
