#!/bin/bash
# The SQL push-down on real engines (issue 19; DESIGN.md §4 "SQL
# push-down"): for every bundled scheme with its example (the cases
# `score schemes/S.yaml examples/E [--as-of D]` of tests/golden/scheme-*),
# the example's events.csv is loaded into a table `events` of ENGINE, the
# query of `kaohe sql` runs there — with the roster (--units: buckets) and
# without it (days kept) — and `kaohe score` on its rows must print the
# very bytes it prints on the raw events. Then the rows kaohe rejects
# (tests/sql/rejected/) must come back one by one and be reported by their
# key (`check`, compared with tests/sql/rejected/expected-ENGINE.txt).
#
#   tests/sql/engines.sh KAOHE_BIN REPO_ROOT duckdb|postgres|sqlite
#
# duckdb: @duckdb/node-api, installed into tests/bench/.baseline/ as
# tests/bench/run.sh does (npm). postgres: Debian's server 15
# (/usr/lib/postgresql/15/bin), a temporary cluster on a private socket
# folder, stopped on exit whatever happens; as root, the server runs as
# the `postgres` user (initdb refuses root). sqlite: Python's sqlite3
# module (tests/sql/sqlite_run.py). A missing engine FAILS the
# test, it is never skipped.
set -euo pipefail

kaohe=$(realpath "$1")
root=$(realpath "$2")
engine=$3
export LC_ALL=C
fail() { echo "engines.sh ($engine): FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
pgdir=
cleanup() {
  if [[ -n $pgdir && -f $pgdir/data/postmaster.pid ]]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  [[ -z $pgdir ]] || rm -rf "$pgdir"
}
trap cleanup EXIT

# --- the engine -------------------------------------------------------------
pgbin=/usr/lib/postgresql/15/bin
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $engine in
  duckdb)
    command -v node >/dev/null && command -v npm >/dev/null ||
      fail "DuckDB runs through Node.js: install nodejs and npm (apt-get install nodejs npm)"
    baseline=$root/tests/bench/.baseline
    modules=$baseline/node_modules
    version=${KAOHE_BENCH_DUCKDB:-1.5.6-r.1}
    if ! node -e "require('$modules/@duckdb/node-api')" 2>/dev/null; then
      mkdir -p "$baseline"
      [[ -f $baseline/package.json ]] || echo '{"private": true}' >"$baseline/package.json"
      npm install --prefix "$baseline" --no-audit --no-fund --save-exact --loglevel=error \
        "@duckdb/node-api@$version" >/dev/null ||
        fail "could not install @duckdb/node-api@$version with npm"
    fi
    # run_engine EVENTS_CSV SQL_FILE OUT_CSV: the query's rows as CSV.
    run_engine() { node "$root/tests/sql/duckdb_run.js" "$modules" "$1" "$2" "$3"; }
    copy=
    ;;
  sqlite)
    command -v python3 >/dev/null || fail "SQLite runs through Python's sqlite3: install python3"
    run_engine() { python3 "$root/tests/sql/sqlite_run.py" "$1" "$2" "$3"; }
    copy=
    ;;
  postgres)
    [[ -x $pgbin/initdb && -x $pgbin/pg_ctl ]] ||
      fail "PostgreSQL 15 is not installed in $pgbin (apt-get install postgresql)"
    command -v psql >/dev/null || fail "psql is missing (apt-get install postgresql-client)"
    if [[ $(id -u) -eq 0 ]]; then
      id postgres >/dev/null 2>&1 || fail "running as root needs the 'postgres' user"
    fi
    pgdir=$(mktemp -d)
    [[ $(id -u) -ne 0 ]] || chown postgres: "$pgdir"
    as_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C \
      >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log" >&2; fail "initdb failed"; }
    # Only a Unix socket in the cluster's own folder: any port number is free.
    port=54329
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
      -o "-k $pgdir -p $port -c listen_addresses=''" start >/dev/null ||
      { cat "$pgdir/server.log" >&2; fail "the server did not start"; }
    psql_() { psql -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -p $port -U postgres -d postgres "$@"; }
    run_engine() {
      local header
      header=$(head -1 "$1" | tr -d '\r')
      psql_ -c 'DROP TABLE IF EXISTS events' -c "CREATE TABLE events (id bigserial,
        unit_id text, item_id text, date date, count bigint, tier text, role text,
        points numeric(18,6), ref text, due date, done date, note text)" >/dev/null
      psql_ -c "\\copy events($header) from '$1' csv header" >/dev/null
      psql_ -f "$2" >"$3"
    }
    copy=--copy
    ;;
  *) fail "unknown engine '$engine' (duckdb, postgres or sqlite)" ;;
