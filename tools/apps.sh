# shellcheck shell=bash
# The application layer of ./dev up: builds the jars when sources changed, applies the Pub/Sub
# catalog, starts the simulators and the services as background processes with logs and pid
# files under <state>/apps, and waits until each answers its health URL. Sourced by ./dev.

# name|module|jar (glob, relative to the module)|port variable|default port|health path
APPS=(
  "google-sim|infra/google-sim|target/google-sim-*-exec.jar|GOOGLE_SIM_PORT|8090|/sim/health"
  "vespa-sim|infra/vespa-sim|target/bin/vespa-sim.jar|VESPA_PORT|8080|/sim/stats"
  "user|services/user|target/user-*-exec.jar|USER_PORT|8081|/actuator/health"
  "office|services/office|target/office-*-exec.jar|OFFICE_PORT|8082|/actuator/health"
  "contacts|services/contacts|target/contacts-*-exec.jar|CONTACTS_PORT|8083|/actuator/health"
  "vespa-loader|services/vespa-loader|target/vespa-loader-*-exec.jar|VESPA_LOADER_PORT|8084|/actuator/health"
)
SETUP_PUBSUB_JAR=setup-pubsub/target/setup-pubsub-exec.jar
# The heap starts small and grows to what the service needs (up to 256 MB): committed at once, an
# idle service's young generation alone touched 70 MB. It is kept within 20-40 % free after a full
# collection (the defaults, 40-70 %, left vespa-loader 131 MB of heap for 43 MB live, and up to
# 477 MB of RSS after a large drain). Native memory glibc keeps after a burst is given back every
# 5 s: trimmed by hand after a drain, vespa-loader's RSS fell by 35 MB.
# Survivor spaces of a fifth of the young generation each (eden 3:1), filled to 80 % before
# objects age out early: a consumer's in-flight messages (flow control lets 250 per subscription
# wait) are 4-6.5 MB at each young collection. The default 1/10 (3 MB at contacts' 30 MB young
# generation) promoted them after one collection, and the old generation filled with dead messages:
# contacts ran 6-7 full collections (1 s of pauses) per 18,600-event drain, 2-3 with these ratios,
# on the same heap size.
APP_JVM_OPTS=${OFFICEFLOW_APP_JVM_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:SurvivorRatio=3 -XX:TargetSurvivorRatio=80 -XX:TrimNativeHeapInterval=5000}
# The simulators stand in for Google and Vespa, which run elsewhere: vespa-sim keeps every document
# on its heap (at 256 MB it ran out at about 80,000 and spent a fifth of its CPU in GC
# well before that), so they get room of their own rather than the services' bounds.
SIM_JVM_OPTS=${OFFICEFLOW_SIM_JVM_OPTS:--Xms64m -Xmx1g -XX:+UseParallelGC}

app_field() { # app_field <entry> <index>
  local IFS='|'
  # shellcheck disable=SC2206
  local fields=($1)
  echo "${fields[$2]}"
}

app_port() {
  local var default
  var=$(app_field "$1" 3)
  default=$(app_field "$1" 4)
  echo "${!var:-$default}"
}

app_jar() {
  local module pattern
  module=$(app_field "$1" 1)
  pattern=$(app_field "$1" 2)
  compgen -G "$ROOT/$module/$pattern" | head -n 1 || true
}

# The apps whose module exists in this checkout (services join as they are built).
present_apps() {
  local entry
  for entry in "${APPS[@]}"; do
    [[ -f $ROOT/$(app_field "$entry" 1)/pom.xml ]] && echo "$entry"
  done
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
  local entry modules=() stale=false
  modules+=(setup-pubsub)
  [[ -f $ROOT/$SETUP_PUBSUB_JAR ]] || stale=true
  while IFS= read -r entry; do
    modules+=("$(app_field "$entry" 1)")
    needs_build "$(app_jar "$entry")" "$(app_field "$entry" 1)" && stale=true
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
  java -jar "$ROOT/$SETUP_PUBSUB_JAR" --emulator "$HOST:$PUBSUB_PORT" --project "$PROJECT_ID" \
    >"$STATE/setup-pubsub.log" 2>&1 || fail_with_log "setup-pubsub failed" "$STATE/setup-pubsub.log"
  tail -n 1 "$STATE/setup-pubsub.log" | sed 's/^/    /'
}

# Environment every app gets: the infrastructure, each other's addresses, dev-only switches.
app_environment() {
  endpoint_exports | sed 's/^export //'
  local entry name var
  for entry in "${APPS[@]}"; do
    var=$(app_field "$entry" 3)
    echo "$var=$(app_port "$entry")"
  done
  local google vespa user contacts
  google=$(app_port "${APPS[0]}")
  vespa=$(app_port "${APPS[1]}")
  user=$(app_port "${APPS[2]}")
  contacts=$(app_port "${APPS[4]}")
  echo "GOOGLE_API_ROOT_URL=http://$HOST:$google/"
  echo "GOOGLE_OAUTH_BASE_URL=http://$HOST:$google"
  echo "VESPA_ENDPOINT=http://$HOST:$vespa/"
  echo "USER_BASE_URL=http://$HOST:$user"
  echo "GOOGLE_REDIRECT_URI=http://$HOST:$user/v1/integrations/google/callback"
  # Where the OAuth callback sends the person: the VIP page the contacts service serves.
  echo "FRONTEND_URL=http://$HOST:$contacts/vip/index.html"
  echo "USER_JWKS_URI=http://$HOST:$user/.well-known/jwks.json"
  # glibc gives each of a JVM's ~100 threads' mallocs up to 16 arenas on 2 cores; two keep the
  # fragmentation down (vespa-loader after bench/pipeline: 389 MB RSS instead of 407).
  echo "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
  echo "SPRING_PROFILES_ACTIVE=dev"
  echo "OFFICE_TOKEN_SOURCE=user-service"
}

