# test-hostile-files.sh — bad and hostile files given to vigie-cli: each gives a clear error
# (exit status 1, a message naming the file and what is wrong) and leaves the dataset as it
# was: a 1 GB CSV with one giant field (read in bounded memory), invalid UTF-8, NUL bytes, a
# database that is not Vigie's, one with a foreign trigger, a newer one, truncated and
# damaged ones.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/../cli/common.sh"

command -v sqlite3 >/dev/null || fail "sqlite3 (the shell) is needed"
[ -x /usr/bin/time ] || fail "/usr/bin/time (package time) is needed"

run demo --database "$DB" --sites 20 --findings 200
expect_status 0

# The dataset's content (every row of every table) and the file's bytes.
fingerprint ()
{
  printf '%s %s' "$(sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1)" \
                 "$(sha256sum < "$1" | cut -d' ' -f1)"
}
BEFORE=$(fingerprint "$DB")

expect_intact ()
{
  N_CHECKS=$((N_CHECKS + 1))
  [ "$(fingerprint "$DB")" = "$BEFORE" ] || fail "the dataset changed after: $1"
  run check --database "$DB"
  [ "$STATUS" = 0 ] || fail "the dataset is not sound after: $1"
}

# ─── A 1 GB CSV with one giant field ─────────────────────────────────────────
# Made in memory-backed /dev/shm when there is room (writing 1 GB to disk is slow).
BIG_DIR=
if [ -d /dev/shm ] && [ -w /dev/shm ] \
   && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt $((3 * 1024 * 1024)) ]; then
  BIG_DIR=$(mktemp -d /dev/shm/vigie-hostile.XXXXXX)
else
  BIG_DIR="$TMP/big"
  mkdir -p "$BIG_DIR"
fi
trap 'rm -rf "$TMP" "$BIG_DIR"' EXIT
GIB=1073741824

# run_measured ARGS...: like run, and sets RSS_KB to vigie-cli's peak memory.
run_measured ()
{
  LAST_ARGS="$*"
  /usr/bin/time -f '%M' -o "$TMP/rss" "$CLI" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
  STATUS=$?
  OUT=$(cat "$TMP/stdout")
  ERR=$(cat "$TMP/stderr")
  RSS_KB=$(tail -n 1 "$TMP/rss")
}

# The memory a small, good import takes, for comparison.
printf 'site,title,severity,first_observed\n1,Small,minor,2026-01-02\n' > "$TMP/small.csv"
cp "$DB" "$TMP/scratch.db"
run_measured import findings --database "$TMP/scratch.db" "$TMP/small.csv"
expect_status 0
BASE_RSS=$RSS_KB
LIMIT_KB=$((BASE_RSS + 24 * 1024))
echo "# a small import peaks at $BASE_RSS KB; a giant field may add at most 24 MB"

# findings: a real 1 GB file, the giant field quoted, in column 5.
start=$(date +%s%N)
{
  printf 'site,title,severity,first_observed,description\n1,Giant,major,2025-01-01,"'
  head -c $GIB /dev/zero | tr '\0' 'x'
  printf '"\n'
} > "$BIG_DIR/giant.csv"
size=$(stat -c %s "$BIG_DIR/giant.csv")
echo "# wrote the 1 GB file in $(( ($(date +%s%N) - start) / 1000000 )) ms (in $BIG_DIR)"
[ "$size" -gt $GIB ] || fail "the giant file has only $size bytes"
start=$(date +%s%N)
run_measured import findings --database "$DB" "$BIG_DIR/giant.csv"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
rm -f "$BIG_DIR/giant.csv"
echo "# 1 GB file: exit $STATUS after $ms ms, peak $RSS_KB KB: $ERR"
expect_status 1
expect_err "giant.csv: line 2: field 5 is longer than 1048576 bytes"
N_CHECKS=$((N_CHECKS + 1))
[ "$RSS_KB" -lt "$LIMIT_KB" ] || fail "the giant field took $RSS_KB KB (limit $LIMIT_KB KB)"
N_CHECKS=$((N_CHECKS + 1))
[ "$ms" -lt 20000 ] || fail "rejecting the giant field took $ms ms"
expect_intact "a 1 GB field (findings)"

# factories: 1 GB streamed through a pipe as it is made, the giant field not quoted, in
# column 2.
mkfifo "$BIG_DIR/stream.csv"
{
  printf 'country,name,address\nCN,'
  head -c $GIB /dev/zero | tr '\0' 'y'
  printf ',Somewhere\n'
} > "$BIG_DIR/stream.csv" 2>/dev/null &
writer=$!
run_measured import factories --database "$DB" "$BIG_DIR/stream.csv"
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
echo "# 1 GB stream: exit $STATUS, peak $RSS_KB KB: $ERR"
expect_status 1
expect_err "stream.csv: line 2: field 2 is longer than 1048576 bytes"
N_CHECKS=$((N_CHECKS + 1))
[ "$RSS_KB" -lt "$LIMIT_KB" ] || fail "the streamed giant field took $RSS_KB KB"
expect_intact "a 1 GB field (factories)"
rm -f "$BIG_DIR/stream.csv"

# chemicals: a giant header, and a line of 100,000 empty fields.
head -c 3000000 /dev/zero | tr '\0' 'h' > "$TMP/giant-header.csv"
run import chemicals --database "$DB" "$TMP/giant-header.csv"
expect_status 1
expect_err "giant-header.csv: line 1: field 1 is longer than"
expect_intact "a giant header"
{ printf 'site,trade_name\n'; head -c 100000 /dev/zero | tr '\0' ','; printf '\n'; } > "$TMP/commas.csv"
run import chemicals --database "$DB" "$TMP/commas.csv"
expect_status 1
expect_err "commas.csv: line 2: more than 10000 fields"
expect_intact "100,000 fields"