esac

# --- every bundled scheme with its example ----------------------------------
cases=0
for cmd_file in "$root"/tests/golden/scheme-*/cmd; do
  read -r -a words <"$cmd_file"
  [[ ${#words[@]} -eq 3 || (${#words[@]} -eq 5 && ${words[3]} == --as-of) ]] || continue
  [[ ${words[0]} == score && ${words[1]} == schemes/*.yaml && ${words[2]} == examples/* ]] ||
    continue
  scheme=$root/${words[1]}
  data=$root/${words[2]}
  as_of=()
  [[ ${#words[@]} -eq 5 ]] && as_of=(--as-of "${words[4]}")
  name=$(basename "$(dirname "$cmd_file")")
  events=$data/events.csv
  if [[ ! -f $events ]]; then
    events=$work/$name-none.csv
    echo 'unit_id,item_id' >"$events"
  fi
  (cd "$root" && "$kaohe" score "${words[1]}" "${words[2]}" "${as_of[@]}") \
    >"$work/$name.direct" 2>/dev/null || true
  for roster in units days; do
    units=()
    [[ $roster == units ]] && units=(--units "$data/units.csv")
    "$kaohe" sql "$scheme" --dialect "$engine" --key id "${units[@]}" "${as_of[@]}" $copy \
      >"$work/$name.sql"
    run_engine "$events" "$work/$name.sql" "$work/$name.rows.csv" ||
      fail "$name: the engine failed on the query of 'kaohe sql' ($work/$name.sql)"
    rm -rf "$work/data" && cp -r "$data" "$work/data" && rm -f "$work/data"/events*.csv
    cp "$work/$name.rows.csv" "$work/data/events.csv"
    (cd "$root" && "$kaohe" score "${words[1]}" "$work/data" "${as_of[@]}") \
      >"$work/$name.pushed" 2>"$work/$name.err" || true
    if ! cmp -s "$work/$name.direct" "$work/$name.pushed"; then
      echo "--- $name ($roster): score on the raw events / on the engine's rows" >&2
      diff -u "$work/$name.direct" "$work/$name.pushed" >&2 || true
      cat "$work/$name.err" >&2
      fail "$name: the table differs"
    fi
    raw=$(($(wc -l <"$events") - 1))
    grouped=$(($(wc -l <"$work/$name.rows.csv") - 1))
    echo "$name ($roster): $raw rows → $grouped, same table"
  done
  cases=$((cases + 1))
done
[[ $cases -ge 10 ]] || fail "only $cases bundled schemes found in tests/golden/scheme-*"

# --- every grouping, where grouping too coarsely would show ------------------
grp=$root/tests/sql/grouping
for as_of in "" 2025-08-20; do
  for roster in units days; do
    args=(--units "$grp/units.csv")
    [[ -z $as_of ]] || args+=(--as-of "$as_of")
    "$kaohe" score "$grp/scheme.yaml" "${args[@]}" --events "$grp/events.csv" \
      >"$work/grp.direct" 2>/dev/null
    sql_args=(--key id)
    [[ -z $as_of ]] || sql_args+=(--as-of "$as_of")
    [[ $roster == days ]] || sql_args+=(--units "$grp/units.csv")
    "$kaohe" sql "$grp/scheme.yaml" --dialect "$engine" "${sql_args[@]}" $copy >"$work/grp.sql"
    run_engine "$grp/events.csv" "$work/grp.sql" "$work/grp.csv" ||
      fail "grouping: the engine failed on the query ($work/grp.sql)"
    "$kaohe" score "$grp/scheme.yaml" "${args[@]}" --events - <"$work/grp.csv" \
      >"$work/grp.pushed" 2>"$work/grp.err" || { cat "$work/grp.err" >&2; fail "grouping: score failed"; }
    if ! diff -u "$work/grp.direct" "$work/grp.pushed" >&2; then
      fail "grouping (${as_of:-whole year}, $roster): the table differs"
    fi
    echo "grouping (${as_of:-whole year}, $roster): $(($(wc -l <"$grp/events.csv") - 1)) rows → $(($(wc -l <"$work/grp.csv") - 1)), same table"
  done
done

# --- rejected rows, by their key ---------------------------------------------
rej=$root/tests/sql/rejected
rej_scheme=$root/schemes/supervision-office.yaml
rej_units=$root/examples/supervision-office/units.csv
for mode in score rejected; do
  flag=()
  [[ $mode == rejected ]] && flag=(--rejected)
  "$kaohe" sql "$rej_scheme" --dialect "$engine" --key id --units "$rej_units" \
    "${flag[@]}" $copy >"$work/rej.sql"
  run_engine "$rej/events.csv" "$work/rej.sql" "$work/rej.csv" ||
    fail "rejected ($mode): the engine failed on the query"
  status=0
  "$kaohe" check "$rej_scheme" --units "$rej_units" --events - \
    <"$work/rej.csv" >/dev/null 2>"$work/rej.err" || status=$?
  [[ $status -eq 65 ]] || { cat "$work/rej.err" >&2; fail "rejected ($mode): check exit $status, not 65"; }
  if [[ $mode == rejected ]]; then
    # In key order: the very text expected.
    diff -u "$rej/expected-$mode.txt" "$work/rej.err" >&2 ||
      fail "rejected ($mode): check's errors differ from tests/sql/rejected/expected-$mode.txt"
  else
    # The scoring query returns rows in no order: the same errors, sorted.
    diff -u <(grep ': error:' "$rej/expected-$mode.txt" | sort) \
      <(grep ': error:' "$work/rej.err" | sort) >&2 ||
      fail "rejected ($mode): check's errors differ from tests/sql/rejected/expected-$mode.txt"
  fi
  echo "rejected ($mode): $(grep -c ': error:' "$work/rej.err") errors named by key"
done
# --- the README's cron recipe, as written (PostgreSQL) -----------------------
if [[ $engine == postgres ]]; then
  recipe=$(awk '$0 == "<!-- sql-cron -->" { f = 1; next }
    f == 1 && /^```/ { f = 2; next } f == 2 && /^```/ { exit } f == 2 { print }' "$root/README.md")
  [[ -n $recipe && $(printf '%s\n' "$recipe" | wc -l) -eq 1 ]] ||
    fail "no one-line recipe after <!-- sql-cron --> in README.md"
  job=$work/cron
  mkdir -p "$job/bin"
  ln -s "$kaohe" "$job/bin/kaohe"
  ln -s "$root/schemes/supervision-office.yaml" "$job/scheme.yaml"
  ln -s "$root/schemes/calendars" "$job/calendars"
  cp "$root/examples/supervision-office/units.csv" "$job/units.csv"
  run_engine "$root/examples/supervision-office/events.csv" /dev/null /dev/null  # loads the table
  (cd "$job" && PATH=$job/bin:$PATH PGHOST=$pgdir PGPORT=$port PGUSER=postgres \
    PGDATABASE=postgres bash -o pipefail -c "$recipe") 2>"$job/err" ||
    { cat "$job/err" >&2; fail "the README's cron recipe failed"; }
  "$kaohe" score "$job/scheme.yaml" --units "$job/units.csv" \
    --events "$root/examples/supervision-office/events.csv" -o "$job/direct.xlsx" 2>/dev/null
  cmp -s "$job/results.xlsx" "$job/direct.xlsx" ||
    fail "the recipe's results.xlsx differs from scoring the raw events"
  # And it fails, keeping the last results, when the query fails.
  psql_ -c 'DROP TABLE events' >/dev/null
  if (cd "$job" && PATH=$job/bin:$PATH PGHOST=$pgdir PGPORT=$port PGUSER=postgres \
      PGDATABASE=postgres bash -o pipefail -c "$recipe") 2>/dev/null; then
    fail "the cron recipe succeeded without an events table"
  fi
  cmp -s "$job/results.xlsx" "$job/direct.xlsx" || fail "a failed job changed results.xlsx"
  echo "cron recipe: results.xlsx as from the raw events; a failed query keeps it"
fi
echo "engines.sh ($engine): $cases schemes, PASS"
