"""Widgets whose state lives in the URL, with a visible notice when a link carried a bad value.

Every wrapper passes ``bind="query-params"``, so Streamlit keeps the value in the query string
(the key is the parameter name) and a shared link reopens the same view. Streamlit silently drops
a URL value it cannot use; before creating the widget we check the raw value ourselves with the
same rules, and if it will be dropped we show a notice naming the parameter and the default used.

Option labels of bound select widgets are what Streamlit writes into the URL. Either keep them
language-neutral (ids/proper names, translations in ``help``), or pass ``fmt=Labels(prefix,
ids)``: translated labels from the catalogues, and a link carrying the option's id or its label
in any language opens the same option (it becomes the current label before the widget reads it).
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any, Callable, Sequence

import streamlit as st

from ui import internals
from ui.format import parse_number, plain
from ui.i18n import CATALOGUES, LANGS, get_lang, t

_NOTICES = "_al_url_notices"
_SLOT = "_al_notice_slot"
_LABEL_LANG = "_al_label_lang"  # widget key -> language its translated labels were last shown in


_DONE = "_al_run_done"  # the last full run reached its end (not cut short by st.rerun)


def begin_run(slot: Any) -> None:
    """Called by app.py at the top of every run: notices of this run go into slot. Notices of
    a run that a page cut short with st.rerun are shown again: the link's values they name are
    often gone from the address by now."""
    carried = [] if st.session_state.get(_DONE, True) else url_notices()
    _forget_undrawn_scrubs()
    st.session_state[_SLOT] = slot
    st.session_state[_NOTICES] = []
    st.session_state[_DONE] = False
    st.session_state["_al_drawn"] = {}  # ui.controls.draw: what this run drew
    for msg in carried:
        _say(msg)


def end_run() -> None:
    """Called at the end of every full run that was not cut short."""
    st.session_state[_DONE] = True


def _raw(key: str) -> list[str] | None:
    """The raw URL values for key (None if absent)."""
    if key not in st.query_params:
        return None
    return st.query_params.get_all(key)


def _show(raw: Sequence[str]) -> str:
    """A link's raw values as safe text for a notice (escaped, cut to 60 characters)."""
    return plain(", ".join(raw), most=60)


def _say(msg: str) -> None:
    """Record a notice and show it in the run's notice slot (in place inside a fragment); a
    notice already shown in this run is not repeated."""
    if msg in st.session_state.setdefault(_NOTICES, []):
        return
    st.session_state[_NOTICES].append(msg)
    slot = st.session_state.get(_SLOT)
    try:
        (slot or st).warning(msg, icon="⚠️")
    except st.errors.StreamlitAPIException:  # inside a fragment rerun: show it in place
        st.warning(msg, icon="⚠️")


def _notice(key: str, raw: list[str], used: Any, dropped: bool = False) -> None:
    """Record and show that the URL value of key could not be used: what the link asked for and
    what the page uses instead (``used``, as shown), or that items were left out."""
    if dropped:
        _say(t("controls.url_dropped", param=key, value=_show(raw)))
    elif raw == [""]:
        _say(t("controls.url_empty", param=key, used=plain(used, most=60)))
    else:
        _say(t("controls.url_notice", param=key, value=_show(raw), used=plain(used, most=60)))


def notice_unused(key: str, raw: list[str], default: Any) -> None:
    """A bad URL value of a control the current view does not show (it would start at default)."""
    _say(t("controls.url_unused", param=key, value=_show(raw), used=plain(_shown(default))))


def notice_no_lesson() -> None:
    """A link's ``lesson`` on a page that has no lesson (the home page) is said, not dropped."""
    raw = _raw("lesson")
    if raw is not None:
        _say(t("controls.no_lesson", value=_show(raw)))


