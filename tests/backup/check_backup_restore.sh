#!/usr/bin/env bash
# The backup and restore test (run by bin/test): a small Odoo database with an attachment in
# its filestore is backed up with bin/backup and restored with bin/restore into a fresh
# database; the row count of every table and the attachment's checksum must be the same,
# Odoo must read the attachment back from the restored filestore, and a damaged backup must
# be refused. About a minute; exits non-zero on any difference.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib.sh"

stamp=$(date +%Y%m%d%H%M%S)
db=org_test_${stamp}_backup_$$
restored=org_test_${stamp}_restored_$$
work=$(mktemp -d)
export ORG_DATA_DIR=$work/data
cleanup() {
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    dropdb --if-exists "$restored" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "backup/restore test FAILED: $*" >&2
    exit 1
}

# odoo_shell DB: Odoo's shell on DB with the script on standard input.
odoo_shell() {
    odoo_bin shell --database="$1" --data-dir="$ORG_DATA_DIR" --no-http --log-level=warn 2>>"$work/odoo.log"
}

# table_counts DB: "table count" for every table of DB, sorted.
table_counts() {
    psql -d "$1" -tAF' ' -c "
        SELECT table_name,
               (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text
          FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         ORDER BY table_name"
}

info "database $db (base only), filestore in $ORG_DATA_DIR"
odoo_bin --database="$db" --data-dir="$ORG_DATA_DIR" --init=base --without-demo=all \
    --http-port="$(free_port 8469)" --workers=0 --max-cron-threads=0 --log-level=warn \
    --stop-after-init --logfile="$work/odoo.log" || fail "could not create $db (see $work/odoo.log)"

# An attachment stored in the filestore: random bytes, their checksum printed.
read -r fname sha <<<"$(odoo_shell "$db" <<'PY' | tail -n 1
import hashlib, os
data = os.urandom(200_000)
attachment = env["ir.attachment"].create({"name": "backup-test.bin", "raw": data})
env.cr.commit()
print(attachment.store_fname, hashlib.sha256(data).hexdigest())
PY
)"
[ -n "${sha:-}" ] && [ -f "$ORG_DATA_DIR/filestore/$db/$fname" ] || fail "no attachment in the filestore"

"$ORG_REPO/bin/backup" "$db" "$work/backup" >/dev/null || fail "bin/backup failed"
"$ORG_REPO/bin/restore" "$work/backup" "$restored" >/dev/null || fail "bin/restore failed"

# The same rows in every table ...
table_counts "$db" >"$work/counts.before"
table_counts "$restored" >"$work/counts.after"
[ "$(wc -l <"$work/counts.before")" -gt 50 ] || fail "too few tables counted"
diff "$work/counts.before" "$work/counts.after" || fail "row counts differ after the restore"
# ... the same file in the filestore ...
[ "$(sha256sum <"$ORG_DATA_DIR/filestore/$restored/$fname" | cut -d' ' -f1)" = "$sha" ] ||
    fail "the restored file's checksum differs"
# ... and Odoo reads it back through the restored database.
read_back=$(odoo_shell "$restored" <<'PY' | tail -n 1
import hashlib
attachment = env["ir.attachment"].search([("name", "=", "backup-test.bin")])
print(hashlib.sha256(attachment.raw).hexdigest())
PY
)
[ "$read_back" = "$sha" ] || fail "Odoo reads another content from the restored database"

# A damaged backup is refused before anything is created.
printf 'x' >>"$work/backup/filestore.tar.gz"
if "$ORG_REPO/bin/restore" "$work/backup" "${restored}_2" >/dev/null 2>&1; then
    dropdb --if-exists "${restored}_2"
    fail "a damaged backup was restored"
fi
db_exists "${restored}_2" && fail "a damaged backup left a database"

echo "backup/restore: $(wc -l <"$work/counts.before") tables with equal row counts, attachment checksum equal, damaged backup refused"
