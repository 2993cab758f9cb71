# shellcheck shell=bash
# The application layer of ./dev up: builds the jars when sources changed, applies the Pub/Sub
# catalog, starts the simulators and the services as background processes with logs and pid
# files under <state>/apps, and waits until each answers its health URL. Sourced by ./dev, which
# sets STATE and HOST. What the apps are (module, jar, port, health path, JVM options) is in the
# registry, tools/apps.tsv.
# shellcheck disable=SC2153 # STATE is ./dev's (use_profile), not a misspelt local 'state'

# shellcheck source=tools/registry.sh
source "$ROOT/tools/registry.sh"

SETUP_PUBSUB_JAR=setup-pubsub/target/setup-pubsub-exec.jar

# The apps ./dev up runs: the registry's services and simulators, not the benchmarks' JVMs.
launched_apps() {
  local name
  for name in "${APP_NAMES[@]}"; do
    [[ ${APP_KIND[$name]} == bench ]] || echo "$name"
  done
}

app_port() { # app_port <name>
  local var=${APP_PORT_VARIABLE[$1]}
  echo "${!var:-${APP_DEFAULT_PORT[$1]}}"
}

app_jar() { # app_jar <name>
  compgen -G "$ROOT/${APP_MODULE[$1]}/${APP_JAR[$1]}" | head -n 1 || true
}

# The apps whose module exists in this checkout (services join as they are built).
present_apps() {
  local name
  while IFS= read -r name; do
    [[ -f $ROOT/${APP_MODULE[$name]}/pom.xml ]] && echo "$name"
  done < <(launched_apps)
}

# Modules every service jar contains: a change there makes every jar stale.
SHARED_MODULES=(common-events services/common)