app_args() {
  local name=$1 port=$2
  case $name in
    google-sim)
      echo "--port $port --pubsub-emulator $HOST:$PUBSUB_PORT --pubsub-project $PROJECT_ID"
      ;;
    vespa-sim) echo "--port $port --schemas $ROOT/infra/vespa/schemas" ;;
    *) echo "--server.port=$port" ;;
  esac
}

app_jvm_opts() {
  if [[ $(app_field "$1" 1) == infra/* ]]; then echo "$SIM_JVM_OPTS"; else echo "$APP_JVM_OPTS"; fi
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
cds_dir() { echo "$ROOT/$(app_field "$1" 1)/target/cds"; }

# Whether the app has a class archive recorded from its current jar.
cds_ready() {
  local archive
  archive=$(cds_dir "$1")/app.jsa
  [[ -f $archive && $archive -nt $(app_jar "$1") ]]
}

prepare_cds() {
  local entry=$1 name jar dir log_file
  [[ $(app_field "$entry" 1) == services/* ]] && cds_allowed || return 0
  name=$(app_field "$entry" 0)
  jar=$(app_jar "$entry")
  dir=$(cds_dir "$entry")
  cds_ready "$entry" && return 0
  log_file=$STATE/apps/$name.cds.log
  log "$name: extracting the jar and recording its class archive (once per build)"
  rm -rf "$dir"
  # shellcheck disable=SC2046,SC2086
  if ! { java -Djarmode=tools -jar "$jar" extract --destination "$dir" &&
    (cd "$ROOT" && env $(app_environment) java $APP_JVM_OPTS -XX:ArchiveClassesAtExit="$dir/app.jsa" \
      -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" --server.port=0) &&
    [[ -f $dir/app.jsa ]]; } </dev/null >"$log_file" 2>&1; then
    warn "$name: no class archive (see $log_file); starting from the plain jar"
    rm -rf "$dir"
  fi
}

# Options that hook class loading (agents, JFR) with a dynamic archive crash OpenJDK 17.0.15
# (SIGSEGV in KlassFactory::check_shared_class_file_load_hook, seen with StartFlightRecording):
# with any of them, the services start from the plain jar.
cds_allowed() {
  [[ ! $APP_JVM_OPTS =~ (-javaagent|-agentlib|-agentpath|StartFlightRecording) ]]
}

# How to launch an app: the extracted jar with its class archive when there is one.
app_launch() {
  local entry=$1 jar dir
  jar=$(app_jar "$entry")
  dir=$(cds_dir "$entry")
  if cds_allowed && cds_ready "$entry"; then
    # Mapped where it was recorded, not relocated: relocating writes to every page of the archive
    # (65 MB of private memory per service); mapped in place, only the pages used are read.
    echo "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0" \
      "-XX:SharedArchiveFile=$dir/app.jsa -jar $dir/$(basename "$jar")"
  else
    echo "-jar $jar"
  fi
}

start_app() {
  local entry=$1 name port pid
  name=$(app_field "$entry" 0)
  port=$(app_port "$entry")
  mkdir -p "$STATE/apps"
  pid=$(app_pid "$name")
  if process_alive "$pid" java; then
    # Reused even when not healthy yet: it may be starting or recovering (its database was just
    # restarted), and await_app waits for it; a second copy would only find the port taken.
    log "$name already running on port $port (pid $pid), reused"
    return 0
  fi
  ensure_port_free "$port" "$name" "$(app_field "$entry" 3)"
  prepare_cds "$entry"
  local log_file=$STATE/apps/$name.log
  # shellcheck disable=SC2046,SC2086 # word splitting wanted: options and arguments
  (cd "$ROOT" && exec env $(app_environment) setsid nohup java $(app_jvm_opts "$entry") $(app_launch "$entry") \
    $(app_args "$name" "$port") </dev/null >"$log_file" 2>&1 9>&-) &
  echo $! >"$STATE/apps/$name.pid"
}

await_app() {
  local entry=$1 name port started=$SECONDS
  name=$(app_field "$entry" 0)
  port=$(app_port "$entry")
  wait_until "$name on port $port" "$STATE/apps/$name.log" app_ready_or_exited "$name" "$port" \
    "$(app_field "$entry" 5)"
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
  local entry
  while IFS= read -r entry; do
    start_app "$entry"
    await_app "$entry"
  done < <(present_apps)
}

stop_apps() {
  local entry name pid
  for entry in "${APPS[@]}"; do
    name=$(app_field "$entry" 0)
    pid=$(app_pid "$name")
    if process_alive "$pid" java; then
      kill "$pid" 2>/dev/null || true
      wait_for_exit "$pid" 20 || kill -9 "$pid" 2>/dev/null || true
      log "stopped $name (pid $pid)"
    fi
    rm -f "$STATE/apps/$name.pid"
  done
}

print_apps() {
  local entry name port state
  while IFS= read -r entry; do
    name=$(app_field "$entry" 0)
    port=$(app_port "$entry")
    if process_alive "$(app_pid "$name")" java; then state="running (pid $(app_pid "$name"))"; else state="stopped"; fi
    printf '  %-14s http://%s:%-6s %s\n' "$name" "$HOST" "$port" "$state"
  done < <(present_apps)
}
