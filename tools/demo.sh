# shellcheck shell=bash
# The ./dev up demo: connects a demo user to google-sim's generated mailbox through the real OAuth
# flow (dev login → start → authorize → callback), shows the backfill as it runs, and prints the
# VIP candidates the contacts service ranked. Sourced by ./dev after tools/apps.sh.

DEMO_EMAIL=${OFFICEFLOW_DEMO_EMAIL:-demo@officeflow.test}
DEMO_TIMEOUT=${OFFICEFLOW_DEMO_TIMEOUT:-600}

# json <path> reads JSON on stdin and prints the value at a dotted path (list indexes are numbers);
# nothing when there is none.
json() {
  jq -r --arg path "$1" 'getpath($path | split(".") | map(tonumber? // .)) // empty'
}

# api <method> <url> [curl arguments...] prints the answer's body; an error answer (a problem,
# RFC 9457) ends the demo with its status, code and detail.
api() {
  local method=$1 url=$2 body status
  shift 2
  body=$(curl -s -X "$method" "$url" -w '\n%{http_code}' "$@") || die "$method $url: no answer"
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  if ((status >= 400)); then
    die "$method $url answered $status $(json code <<<"$body" 2>/dev/null || true):" \
      "$(json detail <<<"$body" 2>/dev/null || echo "$body")"
  fi
  printf '%s' "$body"
}

app_url() { echo "http://$HOST:$(app_port "$1")"; } # app_url <app name>

demo_ready() {
  local name
  for name in user office contacts; do
    [[ -f $ROOT/services/$name/pom.xml ]] || return 1
  done
}

demo_connect() {
  # The cookie jar is the demo's browser: start sets officeflow_oauth, the callback must bring it
  # back (the user service completes an authorization only in the browser that started it).
  local user=$1 session start authorize callback status jar="$STATE/demo-cookies.txt"
  rm -f "$jar"
  session=$(api POST "$user/v1/dev/session" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$DEMO_EMAIL\"}")
  DEMO_TOKEN=$(json access_token <<<"$session")
  DEMO_USER_ID=$(json user_id <<<"$session")
  start=$(api POST "$user/v1/integrations/google/start" -c "$jar" -b "$jar" \
    -H "Authorization: Bearer $DEMO_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"login_hint\":\"$DEMO_EMAIL\"}")
  authorize=$(json authorization_url <<<"$start")
  callback=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$authorize") ||
    die "google-sim did not answer $authorize (log: $STATE/apps/google-sim.log)"
  [[ -n $callback ]] || die "google-sim did not redirect back from $authorize"
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$callback") ||
    die "the user service did not answer the OAuth callback (log: $STATE/apps/user.log)"
  [[ $status == 302 ]] || die "the OAuth callback answered $status (log: $STATE/apps/user.log)"
  log "connected $DEMO_EMAIL (user $DEMO_USER_ID) through OAuth against google-sim"
}

# Draws the backfill's progress until its job completes (or fails, which ends the demo).
demo_backfill() {
  local office=$1 token jobs status percent published deadline=$((SECONDS + DEMO_TIMEOUT)) last=-1
  # The demo is an operator (backfill control); the services accept its local token.
  token=${OFFICEFLOW_SECURITY_CALLERS_OPERATOR:-local-dev-operator-token}
  token=${token%%,*}
  while ((SECONDS < deadline)); do
    jobs=$(curl -sf "$office/internal/backfill?user_id=$DEMO_USER_ID" -H "Authorization: Bearer $token" || true)
    status=$(json jobs.0.status <<<"${jobs:-{\}}" 2>/dev/null || true)
    percent=$(json jobs.0.progress.percent <<<"${jobs:-{\}}" 2>/dev/null || true)
    published=$(json jobs.0.progress.published <<<"${jobs:-{\}}" 2>/dev/null || true)
    if [[ -n $status ]]; then
      demo_bar "${percent:-0}" "$status" "${published:-0}" "$last"
      last=${percent:-0}
      case $status in
        completed) echo; return 0 ;;
        failed | cancelled) echo; die "the backfill $status: $(json jobs.0.error <<<"$jobs") (log: $STATE/apps/office.log)" ;;
      esac
    fi
    sleep 0.5
  done
  echo
  die "the backfill did not finish within ${DEMO_TIMEOUT}s (log: $STATE/apps/office.log)"
}