def _shown(value: Any, fmt: Callable[[Any], str] | None = None) -> str:
    """A control's value as the notice names it."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (tuple, list)):
        return "–".join(_shown(v, fmt) for v in value) if isinstance(value, tuple) \
            else ", ".join(_shown(v, fmt) for v in value)
    if fmt is not None:
        return fmt(value)
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def url_notices() -> list[str]:
    """The notices of this run (for tests and the page)."""
    return list(st.session_state.get(_NOTICES, []))


def _bad_number(key: str, lo: float, hi: float, default: Any, integer: bool) -> list[str] | None:
    """The URL's raw values of key if they are not one number in [lo, hi] (two, ascending, for
    a range), else None."""
    raw = _raw(key)
    if raw is None:
        return None
    want = 2 if isinstance(default, tuple) else 1
    values = [parse_number(r, integer) for r in raw] if len(raw) == want else [None]
    ok = all(v is not None and lo <= v <= hi for v in values) and values == sorted(values)
    return None if ok else raw


def check_url_number(key: str, lo: float, hi: float, default: Any) -> bool:
    """Notice if the URL value of key is not a number in [lo, hi] — also for a widget that the
    current view does not show, so a broken link never passes silently. True if it was bad."""
    raw = _bad_number(key, lo, hi, default, False)
    if raw is not None:
        notice_unused(key, raw, default)
    return raw is not None


def slider(label: str, key: str, lo: float, hi: float, default: float, step: float | None = None,
           help: str | None = None, fmt: str | None = None, **kw: Any) -> Any:
    """A URL-bound slider (int if every bound is an int, else float)."""
    ends = default if isinstance(default, tuple) else (default,)
    integer = all(isinstance(v, int) for v in (lo, hi, *ends))
    bad = _bad_number(key, lo, hi, default, integer)
    value = st.slider(label, lo, hi, default, step=step, key=key, help=help, format=fmt,
                      bind="query-params", **kw)
    if bad is not None and isinstance(default, tuple) and list(value) != sorted(value):
        # Streamlit 1.67 keeps a descending pair from the URL as it is: work from the default
        # that the notice names until the slider is moved
        value = default
    if bad is not None:
        _notice(key, bad, _shown(value))
    return value


def number(label: str, key: str, lo: float, hi: float, default: float, step: float | None = None,
           help: str | None = None, fmt: str | None = None, **kw: Any) -> Any:
    """A URL-bound number input with bounds (an int if every bound is an int).

    Integer inputs run as float inputs with an integer format: Streamlit 1.67 crashes turning a
    URL value such as "inf" into an int, while a float input rejects it cleanly.
    """
    integer = all(isinstance(v, int) for v in (lo, hi, default))
    bad = _bad_number(key, lo, hi, default, integer)
    if not integer:
        value = st.number_input(label, lo, hi, default, step=step, key=key, help=help,
                                format=fmt, bind="query-params", **kw)
    else:
        value = int(round(st.number_input(label, float(lo), float(hi), float(default),
                                          step=float(step or 1), key=key, help=help,
                                          format=fmt or "%.0f", bind="query-params", **kw)))
    if bad is not None:
        _notice(key, bad, _shown(value))
    return value


class Labels:
    """Translated option labels for a select widget: option o shows ``t(f"{prefix}.{o}",
    **values)``, or ``fixed[o]`` for a language-neutral label. Reads like the dict of labels it
    replaces: ``list(labels)`` gives the ids, ``labels[o]`` / ``labels.get(o)`` / ``labels(o)``
    the label in the current language (pass ``fmt=labels`` or ``fmt=labels.get``).

    Streamlit stores the shown label in the URL, so a label depends on the language the link was
    made in. ``aliases(o)`` lists every spelling a link may carry for o (its id, its label in each
    language; the English one is what older links hold): the wrappers accept all of them.
    """

    def __init__(self, prefix: str, ids: Sequence[Any], fixed: dict | None = None,
                 legacy: dict | None = None, **values: Any) -> None:
        self.prefix, self.ids, self.values = prefix, list(ids), values
        self.fixed = dict(fixed or {})
        self.legacy = dict(legacy or {})  # older URL spelling → option (links made before)
        self.lang = get_lang()  # the run's language, also when Streamlit formats later

    def _label(self, option: Any, lang: str | None = None) -> str:
        if option in self.fixed:
            return self.fixed[option]
        key = f"{self.prefix}.{option}"
        text = CATALOGUES[lang or self.lang].get(key) or CATALOGUES["en"].get(key, key)
        return text.format(**self.values) if self.values else text

    def aliases(self, option: Any) -> list[str]:
        """Every URL value that means option: its id and its label in every language."""
        old = [k for k, v in self.legacy.items() if v == option]
        return [str(option)] + [self._label(option, lang) for lang in LANGS] + old

    def __call__(self, option: Any) -> str:
        if option in self.ids:
            return self._label(option)
        # a value held as another language's label (Streamlit keeps a widget's wire label
        # across a language switch): show it as the option it names
        for known in self.ids:
            if option in self.aliases(known):
                return self._label(known)
        return str(option)

    get = __call__
    __getitem__ = __call__

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class Named:
    """Language-neutral option labels from a function, plus older URL spellings of options
    (``legacy``: spelling → option) that links made before a label changed still carry."""

    def __init__(self, fn: Callable[[Any], str], legacy: dict | None = None) -> None:
        self.fn, self.legacy = fn, dict(legacy or {})

    def __call__(self, option: Any) -> str:
        return self.fn(option)

    def aliases(self, option: Any) -> list[str]:
        """Every URL value that means option: its id, its label and its older spellings."""
        return [str(option), self.fn(option)] + [k for k, v in self.legacy.items()
                                                 if v == option]


def _alias_map(options: Sequence[Any], fmt: Callable[[Any], str]) -> dict[str, Any]:
    """URL spelling → option for a Labels or Named fmt (spellings that are another option's
    current label are left out); empty for a plain fmt."""
    owner = getattr(fmt, "__self__", fmt)  # fmt=labels or fmt=labels.get
    if not isinstance(owner, (Labels, Named)):
        return {}
    aliases = owner.aliases
    current = {fmt(o) for o in options}
    found: dict[str, Any] = {}
    for o in options:
        for a in aliases(o):
            if a not in current:
                found.setdefault(a, o)
    return found


def _canonical_url(key: str, alias: dict[str, Any], fmt: Callable[[Any], str]) -> bool:
    """Before the widget first reads the URL in this session, replace another spelling of an
    option (its id, its label in the other language) by the current label, so Streamlit seeds
    the widget from it instead of dropping it. Later runs keep the widget's own state.

    False if the URL could not be rewritten (then such a spelling gets the bad-value notice)."""
    raw = _raw(key)
    if not alias or raw is None or key in st.session_state:
        return True
    new = [fmt(alias[r]) if r in alias else r for r in raw]
    if new == raw:
        return True
    # also what seeding reads; the address bar shows the current label too
    return internals.set_url_value(key, new if len(new) > 1 else new[0], seed=True)


def _relabel(key: str, options: Sequence[Any], alias: dict[str, Any],
             fmt: Callable[[Any], str], many: bool = False) -> None:
    """On the first run after a language switch, hand a Labels widget its option again: the
    browser still holds the old language's label, and a value set from code makes Streamlit
    show the new label and put it in the address bar."""
    owner = getattr(fmt, "__self__", fmt)
    if not alias or not isinstance(owner, Labels):
        return
    seen = st.session_state.setdefault(_LABEL_LANG, {})
    before, seen[key] = seen.get(key), owner.lang
    if before in (None, owner.lang) or key not in st.session_state:
        return
    value = st.session_state[key]
    if many:
        st.session_state[key] = [_as_option(v, options, alias) for v in value]
    else:
        st.session_state[key] = _as_option(value, options, alias)


def _as_option(value: Any, options: Sequence[Any], alias: dict[str, Any]) -> Any:
    """The option a widget value names (a stale label after a language switch → its option)."""
    if value in list(options) or not alias:
        return value
    return alias.get(value, value)


def _bad_choice(key: str, labels: Sequence[str]) -> list[str] | None:
    """The URL's raw values of key unless they name one option, else None."""
    raw = _raw(key)
    if raw is not None and (len(raw) != 1 or raw[0] not in labels):
        return raw
    return None


