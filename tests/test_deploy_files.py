"""deploy/: the compose file, the nginx template and the Dockerfile describe the topology that
bench/topology.py and tests/browser/test_topology_browser.py run without Docker (Docker is not
available here, so the compose file is checked by parsing it, as `docker compose config` would,
and the nginx config by `nginx -t` on the same template the browser test uses)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from bench import topology
from ui.rooms_redis import ENV_URL

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) per logical line of deploy/Dockerfile (continuations joined)."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def nginx_blocks(text: str) -> dict[str, str]:
    """The body of every innermost `name args { … }` block (upstream, location, map); a
    template's ${NAME} is not a brace."""
    return {m.group(1).strip(): m.group(2) for m in re.finditer(
        r"^\s*([a-z_]+[^{;#$\n]*(?:\$[a-z_]+[^{;#$\n]*)*)\{((?:[^{}$]|\$\{[A-Z_]+\}|\$(?!\{))*)\}",
        text, re.M)}


def test_compose_runs_replicas_behind_a_proxy_with_redis():
    services = compose()["services"]
    assert set(services) == {"app", "proxy", "redis"}
    app, proxy, redis = services["app"], services["proxy"], services["redis"]
    assert app["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert (DEPLOY / ".." / app["build"]["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    replicas = re.fullmatch(r"\$\{APP_REPLICAS:-(\d+)\}", str(app["deploy"]["replicas"]))
    assert replicas and int(replicas.group(1)) >= 2
    assert "ports" not in app and app["expose"] == ["8501"]   # reached only through the proxy
    assert app["environment"][ENV_URL] == "redis://redis:6379/0"
    assert app["depends_on"] == {"redis": {"condition": "service_healthy"}}
    assert "/_stcore/health" in " ".join(app["healthcheck"]["test"])
    assert re.fullmatch(r"\$\{HTTP_PORT:-\d+\}:80", proxy["ports"][0])
    assert proxy["depends_on"] == {"app": {"condition": "service_healthy"}}
    assert "/_stcore/health" in " ".join(proxy["healthcheck"]["test"])
    assert redis["image"].startswith("redis:") and redis["expose"] == ["6379"]
    assert "ports" not in redis                              # never published to the host
    assert redis["command"][:5] == ["redis-server", "--save", "", "--appendonly", "no"]


def test_the_proxy_uses_the_nginx_template_for_every_replica():
    proxy = compose()["services"]["proxy"]
    version = re.fullmatch(r"nginx:(\d+)\.(\d+)-alpine", proxy["image"])
    assert version and tuple(map(int, version.groups())) >= (1, 27)   # `server … resolve`
    source, target, mode = proxy["volumes"][0].split(":")
    assert (DEPLOY / source).resolve() == topology.NGINX_TEMPLATE == DEPLOY / "nginx.conf"
    assert target.startswith("/etc/nginx/templates/") and target.endswith(".conf.template")
    assert mode == "ro"
    env = proxy["environment"]
    assert env["PROXY_LISTEN"] == "80"
    assert "server app:8501 resolve;" in env["APP_UPSTREAM"]   # the app service, its port
    assert "resolver 127.0.0.11" in env["APP_UPSTREAM"]        # Docker's DNS: all replicas


def test_every_compose_variable_has_a_default_or_a_message():
    text = (DEPLOY / "compose.yaml").read_text()
    uses = re.findall(r"\$\{([A-Z_]+)([^}]*)\}", text)
    assert {name for name, _ in uses} == {"APP_REPLICAS", "HTTP_PORT", "STREAMLIT_COOKIE_SECRET"}
    for name, rest in uses:
        assert rest.startswith((":-", ":?")), name


def test_nginx_template_is_sticky_and_passes_websockets():
    text = topology.NGINX_TEMPLATE.read_text()
    blocks = nginx_blocks(text)
    upstream = blocks["upstream activation_lab"]
    assert re.search(r"^\s*hash \$al_route consistent;", upstream, re.M)
    assert "${APP_UPSTREAM}" in upstream and "zone activation_lab" in upstream
    route = blocks["map $cookie_al_route $al_route"]
    assert re.search(r'""\s+\$request_id;', route)               # first visit: a random key
    assert re.search(r"default\s+\$cookie_al_route;", route)     # then the cookie's
    assert "al_route=$request_id" in blocks["map $cookie_al_route $al_route_cookie"]
    assert "add_header Set-Cookie $al_route_cookie always;" in text
    assert "ip_hash" not in re.sub(r"#.*", "", text)             # one school, one NAT address
    stream = blocks["location /_stcore/stream"]
    assert "proxy_pass http://activation_lab;" in stream
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    assert re.search(r"proxy_read_timeout (\d+)h;", stream).group(1) >= "1"
    assert "proxy_pass http://activation_lab;" in blocks["location /"]
    assert re.search(r"^\s*proxy_http_version 1\.1;", text, re.M)
    assert "listen ${PROXY_LISTEN};" in text


def test_filled_template_names_each_app_process_and_leaves_nginx_variables():
    site = topology.nginx_site([8601, 8602], "127.0.0.1:8080")
    assert "${" not in site
    upstream = nginx_blocks(site)["upstream activation_lab"]
    assert re.findall(r"server (127\.0\.0\.1:\d+)", upstream) == ["127.0.0.1:8601",
                                                                  "127.0.0.1:8602"]
    assert "listen 127.0.0.1:8080;" in site
    for var in ("$request_id", "$cookie_al_route", "$http_upgrade", "$upstream_addr"):
        assert var in site


def test_nginx_accepts_the_config_the_browser_test_runs(tmp_path):
    if topology.program("nginx") is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is required in CI (apt-get install nginx)")
        pytest.skip("nginx is not installed")
    site = tmp_path / "site.conf"
    site.write_text(topology.nginx_site([8601, 8602], "127.0.0.1:8080"))
    main = tmp_path / "nginx.conf"
    main.write_text(topology.nginx_main(tmp_path, site))
    done = subprocess.run([topology.program("nginx"), "-t", "-p", str(tmp_path), "-e", str(tmp_path / "e.log"),
                           "-c", str(main)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr


def test_dockerfile_is_slim_pinned_non_root_and_health_checked():
    lines = dockerfile()
    words = [w for w, _ in lines]
    image = dict(lines)["FROM"]
    assert re.fullmatch(r"python:\$\{PYTHON_VERSION\}-slim-bookworm", image)
    assert re.search(r"ARG PYTHON_VERSION=3\.1[1-3]$",
                     (DEPLOY / "Dockerfile").read_text(), re.M)
    assert ("COPY", "requirements.txt .") in lines
    assert ("RUN", "pip install --no-cache-dir -r requirements.txt") in lines
    user = [arg for w, arg in lines if w == "USER"]
    assert user and user[-1] not in ("root", "0")
    assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN")
    assert words.index("USER") < words.index("CMD")
    health = dict(lines)["HEALTHCHECK"]
    assert "http://127.0.0.1:8501/_stcore/health" in health
    assert ("EXPOSE", "8501") in lines
    assert "--server.port=8501" in dict(lines)["CMD"]
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    assert {".git", ".venv", "tests/"} <= set(ignore)


def test_the_test_topology_is_the_compose_topology():
    app = compose()["services"]["app"]
    assert ENV_URL in app["environment"] and topology.REDIS_ENV == ENV_URL
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in (ROOT / "bench" / "topology.py").read_text()
    assert (ROOT / "requirements.txt").read_text().count("\nredis==") == 1
