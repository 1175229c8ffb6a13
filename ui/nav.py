"""The page list: one entry per page file. app.py builds the navigation from it, the home page its
cards. A page appears only once its file exists, so the navigation never shows a placeholder.

File names equal url paths (``pages/explorer.py`` is served at ``/explorer``). With a ``pages/``
folder next to ``app.py``, Streamlit's legacy multipage mode runs a deep-linked page file directly
on the first request after a server start, without ``app.py``; every page therefore starts with
``ui.shell.ensure()``, which notices that and hands the run to the router (see ui/shell.py). A url
path that matched no file would instead show a "page not found" dialog on that first request.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    """One page: its id (i18n keys ``nav.<id>`` and ``nav.<id>.blurb``), file, url path, icon."""

    id: str
    file: str
    url_path: str
    icon: str

    @property
    def exists(self) -> bool:
        """Whether the page's script is present."""
        return (ROOT / self.file).is_file()


HOME = PageSpec("home", "pages/home.py", "home", ":material/home:")
PAGES: tuple[PageSpec, ...] = (
    PageSpec("explorer", "pages/explorer.py", "explorer", ":material/show_chart:"),
    PageSpec("saturation", "pages/saturation.py", "saturation", ":material/trending_flat:"),
    PageSpec("zigzag", "pages/zigzag.py", "zigzag", ":material/timeline:"),
    PageSpec("descent", "pages/descent.py", "descent", ":material/south_east:"),
    PageSpec("network", "pages/network.py", "network", ":material/hub:"),
)


def declared_path(url_path: str) -> str:
    """The url path a page is declared with in st.Page, from the one its address shows (the
    home page shows "" but is declared with HOME.url_path)."""
    return url_path or HOME.url_path


def available() -> list[PageSpec]:
    """The content pages whose files exist, in menu order."""
    return [p for p in PAGES if p.exists]
