# shellcheck shell=bash
# Reads tools/apps.tsv, the registry of every JVM officeflow starts (its header explains the
# columns and the JVM options), into arrays keyed by the app's name. Sourced, after ROOT is set, by
# tools/apps.sh (./dev) and bench/lib.sh; test-support's AppRegistry is its Java twin.
# shellcheck disable=SC2034 # the arrays are read by the scripts that source this file

REGISTRY_FILE=$ROOT/tools/apps.tsv
APP_NAMES=() # in the registry's order, which is the order ./dev up starts them in
declare -gA APP_MODULE=() APP_JAR=() APP_PORT_VARIABLE=() APP_DEFAULT_PORT=() APP_HEALTH=() \
  APP_KIND=() APP_OPTIONS=()

read_registry() {
  local name module jar variable port health kind options
  # Every column is filled ('-' for none): runs of tabs would merge, tabs being IFS whitespace.
  while IFS=$'\t' read -r name module jar variable port health kind options; do
    [[ -z $name || $name == '#'* ]] && continue
    if [[ -z $options || ! $kind =~ ^(service|simulator|bench)$ ]]; then
      printf '%s: the line of %s needs eight tab-separated columns (see its header)\n' \
        "$REGISTRY_FILE" "$name" >&2
      return 1
    fi
    APP_NAMES+=("$name")
    APP_MODULE[$name]=$module
    APP_JAR[$name]=$jar
    APP_PORT_VARIABLE[$name]=$variable
    APP_DEFAULT_PORT[$name]=$port
    APP_HEALTH[$name]=$health
    APP_KIND[$name]=$kind
    APP_OPTIONS[$name]=$options
  done <"$REGISTRY_FILE"
}
read_registry

# The JVM options of an app: the registry's, unless the variable of its kind replaces them.
app_jvm_options() { # app_jvm_options <name>
  case ${APP_KIND[$1]} in
    service) echo "${OFFICEFLOW_APP_JVM_OPTS:-${APP_OPTIONS[$1]}}" ;;
    simulator) echo "${OFFICEFLOW_SIM_JVM_OPTS:-${APP_OPTIONS[$1]}}" ;;
    *) echo "${APP_OPTIONS[$1]}" ;;
  esac
}
