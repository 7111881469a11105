#!/usr/bin/env bash
# Checks bin/cluster end to end on a throw-away topology of its own (own state directory,
# PostgreSQL data directories and ports, so a running `bin/cluster up` is not touched):
# up (primary, replica, two nodes, nginx, supervisor), status (replica streaming and
# synchronous, three health probes pass), a row written on the primary is on the replica at
# once (remote_apply), a read through nginx, a PDF print fetches its CSS through nginx's
# asset cache (report.url), a node killed is started again by the
# supervisor, a second `up` changes nothing, `up` refuses to serve changed addons with the
# nodes that hold the old code, and `down` leaves no process behind.
# About a minute and a half; not part of bin/test's default run:
#
#   tests/cluster/check_cluster.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib.sh"

tag=check$$
export ORG_CLUSTER_HOME=$(mktemp -d /tmp/org-cluster-check.XXXXXX)
if [ "$(id -u)" = 0 ]; then
    export ORG_CLUSTER_PG_BASE=/var/lib/postgresql/org-platform-cluster-$tag
else
    export ORG_CLUSTER_PG_BASE=$ORG_CLUSTER_HOME/pg
fi
base=$(free_port 28000)
export ORG_CLUSTER_PG_PORT=$((base + 1)) ORG_CLUSTER_PG_REPLICA_PORT=$((base + 2))
export ORG_CLUSTER_NODE1_PORT=$((base + 3)) ORG_CLUSTER_NODE2_PORT=$((base + 4))
export ORG_CLUSTER_NODE1_GEVENT_PORT=$((base + 5)) ORG_CLUSTER_NODE2_GEVENT_PORT=$((base + 6))
export ORG_CLUSTER_NGINX_PORT=$((base + 7))
cluster=$ORG_REPO/bin/cluster
failures=0
passed=0
check() {
    if eval "$2"; then
        info "ok: $1"
        passed=$((passed + 1))
    else
        printf '    \033[1;31mFAIL\033[0m: %s\n' "$1"
        failures=$((failures + 1))
    fi
}
cleanup() {
    "$cluster" down >/dev/null 2>&1 || true
    as_root rm -rf "$ORG_CLUSTER_PG_BASE"
    rm -rf "$ORG_CLUSTER_HOME"
}
trap cleanup EXIT

step "bin/cluster up --postgres-only, then a small database (base only) on the primary"
"$cluster" up --postgres-only >/dev/null
eval "$("$cluster" env)"
odoo_bin --database=cluster_check --db_host="$CLUSTER_PG_SOCKET" --db_port="$CLUSTER_PG_PORT" \
    --data-dir="$ORG_CLUSTER_HOME/data" --init=base --without-demo=all --http-port="$(free_port 28100)" \
    --max-cron-threads=0 --workers=0 --log-level=warn --stop-after-init ||
    die "Odoo could not create the check database."

# web.base.url a name nobody resolves, frozen (an administrator's log-in does not change it):
# a print's CSS comes through nginx only when bin/cluster sets report.url.
psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_PORT" -d cluster_check -qc "
    UPDATE ir_config_parameter SET value = 'http://unreachable.invalid' WHERE key = 'web.base.url';
    INSERT INTO ir_config_parameter (key, value) VALUES ('web.base.url.freeze', 'True')"

step "bin/cluster up --db cluster_check"
"$cluster" up --db cluster_check
status=$("$cluster" status)
echo "$status"
check "the replica streams synchronously" 'grep -q "replica streaming sync" <<<"$status"'
check "three health probes pass" '[ "$(grep -c " pass " <<<"$status")" = 3 ]'
check "six processes running" '[ "$(grep -c "running (pid" <<<"$status")" = 6 ]'

step "a write on the primary is on the replica when its commit returns"
psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_PORT" -d cluster_check -qc \
    "CREATE TABLE cluster_check_row (value text); INSERT INTO cluster_check_row VALUES ('$tag')"
check "the row is on the replica" \
    '[ "$(psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_REPLICA_PORT" -d cluster_check -tAc "SELECT value FROM cluster_check_row")" = "$tag" ]'
check "the replica refuses writes" \
    '! psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_REPLICA_PORT" -d cluster_check -qc "INSERT INTO cluster_check_row VALUES (1)" 2>/dev/null'
check "the login page answers through nginx" \
    '[ "$(curl -s -o /dev/null -w "%{http_code}" "$CLUSTER_URL/web/login")" = 200 ]'

step "a PDF print fetches its CSS through nginx, whose asset cache serves it the second time"
check "report.url is nginx's address" \
    '[ "$(psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_PORT" -d cluster_check -tAc "SELECT value FROM ir_config_parameter WHERE key = '"'report.url'"'")" = "$CLUSTER_URL" ]'
jar=$ORG_CLUSTER_HOME/cookies
curl -s -c "$jar" -H 'Content-Type: application/json' \
    -d '{"jsonrpc": "2.0", "params": {"db": "cluster_check", "login": "admin", "password": "admin"}}' \
    "$CLUSTER_URL/web/session/authenticate" >/dev/null
