#!/usr/bin/env bash
# `make demo`, province part: a fresh var/demo, sample units/users/records, the born-digital golden
# dossier ingested against a record with two planted discrepancies, then the flags and the backlog.
set -euo pipefail
cd "$(dirname "$0")/.."
HOSO=${HOSO:-.venv/bin/hoso}
PY=$(dirname "$HOSO")/python
export HOSO_DATA_DIR=var/demo HOSO_USER=reviewer
unset HOSO_DATABASE_URL
rm -rf var/demo
step() { printf '\n\033[1m$ hoso %s\033[0m\n' "$*"; }

step init;                                  $HOSO init
step units import samples/demo/units.csv;   $HOSO units import samples/demo/units.csv
DEMO_PASSWORD=${HOSO_DEMO_PASSWORD:-hoso-demo-2026}  # web logins of the demo accounts (hoso serve)
tail -n +2 samples/demo/users.csv | while IFS=, read -r username role unit name; do
  echo "$DEMO_PASSWORD" | $HOSO users add "$username" --role "$role" --unit "$unit" --name "$name" --password-stdin
done
step records import samples/demo/records.json
$HOSO records import samples/demo/records.json
step "records import samples/demo/records_errors.csv   # 13-digit CCCD and 31/02: rejected, exit 1"
$HOSO records import samples/demo/records_errors.csv || echo "(exit status $?)"
step ingest samples/golden/dossier_tt06_nang_luong_born_digital.pdf --unit SXD-CB --user clerk
$HOSO ingest samples/golden/dossier_tt06_nang_luong_born_digital.pdf --unit SXD-CB --user clerk
step flags;                                 $HOSO flags
dossier=$($HOSO flags --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["dossier"])')
step "approve $dossier   # refused while cảnh báo are open, exit 7"
$HOSO approve "$dossier" || echo "(exit status $?)"
step backlog;                               $HOSO backlog
step audit verify;                          $HOSO audit verify

printf '\n\033[1mGiao diện web (review UI)\033[0m — tài khoản demo, mật khẩu %s:\n' "$DEMO_PASSWORD"
tail -n +2 samples/demo/users.csv | while IFS=, read -r username role unit name; do
  printf '  %-10s %-11s %s (%s)\n' "$username" "$role" "$name" "$unit"
done
printf 'Khởi động: \033[1mmake serve\033[0m  rồi mở http://127.0.0.1:8000/\n'
