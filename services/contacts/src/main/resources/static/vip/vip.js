// The VIP onboarding page: reads the user's token from the URL fragment (#token=...), keeps it in
// sessionStorage, and talks to the contacts service's onboarding API with it, to the user service
// for the mailboxes (list the integrations, start connecting Google or Microsoft), to the notifier
// for live updates (live.js) and to the search (search.js). No framework, no build step, and no
// polling: after the first read, the page reads again only when a live event says something
// changed. Everything an API returns is put on the page as text, never as HTML.
'use strict';

const API = '/onboarding/vips';
const TOKEN_KEY = 'officeflow.vip.token';
const MAX_VIPS = 20;               // the API's limit (officeflow.contacts.onboarding.max-selection)
const CANDIDATE_LIMIT = 50;
const RELOAD_SETTLE_MS = 500;      // candidates re-read this long after the last change told...
const RELOAD_MAX_WAIT_MS = 3000;   // ...but no later than this after the first, while they go on
const PROVIDERS = { google: 'Google', microsoft: 'Microsoft' };

const state = {
  token: null,
  candidates: [],                  // as the API ranks them
  selection: [],                   // [{contact_hash, display_name, address, domain}] in rank order
  saved: [],
  integrations: null,              // GET /v1/integrations' list; null until read (or unreadable)
  integrationsError: null,
  status: null,                    // the last GET /onboarding/vips/status
  jobs: {},                        // provider -> its latest backfill job's latest progress report
  live: null,                      // the LiveStream (live.js)
  reload: { timer: null, first: 0 },
};

const $ = (id) => document.getElementById(id);

class AuthError extends Error {}

// A refusal of the API: its status, its stable code (branch on that, never on the text) and its
// detail, the sentence shown to the user.
class ApiError extends Error {
  constructor(status, code, detail, offending) {
    super(detail);
    this.status = status;
    this.code = code;
    this.offending = offending || [];
  }
}

// ---- token ------------------------------------------------------------------------------------

// Takes #token=... from the address, stores it for this tab and removes it from the address bar
// (and so from the history and from any link the user copies).
function takeToken() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

// The token's claims, for display only: the server checks the signature.
function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch (e) {
    return null;
  }
}

function showAuthProblem(detail) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  if (state.live) state.live.stop();
  $('app').hidden = true;
  $('error').hidden = true;
  const box = $('auth-message');
  box.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = detail
    ? 'Your sign-in token was refused: it is expired or not valid.'
    : 'You are not signed in: this page needs a sign-in token.';
  const why = document.createElement('p');
  why.textContent = detail ? 'The server said: ' + detail : 'No token was given in the link.';
  const how = document.createElement('p');
  how.textContent = 'Open the link that ./dev up prints (it ends with #token=…), or get a token ' +
    'from the user service (POST /v1/sessions/google or /v1/sessions/microsoft, or POST /v1/dev/session in a local run) and open this page with ' +
    '#token=<access_token>. Tokens last 15 minutes.';
  box.append(title, why, how);
  box.hidden = false;
  $('session').textContent = '';
}

function showSession(token) {
  const c = claims(token);
  if (!c) {
    $('session').textContent = '';
    return;
  }
  const until = c.exp ? ' · token valid until ' + new Date(c.exp * 1000).toLocaleTimeString() : '';
  $('session').textContent = 'Signed in as user ' + c.sub + until;
}

// ---- API --------------------------------------------------------------------------------------

// Every error of the API is an RFC 9457 problem (application/problem+json):
// {"type", "title", "status", "detail", "instance", "code", ...extra members such as "offending"}.
async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { ...(options.headers || {}), Authorization: 'Bearer ' + state.token },
      cache: 'no-store',
    });
  } catch (e) {
    const detail = 'could not reach the contacts service (' + e.message + ')';
    throw new ApiError(0, 'unreachable', detail);
  }
  const body = await response.json().catch(() => null);
  if (response.ok) {
    return body;
  }
  const problem = body || {};
  // A proxy in between may answer without a problem: fall back on the status.
  const code = problem.code || (response.status === 401 ? 'unauthorized' : 'http_' + response.status);
  const detail = problem.detail || response.status + ' ' + response.statusText;
  if (code === 'unauthorized') {
    throw new AuthError(detail);
  }
  throw new ApiError(response.status, code, detail, problem.offending);
}