module_id=$(psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_PORT" -d cluster_check -tAc "SELECT id FROM ir_module_module WHERE name = 'base'")
for round in 1 2; do
    lines=$(wc -l <"$ORG_CLUSTER_HOME/nginx/access.log")
    code=$(curl -s -b "$jar" -o "$ORG_CLUSTER_HOME/print$round.pdf" -w "%{http_code}" \
        "$CLUSTER_URL/report/pdf/base.report_irmodulereference/$module_id")
    sleep 0.5 # nginx logs the CSS fetches before the print's own line; let it write them
    fetches[$round]=$(tail -n "+$((lines + 1))" "$ORG_CLUSTER_HOME/nginx/access.log" | grep "report_assets_common" || true)
    info "print $round: HTTP $code; ${fetches[$round]:-no CSS fetched}"
done
check "the print is a PDF" '[ "$code" = 200 ] && head -c 5 "$ORG_CLUSTER_HOME/print2.pdf" | grep -q "%PDF-"'
check "the first print fetched its CSS from a node through nginx" 'grep -q " 200 .* up=127.0.0.1:" <<<"${fetches[1]}"'
check "the second print's CSS came from nginx's cache (no worker)" 'grep -q " 200 .* up=-$" <<<"${fetches[2]}"'
check "a cached asset carries no session cookie" \
    '! curl -sI "$CLUSTER_URL$(grep -o "/web/assets/[^ ]*report_assets_common[^ ]*" <<<"${fetches[2]}" | head -n 1)" | grep -qi "^set-cookie"'

step "a node killed is started again by the supervisor"
node1_pid=$(cat "$CLUSTER_RUN/node1.pid")
kill -KILL -- "-$node1_pid"
for _i in $(seq 60); do
    [ "$(cat "$CLUSTER_RUN/node1.pid")" != "$node1_pid" ] &&
        [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$ORG_CLUSTER_NODE1_PORT/web/health")" = 200 ] && break
    sleep 1
done
check "node 1 is back with a new pid" \
    '[ "$(cat "$CLUSTER_RUN/node1.pid")" != "$node1_pid" ] && [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$ORG_CLUSTER_NODE1_PORT/web/health")" = 200 ]'

step "a second up changes nothing"
pids_before=$(cat "$CLUSTER_RUN"/*.pid | sort)
"$cluster" up --db cluster_check >/dev/null
check "same processes" '[ "$(cat "$CLUSTER_RUN"/*.pid | sort)" = "$pids_before" ]'

step "addons changed under running nodes: up refuses, and says what to do"
fingerprint() {
    psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_PORT" -d cluster_check -tAc \
        "SELECT value FROM ir_config_parameter WHERE key = 'org_platform.addons_fingerprint'"
}
current=$(fingerprint)
check "up recorded the addons' fingerprint" '[[ "$current" =~ ^[0-9a-f]{40}$ ]]'
psql -h "$CLUSTER_PG_SOCKET" -p "$CLUSTER_PG_PORT" -d cluster_check -qc \
    "UPDATE ir_config_parameter SET value = 'stale' WHERE key = 'org_platform.addons_fingerprint'"
refusal=$("$cluster" up --db cluster_check 2>&1) && refused=0 || refused=1
check "up refuses while the nodes hold the old code" \
    '[ "$refused" = 1 ] && grep -q "run bin/cluster down, then bin/cluster up" <<<"$refusal"'
check "the nodes were left running" '[ "$(cat "$CLUSTER_RUN"/*.pid | sort)" = "$pids_before" ]'
"$cluster" down --keep-postgres >/dev/null
"$cluster" up --db cluster_check >/dev/null
check "up after down records the fingerprint of the files it serves" '[ "$(fingerprint)" = "$current" ]'

step "bin/cluster down"
pids=$(cat "$CLUSTER_RUN"/*.pid "$ORG_CLUSTER_HOME/nginx/nginx.pid")
pg_pids=$(head -qn 1 "$ORG_CLUSTER_PG_BASE"/primary/postmaster.pid "$ORG_CLUSTER_PG_BASE"/replica/postmaster.pid)
"$cluster" down
sleep 1
left=""
running() { # a live process (an exited one that its parent has not reaped yet does not count)
    local stat
    stat=$(ps -o stat= -p "$1" 2>/dev/null) && [[ "$stat" != Z* ]]
}
for pid in $pids $pg_pids; do
    running "$pid" && left="$left $pid"
    for member in $(pgrep -g "$pid" 2>/dev/null); do
        running "$member" && left="$left $pid/$member"
    done
done
[ -z "$left" ] || info "left:$left"
check "no process left (pids, process groups)" '[ -z "$left" ]'
check "no port left open" '! ss -ltn | grep -qE ":($ORG_CLUSTER_PG_PORT|$ORG_CLUSTER_PG_REPLICA_PORT|$ORG_CLUSTER_NODE1_PORT|$ORG_CLUSTER_NODE2_PORT|$ORG_CLUSTER_NGINX_PORT) "'

echo "bin/cluster check: $passed passed, $failures failed"
[ "$failures" = 0 ]
