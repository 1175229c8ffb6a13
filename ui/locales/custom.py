"""Strings of "your own activation": the f(x) formula box and its messages (core.custom)."""

EN: dict[str, str] = {
    "custom.label": "Your own function f(x) =",
    "custom.placeholder": "x * sigmoid(1.702 * x)",
    "custom.help": (
        "Type a formula in x: it is drawn beside the chosen functions, with its exact derivative "
        "and its measured properties, and it is stored in the link.\n\n"
        "Allowed: `+ - * /`, powers `**` or `^`, numbers such as `1e-3`, parentheses, "
        "`where(condition, a, b)` with `< <= > >= == !=` (and `and`, `or`, `not`), "
        "`exp log log1p sqrt abs sin cos tanh erf`, `max`/`min` of two arguments, and every "
        "activation of the catalogue by its id, e.g. `sigmoid(x)`, `relu(x)`, `softplus(x)`, "
        "`elu(x, alpha=0.5)`.\n\n"
        "Examples: `x * sigmoid(1.702 * x)`, `where(x > 0, x, 0.2 * x)`, `log(1 + exp(x))`. "
        "At most {max} characters."),
    "custom.option": "your formula",
    "custom.bad": "This formula cannot be used: {msg}",
    "custom.need": "Type a formula in the f(x) box above to include your own function.",
    "custom.gaps": "**{name}**: f(x) is not a finite number at {n} of the {total} points drawn "
                   "(an overflow, or outside the domain of a function in it); those points are "
                   "left as gaps in the curve.",
    "custom.gaps_grad": "**{name}**: f′(x) is not a finite number at {n} of the {total} points "
                        "drawn; those points are left as gaps.",
    "custom.not_measured": "Not measured: f or f′ has no finite value at x = {x} (undefined, "
                           "or too large for a float). Properties need a value at every "
                           "sampled point.",
    "custom.overflow_net": "With {name} the values in this {L}-layer network overflow: they "
                           "grow beyond what a floating-point number can hold, so there is "
                           "nothing to draw. Try a formula that grows more slowly, fewer "
                           "layers or smaller weights.",
    "custom.cost": "depends on the formula",
    "custom.uses": "your own function",
    "custom.title": "Your function",
    "custom.derivative_note": "f′ is computed exactly, by differentiating the formula's tree "
                              "node by node (forward mode), not by finite differences. At a "
                              "kink it follows the convention of the catalogue function used.",
    "custom.err.not_text": "the formula must be text.",
    "custom.err.empty": "the formula is empty.",
    "custom.err.too_long": "expression too long ({n} characters, at most {max}).",
    "custom.err.bad_char": "the character '{char}' ({unicode}) at position {pos} is not "
                           "allowed. Type the formula with a plain English keyboard layout.",
    "custom.err.syntax": "syntax error near position {pos}.",
    "custom.err.incomplete": "the formula ends too early: something is missing after position "
                             "{pos}.",
    "custom.err.unclosed": "the parenthesis at position {pos} is never closed.",
    "custom.err.unmatched": "the closing parenthesis at position {pos} has no opening one.",
    "custom.err.too_deep": "expression nested too deeply (more than {max} levels, near "
                           "position {pos}).",
    "custom.err.too_many_nodes": "expression too large (more than {max} parts).",
    "custom.err.unknown_name": "unknown name '{name}' at position {pos}. The only variable is x.",
    "custom.err.function_as_name": "'{name}' at position {pos} is a function: write {name}(…).",
    "custom.err.unknown_function": "unknown function '{name}' at position {pos}. See the help "
                                   "for the functions you can use.",
    "custom.err.attribute": "attribute access ('.') at position {pos} is not allowed.",
    "custom.err.lambda": "lambda at position {pos} is not allowed.",
    "custom.err.not_allowed": "'{what}' at position {pos} is not allowed in a formula.",
    "custom.err.bad_operator": "the operator '{op}' at position {pos} is not allowed.",
    "custom.err.bad_number": "'{what}' at position {pos} is not a real number.",
    "custom.err.arity": "{name}() at position {pos} takes {want} argument(s), got {got}.",
    "custom.err.keyword": "{name}() at position {pos} has no parameter '{param}'.",
    "custom.err.param_range": "the parameter {param} of {name}() at position {pos} must be a "
                              "number in [{lo}, {hi}].",
    "custom.err.condition_outside": "the comparison at position {pos} is only allowed as the "
                                    "condition of where(condition, a, b).",
    "custom.err.need_condition": "the first argument of where() at position {pos} must be a "
                                 "comparison such as x > 0.",
    "custom.err.constant_too_large": "the number at position {pos} is too large: its absolute "
                                     "value must be at most {max}.",
    "custom.err.not_finite": "the constant part at position {pos} is not a finite number.",
    "custom.err.exponent_too_large": "the exponent at position {pos} is too large: its absolute "
                                     "value must be at most {max}.",
    "custom.err.bad_power": "the power at position {pos} needs a constant exponent (as in x**2) "
                            "or a positive constant base (as in 2**x).",
}

