# JupyterHub for one class on one server: every student's server runs in the
# EIF Notebooks image (deploy/Dockerfile) with DockerSpawner.
#
#   .venv-hub/bin/jupyterhub -f deploy/hub/jupyterhub_config.py     (make hub does this)
#
# Everything a teacher may change is an environment variable, read here and
# nowhere else (docs/classroom.md explains each one):
#
#   EIF_HUB_IP, EIF_HUB_PORT     where students connect (127.0.0.1, 8000): the proxy's address,
#                                behind nginx for HTTPS (deploy/hub/nginx-site.sh)
#   EIF_HUB_PUBLIC_URL           the address students open, e.g. https://jupyter.school.example/:
#                                with https, every cookie is sent over HTTPS only
#   EIF_PROXY                    hub (the hub starts and stops the proxy; default) or external
#                                (deploy/hub/proxy.sh runs it: a hub restart keeps servers and routes)
#   EIF_HUB_API_PORT             the hub's own port, on 127.0.0.1 (8081)
#   EIF_PROXY_API_PORT           the proxy's REST API, on 127.0.0.1 (8001)
#   EIF_HUB_STATE                folder for the database, cookie secret, pid file (.)
#   EIF_HUB_AUTH                 native (students sign up, the teacher approves; default),
#                                dummy (tests and `make hub` only: one shared password), or
#                                custom (the institution's OAuth or LDAP, set in EIF_HUB_EXTRA_CONFIG)
#   EIF_HUB_EXTRA_CONFIG         a Python file of more hub settings, read last (docs/classroom.md)
#   EIF_HUB_PASSWORD             the shared password of dummy mode (required there)
#   EIF_HUB_ADMIN_PASSWORD       dummy mode: the password of the EIF_HUB_ADMINS accounts
#   EIF_HUB_USERS                dummy mode: the allowed user names, comma-separated
#   EIF_HUB_ADMINS               the teacher's user names, comma-separated
#   EIF_LOGIN_ATTEMPTS           native mode: wrong passwords in a row before an account waits (5)
#   EIF_LOGIN_WAIT               native mode: seconds it then waits before each next try (300)
#   EIF_IMAGE                    the image (eif-notebooks:latest)
#   EIF_COURSE_REPO              git URL of the course, for the nbgitpuller link
#   EIF_COURSE_BRANCH            its branch (main)
#   EIF_COURSE_GIT_DIR           a bare git repository on this server, mounted read-only
#                                in every container at /srv/course.git (it then is the URL)
#   EIF_MEM_LIMIT, EIF_CPU_LIMIT per-student limits (2G, 1.0 core)
#   EIF_NETWORK                  host (default: servers listen on 127.0.0.1 of this server)
#                                or the name of a Docker network (docs/classroom.md)
#   EIF_SERVER_PORT_BASE         on the host network: a student's server listens on this plus
#                                the student's number in the hub (20000: ports 20001, 20002, …),
#                                below the ports the system hands out (ip_local_port_range)
#   EIF_HUB_CONNECT_IP           with a Docker network: the address containers reach the hub at
#   EIF_NBGRADER_EXCHANGE        the folder of nbgrader's exchange on this server (EIF_HUB_STATE/exchange):
#                                each student's server mounts the released assignments and
#                                their own submissions and feedback only (docs/exercises.md)
#   EIF_COURSE_ID                the nbgrader course (eif)
#   EIF_CLASS_LANG               en or fr: fr gives the class JupyterLab in French, lands them in
#                                notebooks/fr/ and makes `make release` release the French
#                                assignments (default en)
#   EIF_CULL_TIMEOUT             seconds of inactivity before a server is stopped (3600)
#   EIF_PREFIX                   prefix of container and volume names (eif)
#   EIF_PROXY_CMD                configurable-http-proxy (default: the one `make hub` installs)
#
# Before it starts, the hub checks what it needs (the Docker daemon, the image,
# free ports, the proxy) and stops with one message naming what is missing.

import os
import re
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from dockerspawner import DockerSpawner
from tornado import web

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "exercises"))
from eifgrader import layout  # noqa: E402 (the exchange's folders; needs nothing but Python)


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_list(name):
    return {u.strip() for u in env(name).split(",") if u.strip()}


