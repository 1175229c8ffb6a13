"""Korean text rules (issue #15): placeholders match English, no particle after a placeholder,
number or symbol, and no English word among the option labels and headings of Korean mode."""

from __future__ import annotations

import re

import pytest

from core.activations import ACTIVATIONS
from ui.i18n import CATALOGUES

KO, EN = CATALOGUES["ko"], CATALOGUES["en"]

# ----------------------------------------------------------------------------- placeholders

FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")


def fields(text: str) -> set[str]:
    """The {name} fields of a format string ({{ and }} are literal braces)."""
    return set(FIELD.findall(text))


def test_every_korean_string_has_the_placeholders_of_its_english_string():
    diff = {k: (sorted(fields(EN[k])), sorted(fields(KO[k]))) for k in EN
            if fields(EN[k]) != fields(KO[k])}
    assert not diff


# ----------------------------------------------------------------------------- particles

# particles whose form depends on the last sound of the word before them (이/가, 을/를, 은/는,
# 와/과, 로/으로, 였/이었, 이나/나, 이라/라 …): after a number or a symbol the writer cannot know it
_PARTICLES = {"이", "가", "을", "를", "은", "는", "와", "과", "로", "으로", "이나", "나", "이랑", "랑",
              "이라", "라", "이라는", "라는", "이라고", "라고", "이라서", "라서", "와는", "과는",
              "와의", "과의", "와도", "과도", "로는", "으로는", "로도", "으로도", "로서", "으로서",
              "로써", "으로써", "로만", "으로만", "로부터", "으로부터", "가요", "은요", "는요"}
_PARTICLE_STARTS = ("였", "이었", "으로", "로")
HOLE = "\x00"  # stands for a {placeholder}
# a number, a Greek letter, a sub/superscript, a prime, a math or other symbol
SYMBOL = re.compile(r"[0-9\u0370-\u03ff\u00b2\u00b3\u00b9\u2070-\u209f\u2032\u2033∞%$=+\-−×·/<>≤≥≈|‖\]}…→←]")
# closing marks that wrap the word before them: look through them
WRAP = "*`'\"’”"
HANGUL_OR_LATIN = re.compile(r"[\uac00-\ud7a3A-Za-z]")


def is_particle(run: str) -> bool:
    """Whether a run of Hangul written right after something is one of the varying particles."""
    return run in _PARTICLES or run.startswith(_PARTICLE_STARTS)


def _opening(text: str, close: int) -> int:
    """Index of the "(" that matches the ")" at close (-1 if none)."""
    depth = 0
    for j in range(close, -1, -1):
        depth += text[j] == ")"
        depth -= text[j] == "("
        if depth == 0:
            return j
    return -1


def _bad_before(text: str, i: int) -> bool:
    """Whether the character(s) before position i make a particle there unreadable."""
    j = i - 1
    while j >= 0 and text[j] in WRAP:   # **렐루**를, ‘확률’을: the word inside decides
        j -= 1
    if j < 0:
        return False
    c = text[j]
    if c == HOLE or SYMBOL.match(c):
        return True
    if c == ")":                        # 시그모이드(sigmoid)는 is fine; ({rb})였, r · (x* − x)로 not
        k = _opening(text, j) - 1
        while k >= 0 and text[k] in WRAP:
            k -= 1
        return k < 0 or not HANGUL_OR_LATIN.match(text[k])
    return False


def particle_problems(text: str) -> list[str]:
    """Places where a varying particle follows a placeholder, a number or a symbol (also split
    off by a space, as in "ε 가"), or a closing parenthesis that follows one."""
    s = FIELD.sub(HOLE, text)
    found = []
    for m in re.finditer(r"[\uac00-\ud7a3]+", s):
        run, i = m.group(), m.start()
        if i == 0 or not is_particle(run):
            continue
        split = s[i - 1] == " " and run in _PARTICLES and i >= 2 and _bad_before(s, i - 1)
        if _bad_before(s, i) or split:
            found.append(s[max(0, i - 12):i + len(run)].replace(HOLE, "{…}"))
    return found


@pytest.mark.parametrize("text", ["t = {t}는 마지막 점", "직선 거리 {d}({rb})였습니다", "w* = ({a}, {b})로",
                                  "Δw = ({a}, {b})는", "‖w − w*‖ < ε 가 되면", "확률은 0.25를 넘지",
                                  "{n}가 되면", "**{act}**가 먼저", "f′가 0", "r · (x* − x)로"])
