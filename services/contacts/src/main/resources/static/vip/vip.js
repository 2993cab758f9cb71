// The VIP onboarding page: reads the user's token from the URL fragment (#token=...), keeps it in
// sessionStorage, and talks to the contacts service's onboarding API with it. No framework, no
// build step. Everything the API returns is put on the page as text, never as HTML.
'use strict';

const API = '/onboarding/vips';
const TOKEN_KEY = 'officeflow.vip.token';
const MAX_VIPS = 20;               // the API's limit (officeflow.contacts.onboarding.max-selection)
const CANDIDATE_LIMIT = 50;
const POLL_MS = 2000;              // status refresh while the backfill runs

const state = {
  token: null,
  candidates: [],                  // as the API ranks them
  selection: [],                   // [{contact_hash, display_name, domain}] in rank order
  saved: [],
  pollTimer: null,
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
  stopPolling();
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
    'from the user service (POST /v1/sessions/google, or POST /v1/dev/session in a local run) and open this page with ' +
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
  not_connected: 'No mailbox is connected yet: connect Google first, then come back.',
  backfilling: 'Importing your recent mail and calendar… the ranking fills in as it goes.',
  ready: 'Your contacts are ranked. Pick up to 20 VIPs and put them in order.',
  selected: 'Your VIP list is saved. You can change it at any time.',
};

function renderStatus(status) {
  const summary = STEPS[status.step] || status.step;
  $('step').textContent = summary + ' (' + status.contacts + ' contacts ranked)';
  $('step').dataset.step = status.step;
  const backfill = status.backfill || {};
  const running = backfill.state === 'running';
  $('backfill').hidden = !(running || backfill.items_processed > 0);
  const bar = $('backfill-bar');
  if (backfill.items_total) {
    bar.max = backfill.items_total;
    bar.value = backfill.items_processed;
  } else if (running) {
    bar.removeAttribute('value'); // no total known: an indeterminate bar
  } else {
    bar.max = 1;
    bar.value = 1;
  }
  const total = backfill.items_total ? ' of ' + backfill.items_total : '';
  const label = running ? 'Backfill running: ' : 'Backfill done: ';
  $('backfill-text').textContent = label + backfill.items_processed + total + ' items processed';
  // Keep polling while mail still arrives, even when a list is already saved.
  return status.step === 'backfilling' || running;
}

function stopPolling() {
  if (state.pollTimer) {
    clearTimeout(state.pollTimer);
    state.pollTimer = null;
  }
}

async function refresh() {
  stopPolling();
  try {
    const [status, list] = await Promise.all([
      api(API + '/status'),
      api(API + '?limit=' + CANDIDATE_LIMIT),
    ]);
    state.candidates = list.candidates;
    const backfilling = renderStatus(status);
    renderCandidates();
    if (backfilling) {
      state.pollTimer = setTimeout(refresh, POLL_MS);
    }
  } catch (e) {
    showError(e);
  }
}

// ---- candidates -------------------------------------------------------------------------------

// What a button's label calls the person: unique enough even without a display name. A hash is
// v<key version>:<hex>; the hex tells contacts apart.
function nameOf(person) {
  const hex = person.contact_hash.slice(person.contact_hash.indexOf(':') + 1);
  return person.display_name ||
    'unnamed contact at ' + (person.domain || '?') + ' #' + hex.slice(0, 6);
}

function shownName(person) {
  return person.display_name || '(no name)';
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
  const domain = document.createElement('span');
  domain.className = 'domain';
  domain.textContent = c.domain || '';
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
  domain.textContent = person.domain || '';
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
    item.textContent = shownName(v) + (v.domain ? ' — ' + v.domain : '');
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
  try {
    await loadSelection();
    $('app').hidden = false;
    await refresh();
  } catch (e) {
    showError(e);
  }
}

document.addEventListener('DOMContentLoaded', start);
