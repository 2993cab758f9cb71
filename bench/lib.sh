# shellcheck shell=bash
# bench/lib.sh: the skeleton every bench/<name>/run shares. A run script sources it right after
# `set -euo pipefail`; it then stands in the repository root (ROOT), knows its own folder (HERE)
# and the registry of apps and JVM options (tools/apps.tsv), and has these steps:
#   bench_infra_settings STATE PUBSUB REDIS POSTGRES
#                       a private state folder and ports for ./dev infra (BENCH_STATE_DIR and
#                       BENCH_PUBSUB_PORT/BENCH_REDIS_PORT/BENCH_POSTGRES_PORT override them)
#   bench_system_settings STATE BASE
#                       the same for the whole system (./dev up, no demo): the emulator, Redis,
#                       PostgreSQL and the registry's apps on ports BASE+0..10 (BENCH_PORT_BASE)
#   bench_build MODULE...
#                       installs the modules and what they need (Maven, offline first)
#   bench_package NAME  packages the module of the registry's NAME, writing its class path
#   bench_infra         ./dev infra on those settings, its env.sh sourced; stopped on exit
#   bench_up            ./dev up on those settings (log in <state>.up.log); stopped on exit
#   bench_main NAME JAVA-ARGUMENTS...
#                       java with NAME's options from the registry and its module's class path
#   bench_pg_ctl        the path of PostgreSQL's pg_ctl, found as ./dev finds it (after bench_up)
# The settings are in SYSTEM, the environment the ./dev calls and the benchmark's JVM get.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC2034 # for the run scripts
HERE="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
STATE_DIR=
SYSTEM=()
cd "$ROOT" || exit
# shellcheck source=tools/registry.sh
source "$ROOT/tools/registry.sh"

bench_infra_settings() { # bench_infra_settings STATE PUBSUB REDIS POSTGRES
  STATE_DIR=${BENCH_STATE_DIR:-$1}
  SYSTEM=(
    OFFICEFLOW_STATE_DIR="$STATE_DIR"
    PUBSUB_PORT="${BENCH_PUBSUB_PORT:-$2}"
    REDIS_PORT="${BENCH_REDIS_PORT:-$3}"
    POSTGRES_PORT="${BENCH_POSTGRES_PORT:-$4}"
  )
}

bench_system_settings() { # bench_system_settings STATE BASE
  local base=${BENCH_PORT_BASE:-$2} port name
  STATE_DIR=${BENCH_STATE_DIR:-$1}
  SYSTEM=(
    OFFICEFLOW_STATE_DIR="$STATE_DIR"
    PUBSUB_PORT=$((base + 0)) REDIS_PORT=$((base + 1)) POSTGRES_PORT=$((base + 2))
    OFFICEFLOW_DEMO=false
  )
  port=$((base + 3))
  for name in "${APP_NAMES[@]}"; do
    [[ ${APP_KIND[$name]} == bench ]] && continue
    SYSTEM+=("${APP_PORT_VARIABLE[$name]}=$port")
    port=$((port + 1))
  done
}

bench_build() { # bench_build MODULE...
  local list
  list=$(IFS=,; echo "$*")
  mvn -B -q -o install -DskipTests -Dspotless.check.skip=true -pl "$list" -am ||
    mvn -B -q install -DskipTests -Dspotless.check.skip=true -pl "$list" -am
}

bench_module() { # bench_module NAME: the registry's module of NAME, as a path
  [[ -n ${APP_MODULE[$1]:-} ]] || {
    echo "bench/lib.sh: $1 is not in tools/apps.tsv" >&2
    return 1
  }
  echo "$ROOT/${APP_MODULE[$1]}"
}

bench_package() { # bench_package NAME
  local pom
  pom=$(bench_module "$1")/pom.xml
  mvn -B -q -o -f "$pom" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt ||
    mvn -B -q -f "$pom" package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
}

bench_stop() { env "${SYSTEM[@]}" "$ROOT/dev" down --purge >/dev/null 2>&1 || true; }

bench_infra() {
  trap bench_stop EXIT
  bench_stop
  echo "==> starting the benchmark's own infrastructure in $STATE_DIR"
  env "${SYSTEM[@]}" "$ROOT/dev" infra >/dev/null
  # shellcheck source=/dev/null
  source "$STATE_DIR/env.sh"
}

bench_up() {
  trap bench_stop EXIT
  bench_stop
  echo "==> starting the system (./dev up) in $STATE_DIR"
  env "${SYSTEM[@]}" "$ROOT/dev" up >"$STATE_DIR.up.log" 2>&1 || {
    cat "$STATE_DIR.up.log"
    exit 1
  }
  # shellcheck source=/dev/null
  source "$STATE_DIR/env.sh"
}

bench_main() { # bench_main NAME JAVA-ARGUMENTS...
  local module options
  module=$(bench_module "$1")
  options=$(app_jvm_options "$1")
  shift
  # A bench runs the services against simulators and development keys: the local environment
  # (docs/SERVICES.md "Environment"); without it a service started in-process refuses to start.
  # shellcheck disable=SC2086 # word splitting wanted: the options
  env OFFICEFLOW_ENVIRONMENT=local "${SYSTEM[@]}" java $options -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" "$@"
}

bench_pg_ctl() { # the pg_ctl ./dev runs the cluster with: pg_config's, else the newest installed
  local dir=""
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
  fi
  if [[ -z $dir || ! -x $dir/pg_ctl ]]; then
    dir=$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | sort -V | tail -n 1 || true)
    dir=${dir%/pg_ctl}
  fi
  [[ -x $dir/pg_ctl ]] || {
    echo "bench/lib.sh: no pg_ctl found" >&2
    return 1
  }
  echo "$dir/pg_ctl"
}