def _back_to_default(key: str, default: Any, then: Callable | None, args: Any, kwargs: Any):
    """on_change of a single choice: a deselected segmented control (Streamlit lets a click
    empty it) goes back to the default before the page reads it; then the page's own callback."""
    def callback() -> None:
        if st.session_state.get(key) is None:
            st.session_state[key] = default
        if then is not None:
            then(*(args or ()), **(kwargs or {}))
    return callback


def select(label: str, key: str, options: Sequence[Any], default: Any,
           fmt: Callable[[Any], str] = str, kind: str = "selectbox", help: str | None = None,
           **kw: Any) -> Any:
    """A URL-bound single choice: kind is "selectbox", "radio" or "segmented". An empty value
    (a link's ``key=``, a deselected segment) falls back to the default."""
    alias = _alias_map(options, fmt)
    spelled = list(alias) if _canonical_url(key, alias, fmt) else []
    _relabel(key, options, alias, fmt)
    bad = _bad_choice(key, [fmt(o) for o in options] + spelled)
    on_change = _back_to_default(key, default, kw.pop("on_change", None), kw.pop("args", None),
                                 kw.pop("kwargs", None))
    common = dict(key=key, format_func=fmt, help=help, bind="query-params",
                  on_change=on_change, **kw)
    index = list(options).index(default)
    if kind == "radio":
        value = st.radio(label, options, index=index, horizontal=True, **common)
    elif kind == "segmented":
        value = st.segmented_control(label, options, default=default, required=True, **common)
    else:
        value = st.selectbox(label, options, index=index, **common)
    value = _as_option(value, options, alias)
    if value is None or value not in list(options):
        value = default
    if bad is not None:
        _notice(key, bad, fmt(value))
    return value


