"""A PostgreSQL for the sync suite: the one named by $COMPTOIR_BENCH_PG_URL (or
$COMPTOIR_TEST_PG_URL), each run in a schema of its own; else a throwaway cluster started
here as `.ci/run` starts one (Debian's package installed if missing, initdb in a
temporary folder, a free port on loopback, stopped and deleted at the end).

Unlike the tests' cluster, this one keeps PostgreSQL's durable defaults (fsync on,
synchronous_commit on): the figures are those of a server that keeps what it answered.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from server.database import normalise_url

from .measure import note

URL_VARIABLES = ("COMPTOIR_BENCH_PG_URL", "COMPTOIR_TEST_PG_URL")


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if found:
        return found[-1]
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise RuntimeError(
            "PostgreSQL is needed (sudo apt install postgresql), or a server's URL in "
            "$COMPTOIR_BENCH_PG_URL"
        )
    note("installing PostgreSQL (Debian's package)")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "postgresql"],
        check=True,
        env=environment,
        stdout=subprocess.DEVNULL,
    )
    return _pg_bin()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A new cluster on loopback, as `.ci/run` starts one; its database's URL."""
    bin_dir = _pg_bin()
    folder = Path(tempfile.mkdtemp(prefix="comptoir-bench-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = folder / "data"

    def run(*command: str) -> None:
        subprocess.run([*run_as, *command], check=True, stdout=subprocess.DEVNULL)

    run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "comptoir")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=400"
    ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log")]
    run(*ctl, "-w", "start", "-o", options)
    try:
        createdb = [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "comptoir"]
        run(*createdb, "comptoir_bench")
        yield f"postgresql://comptoir@127.0.0.1:{port}/comptoir_bench"
    finally:
        subprocess.run([*run_as, *ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres() -> Iterator[str]:
    """The PostgreSQL server to measure on: the one given, else a throwaway cluster."""
    given = next((os.environ[v] for v in URL_VARIABLES if os.environ.get(v)), None)
    if given:
        yield given
        return
    note("starting a throwaway PostgreSQL")
    with throwaway_cluster() as url:
        yield url


@contextmanager
def schema(base_url: str) -> Iterator[str]:
    """A fresh schema of `base_url`'s database, dropped afterwards; its URL."""
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(base_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {name}"))
    try:
        separator = "&" if "?" in base_url else "?"
        yield f"{base_url}{separator}options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()
