# shellcheck shell=bash
# The `install` half of scripts/test-postgres.sh (sourced, not run): PostgreSQL from Debian
# bookworm, and pgvector built from Debian trixie's source package, because bookworm ships no
# pgvector binary. Each step is skipped when its result is already on the machine.
#
# Expects PG_MAJOR and PG_BINDIR from the caller. apt's chatter goes to INSTALL_LOG, which is
# shown (its tail) only when a step fails.

INSTALL_LOG=${INSTALL_LOG:-${TMPDIR:-/tmp}/bbj-rag-pg-install.log}
APT_UPDATED=0

step() { printf '[test-postgres] %s\n' "$*" >&2; }
die() {
  printf '[test-postgres] error: %s\n' "$*" >&2
  exit 1
}

# One progress line per step: "label ... ok (N s)"; on failure, the log's tail.
timed() {
  local label=$1 t0=$SECONDS
  shift
  printf '[test-postgres] %s ... ' "$label" >&2
  echo "=== $label: $*" >>"$INSTALL_LOG"
  if "$@" >>"$INSTALL_LOG" 2>&1; then
    printf 'ok (%d s)\n' $((SECONDS - t0)) >&2
  else
    printf 'FAILED\n' >&2
    tail -n 40 "$INSTALL_LOG" >&2
    die "$label failed (full log: $INSTALL_LOG)"
  fi
}

in_dir() { (cd "$1" && shift && "$@"); }

apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o Dpkg::Use-Pty=0 "$@"
}

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -qx 'install ok installed' || echo "$pkg"
  done
}

# Installs what is missing; `apt-get update` runs at most once, and only if something is.
apt_install() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  ((${#missing[@]})) || return 0
  if ((!APT_UPDATED)); then
    timed "apt-get update" apt_get update
    APT_UPDATED=1
  fi
  timed "apt-get install ${missing[*]}" apt_get install --no-install-recommends "${missing[@]}"
}

# The bookworm mirror apt is already configured with (deb822 or one-line format).
debian_mirror() {
  local uri
  if [[ -n ${DEBIAN_MIRROR:-} ]]; then
    echo "$DEBIAN_MIRROR"
    return
  fi
  uri=$(awk 'BEGIN { RS = "" }
    /(^|\n)Types:[^\n]*deb/ && /(^|\n)Suites:[^\n]*bookworm([ \t]|\n|$)/ {
      if (match($0, /(^|\n)URIs:[ \t]*[^ \t\n]+/)) {
        s = substr($0, RSTART, RLENGTH); sub(/^\n?URIs:[ \t]*/, "", s); print s; exit
      }
    }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z $uri ]]; then
    uri=$(sed -E 's/\[[^]]*\]//' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' || true)
  fi
  [[ $uri == http://* || $uri == https://* ]] || uri=http://deb.debian.org/debian
  echo "${uri%/}"
}

vector_installed() {
  local pgc=$PG_BINDIR/pg_config
  [[ -x $pgc ]] && [[ -f "$("$pgc" --pkglibdir)/vector.so" ]] \
    && [[ -f "$("$pgc" --sharedir)/extension/vector.control" ]]
}

server_packages() { echo "postgresql-$PG_MAJOR" "postgresql-client-$PG_MAJOR"; }
build_packages() { echo make gcc libc6-dev dpkg-dev "postgresql-server-dev-$PG_MAJOR"; }

# One apt transaction for everything missing: a single dpkg run (and trigger pass) is faster.
install_packages() {
  local wanted
  read -ra wanted <<<"$(server_packages)"
  if [[ -n $(missing_packages "${wanted[@]}") ]]; then
    # The package would otherwise create (and maybe start) a system cluster on 5432 we never use.
    if [[ ! -e /etc/postgresql-common/createcluster.d/bbj-rag.conf ]]; then
      mkdir -p /etc/postgresql-common/createcluster.d
      echo 'create_main_cluster = off' >/etc/postgresql-common/createcluster.d/bbj-rag.conf
    fi
  else
    step "PostgreSQL $PG_MAJOR server and client already installed"
  fi
  # shellcheck disable=SC2207
  vector_installed || wanted+=($(build_packages))
  apt_install "${wanted[@]}"
}

# apt-get source through a private sources list, lists dir and cache: trixie is never
# visible to the system's apt, so no trixie binary can ever be pulled in by an upgrade.
fetch_pgvector_source() {
  local work=$1 mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mirror=$(debian_mirror)
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/apt/parts" "$work/src"
  echo "deb-src [signed-by=$keyring] $mirror trixie main" >"$work/apt/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o "Dir::Etc::SourceParts=$work/apt/parts"
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache" -o "APT::Sandbox::User=root")
  timed "apt-get update (trixie deb-src only, private lists; $mirror)" apt_get "${opts[@]}" update
  timed "apt-get source pgvector (trixie)" in_dir "$work/src" apt_get "${opts[@]}" source pgvector
}

install_pgvector() {
  if vector_installed; then
    step "pgvector already installed in $("$PG_BINDIR/pg_config" --pkglibdir)"
    return
  fi
  local work=${TMPDIR:-/tmp}/bbj-rag-pgvector-build src
  rm -rf "$work"
  fetch_pgvector_source "$work"
  src=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [[ -n $src ]] || die "apt-get source pgvector unpacked nothing (log: $INSTALL_LOG)"
  # with_llvm=no: no JIT bitcode (needs clang); OPTFLAGS="": no -march=native, portable binary.
  local make_args=(-C "$src" "PG_CONFIG=$PG_BINDIR/pg_config" with_llvm=no OPTFLAGS=)
  timed "building $(basename "$src")" make -j"$(nproc)" "${make_args[@]}"
  timed "installing $(basename "$src")" make "${make_args[@]}" install
  vector_installed || die "pgvector installed, but vector.so/vector.control are not where pg_config says"
  rm -rf "$work"
}

install_all() {
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || die "install needs root (apt-get, make install)"
    exec sudo --preserve-env=PG_MAJOR,DEBIAN_MIRROR,TMPDIR bash "$0" install
  fi
  command -v apt-get >/dev/null || die "install supports Debian/Ubuntu (apt) only; install PostgreSQL and pgvector yourself and set PG_BINDIR"
  local t0=$SECONDS
  : >"$INSTALL_LOG"
  install_packages
  install_pgvector
  step "install complete ($((SECONDS - t0)) s)"
}