def fail(msg):
    """Stop the hub with one message (JupyterHub shows a SystemExit message as is)."""
    sys.exit(f"eif hub: {msg}")


hub_ip = env("EIF_HUB_IP", "127.0.0.1")
hub_port = int(env("EIF_HUB_PORT", "8000"))
hub_api_port = int(env("EIF_HUB_API_PORT", "8081"))
proxy_api_port = int(env("EIF_PROXY_API_PORT", "8001"))
state = Path(env("EIF_HUB_STATE", ".")).resolve()
image = env("EIF_IMAGE", "eif-notebooks:latest")
mem_limit = env("EIF_MEM_LIMIT", "2G")
m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT]?)", mem_limit.upper())
if not m:
    fail(f"EIF_MEM_LIMIT={mem_limit!r}: want a size such as 2G or 1536M")
mem_bytes = int(float(m[1]) * 1024 ** " KMGT".index(m[2] or " "))
proxy_mode = env("EIF_PROXY", "hub")
if proxy_mode not in ("hub", "external"):
    fail(f"EIF_PROXY={proxy_mode!r}: use hub (the hub runs the proxy) or external (deploy/hub/proxy.sh runs it)")
network = env("EIF_NETWORK", "host")
port_base = env("EIF_SERVER_PORT_BASE", "20000")
if not port_base.isdigit() or not 1024 <= int(port_base) <= 65000:
    fail(f"EIF_SERVER_PORT_BASE={port_base!r}: want a port number from 1024 to 65000")
