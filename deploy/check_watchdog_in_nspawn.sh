#!/bin/sh
# After deploy/check_in_chroot.sh: boots the chroot with systemd-nspawn (Debian's
# systemd-container) and checks the unit under a real systemd: READY=1 ("Started"),
# the watchdog killing a frozen kiosk (SIGSTOP) and starting it again, and a manager's
# quit (the marker, then the kiosk ends and cage with it) skipping the restart. A
# container has no console and no GPU: a drop-in, for this check only, runs cage on
# wlroots' headless backend (no logind session, no tty), with WatchdogSec=10; the
# kiosk, cage's child, is the process frozen.
#
#   sudo deploy/check_watchdog_in_nspawn.sh CHROOT
set -eu
root=$1
dropin=$root/etc/systemd/system/comptoir-kiosk.service.d/nspawn-check.conf
report=$root/etc/systemd/system/nspawn-report.service
wants=$root/etc/systemd/system/multi-user.target.wants/nspawn-report.service
mkdir -p "$(dirname "$dropin")"
cat > "$dropin" <<'UNIT'
[Unit]
ConditionPathExists=
[Service]
PAMName=
TTYPath=
StandardInput=null
ExecStartPre=
ExecStart=
ExecStart=/usr/bin/cage -d -- /opt/comptoir/kiosk/kiosk --data-dir /var/lib/comptoir
Environment=WLR_BACKENDS=headless WLR_RENDERER=pixman XDG_RUNTIME_DIR=/run/comptoir
WatchdogSec=10
UNIT
cat > "$report" <<'UNIT'
[Unit]
After=multi-user.target
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'sleep 25; show() { systemctl show -p ActiveState,SubState,NRestarts,MainPID comptoir-kiosk; }; { echo "== after boot"; show; main=$(systemctl show -p MainPID --value comptoir-kiosk); pid=$(cat /proc/$main/task/$main/children); echo "cage $main, the kiosk $pid"; echo "== the kiosk frozen (SIGSTOP), cage running"; kill -STOP $pid; sleep 30; echo "== 30 s later"; show; echo "== a manager quits"; touch /run/comptoir/stopped-by-manager; main=$(systemctl show -p MainPID --value comptoir-kiosk); kill -TERM $(cat /proc/$main/task/$main/children); sleep 12; show; journalctl -b -u comptoir-kiosk --no-pager; } > /root/nspawn-report.txt 2>&1; systemctl poweroff'
UNIT
ln -sf /etc/systemd/system/nspawn-report.service "$wants"
rm -f "$root/root/nspawn-report.txt"  # a report left by an earlier run would mislead
timeout 300 systemd-nspawn -q -D "$root" --boot --register=no --keep-unit >/dev/null 2>&1 || true
rm -f "$dropin" "$report" "$wants"
cat "$root/root/nspawn-report.txt"