# ─── Encodings and NUL bytes ─────────────────────────────────────────────────
printf 'site,title,severity,first_observed\n1,Fine,minor,2026-01-02\n1,Caf\xe9 \xff\xfe,minor,2026-01-02\n' \
  > "$TMP/latin1.csv"
run import findings --database "$DB" "$TMP/latin1.csv"
expect_status 1
expect_err "latin1.csv: line 3: field 2: the text is not valid UTF-8"
expect_intact "invalid UTF-8"

# An overlong encoding of '/' and a lone continuation byte: invalid too.
printf 'country,name,address\nCN,Evil \xc0\xaf name,Road\nCN,\x80,Road\n' > "$TMP/overlong.csv"
run import factories --database "$DB" "$TMP/overlong.csv"
expect_status 1
expect_err "overlong.csv: line 2: field 2: the text is not valid UTF-8"
expect_intact "an overlong UTF-8 sequence"

# Saved as UTF-16 (what spreadsheets call "Unicode text").
printf 'site,trade_name\n1,Solvent\n' | iconv -f UTF-8 -t UTF-16 > "$TMP/utf16.csv"
run import chemicals --database "$DB" "$TMP/utf16.csv"
expect_status 1
expect_err "utf16.csv: line 1: field 1: the file holds a NUL byte"
expect_err "UTF-16"
expect_intact "a UTF-16 file"

# One NUL in the middle of a quoted field.
printf 'site,title,severity,first_observed,description\n1,Nul,minor,2026-01-02,"a\0b"\n' \
  > "$TMP/nul.csv"
run import findings --database "$DB" "$TMP/nul.csv"
expect_status 1
expect_err "nul.csv: line 2: field 5: the file holds a NUL byte"
expect_intact "a NUL byte"

# A binary file (a PNG header and random bytes) given as CSV.
{ printf '\x89PNG\r\n\x1a\n'; head -c 4096 /dev/urandom; } > "$TMP/image.csv"
run import factories --database "$DB" "$TMP/image.csv"
expect_status 1
expect_err "image.csv: line"
expect_intact "a binary file"

# ─── Database files that are not a sound Vigie dataset ──────────────────────
# Each is refused with a clear message by check, import and backup, and left as it was.
refuse_db ()
{
  local file=$1 message=$2 sum
  sum=$(sha256sum < "$file")
  run check --database "$file"
  expect_status 1
  expect_err "$message"
  run import findings --database "$file" "$TMP/small.csv"
  expect_status 1
  expect_err "$message"
  run backup --database "$file" "$TMP/refused-copy.db"
  expect_status 1
  expect_err "$message"
  N_CHECKS=$((N_CHECKS + 1))
  [ "$(sha256sum < "$file")" = "$sum" ] || fail "$file was modified"
  [ ! -e "$file-wal" ] && [ ! -e "$file-journal" ] || fail "$file: a journal was left behind"
  [ ! -e "$TMP/refused-copy.db" ] || fail "$file: a copy was made"
}

sqlite3 "$TMP/other.db" "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');"
refuse_db "$TMP/other.db" "is an SQLite database of another application"

printf 'Just some text, not a database at all.\n' > "$TMP/text.db"
refuse_db "$TMP/text.db" "is not a Vigie database (it is not an SQLite file)"

cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 999"
refuse_db "$TMP/newer.db" "was written by a newer version of Vigie"

# A Vigie file with a trigger Vigie did not create (it would run with Vigie's writes).
cp "$DB" "$TMP/trigger.db"
sqlite3 "$TMP/trigger.db" \
  "CREATE TRIGGER wipe AFTER INSERT ON findings BEGIN DELETE FROM evidence; END;"
refuse_db "$TMP/trigger.db" "contains triggers or views that Vigie did not create"

# Cut short at several places, down to less than the SQLite header.
size=$(stat -c %s "$DB")
for pct in 95 60 20 2; do
  cp "$DB" "$TMP/cut.db"
  truncate -s $((size * pct / 100)) "$TMP/cut.db"
  refuse_db "$TMP/cut.db" "It is damaged or cut short; it was not modified"
done
head -c 50 "$DB" > "$TMP/cut.db"
refuse_db "$TMP/cut.db" "It is damaged or cut short; it was not modified"
head -c 10 "$DB" > "$TMP/cut.db"
refuse_db "$TMP/cut.db" "is not a Vigie database (it is not an SQLite file)"

# A page in the middle overwritten: check finds it, and does not change the file.
cp "$DB" "$TMP/damaged.db"
pages=$((size / 4096))
head -c 4096 /dev/urandom | dd of="$TMP/damaged.db" bs=4096 seek=$((pages / 2)) conv=notrunc \
  status=none
sum=$(sha256sum < "$TMP/damaged.db")
run check --database "$TMP/damaged.db"
expect_status 1
case "$ERR" in
  *"The database has problems:"*|*"is damaged"*) ;;
  *) fail "check did not report the damaged page" ;;
esac
N_CHECKS=$((N_CHECKS + 1))
[ "$(sha256sum < "$TMP/damaged.db")" = "$sum" ] || fail "check modified the damaged file"

expect_intact "all of the above"
finish