KO: dict[str, str] = {
    "custom.label": "내 함수 f(x) =",
    "custom.placeholder": "x * sigmoid(1.702 * x)",
    "custom.help": (
        "x에 대한 수식을 입력하면 고른 함수들 옆에 함께 그려지고, 정확한 도함수와 측정한 성질도 "
        "나옵니다. 수식은 링크에도 저장됩니다.\n\n"
        "쓸 수 있는 것: 사칙연산 `+ - * /`, 거듭제곱 `**` 또는 `^`, `1e-3` 같은 수, 괄호, "
        "비교식 `< <= > >= == !=` 및 `and`, `or`, `not` 조건을 받는 `where(조건, a, b)`, "
        "함수 `exp log log1p sqrt abs sin cos tanh erf`, 두 값 중 큰 값과 작은 값을 고르는 "
        "`max`, `min`, 그리고 목록의 모든 활성화 함수 이름(예: `sigmoid(x)`, `relu(x)`, "
        "`softplus(x)`, `elu(x, alpha=0.5)`).\n\n"
        "예시: `x * sigmoid(1.702 * x)`, `where(x > 0, x, 0.2 * x)`, `log(1 + exp(x))`. "
        "최대 길이는 {max}자입니다."),
    "custom.option": "내 수식",
    "custom.bad": "이 수식은 쓸 수 없습니다. {msg}",
    "custom.need": "내 함수를 넣으려면 위의 f(x) 칸에 수식을 입력하세요.",
    "custom.gaps": "**{name}**: 그린 점 {total}개 가운데 {n}개 지점에서 f(x) 값이 유한한 수가 "
                   "아닙니다(오버플로이거나 수식 속 함수의 정의역 밖). 그 지점은 곡선에서 빈칸으로 "
                   "남겨 둡니다.",
    "custom.gaps_grad": "**{name}**: 그린 점 {total}개 가운데 {n}개 지점에서 f′(x) 값이 유한한 "
                        "수가 아니어서 빈칸으로 남겨 둡니다.",
    "custom.not_measured": "측정하지 않음: x = {x} 지점에서 f 또는 f′ 값이 유한한 수가 아닙니다"
                           "(정의되지 않거나 float64 형식의 범위를 넘음). 성질을 재려면 표본 점마다 "
                           "값이 있어야 합니다.",
    "custom.overflow_net": "{name} 함수를 쓰면 이 {L}층 신경망의 값이 float64 형식으로 나타낼 수 "
                           "있는 범위를 넘어 버려서 그릴 것이 없습니다. 더 천천히 커지는 수식을 쓰거나 "
                           "층 수나 가중치를 줄여 보세요.",
    "custom.cost": "수식에 따라 다름",
    "custom.uses": "직접 만든 함수",
    "custom.title": "내 함수",
    "custom.derivative_note": "f′ 값은 유한 차분이 아니라 수식 트리를 노드마다 미분하는 전진 모드 "
                              "자동 미분으로 정확하게 계산합니다. 꺾이는 점에서는 수식에 쓴 목록 "
                              "함수의 규칙을 그대로 따릅니다.",
    "custom.err.not_text": "수식은 글자로 입력해야 합니다.",
    "custom.err.empty": "수식이 비어 있습니다.",
    "custom.err.too_long": "수식이 너무 깁니다. 길이 {n}자, 최대 {max}자까지 입력할 수 있습니다.",
    "custom.err.bad_char": "{pos}번째 글자에 쓸 수 없는 문자가 있습니다: '{char}' ({unicode}). "
                           "영문 자판으로 다시 입력해 보세요.",
    "custom.err.syntax": "{pos}번째 글자 근처에 문법 오류가 있습니다.",
    "custom.err.incomplete": "수식이 중간에 끝났습니다. {pos}번째 글자 뒤에 무언가 빠져 있습니다.",
    "custom.err.unclosed": "{pos}번째 글자의 여는 괄호가 닫히지 않았습니다.",
    "custom.err.unmatched": "{pos}번째 글자의 닫는 괄호에 짝이 되는 여는 괄호가 없습니다.",
    "custom.err.too_deep": "수식이 너무 깊게 중첩되어 있습니다. 최대 {max}단계까지 허용하며, "
                           "{pos}번째 글자 근처에서 넘었습니다.",
    "custom.err.too_many_nodes": "수식이 너무 큽니다. 구성 요소는 최대 {max}개까지 허용합니다.",
    "custom.err.unknown_name": "{pos}번째 글자: 알 수 없는 이름 '{name}'. 변수는 x 하나만 쓸 수 "
                               "있습니다.",
    "custom.err.function_as_name": "{pos}번째 글자: '{name}' 이름은 함수이므로 괄호를 붙여 "
                                   "{name}(…) 형태로 써야 합니다.",
    "custom.err.unknown_function": "{pos}번째 글자: 알 수 없는 함수 '{name}'. 쓸 수 있는 함수는 "
                                   "도움말에 있습니다.",
    "custom.err.attribute": "{pos}번째 글자: 수식에서는 속성 접근(예: a.b) 기능을 쓸 수 없습니다.",
    "custom.err.lambda": "{pos}번째 글자: 수식에서는 lambda 식을 쓸 수 없습니다.",
    "custom.err.not_allowed": "{pos}번째 글자: 수식에서는 '{what}' 형태의 표현을 쓸 수 없습니다.",
    "custom.err.bad_operator": "{pos}번째 글자: 연산자 '{op}' 기호는 지원하지 않습니다.",
    "custom.err.bad_number": "{pos}번째 글자: '{what}' 값은 실수가 아닙니다.",
    "custom.err.arity": "{pos}번째 글자: {name} 함수에는 인수가 {want}개 필요한데 {got}개를 "
                        "받았습니다.",
    "custom.err.keyword": "{pos}번째 글자: {name} 함수에는 '{param}' 매개변수가 없습니다.",
    "custom.err.param_range": "{pos}번째 글자: {name} 함수의 매개변수 {param} 값은 "
                              "[{lo}, {hi}] 범위 안의 수여야 합니다.",
    "custom.err.condition_outside": "{pos}번째 글자: 비교식은 where 함수의 조건 자리에만 쓸 수 "
                                    "있습니다.",
    "custom.err.need_condition": "{pos}번째 글자: where 함수의 첫 번째 인수는 x > 0 같은 비교식이어야 "
                                 "합니다.",
    "custom.err.constant_too_large": "{pos}번째 글자: 수가 너무 큽니다. 절댓값이 {max} 이하여야 "
                                     "합니다.",
    "custom.err.not_finite": "{pos}번째 글자: 상수 부분의 값이 유한한 수가 아닙니다.",
    "custom.err.exponent_too_large": "{pos}번째 글자: 지수가 너무 큽니다. 절댓값이 {max} 이하여야 "
                                     "합니다.",
    "custom.err.bad_power": "{pos}번째 글자: 거듭제곱에서는 지수가 상수이거나 밑이 양의 상수여야 "
                            "합니다. 예: x**2, 2**x",
}