def multiselect(label: str, key: str, options: Sequence[Any], default: Sequence[Any],
                fmt: Callable[[Any], str] = str, help: str | None = None,
                max_selections: int | None = None, **kw: Any) -> list[Any]:
    """A URL-bound multiselect; unknown items in the URL are dropped with a notice."""
    alias = _alias_map(options, fmt)
    spelled = set(alias) if _canonical_url(key, alias, fmt) else set()
    _relabel(key, options, alias, fmt, many=True)
    raw = _raw(key)
    labels = {fmt(o) for o in options} | spelled
    items = [r for r in raw if r != ""] if raw is not None else []  # "key=": emptied on purpose
    bad = [r for r in items if r not in labels]
    values = st.multiselect(label, options, default=list(default), key=key, format_func=fmt,
                            help=help, max_selections=max_selections, bind="query-params", **kw)
    if not values and list(default):
        _keep_empty_in_url(key)
    values = [_as_option(v, options, alias) for v in values] if alias else values
    if bad:
        _notice(key, bad, None, dropped=True)
    elif max_selections and len(items) > max_selections:
        _notice(key, items, _shown(values, fmt))
    return values


def _keep_empty_in_url(key: str) -> None:
    """An emptied multiselect whose default is not empty must be in the URL as ``key=`` (what
    the browser writes when a user clears it; Streamlit seeds [] from it), since an absent key
    means the default. Streamlit 1.67 stores a selection emptied from code (a lesson step) as
    an empty list, which the address and ``get_all`` then leave out: spell it ``key=``."""
    if st.query_params.get_all(key) == [""]:
        return
    internals.set_url_value(key, "")  # if that fails, the link shows the default


def toggle(label: str, key: str, default: bool = False, help: str | None = None, **kw: Any) -> bool:
    """A URL-bound on/off switch (URL values true/false)."""
    raw = _raw(key)
    value = st.toggle(label, value=default, key=key, help=help, bind="query-params", **kw)
    if raw is not None and (len(raw) != 1 or raw[0].lower() not in ("true", "false")):
        _notice(key, raw, _shown(bool(value)))
    return value


_SCRUBS = "_al_scrubs"  # key of a scrubbed control -> whether this full run drew it


def _forget_undrawn_scrubs() -> None:
    """A scrubbed control is no widget, so Streamlit does not drop its value when the page stops
    drawing it: do it here, at the top of a full run after one that ended without drawing it
    (as a widget's value goes), so another page or a re-chosen function starts at the link's
    value or the default. A run cut short (a lesson step's rerun) keeps everything."""
    table = st.session_state.get(_SCRUBS, {})
    if not st.session_state.get(_DONE, True):
        return
    for key, drawn in list(table.items()):
        if not drawn:
            st.session_state.pop(key, None)
            del table[key]
        else:
            table[key] = False
    st.session_state[_SCRUBS] = table


def scrub(control: Any, default: Any) -> Any:
    """The value of a control scrubbed in the browser (no Streamlit widget: the chart element's
    range input moves it, ui.chart): this session's value (a scrub's callback, a lesson step,
    follow-the-teacher wrote it), else the link's (seeded once, and again on Back/Forward),
    else default. A link value the control cannot hold gets the same notice as a widget's; one
    between two grid points is snapped to the nearer (and said). The address is kept spelling
    the value (left out at the default, as Streamlit does for widgets)."""
    key = control.key
    raw = _raw(key)
    st.session_state.setdefault(_SCRUBS, {})[key] = True
    if key not in st.session_state or internals.is_history_navigation():
        value, bad = default, raw is not None
        if raw is not None:
            try:
                asked = control.from_url(raw)
                value = control.snap(asked)
                # a link's float spelling of a grid value (0.051000000000000004) is that value
                bad = not math.isclose(value, asked, rel_tol=1e-9,
                                       abs_tol=1e-6 * (control.step or 1.0))
            except ValueError:
                pass
        st.session_state[key] = value
        if bad:
            _notice(key, raw, _shown(value))
    value = st.session_state[key]
    if not control.valid(value):
        value = st.session_state[key] = default
    want = None if value == default else control.to_url(value)
    if raw != want:
        if want is None:
            del st.query_params[key]
        else:
            st.query_params[key] = want if len(want) > 1 else want[0]
    return value


