# test-crash-import.sh — SIGKILL `vigie-cli import KIND` at random moments, 25 times; after
# each kill the database is sound and the import is entirely present or entirely absent.
#
# Usage: bash test-crash-import.sh VIGIE-CLI FIXTURES KIND   (KIND: findings or factories)
# The kill delays come from a seed printed first; VIGIE_CRASH_SEED=N replays a run, and
# VIGIE_CRASH_KILLS=N changes the number of kills.
#
# SPDX-License-Identifier: GPL-3.0-or-later
. "$(dirname "$0")/../cli/common.sh"

KIND=${3:?findings or factories}
KILLS=${VIGIE_CRASH_KILLS:-25}
SEED=${VIGIE_CRASH_SEED:-$(( $(date +%s%N) % 1000000007 ))}
echo "# seed $SEED (VIGIE_CRASH_SEED=$SEED replays this run), $KILLS kills, kind $KIND"

command -v sqlite3 >/dev/null || fail "sqlite3 (the shell) is needed"

BASE="$TMP/base.db"
CSV="$TMP/import.csv"
run demo --database "$BASE" --sites 40 --findings 0
expect_status 0

case "$KIND" in
  findings)
    N=4000
    TABLE=findings
    FTS_MATCH="findings_fts MATCH 'crashmarker'"
    awk -v n=$N 'BEGIN {
      print "site,title,severity,first_observed,description,status,themes"
      split("critical,major,minor,observation", sev, ",")
      for (i = 1; i <= n; i++)
        printf "%d,Crashmarker finding %d,%s,2025-%02d-%02d,\"Unpaid overtime, \"\"row %d\"\"\",open,wages\n",
               (i % 40) + 1, i, sev[(i % 4) + 1], (i % 12) + 1, (i % 28) + 1, i
    }' > "$CSV"
    ;;
  factories)
    N=8000
    TABLE=sites
    FTS_MATCH="sites_fts MATCH 'crashmarker'"
    awk -v n=$N 'BEGIN {
      print "country,name,address,sector,number_of_workers,facility_type,product_type"
      split("CN,VN,MY,TH,MX,IN", cc, ",")
      for (i = 1; i <= n; i++)
        printf "%s,Crashmarker Factory %d,\"%d Industrial Road, Zone %d\",Electronics,%d,Final Product Assembly,Laptops\n",
               cc[(i % 6) + 1], i, i, i % 97, 100 + i
    }' > "$CSV"
    ;;
  *) fail "unknown kind $KIND" ;;
esac

# count DB SQL: one number from plain sqlite3.
count ()
{
  sqlite3 "$1" "$2" 2>&1
}

state_of ()
{
  local db=$1
  printf '%s %s %s' "$(count "$db" "SELECT count(*) FROM $TABLE")" \
                    "$(count "$db" "SELECT count(*) FROM audit_log")" \
                    "$(count "$db" "SELECT count(*) FROM ${TABLE}_fts WHERE $FTS_MATCH")"
}

fresh_copy ()
{
  rm -f "$TMP/k.db" "$TMP/k.db-wal" "$TMP/k.db-shm"
  cp "$BASE" "$TMP/k.db"
}

now_ms ()
{
  echo $(( $(date +%s%N) / 1000000 ))
}

# Starts the import in the background (PID in $pid), its progress lines in $TMP/progress.
start_import ()
{
  : > "$TMP/progress"
  "$CLI" import "$KIND" --progress --database "$TMP/k.db" "$CSV" >/dev/null 2>"$TMP/progress" &
  pid=$!
}

# Waits until the import has run DELAY ms since START, or has ended.
wait_until ()
{
  local start=$1 delay=$2 left
  while kill -0 "$pid" 2>/dev/null; do
    left=$(( start + delay - $(now_ms) ))
    [ "$left" -gt 0 ] || break
    [ "$left" -gt 20 ] && left=20
    sleep "0.$(printf '%03d' "$left")"
  done
}

# Waits until the import prints the first progress line of its last stage (the one that
# ends with the commit), or has ended.
wait_for_last_stage ()
{
  while kill -0 "$pid" 2>/dev/null && ! grep -q "$LAST_STAGE" "$TMP/progress"; do
    sleep 0.005
  done
}