port_base = int(port_base)
if network == "host":
    # The system hands out its ports (ip_local_port_range) to any program that
    # asks for a free one: a student's port there could be taken before the
    # student's server binds it.
    try:
        low, high = map(int, Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
    except (OSError, ValueError):
        low, high = 32768, 60999
    if port_base + 1 <= high and port_base + 1000 >= low:
        fail(
            f"EIF_SERVER_PORT_BASE={port_base}: the students' ports (from {port_base + 1}) meet the range the system "
            f"hands out, {low}-{high} (ip_local_port_range); take a base below {low - 1000}, e.g. 20000"
        )
prefix = env("EIF_PREFIX", "eif")
home = "/home/jovyan"
class_lang = env("EIF_CLASS_LANG", "en")
if class_lang not in ("en", "fr"):
    fail(f"EIF_CLASS_LANG={class_lang!r}: use en (English) or fr (French)")

# ---- preflight: one clear message for each thing that is missing
ports = [("EIF_HUB_API_PORT (the hub's own port)", "127.0.0.1", hub_api_port)]
if proxy_mode == "hub":  # else the proxy already holds the other two
    ports += [
        ("EIF_HUB_PORT (where students connect)", hub_ip, hub_port),
        ("EIF_PROXY_API_PORT (the proxy's API)", "127.0.0.1", proxy_api_port),
    ]
for what, ip, port in ports:
    with socket.socket() as s:
        # As the hub and the proxy bind: connections of a hub that just
        # stopped (TIME_WAIT) do not hold the port, a listening process does.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
        except OSError as e:
            fail(f"port {port} on {ip} is taken ({e.strerror}); set {what} to a free port")

proxy_cmd = env("EIF_PROXY_CMD", str(REPO / ".venv-hub" / "node_modules" / ".bin" / "configurable-http-proxy"))
if proxy_mode == "hub" and not os.access(proxy_cmd, os.X_OK):
    fail(f"the proxy configurable-http-proxy is missing ({proxy_cmd}); run `make hub-setup` (npm) or set EIF_PROXY_CMD")
proxy_token = ""
if proxy_mode == "external":
    # deploy/hub/proxy.sh wrote the token into the state folder; the proxy must answer with it.
    token_file = state / "proxy_token"
    start_it = f"start it first: deploy/hub/proxy.sh with the same EIF_HUB_STATE ({state})"
    if not token_file.is_file():
        fail(f"EIF_PROXY=external: no proxy token in {token_file}; {start_it}")
    proxy_token = token_file.read_text().strip()
    req = urllib.request.Request(f"http://127.0.0.1:{proxy_api_port}/api/routes", headers={"Authorization": f"token {proxy_token}"})
    try:
        urllib.request.urlopen(req, timeout=10).close()
    except (OSError, urllib.error.URLError) as e:
        fail(f"EIF_PROXY=external: no proxy answers at 127.0.0.1:{proxy_api_port} with the token of {token_file} ({e}); {start_it}")


# ---- the hub and the proxy
state.mkdir(parents=True, exist_ok=True)
c.JupyterHub.bind_url = f"http://{hub_ip}:{hub_port}"
c.JupyterHub.hub_bind_url = f"http://{'0.0.0.0' if network != 'host' else '127.0.0.1'}:{hub_api_port}"
if network != "host":
    c.JupyterHub.hub_connect_ip = env("EIF_HUB_CONNECT_IP") or fail(
        "EIF_HUB_CONNECT_IP is required with a Docker network: the address of this server on that network"
    )
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
if proxy_mode == "hub":
    c.ConfigurableHTTPProxy.command = [proxy_cmd]
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
else:
    # The proxy runs on its own (deploy/hub/proxy.sh) and keeps every route while
    # the hub restarts; the servers keep running, and the hub finds them again
    # from its database (the containers' ids) when it starts.
    c.ConfigurableHTTPProxy.should_start = False
    c.ConfigurableHTTPProxy.auth_token = proxy_token
    c.JupyterHub.cleanup_servers = False
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
public_url = env("EIF_HUB_PUBLIC_URL")
if public_url:
    if not public_url.startswith(("https://", "http://")):
        fail(f"EIF_HUB_PUBLIC_URL={public_url!r}: give the whole address, e.g. https://jupyter.school.example/")
    c.JupyterHub.public_url = public_url
    if public_url.startswith("https://"):
        # Every cookie of the hub (login, session, _xsrf) is Secure; the
        # servers read JUPYTERHUB_PUBLIC_URL and make theirs Secure too.
        c.JupyterHub.tornado_settings = {"cookie_options": {"secure": True}}
c.JupyterHub.concurrent_spawn_limit = 40

# ---- authentication
auth = env("EIF_HUB_AUTH", "native")
c.Authenticator.admin_users = env_list("EIF_HUB_ADMINS")
if auth == "dummy":
    # Tests and the local trial of `make hub` only: any allowed name, one password.
    password = env("EIF_HUB_PASSWORD") or fail("EIF_HUB_AUTH=dummy needs EIF_HUB_PASSWORD")
    users = env_list("EIF_HUB_USERS") or fail("EIF_HUB_AUTH=dummy needs EIF_HUB_USERS (comma-separated names)")
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = password
    if len(password) < 8:
        fail("EIF_HUB_PASSWORD must have at least 8 characters")
    if c.Authenticator.admin_users:
        admin_password = env("EIF_HUB_ADMIN_PASSWORD")
        if len(admin_password) < 32 or admin_password == password:
            fail("EIF_HUB_AUTH=dummy with EIF_HUB_ADMINS needs EIF_HUB_ADMIN_PASSWORD: 32 characters or more, not the students' password")
        c.SharedPasswordAuthenticator.admin_password = admin_password
    c.Authenticator.allowed_users = users | c.Authenticator.admin_users
elif auth == "native":
    # Students sign up; the teacher (an admin) approves them at /hub/authorize.
    # classauth.py: NativeAuthenticator with its password check off the event
    # loop, the reason of a refused login, and a wait after failed logins.
    import nativeauthenticator

    sys.path.insert(0, str(HERE))
    from classauth import ClassAuthenticator

    c.JupyterHub.authenticator_class = ClassAuthenticator
    c.JupyterHub.template_paths = [str(Path(nativeauthenticator.__file__).parent / "templates")]
    c.NativeAuthenticator.open_signup = False
    c.NativeAuthenticator.minimum_password_length = 10
    c.NativeAuthenticator.check_common_password = True
    for name, default in (("EIF_LOGIN_ATTEMPTS", "5"), ("EIF_LOGIN_WAIT", "300")):
        if not env(name, default).isdigit() or int(env(name, default)) < 1:
            fail(f"{name}={env(name)!r}: want a whole number ≥ 1")
    c.NativeAuthenticator.allowed_failed_logins = int(env("EIF_LOGIN_ATTEMPTS", "5"))
    c.NativeAuthenticator.seconds_before_next_try = int(env("EIF_LOGIN_WAIT", "300"))
    c.Authenticator.allow_all = True  # NativeAuthenticator itself only lets approved users in
elif auth == "custom":
    if not env("EIF_HUB_EXTRA_CONFIG"):
        fail("EIF_HUB_AUTH=custom needs EIF_HUB_EXTRA_CONFIG, a file that sets the authenticator (docs/classroom.md)")
else:
    fail(f"EIF_HUB_AUTH={auth!r}: use native (a class), custom (OAuth, LDAP) or dummy (tests)")


# ---- Docker: the daemon, the image, the network
try:
    import docker

    client = docker.from_env(timeout=10)
    client.ping()
except Exception as e:  # noqa: BLE001 (any failure means the same: no daemon)
    fail(
        f"no Docker daemon answers at DOCKER_HOST={os.environ.get('DOCKER_HOST', 'unix:///var/run/docker.sock')} "
        f"({type(e).__name__}); start one (deploy/dockerd.sh, or systemctl start docker)"
    )
try:
    client.images.get(image)
except docker.errors.ImageNotFound:
    fail(f"the image {image} is not on this Docker daemon; build it with `make image` (or set EIF_IMAGE)")
if network != "host":
    try:
        client.networks.get(network)
    except docker.errors.NotFound:
        fail(f"the Docker network {network} does not exist; create it: docker network create {network}")
client.close()


# ---- the spawner: one container per student, from the image
class EIFDockerSpawner(DockerSpawner):
    """DockerSpawner that also works on the host's network: each server then
    listens on 127.0.0.1 at a port of its own, EIF_SERVER_PORT_BASE plus the
    student's number in the hub's database.

    Not a random free port (jupyterhub.utils.random_port): that one is free
    when the hub picks it, but the server binds it only seconds later, in its
    container; on the host network any other program may take it meanwhile
    (a kernel's ports, an outgoing connection: all come from the same range),
    and the server then exits ("port ... is not available") while the hub
    waits http_timeout (180 s) for it. A fixed port below that range, one per
    student, cannot be taken that way; if another program holds it, the
    student is told at once which port and which setting."""

    async def start(self):
        if self.network_name == "host":
            self.port = port_base + self.user.id
            with socket.socket() as s:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
                try:
                    s.bind(("127.0.0.1", self.port))
                except OSError as e:
                    raise web.HTTPError(
                        500,
                        f"eif hub: the server of {self.user.name} could not start: its port {self.port} on 127.0.0.1 "
                        f"is taken by another program ({e.strerror}); set EIF_SERVER_PORT_BASE to the start of free ports",
                    ) from e
        try:
            return await super().start()
        except docker.errors.APIError as e:
            # One message for the student and the hub's log, naming what failed.
            why = e.explanation or str(e)
            raise web.HTTPError(500, f"eif hub: the server of {self.user.name} could not start in {self.image}: {why}") from e

    async def stop(self, now=False):
        # Said in the log, one line per server: stopping the hub (Ctrl-C) waits for each.
        self.log.info("eif hub: stopping the server of %s (container %s)", self.user.name, self.container_name)
        return await super().stop(now=now)

    async def get_ip_and_port(self):
        if self.network_name == "host":
            return "127.0.0.1", self.port
        return await super().get_ip_and_port()


c.JupyterHub.spawner_class = EIFDockerSpawner
c.DockerSpawner.image = image
c.DockerSpawner.pull_policy = "never"  # the image is built here (make image); no registry
c.DockerSpawner.remove = True  # a stopped server leaves no container; the home volume stays
c.DockerSpawner.prefix = prefix
c.DockerSpawner.name_template = "{prefix}-{username}"
c.DockerSpawner.network_name = network
if network == "host":
    c.DockerSpawner.use_internal_ip = True  # no port publishing on the host network
    c.DockerSpawner.host_ip = "127.0.0.1"
    c.DockerSpawner.ip = "127.0.0.1"
c.DockerSpawner.cmd = ["eif-start", "jupyterhub-singleuser"]
c.DockerSpawner.notebook_dir = home
c.DockerSpawner.mem_limit = mem_limit
# Each process in a student's container may allocate the memory limit less
# 768 MiB (the server, the kernel and gopls need about 0.5 GB), and at least
# half the limit (RLIMIT_DATA): a cell that allocates too much then fails with
# Go's "fatal error: out of memory" in its output, where the kernel's OOM
# killer would end it with a bare "signal: killed". The server and the kernel
# carry on either way.
data_limit = max(mem_bytes // 2, mem_bytes - 768 * 2**20)
c.DockerSpawner.extra_host_config.update({"ulimits": [docker.types.Ulimit(name="data", soft=data_limit, hard=data_limit)]})
c.DockerSpawner.cpu_limit = float(env("EIF_CPU_LIMIT", "1.0"))
# Each student's home is a Docker volume of their own: no student sees another's files.
volumes = {f"{prefix}-home-{{username}}": home}
read_only = {}
course_git = env("EIF_COURSE_GIT_DIR")
if course_git:
    if not (Path(course_git) / "HEAD").is_file():
        fail(f"EIF_COURSE_GIT_DIR={course_git} is not a bare git repository (no HEAD file)")
    read_only[str(Path(course_git).resolve())] = "/srv/course.git"
c.DockerSpawner.volumes = volumes
c.DockerSpawner.read_only_volumes = read_only
# The class's language: the interface (eif-start reads EIF_LANG), the course's
# notebooks, the labels of the charts.
c.DockerSpawner.environment = {"EIF_LANG": class_lang}
if public_url.startswith("https://"):
    # Over HTTPS, each server's own _xsrf cookie is Secure too (deploy/hub/https/).
    c.DockerSpawner.read_only_volumes[str(HERE / "https")] = "/etc/eif-hub/jupyter"
    c.DockerSpawner.environment["JUPYTER_CONFIG_PATH"] = "/etc/eif-hub/jupyter"

# ---- graded work: nbgrader's exchange, sealed per student (exercises/eifgrader/exchange.py)
exchange = Path(env("EIF_NBGRADER_EXCHANGE") or state / "exchange").resolve()
course_id = env("EIF_COURSE_ID", "eif")
try:
    layout.write_class_lang(exchange, course_id, class_lang)  # make release reads it
except OSError as e:
    fail(f"cannot write the exchange EIF_NBGRADER_EXCHANGE={exchange} ({e.strerror}): run the hub as root, or name a folder it can write")
c.DockerSpawner.environment.update({"EIF_NBGRADER_EXCHANGE": layout.CONTAINER_ROOT, "EIF_COURSE_ID": course_id})


def mount_exchange(spawner):
    """Before a student's server starts: their folders of the exchange, and
    the mounts of the released assignments and of their own submissions and
    feedback (nothing of another student's)."""
    mounts = layout.student_mounts(exchange, course_id, spawner.user.name, uid=1000, gid=1000)
    spawner.volumes = dict(volumes, **{host: {"bind": into, "mode": mode} for host, (into, mode) in mounts.items()})


c.Spawner.pre_spawn_hook = mount_exchange
# A cold start of 30 servers on a small server takes a while.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 180
# The hub checks every 10 s (not 30) that each server still runs, so that a
# server whose container died is soon shown as stopped, with a Start button.
c.Spawner.poll_interval = 10

# ---- distribution: the nbgitpuller link is every student's landing page
course_repo = env("EIF_COURSE_REPO") or ("/srv/course.git" if course_git else "")
if course_repo:
    c.Spawner.default_url = "/git-pull?" + urlencode(
        {
            "repo": course_repo,
            "branch": env("EIF_COURSE_BRANCH", "main"),
            "targetpath": "eif-notebooks",
            "urlpath": "lab/tree/eif-notebooks/notebooks" + ("/fr" if class_lang == "fr" else ""),
        }
    )

# ---- idle servers are stopped (jupyterhub-idle-culler, a hub service)
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={int(env('EIF_CULL_TIMEOUT', '3600'))}"],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# ---- the teacher's own settings, last (e.g. the institution's OAuth or LDAP)
extra = env("EIF_HUB_EXTRA_CONFIG")
if extra:
    if not Path(extra).is_file():
        fail(f"EIF_HUB_EXTRA_CONFIG={extra} is not a file")
    load_subconfig(extra)  # noqa: F821 (defined by JupyterHub when it loads this file)