# A module needs building when its jar is missing or any of its sources, a shared module's or the
# root POM is newer than the jar.
needs_build() {
  local jar=$1 module=$2 shared
  local paths=("$ROOT/$module/src" "$ROOT/$module/pom.xml" "$ROOT/pom.xml")
  [[ -z $jar ]] && return 0
  if [[ $module == services/* ]]; then
    for shared in "${SHARED_MODULES[@]}"; do
      paths+=("$ROOT/$shared/src/main" "$ROOT/$shared/pom.xml")
    done
  fi
  [[ -n $(find "${paths[@]}" -newer "$jar" -print -quit 2>/dev/null) ]]
}

build_apps() {
  local name module modules=() stale=false
  modules+=(setup-pubsub)
  [[ -f $ROOT/$SETUP_PUBSUB_JAR ]] || stale=true
  while IFS= read -r name; do
    module=${APP_MODULE[$name]}
    modules+=("$module")
    needs_build "$(app_jar "$name")" "$module" && stale=true
  done < <(present_apps)
  if ! $stale; then
    log "jars are up to date"
    return 0
  fi
  require_command mvn maven
  local list
  list=$(IFS=,; echo "${modules[*]}")
  log "building $list (mvn package, tests skipped; ./dev test runs them)"
  (cd "$ROOT" && mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl "$list" -am) \
    >"$STATE/build.log" 2>&1 || fail_with_log "the build failed" "$STATE/build.log"
}

apply_catalog() {
  log "applying the Pub/Sub catalog (setup-pubsub)"
  # --legacy: the reference services' deprecated topics too, which the legacy bridge reads.
  java -jar "$ROOT/$SETUP_PUBSUB_JAR" --emulator "$HOST:$PUBSUB_PORT" --project "$PROJECT_ID" --legacy \
    >"$STATE/setup-pubsub.log" 2>&1 || fail_with_log "setup-pubsub failed" "$STATE/setup-pubsub.log"
  tail -n 1 "$STATE/setup-pubsub.log" | sed 's/^/    /'
}

# Environment every app gets: the infrastructure, each other's addresses, dev-only switches.
app_environment() {
  endpoint_exports | sed 's/^export //'
  local name
  while IFS= read -r name; do
    echo "${APP_PORT_VARIABLE[$name]}=$(app_port "$name")"
  done < <(launched_apps)
  local google graph vespa user contacts
  google=$(app_port google-sim)
  graph=$(app_port graph-sim)
  vespa=$(app_port vespa-sim)
  user=$(app_port user)
  contacts=$(app_port contacts)
  echo "GOOGLE_API_ROOT_URL=http://$HOST:$google/"
  echo "GOOGLE_OAUTH_BASE_URL=http://$HOST:$google"
  # Microsoft: the office's Graph SDK and token refreshes, the user service's OAuth (the identity
  # platform's base URL; graph-sim serves its tenants below it).
  echo "MICROSOFT_GRAPH_URL=http://$HOST:$graph/v1.0"
  echo "GRAPH_SIM_URL=http://$HOST:$graph/"
  echo "MICROSOFT_OAUTH_BASE_URL=http://$HOST:$graph"
  echo "MICROSOFT_REDIRECT_URI=http://$HOST:$user/v1/integrations/microsoft/callback"
  echo "VESPA_ENDPOINT=http://$HOST:$vespa/"
  echo "USER_BASE_URL=http://$HOST:$user"
  echo "GOOGLE_REDIRECT_URI=http://$HOST:$user/v1/integrations/google/callback"
  # Where the OAuth callback sends the person: the VIP page the contacts service serves.
  echo "FRONTEND_URL=http://$HOST:$contacts/vip/index.html"
  echo "USER_JWKS_URI=http://$HOST:$user/.well-known/jwks.json"
  # glibc gives each of a JVM's ~100 threads' mallocs up to 16 arenas on 2 cores; two keep the
  # fragmentation down (vespa-loader after bench/pipeline: 389 MB RSS instead of 407).
  echo "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
  # The development defaults (credentials, keys, simulator URLs, the dev login) exist only here.
  echo "OFFICEFLOW_ENVIRONMENT=local"
  echo "OFFICE_TOKEN_SOURCE=user-service"
}

app_args() {
  local name=$1 port=$2
  case $name in
    google-sim)
      echo "--port $port --pubsub-emulator $HOST:$PUBSUB_PORT --pubsub-project $PROJECT_ID"
      ;;
    # The demo's Outlook mailbox (docker/graph-sim/demo-accounts.json, shared with compose).
    graph-sim) echo "--port $port --host $HOST --accounts $ROOT/docker/graph-sim/demo-accounts.json" ;;
    vespa-sim) echo "--port $port --schemas $ROOT/infra/vespa/schemas" ;;
    *) echo "--server.port=$port" ;;
  esac
}

app_pid() { pid_from "$STATE/apps/$1.pid"; }

app_healthy() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$HOST:$1$2" || true)
  [[ $code == 200 ]]
}

# Class data sharing for the Spring Boot services: started from the extracted jar with an archive
# of the classes a training run loaded, a service starts in about half the time (contacts on 2
# cores: 7.1 s -> 3.3 s to "Started"). The training run refreshes the context and exits, so it
# needs the infrastructure (Flyway migrates) but starts no consumer and no web server. It is
# redone when the jar is rebuilt; if it fails, the service starts from the plain jar.
cds_dir() { echo "$ROOT/${APP_MODULE[$1]}/target/cds"; }

# Whether the app has a class archive recorded from its current jar.
cds_ready() {
  local archive
  archive=$(cds_dir "$1")/app.jsa
  [[ -f $archive && $archive -nt $(app_jar "$1") ]]
}

prepare_cds() {
  local name=$1 jar dir log_file
  [[ ${APP_KIND[$name]} == service ]] && cds_allowed "$name" || return 0
  jar=$(app_jar "$name")
  dir=$(cds_dir "$name")
  cds_ready "$name" && return 0
  log_file=$STATE/apps/$name.cds.log
  log "$name: extracting the jar and recording its class archive (once per build)"
  rm -rf "$dir"
  # shellcheck disable=SC2046,SC2086 # word splitting wanted: the environment and the options
  if ! { java -Djarmode=tools -jar "$jar" extract --destination "$dir" &&
    (cd "$ROOT" && env $(app_environment) java $(app_jvm_options "$name") \
      -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh \
      -jar "$dir/$(basename "$jar")" --server.port=0) &&
    [[ -f $dir/app.jsa ]]; } </dev/null >"$log_file" 2>&1; then
    warn "$name: no class archive (see $log_file); starting from the plain jar"
    rm -rf "$dir"
  fi
}

# Options that hook class loading (agents, JFR) with a dynamic archive crash OpenJDK 17.0.15
# (SIGSEGV in KlassFactory::check_shared_class_file_load_hook, seen with StartFlightRecording):
# with any of them, the service starts from the plain jar.
cds_allowed() { # cds_allowed <name>
  [[ ! $(app_jvm_options "$1") =~ (-javaagent|-agentlib|-agentpath|StartFlightRecording) ]]
}

# How to launch an app: the extracted jar with its class archive when there is one.
app_launch() {
  local name=$1 jar dir
  jar=$(app_jar "$name")
  dir=$(cds_dir "$name")
  if cds_allowed "$name" && cds_ready "$name"; then
    # Mapped where it was recorded, not relocated: relocating writes to every page of the archive
    # (65 MB of private memory per service); mapped in place, only the pages used are read.
    echo "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0" \
      "-XX:SharedArchiveFile=$dir/app.jsa -jar $dir/$(basename "$jar")"
  else
    echo "-jar $jar"
  fi
}

start_app() {
  local name=$1 port pid
  port=$(app_port "$name")
  mkdir -p "$STATE/apps"
  pid=$(app_pid "$name")
  if process_alive "$pid" java; then
    # Reused even when not healthy yet: it may be starting or recovering (its database was just
    # restarted), and await_app waits for it; a second copy would only find the port taken.
    log "$name already running on port $port (pid $pid), reused"
    return 0
  fi
  ensure_port_free "$port" "$name" "${APP_PORT_VARIABLE[$name]}"
  prepare_cds "$name"
  local log_file=$STATE/apps/$name.log
  # shellcheck disable=SC2046,SC2086 # word splitting wanted: options and arguments
  (cd "$ROOT" && exec env $(app_environment) setsid nohup java $(app_jvm_options "$name") \
    $(app_launch "$name") $(app_args "$name" "$port") </dev/null >"$log_file" 2>&1 9>&-) &
  echo $! >"$STATE/apps/$name.pid"
}

await_app() {
  local name=$1 port started=$SECONDS
  port=$(app_port "$name")
  wait_until "$name on port $port" "$STATE/apps/$name.log" app_ready_or_exited "$name" "$port" \
    "${APP_HEALTH[$name]}"
  log "$name up on http://$HOST:$port (pid $(app_pid "$name"), $((SECONDS - started)) s)"
}

app_ready_or_exited() {
  # kill -0, not process_alive: right after the fork the process may not have exec'd java yet.
  kill -0 "$(app_pid "$1")" 2>/dev/null ||
    fail_with_log "$1 exited while starting" "$STATE/apps/$1.log"
  app_healthy "$2" "$3"
}

# One app at a time: on a small machine, JVMs starting together only slow each other down (six at
# once on 2 cores: 31 s each, 31 s in all; one by one: each in its own few seconds, less in all).
start_apps() {
  build_apps
  apply_catalog
  local name
  while IFS= read -r name; do
    start_app "$name"
    await_app "$name"
  done < <(present_apps)
}

stop_apps() {
  local name pid
  while IFS= read -r name; do
    pid=$(app_pid "$name")
    if process_alive "$pid" java; then
      kill "$pid" 2>/dev/null || true
      wait_for_exit "$pid" 20 || kill -9 "$pid" 2>/dev/null || true
      log "stopped $name (pid $pid)"
    fi
    rm -f "$STATE/apps/$name.pid"
  done < <(launched_apps)
}

print_apps() {
  local name port state
  while IFS= read -r name; do
    port=$(app_port "$name")
    if process_alive "$(app_pid "$name")" java; then state="running (pid $(app_pid "$name"))"; else state="stopped"; fi
    printf '  %-14s http://%s:%-6s %s\n' "$name" "$HOST" "$port" "$state"
  done < <(present_apps)
}
