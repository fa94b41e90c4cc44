#!/usr/bin/env bash
# `make demo`: the kiosk daemon on its embedded default — no hardware, no network. cccdd --demo
# starts the BHXH simulator on loopback (Samples/bhxh-sim/demo-scenario.json), virtual CCCD chips
# on a virtual reader, a ledger in a temporary folder, and prints the kiosk page's URL with a
# one-time login token. Every person in it is invented.
#
# The virtual reader is pcscd's vpcd reader when Debian's vsmartcard-vpcd driver is installed and
# pcscd answers (socket-activated on a desktop): the cards then travel the real PC/SC path. As root
# with no pcscd at all (a container), the demo starts one for its own lifetime. Otherwise the
# cards sit on a reader inside the daemon.
set -euo pipefail
bin="$1"
material=.build/vcard
# The virtual cards' test keys, photos and signed EF.SODs, made once (never committed).
if [ ! -f "$material/pki/csca-brainpool.pem" ]; then
    echo "Making the virtual cards' test material in $material (openssl, ImageMagick)…" >&2
    CCCD_VCARD="$bin/cccd-vcard" scripts/make-vcard-keys.sh "$material" >/dev/null
fi
cat >&2 <<'TEXT'
Starting cccdd --demo. Open the Kiosk URL below in a browser on this machine, then press a sample
patient in the demo panel (insured, expired card, new card, cloned chip, QR/chip mismatch, gateway
down). Ctrl-C stops the daemon and removes its temporary ledger.
TEXT
pcscd_pid=""
pcscd=$(command -v pcscd || echo /usr/sbin/pcscd)
# A socket with no pcscd behind it is systemd's (socket activation) — or stale when systemd is not running.
if [ -f /etc/reader.conf.d/vpcd ] && [ -x "$pcscd" ] && [ "$(id -u)" = 0 ] && ! pgrep -x pcscd >/dev/null 2>&1 \
    && { [ ! -S /run/pcscd/pcscd.comm ] || [ ! -d /run/systemd/system ]; }; then
    "$pcscd" --foreground >/dev/null 2>&1 &
    pcscd_pid=$!
    trap 'kill "$pcscd_pid" 2>/dev/null || true; wait "$pcscd_pid" 2>/dev/null || true' EXIT
    for _ in $(seq 50); do [ -S /run/pcscd/pcscd.comm ] && break; sleep 0.1; done
    echo "Started pcscd for the demo (pid $pcscd_pid); it stops with the demo." >&2
fi
"$bin/cccdd" --demo --demo-material "$material" --demo-scenario Samples/bhxh-sim/demo-scenario.json "${@:2}"