# A class's teacher who leads (Follow me, Pause) locks a follower's controls: the widgets through
# the class guard in the browser (ui.classroom.follower), the scrubs by Scrub.disabled, both
# from the one answer the follower's room record gives (ui.classroom.follower.leads).
_SCRUB_LOCK = "_al_scrub_lock"


def lock_scrubs(locked: bool) -> None:
    """Top of a full run (ui.classroom.follower): whether this run's scrubs are locked."""
    st.session_state[_SCRUB_LOCK] = bool(locked)


def scrubs_locked() -> bool:
    """Whether this run draws its scrubs disabled (a class's teacher leads this viewer)."""
    return bool(st.session_state.get(_SCRUB_LOCK, False))


def allowed(scrubs: Sequence[Any]) -> Sequence[Any]:
    """A chart's scrubs as this viewer may move them: all disabled while the teacher leads (the
    thumb still shows the teacher's value; a value sent anyway is ignored, ui.chart)."""
    if not scrubs or not scrubs_locked():
        return scrubs
    return [dataclasses.replace(s, disabled=True) for s in scrubs]


def scrub_lock_changed(locked: bool) -> bool:
    """Whether the last full run drew scrubs under another lock than ``locked`` (the teacher's
    mode changed since): the page must be drawn again for its scrubs to follow."""
    drawn = any(st.session_state.get(_SCRUBS, {}).values())
    return drawn and scrubs_locked() != bool(locked)


def text(label: str, key: str, default: str, max_chars: int = 200, help: str | None = None,
         **kw: Any) -> str:
    """A URL-bound text input (the page must parse it; never eval it). A link's text longer than
    max_chars, or given twice, is replaced by the default (not cut short, not the last one)."""
    raw = _raw(key)
    bad = raw is not None and (len(raw) != 1 or len(raw[0]) > max_chars)
    if bad and key not in st.session_state:
        st.session_state[key] = default  # seed the box from the default, not from the link
    value = st.text_input(label, default, max_chars=max_chars, key=key, help=help,
                          bind="query-params", **kw)
    if bad and len(raw) == 1:
        _say(t("controls.url_cut", param=key, most=max_chars, used=f"“{plain(value, most=60)}”"))
    elif bad:
        _notice(key, raw, f"“{plain(value, most=60)}”")
    return value


def formula(hint_when_empty: bool = True, spec: Any = None) -> tuple[str, Any]:
    """The URL-bound "f(x) = …" box (key ``fx``) and what core.custom makes of it: (text, the
    parsed Activation) — or (text, None) when the box is empty (a hint, if asked for) or the
    formula is rejected (a notice says where and why). The text is parsed, never evaluated.
    With the page's control ``spec`` (which declares ``fx``) the box counts as drawn by it."""
    from core.custom import MAX_LENGTH, FormulaError, parse

    # one character more than core accepts: a longer link value, which Streamlit cuts to
    # max_chars, is then still rejected as too long instead of drawn cut short
    value = text(t("custom.label"), "fx", "", max_chars=MAX_LENGTH + 1,
                 help=t("custom.help", max=MAX_LENGTH), placeholder=t("custom.placeholder"))
    if spec is not None:
        spec.mark_drawn("fx", value)
    if not value.strip():
        if hint_when_empty:
            st.info(t("custom.need"))
        return value, None
    try:
        return value, parse(value)
    except FormulaError as err:
        typed = ("char", "name", "what", "param")  # parts of the user's text (escaped)
        shown = {k: plain(v) if k in typed else v for k, v in err.values.items()}
        st.warning(t("custom.bad", msg=t(f"custom.err.{err.code}", **shown)), icon="⚠️")
        return value, None