function showError(error) {
  if (error instanceof AuthError) {
    showAuthProblem(error.message);
    return;
  }
  const box = $('error');
  box.textContent = (error.status ? 'The server refused (' + error.status + '): ' : 'Error: ') +
    error.message;
  box.hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

// ---- status and backfill ----------------------------------------------------------------------

const STEPS = {
  not_connected: 'No mailbox is connected yet: connect Google or Microsoft above.',
  starting: 'A mailbox is connected: waiting for its import to start.',
  backfilling: 'Importing your recent mail and calendar… the ranking fills in as it goes.',
  failed: 'The import failed before any contact was ranked: see why below.',
  ready: 'Your contacts are ranked. Pick up to 20 VIPs and put them in order.',
  selected: 'Your VIP list is saved. You can change it at any time.',
};

function renderStatus(status) {
  state.status = status;
  if (status.job) {
    // The status holds the latest job as the contacts service last heard of it: a starting point
    // that a newer report from the stream replaces (and an older one does not).
    const j = status.job;
    mergeProgress({
      job_id: j.job_id, provider: j.provider, state: j.state, phase: j.phase, percent: j.percent,
      sequence: j.sequence, last_updated: j.measured_at,
    });
  }
  renderStep();
}

// The step from the latest jobs' own reports (state per provider) and the contacts service's own
// counts (connected, contacts ranked, VIPs saved). The status's step is not used: without a job it
// says "backfilling" while mail arrived within a quiet period, a guess the reports make needless.
function currentStep(status) {
  if (status.selection_size > 0) return 'selected';
  const jobs = Object.values(state.jobs);
  if (jobs.some((j) => j.state === 'running' || j.state === 'retrying')) return 'backfilling';
  if (status.contacts > 0) return 'ready';
  if (jobs.some((j) => j.state === 'failed')) return 'failed';
  if (jobs.length > 0) return 'ready';
  return status.connected ? 'starting' : 'not_connected';
}

function renderStep() {
  const status = state.status;
  if (!status) return;
  const step = currentStep(status);
  // A failed import leaves a ranking of what it read before the failure: say so.
  const partial = step === 'ready' && Object.values(state.jobs).some((j) => j.state === 'failed')
    ? ' The ranking rests on what was imported before the import failed.'
    : '';
  $('step').textContent = (STEPS[step] || step) + ' (' + status.contacts + ' contacts ranked)' +
    partial;
  $('step').dataset.step = step;
}

// Keeps the newest report per provider: Pub/Sub may deliver a job's reports out of order, so a
// report of the same job counts only with a higher sequence; another job's only if not older.
function mergeProgress(report) {
  if (!report || !PROVIDERS[report.provider]) return false;
  const known = state.jobs[report.provider];
  if (known) {
    if (known.job_id === report.job_id && Number(report.sequence) <= Number(known.sequence)) {
      return false;
    }
    if (known.job_id !== report.job_id &&
        Date.parse(report.last_updated) < Date.parse(known.last_updated)) {
      return false;
    }
  }
  state.jobs[report.provider] = { ...(known && known.job_id === report.job_id ? known : {}), ...report };
  return true;
}

function count(n) {
  return Number(n || 0).toLocaleString('en');
}

// One provider's backfill in words: phase, counts, percent; or its failure with the reason.
function progressText(job) {
  const who = PROVIDERS[job.provider];
  const phase = job.phase && job.phase !== 'done' ? ' (' + job.phase + ')' : '';
  const items = job.processed !== undefined
    ? count(job.processed) + (job.estimate && job.state !== 'completed'
      ? ' of about ' + count(job.estimate) : '') + ' items'
    : null;
  switch (job.state) {
    case 'failed':
      return who + ': import failed' + (job.error ? ': ' + job.error : '') +
        (items ? ' after ' + items : '');
    case 'completed':
      return who + ': import done' + (items ? ', ' + items : '');
    case 'retrying':
      return who + ': import waiting to retry' + phase + (job.error ? ': ' + job.error : '') +
        ' · ' + job.percent + '%';
    default:
      return who + ': importing' + phase + (items ? ': ' + items : '') + ' · ' + job.percent + '%';
  }
}

function renderProgress() {
  const list = $('backfill');
  const rows = Object.keys(PROVIDERS).filter((p) => state.jobs[p]).map((provider) => {
    const job = state.jobs[provider];
    const row = document.createElement('li');
    row.className = 'job';
    row.dataset.provider = provider;
    row.dataset.state = job.state;
    row.dataset.percent = String(job.percent);
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = job.state === 'completed' ? 100 : Number(job.percent) || 0;
    const text = document.createElement('span');
    text.className = 'job-text';
    text.textContent = progressText(job);
    bar.setAttribute('aria-label', text.textContent);
    row.append(bar, text);
    return row;
  });
  list.replaceChildren(...rows);
  list.hidden = rows.length === 0;
}

async function refresh() {
  try {
    const [status, list] = await Promise.all([
      api(API + '/status'),
      api(API + '?limit=' + CANDIDATE_LIMIT),
    ]);
    state.candidates = list.candidates;
    renderStatus(status);
    renderProgress();
    renderIntegrations();
    renderCandidates();
  } catch (e) {
    showError(e);
  }
}

// ---- live events ------------------------------------------------------------------------------

// Re-reads the candidates once the changes told stop for a moment, and at least every few
// seconds while they go on (a backfill tells them every second): driven by events, not a clock.
function candidatesChanged() {
  const reload = state.reload;
  const now = Date.now();
  if (!reload.timer) reload.first = now;
  clearTimeout(reload.timer);
  const wait = Math.max(0, Math.min(RELOAD_SETTLE_MS, reload.first + RELOAD_MAX_WAIT_MS - now));
  reload.timer = setTimeout(() => {
    reload.timer = null;
    refresh();
  }, wait);
}

function onLiveEvent(type, data) {
  switch (type) {
    case 'progress':
      if (mergeProgress(data)) {
        renderProgress();
        renderIntegrations();
        renderStep();
        // A job that ended changes the step (and the candidates rest on the whole window now).
        if (data.state === 'completed' || data.state === 'failed') candidatesChanged();
      }
      break;
    case 'vip_candidates':
      candidatesChanged();
      break;
    case 'integration':
      integrationChanged(data);
      break;
    case 'resync':
      // Events were missed (the buffer moved on): read everything once, then follow the stream.
      candidatesChanged();
      loadIntegrations();
      break;
    default:
      break; // item, items: nothing on this page shows mail or calendar items
  }
}

function showLive(liveState, detail) {
  const box = $('live');
  box.dataset.state = liveState;
  box.replaceChildren();
  const text = {
    connecting: 'Connecting to live updates…',
    live: 'Live: this page updates as your data changes.',
    reconnecting: 'Live updates interrupted, reconnecting…' + (detail ? ' (' + detail + ')' : ''),
    off: 'Live updates are off' + (detail ? ': ' + detail : '') +
      '. Reload the page or reconnect to see changes.',
  }[liveState];
  box.append(text);
  if (liveState === 'off') {
    const again = document.createElement('button');
    again.type = 'button';
    again.id = 'live-reconnect';
    again.textContent = 'Reconnect';
    again.addEventListener('click', () => {
      state.live.start();
      refresh();
      loadIntegrations();
    });
    box.append(' ', again);
  }
}

// ---- mailboxes (the user service) -------------------------------------------------------------

// The user service: this origin behind one ingress; in a local run (./dev up: contacts on 8083,
// the user service on 8081, which allows this page's origin with credentials) its own port.
function userService() {
  return location.port === '8083' ? location.protocol + '//' + location.hostname + ':8081' : '';
}

// A call to the user service with the same token. Its refusals stay in the mailboxes card: only
// the contacts API decides whether the page is signed in. Cookies go along, because starting to
// connect sets the one that binds the authorization to this browser.
async function userApi(path, options = {}) {
  let response;
  try {
    response = await fetch(userService() + path, {
      ...options,
      headers: { ...(options.headers || {}), Authorization: 'Bearer ' + state.token },
      credentials: 'include',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'unreachable', 'could not reach the user service (' + e.message + ')');
  }
  const body = await response.json().catch(() => null);
  if (response.ok) {
    return body;
  }
  const problem = body || {};
  throw new ApiError(response.status, problem.code || 'http_' + response.status,
    problem.detail || response.status + ' ' + response.statusText);
}

// Read once at the start (and again after a resync); changes then come as integration events.
async function loadIntegrations() {
  try {
    const body = await userApi('/v1/integrations');
    state.integrations = body.integrations || [];
    state.integrationsError = null;
  } catch (e) {
    state.integrations = null;
    state.integrationsError = e.message;
  }
  renderIntegrations();
}

// One provider's state: not connected, connected, backfill running, or failed with the reason.
function providerState(provider) {
  if (!state.integrations) {
    return { state: 'unknown', text: 'State unknown: ' + (state.integrationsError || 'loading…') };
  }
  const integration = state.integrations.find((i) => i.provider === provider);
  if (!integration) {
    return { state: 'not_connected', text: 'Not connected' };
  }
  if (integration.status !== 'active') {
    return {
      state: 'failed',
      text: 'Failed (' + integration.status + '): ' +
        (integration.error_message || 'the connection no longer works') + '. Connect again.',
    };
  }
  const account = 'Connected as ' + (integration.account_email || '?');
  const job = state.jobs[provider];
  if (job && (job.state === 'running' || job.state === 'retrying')) {
    return {
      state: 'backfilling',
      text: account + ' · import ' + (job.state === 'retrying' ? 'retrying' : 'running') +
        ' (' + job.percent + '%)',
    };
  }
  if (job && job.state === 'failed') {
    return {
      state: 'failed',
      text: account + ' · import failed' + (job.error ? ': ' + job.error : ''),
    };
  }
  const synced = integration.last_sync_at
    ? ' · last synced ' + new Date(integration.last_sync_at).toLocaleString()
    : '';
  return { state: 'connected', text: account + synced };
}

function renderIntegrations() {
  for (const provider of Object.keys(PROVIDERS)) {
    const shown = providerState(provider);
    const label = $('state-' + provider);
    label.textContent = shown.text;
    label.dataset.state = shown.state;
  }
}

// An integration event: the one integration's new status, put in the list the page holds; one
// the page does not know yet (just connected) makes it read the list once.
function integrationChanged(event) {
  const known = state.integrations &&
    state.integrations.find((i) => i.provider === event.provider);
  if (!known) {
    loadIntegrations();
    return;
  }
  known.status = event.status;
  known.error_message = event.error_message || null;
  renderIntegrations();
}

async function connect(provider) {
  clearError();
  try {
    const started = await userApi('/v1/integrations/' + provider + '/start', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    const url = new URL(started.authorization_url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ApiError(0, 'invalid_authorization_url', 'the authorization URL is not a web page');
    }
    location.assign(url.href);
  } catch (e) {
    showError(e);
  }
}

// Back from a provider: ?integration=<provider>&status=active. Said once, then taken out of the
// address bar so a reload does not say it again.
function showConnectResult() {
  const params = new URLSearchParams(location.search);
  const provider = params.get('integration');
  if (!provider || !PROVIDERS[provider]) {
    return;
  }
  const box = $('connect-result');
  box.textContent = params.get('status') === 'active'
    ? PROVIDERS[provider] + ' is connected: officeflow is importing your mail and calendar.'
    : PROVIDERS[provider] + ': ' + params.get('status');
  box.hidden = false;
  history.replaceState(null, '', location.pathname);
}

// ---- candidates -------------------------------------------------------------------------------

// What a button's label calls the person: unique enough even without a name or address. A hash
// is v<key version>:<hex>; the hex tells contacts apart.
function nameOf(person) {
  const hex = person.contact_hash.slice(person.contact_hash.indexOf(':') + 1);
  return person.display_name || person.address ||
    'unnamed contact at ' + (person.domain || '?') + ' #' + hex.slice(0, 6);
}

// Who the person is, as recognisably as the API can say: the display name, else the address
// (decrypted for this user by the contacts service), else only the domain, labelled as such.
function shownName(person) {
  if (person.display_name) return person.display_name;
  if (person.address) return person.address;
  return 'Unnamed contact at ' + (person.domain || 'an unknown domain');
}

function shownBy(person) {
  if (person.display_name) return 'name';
  return person.address ? 'address' : 'domain';
}

// What goes beside the name: the address when the name is shown, else the domain.
function secondLine(person) {
  if (person.display_name) return person.address || person.domain || '';
  return person.address ? '' : person.domain || '';
}

function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

function daysAgo(iso) {
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86400000);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : days + ' days ago';
}

// A short "why" from the score's factors and the counts behind them.
function why(c) {
  const f = c.factors || {};
  const n = c.counts || {};
  const parts = [];
  const strongest = [
    ['meetings', f.meetings || 0],
    ['mail you send', f.email_sent || 0],
    ['mail you receive', f.email_received || 0],
    ['threads you share', f.email_shared || 0],
  ].sort((a, b) => b[1] - a[1])[0];
  if (strongest[1] > 0) parts.push('Mostly ' + strongest[0]);
  const counts = [];
  if (n.emails_sent) counts.push(plural(n.emails_sent, 'email') + ' sent');
  if (n.emails_received) counts.push(n.emails_received + ' received');
  if (n.meetings) {
    counts.push(plural(n.meetings, 'meeting') + (n.small_meetings ? ' (' + n.small_meetings + ' small)' : ''));
  }
  if (counts.length) parts.push(counts.join(', '));
  parts.push(f.two_way ? 'replies go both ways' : 'one-way only (ranked lower)');
  if (c.last_seen) parts.push('last contact ' + daysAgo(c.last_seen));
  return parts.join(' · ');
}

function isSelected(hash) {
  return state.selection.some((v) => v.contact_hash === hash);
}

function renderCandidates() {
  const list = $('candidates');
  list.replaceChildren(...state.candidates.map(candidateItem));
  $('candidates-empty').hidden = state.candidates.length > 0;
}

function candidateItem(c) {
  const item = document.createElement('li');
  item.className = 'candidate';
  item.dataset.hash = c.contact_hash;
  const selected = isSelected(c.contact_hash);
  item.classList.toggle('is-selected', selected);

  const text = document.createElement('div');
  text.className = 'who';
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = shownName(c);
  name.dataset.shownBy = shownBy(c);
  const domain = document.createElement('span');
  domain.className = 'domain';
  domain.textContent = secondLine(c);
  const reason = document.createElement('p');
  reason.className = 'why';
  reason.textContent = why(c);
  text.append(name, ' ', domain, reason);

  const band = document.createElement('span');
  band.className = 'band band-' + c.band;
  band.textContent = c.band;
  band.title = 'score ' + Number(c.score).toFixed(3);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle';
  button.setAttribute('aria-pressed', String(selected));
  button.textContent = selected ? 'Added ✓' : 'Add';
  button.setAttribute('aria-label', (selected ? 'Remove ' : 'Add ') + nameOf(c) +
    (selected ? ' from VIPs' : ' to VIPs'));
  button.addEventListener('click', () => toggle(c));

  item.append(text, band, button);
  return item;
}

// ---- the selection ----------------------------------------------------------------------------

function toggle(c) {
  if (isSelected(c.contact_hash)) {
    state.selection = state.selection.filter((v) => v.contact_hash !== c.contact_hash);
    hideLimit();
  } else if (state.selection.length >= MAX_VIPS) {
    showLimit();
    return;
  } else {
    state.selection.push({
      contact_hash: c.contact_hash,
      display_name: c.display_name,
      address: c.address,
      domain: c.domain,
    });
  }
  changed();
}

function showLimit() {
  const box = $('limit');
  box.textContent = 'You can choose at most ' + MAX_VIPS + ' VIPs. Remove someone before adding another.';
  box.hidden = false;
}

function hideLimit() {
  $('limit').hidden = true;
}

function move(index, delta) {
  const target = index + delta;
  if (target < 0 || target >= state.selection.length) return;
  const [person] = state.selection.splice(index, 1);
  state.selection.splice(target, 0, person);
  changed();
  // Keep the keyboard where it was: on the same person's same button.
  const buttons = $('selection').children[target].querySelectorAll('button');
  const [up, down] = buttons;
  const again = delta < 0 ? up : down;
  (again.disabled ? (again === up ? down : up) : again).focus();
}

function changed() {
  $('save-status').textContent = unsavedChanges() ? 'Unsaved changes' : '';
  renderSelection();
  renderCandidates();
}

function unsavedChanges() {
  const now = state.selection.map((v) => v.contact_hash).join();
  return now !== state.saved.map((v) => v.contact_hash).join();
}

function renderSelection() {
  const list = $('selection');
  list.replaceChildren(...state.selection.map(selectedItem));
  $('selection-empty').hidden = state.selection.length > 0;
  $('selection-count').textContent = '(' + state.selection.length + ' of ' + MAX_VIPS + ')';
}

function selectedItem(person, index) {
  const item = document.createElement('li');
  item.className = 'vip';
  item.dataset.hash = person.contact_hash;
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = shownName(person);
  const domain = document.createElement('span');
  domain.className = 'domain';
  domain.textContent = secondLine(person);
  const who = document.createElement('div');
  who.className = 'who';
  who.append(name, ' ', domain);
  const up = control('↑', 'Move ' + nameOf(person) + ' up', () => move(index, -1));
  up.disabled = index === 0;
  const down = control('↓', 'Move ' + nameOf(person) + ' down', () => move(index, 1));
  down.disabled = index === state.selection.length - 1;
  const remove = control('✕', 'Remove ' + nameOf(person) + ' from VIPs', () => toggle(person));
  item.append(who, up, down, remove);
  return item;
}

function control(symbol, label, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'control';
  button.textContent = symbol;
  button.setAttribute('aria-label', label);
  button.title = label;
  button.addEventListener('click', action);
  return button;
}

function renderSaved() {
  const list = $('saved');
  list.replaceChildren(...state.saved.map((v) => {
    const item = document.createElement('li');
    item.dataset.hash = v.contact_hash;
    const second = secondLine(v);
    item.textContent = shownName(v) + (second ? ' — ' + second : '');
    return item;
  }));
  $('saved-empty').hidden = state.saved.length > 0;
}

async function loadSelection() {
  const body = await api(API + '/selection');
  state.saved = body.vips;
  state.selection = body.vips.map((v) => ({ ...v }));
  renderSaved();
  renderSelection();
}

async function save() {
  clearError();
  const button = $('save');
  button.disabled = true;
  $('save-status').textContent = 'Saving…';
  try {
    const body = await api(API + '/selection', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ contact_hashes: state.selection.map((v) => v.contact_hash) }),
    });
    state.saved = body.vips;
    renderSaved();
    $('save-status').textContent = 'Saved ' + plural(body.vips.length, 'VIP') + ' at ' +
      new Date().toLocaleTimeString();
    await refresh();
  } catch (e) {
    $('save-status').textContent = 'Not saved';
    showError(e);
  } finally {
    button.disabled = false;
  }
}

// ---- start ------------------------------------------------------------------------------------

async function start() {
  state.token = takeToken();
  if (!state.token) {
    showAuthProblem(null);
    return;
  }
  showSession(state.token);
  $('save').addEventListener('click', save);
  for (const provider of Object.keys(PROVIDERS)) {
    $('connect-' + provider).addEventListener('click', () => connect(provider));
  }
  showConnectResult();
  new SearchBox(() => state.token).attach();
  try {
    await loadSelection();
    $('app').hidden = false;
    // The stream opens before the first read, so nothing that changes in between goes untold.
    state.live = new LiveStream(() => state.token, onLiveEvent, showLive);
    state.live.start();
    await Promise.all([refresh(), loadIntegrations()]);
  } catch (e) {
    showError(e);
  }
}

document.addEventListener('DOMContentLoaded', start);
