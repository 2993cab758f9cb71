// Drives the VIP onboarding page in headless Chromium (Debian's, through playwright-core):
//   node vip-page.mjs <baseUrl> <token> <screenshotDir>
// The contacts service must run at <baseUrl> with at least 21 ranked candidates for the user of
// <token> and no saved selection. Prints "ok - <check>" per check and "VIP PAGE OK" at the end;
// exits 1 with "FAIL - <check>: <reason>" (and failure.png) on the first failed check.
// Only the contacts service runs here: the notifier's and the search's answers are stubbed in the
// browser (page.route) where a check needs them, to drive the page through exact sequences (an
// expired ticket, a failure reason shaped like markup); system-tests' VipPageLiveSystemIT runs the
// page against the real ones.
// CHROMIUM overrides the browser binary (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const [baseUrl, token, screenshotDir] = process.argv.slice(2);
if (!baseUrl || !token || !screenshotDir) {
  console.error('usage: node vip-page.mjs <baseUrl> <token> <screenshotDir>');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const pageUrl = baseUrl.replace(/\/$/, '') + '/vip/index.html';
// Without the background-networking switches Chromium keeps calling Google's hosts, which this
// machine's closed network refuses.
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

mkdirSync(screenshotDir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'vip-page-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath, headless: true, args, viewport: { width: 1280, height: 900 },
});
context.setDefaultTimeout(15000);
let page = context.pages()[0] ?? (await context.newPage());
let current = 'start';
let checks = 0;
// Every request the first tab makes, for the check that nothing is asked on a timer.
const requests = [];
page.on('request', (r) => requests.push({ at: Date.now(), method: r.method(), url: r.url() }));

async function check(name, body) {
  current = name;
  await body();
  checks += 1;
  console.log('ok - ' + name);
}

const shot = (name) => page.screenshot({ path: join(screenshotDir, name), fullPage: true });
const names = (list) => page.locator(list + ' > li .name').allTextContents();
const savedNames = async () => (await page.locator('#saved > li').allTextContents()).map((t) => t.split(' — ')[0]);
const addButton = (name) => page.getByRole('button', { name: 'Add ' + name + ' to VIPs', exact: true });

