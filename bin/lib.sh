# shellcheck shell=bash
# Shared steps of bin/run and bin/test: every step says what it does, reuses what
# already exists, and stops with one sentence when a prerequisite is missing.

set -euo pipefail

ORG_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where Odoo's source tree lives (outside the repository, never committed).
ODOO_SRC=${ODOO_SRC:-/opt/odoo-18.0}
# Where the virtualenv, filestores and stamps live (outside the repository).
ORG_HOME=${ORG_HOME:-${HOME:-$(getent passwd "$(id -un)" | cut -d: -f6)}/.local/share/org-platform}
ORG_VENV=$ORG_HOME/venv
# Every addon of addons/ (each has a __manifest__.py): the shared ones, the four area
# applications and the bridges between them.
ORG_ADDONS=$(cd "$ORG_REPO/addons" && for manifest in */__manifest__.py; do echo "${manifest%%/*}"; done | paste -sd, -)
ODOO_DOWNLOAD_URL=${ODOO_DOWNLOAD_URL:-https://nightly.odoo.com/18.0/nightly/tgz/odoo_18.0.latest.tar.gz}

# Debian packages the system needs: server, build headers for Odoo's requirements,
# the browser for tours, the PDF renderer and CJK fonts for Chinese reports.
APT_PACKAGES=(
    postgresql postgresql-client
    python3-venv python3-dev build-essential
    libpq-dev libldap2-dev libsasl2-dev libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev
    chromium wkhtmltopdf fonts-noto-cjk fonts-wqy-zenhei poppler-utils
    git curl ca-certificates
)

step() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() {
    printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2
    exit 1
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "Need root for '$*': run as root or install sudo."
    fi
}

ensure_apt_packages() {
    step "Checking system packages"
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        info "all ${#APT_PACKAGES[@]} present"
        return
    fi
    command -v apt-get >/dev/null 2>&1 ||
        die "Missing packages (${missing[*]}) and no apt-get: install them by hand on this system, then run again."
    info "installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
        die "apt-get update failed: check the network or the apt sources, then run again."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
        die "apt-get could not install ${missing[*]}: check the network or the apt sources, then run again."
}

ensure_postgres() {
    step "Checking PostgreSQL"
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        pg_isready -q 2>/dev/null || die "PostgreSQL is not running and this is not a Debian-style install: start it, then run again."
        info "server answers"
    else
        local line
        line=$(pg_lsclusters --no-header 2>/dev/null | sort -k1,1nr | head -n 1)
        if [ -z "$line" ]; then
            local version
            version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
            info "creating cluster $version/main"
            as_root pg_createcluster "$version" main >/dev/null
            line=$(pg_lsclusters --no-header | head -n 1)
        fi
        read -r pg_version pg_cluster _port pg_status _rest <<<"$line"
        if [ "$pg_status" != "online" ]; then
            info "starting cluster $pg_version/$pg_cluster"
            as_root pg_ctlcluster "$pg_version" "$pg_cluster" start ||
                die "Could not start PostgreSQL $pg_version/$pg_cluster: see /var/log/postgresql/."
        else
            info "cluster $pg_version/$pg_cluster online"
        fi
    fi
    # Odoo connects over the local socket as the current system user (peer authentication).
    local role
    role=$(id -un)
    if ! psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
        info "creating database role '$role'"
        as_root su postgres -c "createuser --createdb --superuser '$role'" ||
            die "Could not create the PostgreSQL role '$role': create it with CREATEDB, then run again."
    fi
    # Odoo's queries are short, but those that go through Odoo's record rules on 100,000 tasks
    # are estimated costly enough for PostgreSQL's JIT, which then spends more compiling than
    # it saves (0.8 s of a 1.0 s kanban count, measured): off for this role's sessions.
    if [ "$(psql -d postgres -tAc "SELECT current_setting('jit')")" != "off" ]; then
        psql -d postgres -qc "ALTER ROLE CURRENT_USER SET jit = off" >/dev/null &&
            info "PostgreSQL JIT turned off for role '$role' (see config/odoo-production.conf.example)" ||
            info "could not turn PostgreSQL JIT off for role '$role'; set jit = off in postgresql.conf"
    fi
}

odoo_src_ok() {
    [ -f "$1/odoo-bin" ] && grep -q "^version_info = (18, 0," "$1/odoo/release.py" 2>/dev/null
}

ensure_odoo_src() {
    step "Checking Odoo 18.0 Community source"
    if odoo_src_ok "$ODOO_SRC"; then
        info "using $ODOO_SRC"
        return
    fi
    [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ] &&
        die "$ODOO_SRC exists but is not an Odoo 18.0 tree: point ODOO_SRC at an Odoo 18.0 Community source tree."
    info "no tree at $ODOO_SRC; downloading the official 18.0 source"
    local tmp
    tmp=$(mktemp -d)
    if ! curl -fsSL --connect-timeout 15 -o "$tmp/odoo.tar.gz" "$ODOO_DOWNLOAD_URL"; then
        rm -rf "$tmp"
        die "No Odoo 18.0 source: the download from $ODOO_DOWNLOAD_URL failed (no network?). Put an Odoo 18.0 Community tree at $ODOO_SRC or set ODOO_SRC to one, then run again."
    fi
    as_root mkdir -p "$ODOO_SRC"
    as_root tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1
    rm -rf "$tmp"
    odoo_src_ok "$ODOO_SRC" || die "The download did not contain an Odoo 18.0 tree: set ODOO_SRC to an Odoo 18.0 Community tree."
    info "unpacked into $ODOO_SRC"
}

pick_python() {
    local candidate
    for candidate in python3.12 python3.11 python3.10 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys, venv; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
            command -v "$candidate"
            return
        fi
    done
    die "Odoo 18.0 needs Python 3.10, 3.11 or 3.12 with venv: install one (e.g. apt-get install python3 python3-venv), then run again."
}

ensure_venv() {
    step "Checking the Python virtualenv ($ORG_VENV)"
    local stamp want
    want=$(cat "$ODOO_SRC/requirements.txt" "$ORG_REPO/requirements.txt" | sha1sum | cut -c1-40)
    stamp=$ORG_VENV/.org-requirements
    if [ -x "$ORG_VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        info "up to date"
        return
    fi
    if [ ! -x "$ORG_VENV/bin/python" ]; then
        local python
        python=$(pick_python)
        info "creating it with $python"
        mkdir -p "$ORG_HOME"
        "$python" -m venv "$ORG_VENV"
    fi
    local pip=("$ORG_VENV/bin/python" -m pip --disable-pip-version-check -q)
    info "upgrading pip"
    "${pip[@]}" install "pip>=25.3" || die "pip could not be upgraded: check access to the Python package index."
    # cbor2 (pinned by Odoo) builds only with an older setuptools.
    local constraint=$ORG_HOME/build-constraints.txt
    echo "setuptools<70" >"$constraint"
    info "installing Odoo's requirements (a few minutes the first time)"
    "${pip[@]}" install --build-constraint "$constraint" -r "$ODOO_SRC/requirements.txt" ||
        die "Odoo's requirements did not install: read pip's message above (missing system headers?)."
    info "installing the project's requirements"
    "${pip[@]}" install --build-constraint "$constraint" -c "$ODOO_SRC/requirements.txt" -r "$ORG_REPO/requirements.txt" ||
        die "The project's requirements did not install: read pip's message above."
    echo "$want" >"$stamp"
}

odoo_addons_path() {
    echo "$ODOO_SRC/addons,$ORG_REPO/addons${ORG_EXTRA_ADDONS:+,$ORG_EXTRA_ADDONS}"
}

# odoo_bin ARGS...: Odoo from the source tree with the project's addons.
odoo_bin() {
    "$ORG_VENV/bin/python" "$ODOO_SRC/odoo-bin" --addons-path="$(odoo_addons_path)" "$@"
}

# free_port FIRST: the first TCP port from FIRST on that nothing listens on.
free_port() {
    "$ORG_VENV/bin/python" -c '
import socket, sys
port = int(sys.argv[1])
while True:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            break
        except OSError:
            port += 1
print(port)' "$1"
}

db_exists() {
    [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# The list of addons that are installed in database $1, comma-separated.
db_installed_addons() {
    psql -d "$1" -tAc "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module
                       WHERE state = 'installed' AND name LIKE 'org\_%'" 2>/dev/null || true
}

addons_fingerprint() {
    (cd "$ORG_REPO" && find addons -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)
}

# The fingerprint of the addons' files database $1 was installed or last upgraded with, kept in
# the database itself (bin/cluster: the nodes share it); psql connects as PGHOST/PGPORT say.
db_addons_fingerprint() {
    psql -X -d "$1" -tAc "SELECT value FROM ir_config_parameter WHERE key = 'org_platform.addons_fingerprint'"
}

# record_addons_fingerprint DB FINGERPRINT
record_addons_fingerprint() {
    psql -X -q -d "$1" -c "INSERT INTO ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
        VALUES ('org_platform.addons_fingerprint', '$2', 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_uid = 1, write_date = EXCLUDED.write_date" >/dev/null ||
        die "Could not record the addons' fingerprint in '$1'."
}
