#!/usr/bin/env bash
# Makes the test material the sample virtual cards in Samples/vcard need, in OUTDIR (default
# .build/vcard): a test CSCA → document signer chain on brainpoolP256r1 and on RSA-2048, each
# card's own Active Authentication key (RSA-1024 or P-256, as its profile names) and Chip
# Authentication key (brainpoolP256r1), a face photo, and the card's EF.SOD signed by
# `openssl cms` through `cccd-vcard sign-sod`.
#
# Everything here is throw-away TEST material generated on the spot: never commit it, never use
# these keys for anything real. Cards: OUTDIR/<name>/<name>.json, ready for
# `cccd-vcard --profile`. The Vietnamese-style samples sign with brainpool, tran-van-thu (2024)
# with RSA, so both signer families are exercised.
#
# Needs: openssl, ImageMagick's convert, and cccd-vcard (CCCD_VCARD, else .build/debug/cccd-vcard).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/.build/vcard}"
vcard="${CCCD_VCARD:-$root/.build/debug/cccd-vcard}"
for tool in openssl convert; do
    command -v "$tool" >/dev/null || { echo "error: $tool missing; run 'make test-deps'" >&2; exit 1; }
done
[ -x "$vcard" ] || { echo "error: $vcard not built; run 'swift build --product cccd-vcard'" >&2; exit 1; }

mkdir -p "$out/pki"
pki="$out/pki"

genkey() { # FILE ALGORITHM(EC:curve|RSA:bits)
    local kind="${2%%:*}" parameter="${2#*:}"
    if [ "$kind" = EC ]; then
        openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$parameter" -out "$1" 2>/dev/null
    else
        openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$parameter" -out "$1" 2>/dev/null
    fi
}

chain() { # NAME ALGORITHM: a CSCA (self-signed, CA) and a document signer it certifies
    local name="$1"
    genkey "$pki/csca-$name.key" "$2"
    openssl req -new -x509 -key "$pki/csca-$name.key" -out "$pki/csca-$name.pem" -days 3650 \
        -subj "/C=VN/O=cccd-kiosk TEST ONLY/CN=Test CSCA $name" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign"
    genkey "$pki/ds-$name.key" "$2"
    openssl req -new -key "$pki/ds-$name.key" -out "$pki/ds-$name.csr" \
        -subj "/C=VN/O=cccd-kiosk TEST ONLY/CN=Test Document Signer $name"
    printf 'keyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n' >"$pki/ds.ext"
    openssl x509 -req -in "$pki/ds-$name.csr" -CA "$pki/csca-$name.pem" -CAkey "$pki/csca-$name.key" \
        -set_serial "0x$(openssl rand -hex 8)" -days 730 -extfile "$pki/ds.ext" -out "$pki/ds-$name.pem" 2>/dev/null
    rm -f "$pki/ds-$name.csr" "$pki/ds.ext"
}
chain brainpool EC:brainpoolP256r1
chain rsa RSA:2048

for profile in "$root"/Samples/vcard/*.json; do
    name="$(basename "$profile" .json)"
    card="$out/$name"
    mkdir -p "$card/keys"
    # Every card gets the keys any sample names; the profile picks its own.
    genkey "$card/keys/aa-rsa.pem" RSA:1024
    genkey "$card/keys/aa-p256.pem" EC:P-256
    genkey "$card/keys/ca-brainpool.pem" EC:brainpoolP256r1
    convert -seed 7 -size 300x400 plasma:fractal -quality 70 "$card/face.jpg"
    # Point the copy at its EF.SOD when the sample has none.
    if grep -q '"securityObject"' "$profile"; then
        cp "$profile" "$card/$name.json"
    else
        sed '0,/{/s//{\n  "securityObject": "EF.SOD.bin",/' "$profile" >"$card/$name.json"
    fi
    signer=brainpool
    [ "$name" = tran-van-thu ] && signer=rsa
    "$vcard" sign-sod --profile "$card/$name.json" --signer "$pki/ds-$signer.pem" --key "$pki/ds-$signer.key" >/dev/null
    echo "$card/$name.json (EF.SOD by the $signer document signer)"
done
