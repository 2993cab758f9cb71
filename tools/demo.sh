# shellcheck shell=bash
# The ./dev up demo: connects a demo user to google-sim's and graph-sim's generated mailboxes
# through the real OAuth flows (dev login → start → authorize → callback, once per provider), shows
# each backfill as it runs, and prints the one list of VIP candidates the contacts service ranked
# from both. Sourced by ./dev after tools/apps.sh.

DEMO_EMAIL=${OFFICEFLOW_DEMO_EMAIL:-demo@officeflow.test}
DEMO_TIMEOUT=${OFFICEFLOW_DEMO_TIMEOUT:-600}
# The providers the demo connects: both by default; ./dev up --google-only connects Google alone.
DEMO_PROVIDERS=${OFFICEFLOW_DEMO_PROVIDERS:-google microsoft}

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

# The simulator that stands in for a provider's sign-in page.
demo_sim() { # demo_sim <provider>
  case $1 in
    google) echo google-sim ;;
    microsoft) echo graph-sim ;;
    *) die "unknown demo provider '$1' (OFFICEFLOW_DEMO_PROVIDERS: google, microsoft)" ;;
  esac
}

# Signs the demo user in (the dev login): DEMO_TOKEN and DEMO_USER_ID.
demo_session() {
  local user=$1 session
  session=$(api POST "$user/v1/dev/session" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$DEMO_EMAIL\"}")
  DEMO_TOKEN=$(json access_token <<<"$session")
  DEMO_USER_ID=$(json user_id <<<"$session")
}

# Connects one provider as the frontend and the browser would: the user service's start answers
# the provider's authorization URL, the simulator signs the login_hint in at once and redirects to
# the callback. Google and Microsoft take the same request and answer the same shape.
demo_connect() { # demo_connect <user service URL> <provider>
  # The cookie jar is the demo's browser: start sets officeflow_oauth, the callback must bring it
  # back (the user service completes an authorization only in the browser that started it).
  local user=$1 provider=$2 sim start authorize callback status jar="$STATE/demo-cookies.txt"
  sim=$(demo_sim "$provider")
  rm -f "$jar"
  start=$(api POST "$user/v1/integrations/$provider/start" -c "$jar" -b "$jar" \
    -H "Authorization: Bearer $DEMO_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"login_hint\":\"$DEMO_EMAIL\"}")
  authorize=$(json authorization_url <<<"$start")
  [[ -n $authorize ]] || die "POST $user/v1/integrations/$provider/start named no authorization_url"
  callback=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$authorize") ||
    die "$sim did not answer $authorize (log: $STATE/apps/$sim.log)"
  [[ -n $callback ]] || die "$sim did not redirect back from $authorize"
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$callback") ||
    die "the user service did not answer the OAuth callback (log: $STATE/apps/user.log)"
  [[ $status == 302 ]] || die "the $provider OAuth callback answered $status (log: $STATE/apps/user.log)"
  log "connected $DEMO_EMAIL (user $DEMO_USER_ID) to $provider through OAuth against $sim"
}

# Draws one provider's backfill until its job completes (or fails, which ends the demo).
demo_backfill() { # demo_backfill <office URL> <provider>
  local office=$1 provider=$2 token jobs job status percent published
  local deadline=$((SECONDS + DEMO_TIMEOUT)) last=-1
  # The demo is an operator (backfill control); the services accept its local token.
  token=${OFFICEFLOW_SECURITY_CALLERS_OPERATOR:-local-dev-operator-token}
  token=${token%%,*}
  while ((SECONDS < deadline)); do
    jobs=$(curl -sf "$office/internal/backfill?user_id=$DEMO_USER_ID" -H "Authorization: Bearer $token" || true)
    job=$(jq -c --arg p "$provider" '[.jobs[]? | select(.provider == $p)][0] // {}' <<<"${jobs:-{\}}" 2>/dev/null || true)
    status=$(json status <<<"${job:-{\}}" 2>/dev/null || true)
    percent=$(json progress.percent <<<"${job:-{\}}" 2>/dev/null || true)
    published=$(json progress.published <<<"${job:-{\}}" 2>/dev/null || true)
    if [[ -n $status ]]; then
      demo_bar "$provider" "${percent:-0}" "$status" "${published:-0}" "$last"
      last=${percent:-0}
      case $status in
        completed) echo; return 0 ;;
        failed | cancelled) echo; die "the $provider backfill $status: $(json error <<<"$job") (log: $STATE/apps/office.log)" ;;
      esac
    fi
    sleep 0.5
  done
  echo
  die "the $provider backfill did not finish within ${DEMO_TIMEOUT}s (log: $STATE/apps/office.log)"
}

demo_bar() { # demo_bar <provider> <percent> <status> <published> <last percent drawn>
  local width=40 filled
  filled=$(($2 * width / 100))
  if [[ -t 1 ]]; then
    printf '\r  %-9s backfill [%-*s] %3d%%  %-9s %6d events published' "$1" "$width" \
      "$(printf '%*s' "$filled" '' | tr ' ' '#')" "$2" "$3" "$4"
  elif (($2 / 10 != $5 / 10)) || [[ $3 == completed ]]; then
    printf '  %-9s backfill %3d%%  %-9s %6d events published\n' "$1" "$2" "$3" "$4"
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
      echo "Top VIP candidates for $DEMO_EMAIL (one list from $(demo_provider_names)):"
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
  local rank name domain score band interactions
  # shellcheck disable=SC2016 # $n is jq's, not the shell's
  jq -r 'def pad($n): if length < $n then . + " " * ($n - length) else . end;
    .candidates[]
    | [.rank, (if (.display_name // "") == "" then "(no name)" else .display_name end | pad(28)),
       (.domain // "" | pad(22)), .score, .band, (.counts.interactions // 0)]
    | map(tostring) | join("\u001f")' |
    while IFS=$'\x1f' read -r rank name domain score band interactions; do
      LC_NUMERIC=C printf '  %2d. %s %s score %.3f  (%s, %d interactions)\n' "$rank" "$name" \
        "$domain" "$score" "$band" "$interactions"
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
  local provider
  demo_session "$(app_url user)"
  for provider in $DEMO_PROVIDERS; do
    demo_connect "$(app_url user)" "$provider"
  done
  # The backfills run side by side in the office; each is drawn until it completed.
  for provider in $DEMO_PROVIDERS; do
    demo_backfill "$(app_url office)" "$provider"
  done
  demo_vips "$(app_url contacts)"
  demo_page_link "$(app_url user)" "$(app_url contacts)"
}

demo_provider_names() { # "Google and Microsoft", from DEMO_PROVIDERS
  local names
  names=$(sed -e 's/google/Google/' -e 's/microsoft/Microsoft/' -e 's/ / and /g' <<<"$DEMO_PROVIDERS")
  echo "$names"
}