# The last stage and where in it (from LATE_FROM to LATE_FROM + LATE_SPAN of its duration,
# 1.0 being its end) the late kills land: findings are written row by row during their
# last stage, so the kills aim at its end, where the commit is; factories rebuild the
# search index in theirs, then commit.
case "$KIND" in
  findings) LAST_STAGE='% Importing'; LATE_FROM=0.7; LATE_SPAN=0.8 ;;
  factories) LAST_STAGE='Updating the search index'; LATE_FROM=0; LATE_SPAN=1.3 ;;
esac

# Two calibration runs (the first one warms the caches): the duration of a whole import,
# and how long it still runs once its last stage shows (the write, commit and checkpoint).
BEFORE=$(state_of "$BASE")
elapsed_ms=
tail_ms=
for attempt in 1 2; do
  fresh_copy
  start=$(now_ms)
  start_import
  wait_for_last_stage
  marker=$(now_ms)
  wait "$pid"
  STATUS=$?
  end=$(now_ms)
  expect_status 0
  grep -q "$LAST_STAGE" "$TMP/progress" || fail "the import never showed its last stage"
  if [ -z "$elapsed_ms" ] || [ $((end - start)) -lt "$elapsed_ms" ]; then
    elapsed_ms=$((end - start))
    tail_ms=$((end - marker))
  fi
done
AFTER=$(state_of "$TMP/k.db")
echo "# a whole import takes $elapsed_ms ms, the last $tail_ms ms after its last stage shows;"
echo "# state (rows, audit entries, search hits) before: $BEFORE, after: $AFTER"
[ "$BEFORE" != "$AFTER" ] || fail "the import changed nothing"

# The kills: 60 % at a delay uniform over the import's duration; 40 % late, counted from
# when the last stage shows (see LATE_FROM): around the commit (WAL write, fsync) and the
# checkpoint after it.
mapfile -t PLAN < <(awk -v seed="$SEED" -v n="$KILLS" -v t="$elapsed_ms" -v r="$tail_ms" \
                        -v from="$LATE_FROM" -v span="$LATE_SPAN" 'BEGIN {
  srand(seed)
  for (i = 0; i < n; i++)
    if (rand() < 0.4)
      printf "late %d\n", r * (from + span * rand())
    else
      printf "uniform %d\n", rand() * t
}')

n_absent=0
n_present=0
for i in $(seq 0 $((KILLS - 1))); do
  read -r mode delay <<<"${PLAN[$i]}"
  fresh_copy
  start=$(now_ms)
  start_import
  if [ "$mode" = late ]; then
    wait_for_last_stage
    start=$(now_ms)
  fi
  wait_until "$start" "$delay"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?

  # What any SQLite program sees first (it also replays or discards the WAL).
  integrity=$(sqlite3 "$TMP/k.db" 'PRAGMA integrity_check' 2>&1)
  [ "$integrity" = ok ] \
    || fail "kill $i ($mode, $delay ms, seed $SEED): integrity_check says: $integrity"
  run check --database "$TMP/k.db"
  [ "$STATUS" = 0 ] || fail "kill $i ($mode, $delay ms, seed $SEED): vigie-cli check failed"
  expect_out "Database is sound."

  state=$(state_of "$TMP/k.db")
  if [ "$state" = "$BEFORE" ]; then
    n_absent=$((n_absent + 1))
    outcome=absent
  elif [ "$state" = "$AFTER" ]; then
    n_present=$((n_present + 1))
    outcome=present
  else
    fail "kill $i ($mode, $delay ms, seed $SEED): partial import: rows, audit entries and search hits are '$state' (before: '$BEFORE', after: '$AFTER')"
  fi
  echo "# kill $i: $mode + $delay ms (exit status $status): import $outcome"
done
echo "# $KILLS kills: $n_absent left the import absent, $n_present present"

# The last database (killed or not) still takes the import afterwards.
if [ "$(state_of "$TMP/k.db")" = "$BEFORE" ]; then
  run import "$KIND" --database "$TMP/k.db" "$CSV"
  expect_status 0
  [ "$(state_of "$TMP/k.db")" = "$AFTER" ] || fail "the import after the kills is incomplete"
fi

finish
