#!/usr/bin/env bash
# `make demo` for now: decode the sample CCCD QR images shipped in Samples/qr and print the
# validated identities. Later issues turn this into the full daemon demo.
set -euo pipefail
bin="$1"
echo "Decoding the sample QR images in Samples/qr (invented people):" >&2
"$bin/cccdctl" qr decode Samples/qr/*.png
