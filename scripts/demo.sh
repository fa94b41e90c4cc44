#!/usr/bin/env bash
# `make demo`: the kiosk daemon on its embedded default — no hardware, no network. cccdd --demo
# starts the BHXH simulator on loopback (Samples/bhxh-sim/demo-scenario.json), virtual CCCD chips
# on a virtual reader, a ledger in a temporary folder, and prints the kiosk page's URL with a
# one-time login token. Every person in it is invented.
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
exec "$bin/cccdd" --demo --demo-material "$material" --demo-scenario Samples/bhxh-sim/demo-scenario.json "${@:2}"