async function until(condition, what) {
  for (const end = Date.now() + 10000; !condition(); ) {
    if (Date.now() > end) throw new Error('waited 10 s for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sse(lines) {
  return lines.join('\n') + '\n\n';
}

function event(id, type, data) {
  return '\nid: ' + id + '\nevent: ' + type + '\ndata: ' + JSON.stringify(data);
}

function progress(sequence, state, percent, extra) {
  return { job_id: 'job-1', sequence, provider: 'google', state, phase: 'mail', percent,
    last_updated: '2026-12-07T10:00:00Z', ...extra };
}

function hit(type, title, titlePieces, snippetPieces, details) {
  const piece = ([text, match]) => ({ text, match });
  const highlights = { title: titlePieces.map(piece) };
  if (snippetPieces.length) highlights.snippet = snippetPieces.map(piece);
  return { type, id: 'google_' + title.length, provider: 'google', provider_id: 'x', relevance: 1,
    title, highlights, last_updated: 0, details };
}

try {
  let top;

  await check('the page loads the ranked candidates with the token from the link, and offers both mailboxes', async () => {
    await page.goto(pageUrl + '#token=' + encodeURIComponent(token));
    await page.locator('#candidates > li').nth(20).waitFor();
    const first = page.locator('#candidates > li').first();
    assert.notEqual((await first.locator('.name').textContent()).trim(), '');
    assert.match(await first.locator('.domain').textContent(), /\./);
    assert.match(await first.locator('.why').textContent(), /both ways/);
    assert.match(await page.locator('#step').textContent(), /contacts ranked/);
    // Ranked contacts and no job running: ready, though the mail arrived a moment ago (the status
    // would guess "backfilling" from that for a quiet period).
    assert.equal(await page.locator('#step').getAttribute('data-step'), 'ready');
    top = (await page.locator('#candidates > li .name').allTextContents()).slice(0, 3);
    // Counted with this check (VipPageBrowserIT pins the number): the mailboxes card offers
    // both providers, each with its state. Only the contacts service runs here, so the user
    // service's list is unreachable, which the card says without taking the page's error box.
    await page.getByRole('button', { name: 'Connect Google', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Connect Microsoft', exact: true }).waitFor();
    for (const provider of ['google', 'microsoft']) {
      await page.waitForFunction((id) => document.getElementById(id).dataset.state, 'state-' + provider);
      assert.notEqual((await page.locator('#state-' + provider).textContent()).trim(), '');
    }
    assert.equal(await page.locator('#error').isHidden(), true);
    // No notifier behind this origin: the page says live updates are off, and goes on without.
    await page.locator('#live[data-state="off"]').waitFor();
    // Every candidate says who it is: a name, else an address; never only a domain.
    const shownBy = await page.locator('#candidates > li .name').evaluateAll(
      (names) => names.map((n) => n.dataset.shownBy));
    assert.deepEqual(shownBy.filter((b) => b !== 'name' && b !== 'address'), []);
  });

  await check('nothing is asked again on a timer once the page has loaded', async () => {
    const loaded = Date.now();
    // A window longer than the old 2 s polling period, and than the live retry's first waits.
    await page.waitForTimeout(5000);
    const later = requests.filter((r) => r.at >= loaded);
    assert.deepEqual(later.map((r) => r.method + ' ' + r.url), []);
  });

  await check('the token is taken out of the address bar', async () => {
    assert.equal(new URL(page.url()).hash, '');
  });
  await shot('1-loaded.png');

  await check("saving an empty list shows the API's 400 message", async () => {
    await page.getByRole('button', { name: 'Save VIP list' }).click();
    const error = page.locator('#error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /\(400\): contact_hashes must name at least one contact/);
  });

  await check('three candidates picked appear in the order picked', async () => {
    for (const name of top) await addButton(name).click();
    assert.deepEqual(await names('#selection'), top);
  });

  await check('up and down buttons reorder the picks', async () => {
    await page.getByRole('button', { name: 'Move ' + top[2] + ' up' }).click();
    await page.getByRole('button', { name: 'Move ' + top[0] + ' down' }).click();
    assert.deepEqual(await names('#selection'), [top[2], top[0], top[1]]);
  });
  await shot('2-reordered.png');

  await check('saving stores the list in that order', async () => {
    await page.getByRole('button', { name: 'Save VIP list' }).click();
    await page.locator('#save-status', { hasText: 'Saved 3 VIPs' }).waitFor();
    assert.deepEqual(await savedNames(), [top[2], top[0], top[1]]);
  });

  await check('after a reload the saved order is shown', async () => {
    await page.reload();
    await page.locator('#saved > li').nth(2).waitFor();
    assert.deepEqual(await savedNames(), [top[2], top[0], top[1]]);
    assert.deepEqual(await names('#selection'), [top[2], top[0], top[1]]);
    await page.locator('#step[data-step="selected"]').waitFor();
  });
  await shot('3-after-reload.png');

  await check('a 21st pick is refused with the limit message', async () => {
    const all = await page.locator('#candidates > li .name').allTextContents();
    const rest = all.filter((n) => !top.includes(n));
    for (const name of rest.slice(0, 17)) await addButton(name).click();
    assert.equal(await page.locator('#selection > li').count(), 20);
    await addButton(rest[17]).click();
    const limit = page.locator('#limit');
    await limit.waitFor({ state: 'visible' });
    assert.match(await limit.textContent(), /at most 20 VIPs/);
    assert.equal(await page.locator('#selection > li').count(), 20);
  });
  await shot('4-limit.png');

  await check('live events: progress per provider, a failure with its reason as text, the step from the job, candidates re-read once, a new ticket after expiry resumes', async () => {
    const live = await context.newPage();
    const tickets = [];
    const streams = [];
    const lists = [];
    live.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === '/onboarding/vips') lists.push(r.url());
    });
    let release;
    const failureMayCome = new Promise((resolve) => { release = resolve; });
    await live.route('**/v1/stream-tickets', (route) => {
      tickets.push(route.request().headers().authorization);
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({ ticket: 'ticket-' + tickets.length, expires_in_seconds: 60 }),
      });
    });
    await live.route('**/v1/stream?**', async (route) => {
      const query = new URL(route.request().url()).searchParams;
      streams.push({ ticket: query.get('ticket'), lastEventId: query.get('last_event_id') });
      if (streams.length === 1) {
        // Two events, then the connection ends: EventSource comes back with the same ticket.
        await route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse([
          'retry: 100',
          event('1-0', 'progress', progress(3, 'running', 40, { processed: 400, estimate: 1000 })),
          event('2-0', 'vip_candidates', { counts: { contact: { update: 12 } } }),
        ]) });
      } else if (streams.length === 2) {
        // The ticket expired: 401, EventSource gives up, the page gets a new ticket.
        await route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{}' });
      } else {
        await failureMayCome;
        await route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse([
          'retry: 3600000',
          // Older than what the page has: ignored (Pub/Sub may reorder).
          event('3-0', 'progress', progress(2, 'running', 20, { processed: 200 })),
          event('4-0', 'progress', progress(4, 'failed', 40, {
            processed: 400, error: '<img src=x onerror="document.title=1">integration_revoked',
          })),
        ]) });
      }
    });
    // The status as the contacts service words it, for a user with no list saved yet, while mail
    // arrived within its quiet period: "backfilling", a guess; the page takes the step from the
    // job's reports instead.
    await live.route('**/onboarding/vips/status', async (route) => {
      const response = await route.fetch();
      const status = await response.json();
      route.fulfill({ response, json: { ...status, step: 'backfilling', selection_size: 0 } });
    });
    await live.goto(pageUrl + '#token=' + encodeURIComponent(token));
    const google = live.locator('#backfill > li[data-provider="google"]');
    await live.locator('#backfill > li[data-provider="google"][data-state="running"]').waitFor();
    assert.equal(await google.getAttribute('data-percent'), '40');
    assert.match(await google.textContent(), /Google: importing \(mail\): 400 of about 1,000 items · 40%/);
    await live.locator('#step[data-step="backfilling"]').waitFor({ timeout: 2000 });
    await live.locator('#live[data-state="live"], #live[data-state="reconnecting"]').waitFor();
    release();
    await live.locator('#backfill > li[data-provider="google"][data-state="failed"]').waitFor();
    const text = await google.textContent();
    assert.match(text, /import failed: <img src=x onerror="document.title=1">integration_revoked/);
    // The job ended: ready at once, on what was imported before the failure, whatever the status
    // says (it is read again after the end, and still says "backfilling").
    await live.locator('#step[data-step="ready"]').waitFor({ timeout: 2000 });
    assert.match(await live.locator('#step').textContent(), /before the import failed/);
    assert.equal(await live.locator('#backfill img').count(), 0);
    assert.notEqual(await live.title(), '1');
    assert.equal(streams.length, 3);
    assert.deepEqual(streams.map((s) => s.ticket), ['ticket-1', 'ticket-1', 'ticket-2']);
    assert.deepEqual(streams.map((s) => s.lastEventId), [null, null, '2-0']);
    assert.ok(tickets.every((h) => h === 'Bearer ' + token), 'tickets are asked for with the JWT');
    // The first read, then one re-read for the candidates told changed and one when the job ended
    // (one for both when they come close together): no more.
    await until(() => lists.length >= 2, 'a re-read of the candidates');
    await live.waitForTimeout(1500); // longer than the re-read's wait: any extra read shows now
    assert.ok(lists.length <= 3, 'candidate reads: ' + lists.length);
    // The stub's last answer ended (EventSource waits its hour-long retry): never given up.
    assert.notEqual(await live.locator('#live').getAttribute('data-state'), 'off');
    await live.close();
  });

  await check("with no job reported, the step comes from the counts, never the status's quiet-period guess", async () => {
    const steps = [];
    for (const counts of [{ contacts: 24, connected: true }, { contacts: 0, connected: true },
      { contacts: 0, connected: false }]) {
      const tab = await context.newPage();
      // No notifier here, so no report: the status alone, saying "backfilling" as the contacts
      // service does while mail arrived within its quiet period.
      await tab.route('**/onboarding/vips/status', async (route) => {
        const response = await route.fetch();
        const status = await response.json();
        route.fulfill({ response, json: { ...status, step: 'backfilling', selection_size: 0,
          job: null, ...counts } });
      });
      await tab.goto(pageUrl + '#token=' + encodeURIComponent(token));
      await tab.locator('#step[data-step]').waitFor();
      steps.push(await tab.locator('#step').getAttribute('data-step'));
      await tab.close();
    }
    assert.deepEqual(steps, ['ready', 'starting', 'not_connected']);
  });

  await check('the search box shows typed hits with their highlights as text, and pages with the cursor', async () => {
    const searching = await context.newPage();
    const asked = [];
    await searching.route('**/v1/search?**', (route) => {
      const query = new URL(route.request().url()).searchParams;
      asked.push({ q: query.get('q'), types: query.get('types'), cursor: query.get('cursor'),
        auth: route.request().headers().authorization });
      const first = !query.get('cursor');
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({
        total: 3,
        next_cursor: first ? 'cursor-2' : null,
        hits: first ? [
          hit('email', 'Quarterly <b>plan</b>', [['Quarterly ', false], ['<b>plan</b>', true]],
            [['… the ', false], ['plan', true], ['<script>document.title=2</script>', false]],
            { from: 'ann@example.com' }),
          hit('calendar', 'Plan review', [['Plan', true], [' review', false]], [], {}),
        ] : [hit('contact', 'Planner Pat', [['Planner', true], [' Pat', false]], [],
          { email_addresses: ['pat@example.com'] })],
      }) });
    });
    await searching.goto(pageUrl + '#token=' + encodeURIComponent(token));
    await searching.locator('#search-q').fill('plan "where" ;');
    await searching.locator('#search-types').selectOption('email');
    await searching.getByRole('button', { name: 'Search', exact: true }).click();
    await searching.locator('#search-results > li').nth(1).waitFor();
    const first = searching.locator('#search-results > li').first();
    assert.equal(await first.getAttribute('data-type'), 'email');
    assert.equal(await first.locator('.hit-title').textContent(), 'Quarterly <b>plan</b>');
    assert.deepEqual(await first.locator('mark').allTextContents(), ['<b>plan</b>', 'plan']);
    assert.equal(await searching.locator('#search-results b, #search-results script').count(), 0);
    assert.match(await first.locator('.hit-snippet').textContent(), /<script>document.title=2<\/script>/);
    assert.notEqual(await searching.title(), '2');
    await searching.getByRole('button', { name: 'More results' }).click();
    await searching.locator('#search-results > li').nth(2).waitFor();
    assert.equal(await searching.locator('#search-more').isHidden(), true);
    assert.match(await searching.locator('#search-status').textContent(), /Showing 3 of 3/);
    assert.deepEqual(asked.map((a) => [a.q, a.types, a.cursor]),
      [['plan "where" ;', 'email', null], ['plan "where" ;', 'email', 'cursor-2']]);
    assert.ok(asked.every((a) => a.auth === 'Bearer ' + token));
    await searching.close();
  });

  await check('without a token the page says how to get one', async () => {
    page = await context.newPage(); // a new tab: its sessionStorage is empty
    await page.goto(pageUrl);
    const message = page.locator('#auth-message');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /not signed in/);
    assert.equal(await page.locator('#app').isVisible(), false);
  });

  await check('an invalid or expired token is reported as such', async () => {
    await page.goto('about:blank'); // a new fragment alone would not load the page again
    await page.goto(pageUrl + '#token=not-a-valid-token');
    const message = page.locator('#auth-message', { hasText: 'refused' });
    await message.waitFor({ state: 'visible' });
    // The problem's detail, as the API words it (its code, unauthorized, is what the page branches on).
    assert.match(await message.textContent(), /The server said: the user token is not valid/);
  });
  await shot('5-bad-token.png');

  console.log('VIP PAGE OK: ' + checks + ' checks, screenshots in ' + screenshotDir);
} catch (e) {
  console.log('FAIL - ' + current + ': ' + (e && e.message ? e.message : e));
  await shot('failure.png').catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
