"""`./comptoir package`: the kiosk's bundle, then the Debian package that installs it.

    python deploy/build_package.py [--dist DIR] [--work DIR] [--bundle-only]

1. PyInstaller builds `kiosk.spec` into DIST/kiosk (one folder: the `kiosk` program and
   everything it reads), its work files in WORK.
2. DIST/comptoir_<version>_<arch>.deb installs:
   /opt/comptoir/kiosk/                          the bundle
   /usr/bin/kiosk                                a link to the bundle's program
   /lib/systemd/system/comptoir-kiosk.service    the kiosk at boot (cage on tty1)
   /etc/pam.d/comptoir-kiosk                     its logind session
   /lib/udev/rules.d/60-comptoir-receipt-printer.rules
   /usr/share/doc/comptoir/                      README, licence
   and its postinst creates the `comptoir` user and /var/lib/comptoir, and enables the
   unit. Depends: the Debian packages in deploy/debian-runtime-packages (before its
   [test] line), and what the session needs (cage, Xwayland, logind's PAM module, D-Bus).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
INSTALL_DIR = "opt/comptoir/kiosk"
# What the locked-down session needs beyond Qt's libraries: the compositor; Xwayland,
# without which Debian 12's cage (0.1.4, built with XWayland) refuses to start ("Cannot
# create XWayland server") though its package does not depend on it; the PAM module that
# opens the logind session; and D-Bus, through which logind answers.
SESSION_PACKAGES = ("cage", "xwayland", "libpam-systemd", "dbus")


def runtime_packages(path: Path = DEPLOY / "debian-runtime-packages") -> list[str]:
    """The Debian packages listed before the file's [test] line, comments left out."""
    packages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word == "[test]":
            break
        if word:
            packages.append(word)
    return packages


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def build_bundle(dist: Path, work: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "kiosk.spec"), "--noconfirm",
         "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)],
        check=True, cwd=ROOT,
    )  # fmt: skip
    return dist / "kiosk"


def folder_kb(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


def control(installed_kb: int) -> str:
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()
    depends = ", ".join(dict.fromkeys([*runtime_packages(), *SESSION_PACKAGES]))
    return (
        "Package: comptoir\n"
        f"Version: {version()}\n"
        f"Architecture: {architecture}\n"
        "Maintainer: Comptoir developers <comptoir@invalid>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: touchscreen counter of a solidarity concierge\n"
        " Comptoir runs the kiosk of a neighbourhood concierge: residents order small\n"
        " services on the touchscreen, the attendant takes orders, assigns Lulus,\n"
        " prints tickets and invoices and closes the till; the store syncs with the\n"
        " association's central server. This package starts the kiosk at boot, full\n"
        " screen in cage, as the user comptoir, with its data in /var/lib/comptoir.\n"
    )


def stage(bundle: Path, root: Path) -> None:
    """The package's files under `root`, as they will lie on the kiosk."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/kiosk").symlink_to(f"/{INSTALL_DIR}/kiosk")
    files = {
        DEPLOY / "comptoir-kiosk.service": "lib/systemd/system/comptoir-kiosk.service",
        DEPLOY / "debian/comptoir-kiosk.pam": "etc/pam.d/comptoir-kiosk",
        DEPLOY / "debian/60-comptoir-receipt-printer.rules": (
            "lib/udev/rules.d/60-comptoir-receipt-printer.rules"
        ),
        ROOT / "README.md": "usr/share/doc/comptoir/README.md",
        ROOT / "LICENSE": "usr/share/doc/comptoir/copyright",
    }
    for source, target in files.items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, root / target)
        (root / target).chmod(0o644)
    debian = root / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "prerm", "postrm"):
        shutil.copyfile(DEPLOY / "debian" / script, debian / script)
        (debian / script).chmod(0o755)
    (debian / "conffiles").write_text("/etc/pam.d/comptoir-kiosk\n", encoding="utf-8")
    (debian / "control").write_text(control(folder_kb(root)), encoding="utf-8")


def build_deb(bundle: Path, dist: Path, work: Path) -> Path:
    root = work / "deb-root"
    stage(bundle, root)
    control_text = (root / "DEBIAN/control").read_text(encoding="utf-8")
    architecture = control_text.split("Architecture: ", 1)[1].split("\n", 1)[0]
    deb = dist / f"comptoir_{version()}_{architecture}.deb"
    # gzip: three times faster to build than xz for a few MB more, and every dpkg reads it.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    shutil.rmtree(root)
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(prog="./comptoir package", description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    parser.add_argument("--bundle-only", action="store_true", help="no .deb")
    args = parser.parse_args()
    started = time.monotonic()
    bundle = build_bundle(args.dist.resolve(), args.work.resolve())
    print(f"bundle: {bundle} ({folder_kb(bundle) / 1024:.0f} MB)")
    if not args.bundle_only:
        deb = build_deb(bundle, args.dist.resolve(), args.work.resolve())
        print(f"package: {deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