def test_the_particle_check_finds_the_issue_examples(text):
    assert particle_problems(text)


@pytest.mark.parametrize("text", ["시그모이드(sigmoid)는", "**렐루**(ReLU)로 시작", "‘확률’을 곱한",
                                  "샘플 {n}개", "{k}번째 걸음", "x = {x}에서", "{total}입니다",
                                  "실행의 마지막 점(t = {t})이라", "tanh는", "최댓값(약 {fmax})을"])
def test_the_particle_check_accepts_correct_korean(text):
    assert not particle_problems(text)


def test_no_particle_after_a_placeholder_number_or_symbol():
    bad = {k: p for k, v in KO.items() if (p := particle_problems(v))}
    assert not bad


# ----------------------------------------------------------------------------- English words

# names that stay as they are in Korean text: activation names (they are also the URL values of
# the activation pickers), initialisers, losses, optimisers, data sets, the app's name
ALLOWED = {"ReLU", "GELU", "Adam", "XOR", "MSE", "BCE", "Xavier", "He", "Glorot", "LeCun", "GD",
           "Activation", "Lab", "Language", "ko", "en", "lr", "tanh", "exp", "log", "max", "min",
           "mean", "softmax", "sigmoid", "act", "approx"}
ALLOWED |= {w for a in ACTIVATIONS.values() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", a.name)}


def english_words(text: str) -> list[str]:
    """Latin-letter words of three or more letters that are not allowed names (placeholders,
    LaTeX, HTML tags and code spans are not words)."""
    text = FIELD.sub(" ", text)
    text = re.sub(r"\$[^$]*\$|`[^`]*`|<[^>]+>|\\[A-Za-z]+", " ", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
            if len(w) > 2 and w not in ALLOWED]


def test_the_english_word_check_finds_untranslated_labels():
    assert english_words("Momentum") == ["Momentum"]
    assert english_words("course 2-2-1") == ["course"]
    assert not english_words("수업 예제 2-2-1") and not english_words("Leaky ReLU")


def test_korean_option_labels_in_the_catalogues_are_korean():
    """Option labels (*.opt.*) and strings left identical to English hold no English word."""
    keys = [k for k in KO if ".opt." in k or KO[k] == EN[k]]
    bad = {k: english_words(KO[k]) for k in keys if english_words(KO[k])}
    bad.pop("custom.placeholder", None)  # a code example the user edits
    assert not bad


# every page in Korean mode, with URL values that show the widgets a plain visit hides
PAGES = [(None, {}), ("explorer", {}), ("saturation", {}), ("zigzag", {}),
         ("descent", {"gd_loss": "½(x² + 9y²)"}), ("network", {"net_mix": "true"})]


def shown_labels_and_headings(at) -> list[str]:
    """Option labels of every select widget, widget labels, headings, expander and tab labels,
    and the texts of the charts."""
    out = []
    for kind in ("selectbox", "radio", "multiselect"):
        for el in at.get(kind):
            out.append(el.proto.label)
            out += [str(o) for o in el.proto.options]
    for el in at.get("button_group"):  # segmented controls
        out.append(el.proto.label)
        out += [o.content for o in el.proto.options]
    for kind in ("slider", "number_input", "toggle", "text_input", "button"):
        out += [el.proto.label for el in at.get(kind)]
    out += [h.value for h in list(at.title) + list(at.header) + list(at.subheader)]
    out += [e.proto.label for e in at.expander] + [x.proto.label for x in at.tabs]
    out += [m.value for m in at.markdown if re.fullmatch(r"\*\*[^*]+\*\*", m.value.strip())]
    return out + chart_texts(at)


def chart_texts(at) -> list[str]:
    """Titles, axis titles, annotations and trace names of every chart on the page."""
    from tests.pages.conftest import chart_specs

    out: list[str] = []

    def walk(o) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if k in ("text", "name", "title") and isinstance(v, str):
                    out.append(v)
                else:
                    walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    for spec in chart_specs(at):
        walk(spec.get("layout", {}))
        walk([{"name": tr.get("name")} for tr in spec.get("data", [])])
    return out


@pytest.mark.parametrize(("page", "query"), PAGES, ids=[p or "home" for p, _ in PAGES])
def test_korean_mode_shows_no_english_label_or_heading(page, query):
    from tests.pages.conftest import run_page

    at = run_page(page, query=query, locale="ko-KR")
    assert not at.exception
    shown = shown_labels_and_headings(at)
    assert len(shown) > 3  # the collection works
    if page == "descent":
        assert "모멘텀" in shown  # the optimiser picker was on the page
    bad = {s: english_words(s) for s in shown if english_words(s)}
    assert not bad


# ----------------------------------------------------------------------------- one term per concept

# the word the app uses → the words it replaced for the same concept
TERMS = {"수업": ["강의"], "매개변수": ["파라미터"], "임곗값": ["임계값"], "죽은 구간": ["불감 구간"],
         "발산": ["폭주"], "미쉬": ["미시 "], "목푯값": ["목표값", "정답"], "그래프": ["차트", "그림", "패널"],
         "0 중심": ["영점", "영 중심", "원점 중심"], "기울기": ["경사"], "설정": ["컨트롤"],
         "float64 형식": ["부동소수점", "배정밀도", "64비트"], "최소점": ["최솟점"],
         "살펴볼 점": ["탐침"], "불연속점": ["점프"], "목록": ["카탈로그"]}
# fixed words that contain a replaced one but mean something else
KEEP = ("하이퍼파라미터", "경사 하강", "마이크로컨트롤러")


@pytest.mark.parametrize("term", sorted(TERMS))
def test_one_korean_term_per_concept(term):
    def plain(v: str) -> str:
        for w in KEEP:
            v = v.replace(w, "")
        return v

    other = [(k, w) for k, v in KO.items() for w in TERMS[term] if w in plain(v)]
    assert not other, f"use {term}: {other}"


# ----------------------------------------------------------------------------- spelling (#22)

# misspellings and clipped forms that must not come back (사이시옷: 最小點 is hanja + hanja, no
# ㅅ; 목푯값/한곗값/실숫값/후봇값 take it like 최솟값/함숫값/초깃값; 첫걸음 is one word)
BANNED = ["최솟점", "목표값", "한계값", "실수값", "후보값", "첫 걸음", "최선값", "서서히가", "층 수 {L}개",
          "전개한 식", "렐루", "Tanh ", "Tanh,", "Tanh:", "한계 1 초과"]


def without_glosses(key: str, text: str) -> str:
    """An act.<id>.name without its parenthesised gloss (ReLU (렐루): the reading is allowed)."""
    if key.startswith("act.") and key.endswith(".name") and text.endswith(")"):
        return text.split(" (", 1)[0]
    return text


@pytest.mark.parametrize("form", BANNED)
def test_banned_korean_forms_never_come_back(form):
    bad = [k for k, v in KO.items() if form in without_glosses(k, v)]
    assert not bad, (form, bad)


def test_quadrants_are_always_written_with_je():
    """제1사분면, 제2·4사분면, {q}사분면 with q = 제1 …; never a bare 1사분면."""
    bad = {k: m.group() for k, v in KO.items()
           for m in re.finditer(r"(.)([\d·]+)사분면", v) if m.group(1) != "제"}
    assert not bad
    assert [KO[f"zigzag.q{q}"] for q in range(1, 5)] == ["제1", "제2", "제3", "제4"]


def test_korean_ratios_use_bae_not_times():
    """직선 거리의 3.44배, not 3.44× (a × between two numbers, as in 1×10⁻⁶ or 2 × 3, stays)."""
    bad = {k: m.group() for k, v in KO.items() for m in re.finditer(r"[\d}]×(?!\s*[\d{(])", v)}
    assert not bad
    assert KO["zigzag.times"] == "{r}배" and EN["zigzag.times"] == "{r}×"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_one_percentage_format(lang):
    """A number and % with nothing between them (no space, no no-break space)."""
    table = CATALOGUES[lang]
    bad = {k: v for k, v in table.items() if re.search(r"[\d}][\s\u00a0]+%", v)}
    assert not bad


# ----------------------------------------------------------------------------- activation names

COURSE_NAMES = {"sigmoid": "시그모이드", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "Leaky ReLU",
                "elu": "ELU"}


def test_every_catalogue_id_has_a_korean_display_name():
    from ui.i18n import act_name, set_lang

    set_lang("ko")
    hangul = re.compile(r"[\uac00-\ud7a3]")
    acronym = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*")  # ReLU, PReLU, ELU, GELU, SiLU …
    for act_id, act in ACTIVATIONS.items():
        assert f"act.{act_id}.name" in KO, act_id
        shown = act_name(act_id)
        latin = re.findall(r"[A-Za-z][A-Za-z0-9]*", shown)
        assert hangul.search(shown) or all(acronym.fullmatch(w) or w in ("tanh", "Leaky")
                                           for w in latin), (act_id, shown)
        assert shown != act.name or acronym.fullmatch(act.name) or act.name == "Leaky ReLU", act_id
    assert {a: act_name(a) for a in COURSE_NAMES} == COURSE_NAMES
    assert [act_name(a) for a in ("identity", "step", "sign", "gaussian")] == \
        ["항등 함수", "계단 함수", "부호 함수", "가우스 함수"]
    assert act_name("custom") == "custom"  # no key: the id (no catalogue entry either)
    set_lang("en")
    assert act_name("sigmoid") == "Sigmoid" and act_name("identity") == "Identity"


# ----------------------------------------------------------------------------- wrong statements (#22)

def test_the_other_course_loss_is_not_called_the_expansion():
    """Item 1: x² − 6x + 4 is not the expansion of (x − 3)² + 10 (that is x² − 6x + 19)."""
    import numpy as np

    from core import descent as d

    x = np.array([0.0, 1.0, 5.0])
    course, other = d.get("course"), d.get("expanded")
    assert not np.allclose(course.value(x), other.value(x))  # different functions
    assert course.minimizers[0] == other.minimizers[0] == 3.0  # same minimiser
    assert "전개" not in KO["descent.loss_help"] and "expansion" not in EN["descent.loss_help"]
    assert "다른 함수" in KO["descent.loss_help"]


def test_sigmoid_is_named_logistic_in_both_languages():
    """Item 7."""
    assert "로지스틱" in KO["act.sigmoid.name"] and "logistic" in EN["act.sigmoid.name"]


def test_the_two_xavier_formulas_have_different_names_and_their_formulas():
    """Item 6: the saturation page's 'xavier' is √(1/n) (CS231n's Xavier, LeCun), the network
    lab's is Glorot's √(2/(n_in + n_out)); labels tell them apart and the formula is beside."""
    import math

    from core import saturation as sat
    from tests.pages.conftest import run_page

    assert sat.init_std("xavier", 50) == math.sqrt(1 / 50)
    at = run_page("saturation", locale="en-US")
    seg = [el for el in at.get("button_group") if "Xavier √(1/n)" in
           [o.content for o in el.proto.options]]
    assert seg, "the saturation init picker shows Xavier √(1/n)"
    assert "√(1/n)" in seg[0].proto.help and "LeCun" in seg[0].proto.help
    at = run_page("network", locale="en-US")
    box = at.selectbox(key="net_init")
    assert "Glorot" in box.options and "Xavier" not in box.options
    assert "√(2/(n_in + n_out))" in box.proto.help
    assert "Glorot" in KO["network.init_help"] and "√(2/(n_in + n_out))" in KO["network.init_help"]


@pytest.mark.parametrize("locale, wrong", [("en-US", "wrong way"), ("ko-KR", "반대쪽으로")])
def test_zigzag_step_sentence_at_the_target_says_no_change(locale, wrong):
    """Item 5: on the default view (t = the sigmoid run's reach step) the tanh run already sits
    at w*, δ is rounding noise (~1e-16): the sentence says the target is reached, no direction."""
    from core import zigzag as zz
    from tests.pages.conftest import run_page, texts

    tanh = zz.simulate("tanh", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR, zz.DEFAULT_STEPS)
    k = zz.summarize(zz.simulate("sigmoid", zz.DEFAULT_W0, zz.DEFAULT_W_STAR, zz.DEFAULT_LR,
                                 zz.DEFAULT_STEPS), zz.DEFAULT_EPS).steps_to_reach
    rep = zz.step_report(tanh, k)
    assert not rep.need.any() and 0 < abs(float(rep.deltas[0])) < 1e-12  # the case of the issue
    at = run_page("zigzag", locale=locale)
    assert not at.exception
    shown = texts(at)
    lang = "ko" if locale.startswith("ko") else "en"
    from ui.i18n import act_name, set_lang

    set_lang(lang)
    name = act_name("tanh")  # the page names activations in the viewer's language
    row = [line for line in shown.replace("\\", "").splitlines()
           if line.startswith(f"**{name}**:")]
    assert len(row) == 1, shown
    reached = CATALOGUES[lang]["zigzag.now_sentence_reached"].format(name=name)
    assert row[0].startswith(reached), row[0]
    assert wrong not in row[0] and "δ = +" not in row[0] and "10⁻¹⁶)" not in row[0].split("(")[0]
