#!/usr/bin/env bash
# Regenerates the sample CCCD QR images in Samples/qr (invented people; see Samples/qr/README.md).
# Uses Debian's qrencode in 8-bit mode (-8) so the UTF-8 bytes go into the symbol unchanged;
# qrencode is deterministic, so rerunning this reproduces the committed files byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v qrencode >/dev/null || { echo "error: qrencode missing; run 'make test-deps'" >&2; exit 1; }
out=Samples/qr

make_qr() { # FILE PAYLOAD
    printf '%s' "$2" | qrencode -8 -s 6 -m 4 -o "$out/$1"
    echo "wrote $out/$1" >&2
}

# CCCD gắn chip (2021): 7 fields.
make_qr cccd-2021-nguyen-thi-mau.png \
    '001190000123|012345678|Nguyễn Thị Mẫu|15031990|Nữ|Số 1 phố Ví Dụ, Phường Mẫu, Quận Thử, Hà Nội|01072021'
# Thẻ căn cước (2024): 11 fields, no old ID number, fields 7-10 empty.
make_qr cccd-2024-tran-van-thu.png \
    '079205000456||Trần Văn Thử|20112005|Nam|Số 2 đường Giả Định, Phường Minh Họa, TP. Hồ Chí Minh|15082024||||'
# An elderly holder (born 1950, card issued at 71, so it never expires); stacked diacritics.
make_qr cccd-2021-dang-thi-ngoc-huong.png \
    '024150000789|121000789|Đặng Thị Ngọc Hường|02091950|Nữ|Thôn Thử Nghiệm, Xã Giả Lập, Huyện Mẫu, Bắc Giang|20032022'