demo_bar() { # demo_bar <percent> <status> <published> <last percent drawn>
  local width=40 filled
  filled=$(($1 * width / 100))
  if [[ -t 1 ]]; then
    printf '\r  backfill [%-*s] %3d%%  %-9s %6d events published' "$width" \
      "$(printf '%*s' "$filled" '' | tr ' ' '#')" "$1" "$2" "$3"
  elif (($1 / 10 != $4 / 10)) || [[ $2 == completed ]]; then
    printf '  backfill %3d%%  %-9s %6d events published\n' "$1" "$2" "$3"
  fi
}

# Waits until the contacts service has ranked candidates and the top stops moving, then prints it.
demo_vips() {
  local contacts=$1 vips ranking previous="" deadline=$((SECONDS + DEMO_TIMEOUT))
  while ((SECONDS < deadline)); do
    vips=$(curl -sf "$contacts/onboarding/vips?limit=10" -H "Authorization: Bearer $DEMO_TOKEN" || true)
    # Scores decay with time, so "stopped moving" means the same contacts in the same order.
    ranking=$(jq -r '[.candidates[].contact_hash] | join(" ")' <<<"${vips:-{\"candidates\":[]\}}")
    if [[ -n $ranking && $ranking == "$previous" ]]; then
      echo
      echo "Top VIP candidates for $DEMO_EMAIL:"
      demo_print_vips <<<"$vips"
      echo
      echo "VIP onboarding API: $contacts/onboarding/vips (user JWT: POST $(app_url user)/v1/dev/session)"
      return 0
    fi
    previous=$ranking
    sleep 2
  done
  die "the contacts service ranked no candidates within ${DEMO_TIMEOUT}s (log: $STATE/apps/contacts.log)"
}

# Prints the ranked candidates of a GET /onboarding/vips answer (on stdin), one line each. jq pads
# the names (it counts characters, printf counts bytes) and printf formats the numbers.
demo_print_vips() {
  local rank name domain score band
  # shellcheck disable=SC2016 # $n is jq's, not the shell's
  jq -r 'def pad($n): if length < $n then . + " " * ($n - length) else . end;
    .candidates[]
    | [.rank, (if (.display_name // "") == "" then "(no name)" else .display_name end | pad(28)),
       (.domain // "" | pad(22)), .score, .band]
    | map(tostring) | join("\u001f")' |
    while IFS=$'\x1f' read -r rank name domain score band; do
      LC_NUMERIC=C printf '  %2d. %s %s score %.3f  (%s)\n' "$rank" "$name" "$domain" "$score" "$band"
    done
}

# Prints a link to the VIP page that signs in with a fresh demo token (in the URL fragment, which
# the browser never sends to a server; the page moves it to sessionStorage).
demo_page_link() {
  local user=$1 contacts=$2 session token minutes
  session=$(api POST "$user/v1/dev/session" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$DEMO_EMAIL\"}")
  token=$(json access_token <<<"$session")
  minutes=$((($(json expires_in <<<"$session") + 59) / 60))
  echo
  echo "VIP page for $DEMO_EMAIL (the link signs in for $minutes minutes; ./dev up again for a new one):"
  echo "  $contacts/vip/index.html#token=$token"
}

run_demo() {
  if [[ ${OFFICEFLOW_DEMO:-true} == false ]]; then
    log "OFFICEFLOW_DEMO=false: demo skipped"
    return 0
  fi
  if ! demo_ready; then
    log "the demo needs the user, office and contacts services; skipped"
    return 0
  fi
  require_command jq jq
  echo
  demo_connect "$(app_url user)"
  demo_backfill "$(app_url office)"
  demo_vips "$(app_url contacts)"
  demo_page_link "$(app_url user)" "$(app_url contacts)"
}
