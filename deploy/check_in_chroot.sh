#!/bin/sh
# Installs a built .deb in a Debian 12 chroot made by debootstrap, and checks what a
# kiosk would have: the files, the user, the data folder, the enabled unit, every
# library of Qt's xcb and wayland plugins found, the bundle answering as the kiosk's
# user, and the kiosk up inside cage (headless). systemd does not run in a chroot: see
# deploy/check_watchdog_in_nspawn.sh; the session on a real screen needs a real PC or VM.
#
#   sudo deploy/check_in_chroot.sh CHROOT dist/comptoir_*.deb
#   (CHROOT made by: sudo debootstrap --variant=minbase bookworm CHROOT)
set -eu
root=$1
deb=$2
cp "$deb" "$root/tmp/comptoir.deb"
for fs in proc sys dev; do mountpoint -q "$root/$fs" || mount --bind "/$fs" "$root/$fs"; done
trap 'for fs in dev sys proc; do umount "$root/$fs" 2>/dev/null || true; done' EXIT
# Nothing starts services inside the chroot.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

in_root apt-get update -qq
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/comptoir.deb >/dev/null'
echo "== files"
in_root ls -l /usr/bin/kiosk /opt/comptoir/kiosk/kiosk /lib/systemd/system/comptoir-kiosk.service \
    /etc/pam.d/comptoir-kiosk /lib/udev/rules.d/60-comptoir-receipt-printer.rules
echo "== user and data folder"
in_root getent passwd comptoir
in_root stat -c '%A %U:%G %n' /var/lib/comptoir
echo "== unit"
in_root systemctl is-enabled comptoir-kiosk.service
in_root systemd-analyze verify /lib/systemd/system/comptoir-kiosk.service && echo "verify: ok"
echo "== libraries of the xcb and wayland plugins"
in_root sh -c 'cd /opt/comptoir/kiosk/_internal && LD_LIBRARY_PATH=$PWD:$PWD/PySide6/Qt/lib \
    ldd PySide6/Qt/plugins/platforms/libqxcb.so PySide6/Qt/plugins/platforms/libqwayland.so \
    | grep "not found" && exit 1 || echo "all found"'
echo "== the bundle, as the kiosk's user"
as_kiosk() { in_root runuser -u comptoir -- "$@"; }
as_kiosk kiosk --version
in_root rm -rf /var/lib/comptoir/demo  # a second run: the demo goes in a new folder
as_kiosk kiosk seed-demo --data-dir /var/lib/comptoir/demo --as-of 2026-11-26
as_kiosk kiosk stats --data-dir /var/lib/comptoir/demo --json
as_kiosk kiosk backup --data-dir /var/lib/comptoir/demo
in_root ls -la /var/lib/comptoir/demo/backups
echo "== the kiosk in cage, as the kiosk's user (wlroots' headless backend: no screen here)"
# The installed bundle as a Wayland client of Debian's cage, on a new data folder (the
# set-up wizard): up to "the kiosk is ready" in its log, then stopped by SIGTERM.
# Without a GPU, cage cannot draw its output (swapchain errors, kept out of the way).
in_root sh -c 'install -d -o comptoir -m 0700 /run/comptoir-check'
in_root timeout 30 runuser -u comptoir -- env XDG_RUNTIME_DIR=/run/comptoir-check \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
    QT_QPA_PLATFORM=wayland cage -d -- kiosk --data-dir /var/lib/comptoir/cage-check \
    >/dev/null 2>&1 || true
in_root grep -h "the kiosk is ready" /var/lib/comptoir/cage-check/logs/kiosk.log  # or fail
in_root rm -rf /var/lib/comptoir/cage-check /run/comptoir-check
