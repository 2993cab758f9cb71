// The VIP page live, against the whole system (VipPageLiveSystemIT starts it and acts on it):
//   node live-page.mjs <origin> <livToken> <fayToken> <searchTitle> <screenshotDir>
// <origin> is the system's front door (one origin for the page and every API, as the Ingress).
// Prints "READY <who>" when that user's page is open and live: the test then connects the user
// (and, for fay, revokes the grant once the backfill runs). Prints "ok - <check>" per check and
// "LIVE PAGE OK" at the end; exits 1 with "FAIL - <check>: <reason>" (and failure.png).
// playwright-core comes from PLAYWRIGHT_CORE (the contacts page test's install), Chromium from
// CHROMIUM.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const { chromium } = await import(pathToFileURL(process.env.PLAYWRIGHT_CORE).href);

const [origin, livToken, fayToken, searchTitle, screenshotDir] = process.argv.slice(2);
if (!origin || !livToken || !fayToken || !searchTitle || !screenshotDir) {
  console.error('usage: node live-page.mjs <origin> <livToken> <fayToken> <searchTitle> <screenshotDir>');
  process.exit(2);
}
const pageUrl = origin.replace(/\/$/, '') + '/vip/index.html';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const BACKFILL_MS = 120000;
// How far the page's clock jumps to show it asks nothing on a timer: any poller with a period up
// to half of it asks at least twice in the jump, where the page may ask once (a re-read it had
// already scheduled for an event).
const JUMP_MS = 10 * 60 * 1000;
// What the page reads: only at the start, and after a live event that says it changed: the
// candidates and the status after vip_candidates, a job's end or a resync; the mailboxes after an
// integration event or a resync.
const READS = ['GET /onboarding/vips', 'GET /onboarding/vips/status', 'GET /v1/integrations'];
const candidatesTold = (e) => e.what === 'vip_candidates' || e.what === 'resync' ||
  (e.what === 'progress' && (!e.data || ['completed', 'failed'].includes(e.data.state)));
const TELLS = {
  'GET /onboarding/vips': candidatesTold,
  'GET /onboarding/vips/status': candidatesTold,
  'GET /v1/integrations': (e) => e.what === 'integration' || e.what === 'resync',
};

mkdirSync(screenshotDir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'live-page-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args,
  viewport: { width: 1280, height: 1000 },
});
context.setDefaultTimeout(20000);
// The pages' clock (Date, setTimeout, setInterval...) runs with real time until the test makes it
// jump: time the page cannot tell from real time, to run any timer it has.
await context.clock.install();
let page = context.pages()[0] ?? (await context.newPage());
let current = 'start';
let checks = 0;
let probes = 0;

async function check(name, body) {
  current = name;
  await body();
  checks += 1;
  console.log('ok - ' + name);
}

const shot = (name) => page.screenshot({ path: join(screenshotDir, name), fullPage: true });

// The network log of a tab, in the order the browser reported it: its requests, and the live
// events the page acted on (live.js logs each at debug level, with its data).
function record(tab) {
  const log = [];
  tab.on('request', (r) => {
    const url = new URL(r.url());
    log.push({ kind: 'request', what: r.method() + ' ' + url.pathname, url: url.pathname + url.search });
  });
  tab.on('console', (m) => {
    const [live, event, type, id, ...data] = m.text().split(' ');
    if (m.type() === 'debug' && live === 'live' && event === 'event') {
      let body = null;
      try { body = JSON.parse(data.join(' ')); } catch (e) { /* counted as an event all the same */ }
      log.push({ kind: 'event', what: type, id, data: body });
    }
  });
  return log;
}

const asText = (log) => log.map((e) => e.kind + ' ' + e.what +
  (e.kind === 'event' && e.what === 'progress' && e.data ? ' ' + e.data.state : '')).join('\n');

// Makes the tab's clock jump JUMP_MS ahead, running every timer due on the way, then sends a
// marker request and waits for it, so that whatever the timers asked is in the log before it: the
// reads of that window. A page that polls, at any period up to JUMP_MS / 2, asks twice or more
// there; the page may ask once, for a re-read it had scheduled, and once more per event telling a
// change that arrived meanwhile.
async function jump(tab, log) {
  probes += 1;
  const marker = 'jump=' + probes;
  const from = log.length;
  await tab.clock.runFor(JUMP_MS);
  await Promise.all([
    tab.waitForRequest((r) => r.url().includes(marker)),
    tab.evaluate((m) => fetch('/vip/vip.css?' + m, { cache: 'no-store' }).then(() => null), marker),
  ]);
  const to = log.findIndex((e, i) => i >= from && e.kind === 'request' && e.url.includes(marker));
  const window = log.slice(from, to);
  for (const read of READS) {
    // One re-read it had scheduled, and one for each event telling a change that came meanwhile.
    const allowed = 1 + window.filter((e) => e.kind === 'event' && TELLS[read](e)).length;
    const asked = window.filter((e) => e.kind === 'request' && e.what === read).length;
    assert.ok(asked <= allowed, asked + ' x ' + read + ' while the clock jumped ' +
      JUMP_MS / 60000 + ' minutes: the page asks on a timer\n' + asText(window));
  }
  return window.filter((e) => e.kind === 'request').length;
}

// After its first read, the page reads a thing again only after a live event that says it
// changed (and that it had not already answered with a read).
function assertEachReadFollowsAnEvent(log) {
  for (const read of READS) {
    let first = true;
    let told = false;
    for (const entry of log) {
      if (entry.kind === 'event') {
        told = told || TELLS[read](entry);
      } else if (entry.what === read) {
        assert.ok(first || told, read + ' asked with no live event telling a change before it:\n' +
          asText(log));
        first = false;
        told = false;
      }
    }
  }
}

// Samples a provider's progress row until its job ends (or the time is up): each distinct
// (state, percent, step) the page showed, in order, with the row's text. onRunning is called once,
// at the first sample of a running job past 0%.
async function follow(tab, provider, limit, onRunning) {
  const seen = [];
  const row = tab.locator('#backfill > li[data-provider="' + provider + '"]');
  let called = false;
  for (const end = Date.now() + limit; Date.now() < end; ) {
    const shown = await tab.evaluate((p) => {
      const li = document.querySelector('#backfill > li[data-provider="' + p + '"]');
      return li && { state: li.dataset.state, percent: Number(li.dataset.percent),
        text: li.textContent, step: document.getElementById('step').dataset.step };
    }, provider);
    if (shown) {
      const last = seen[seen.length - 1];
      if (!last || last.state !== shown.state || last.percent !== shown.percent ||
          last.step !== shown.step) {
        seen.push(shown);
      }
      if (shown.state === 'completed' || shown.state === 'failed') return seen;
      if (onRunning && !called && shown.state === 'running' && shown.percent > 0) {
        called = true;
        await onRunning();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no end of the ' + provider + ' import within ' + limit + ' ms: ' +
    JSON.stringify(seen) + ' (row: ' + (await row.count()) + ')');
}

const brief = (seen) => JSON.stringify(seen.map((s) => [s.state, s.percent, s.step]));

async function openLive(token) {
  await page.goto(pageUrl + '#token=' + encodeURIComponent(token));
  await page.locator('#live[data-state="live"]').waitFor();
}

try {
  const log = record(page);

  await check('the page opens its live stream with a ticket', async () => {
    await openLive(livToken);
    await page.locator('#step[data-step="not_connected"]').waitFor();
    const asked = log.filter((e) => e.kind === 'request').map((e) => e.what);
    assert.ok(asked.includes('POST /v1/stream-tickets'), asked.join(', '));
    assert.ok(asked.includes('GET /v1/stream'), asked.join(', '));
  });
  console.log('READY liv');

  let seen;
  let jumped = false;
  await check('during the backfill the Google import shows rising progress with its totals', async () => {
    seen = await follow(page, 'google', BACKFILL_MS, async () => {
      await jump(page, log); // while events come every moment: a poller asks more all the same
      jumped = true;
    });
    assert.ok(jumped, 'the import was never seen running past 0%: ' + brief(seen));
    const running = seen.filter((s) => s.state === 'running');
    const percents = running.map((s) => s.percent);
    assert.equal(seen[seen.length - 1].state, 'completed', brief(seen));
    assert.ok(new Set(percents).size >= 2, 'progress seen: ' + brief(seen));
    assert.deepEqual([...percents].sort((a, b) => a - b), percents, 'rising: ' + brief(seen));
    // The office's totals: items read of the mailbox's estimate, and the percent.
    assert.ok(running.some((s) => /: [\d,]+ of about [\d,]+ items · \d+%/.test(s.text)),
      running.map((s) => s.text).join('\n'));
    assert.match(seen[seen.length - 1].text, /Google: import done, [\d,]+ items/);
  });
  await shot('1-backfilled.png');

  await check('the step follows the job: backfilling while it runs, ready as it ends', async () => {
    // Rendered with the progress row from the same event: no quiet period waited for.
    const steps = seen.map((s) => s.state + ':' + s.step);
    assert.deepEqual(seen.filter((s) => s.state === 'running' && s.step !== 'backfilling'), [],
      steps.join(', '));
    assert.equal(seen[seen.length - 1].step, 'ready', steps.join(', '));
  });

  await check('then the ranked candidates appear, each with a name or an address', async () => {
    await page.locator('#candidates > li').nth(2).waitFor();
    const shown = await page.locator('#candidates > li .name').evaluateAll(
      (names) => names.map((n) => ({ by: n.dataset.shownBy, text: n.textContent })));
    const unrecognisable = shown.filter((s) =>
      !(s.by === 'name' && s.text.trim() !== '' && !/^Unnamed contact/.test(s.text)) &&
      !(s.by === 'address' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.text)));
    assert.deepEqual(unrecognisable, [], JSON.stringify(shown));
    console.log('# ' + shown.length + ' candidates: ' +
      shown.filter((s) => s.by === 'name').length + ' by name, ' +
      shown.filter((s) => s.by === 'address').length + ' by address');
  });

  await check('no request was asked on a timer: each re-read follows a live event', async () => {
    const asked = await jump(page, log); // the backfill over: nothing may come now
    const requests = log.filter((e) => e.kind === 'request');
    const tickets = requests.filter((e) => e.what === 'POST /v1/stream-tickets').length;
    const streams = requests.filter((e) => e.what === 'GET /v1/stream').length;
    assert.ok(tickets === streams && tickets <= 2, 'tickets ' + tickets + ', streams ' + streams);
    assertEachReadFollowsAnEvent(log);
    console.log('# ' + requests.length + ' requests, ' +
      log.filter((e) => e.kind === 'event').length + ' live events, ' + asked +
      ' asked in the last ' + JUMP_MS / 60000 + ' minutes jumped; progress ' + brief(seen));
  });

  await check('a search finds the message, highlighted, as text', async () => {
    const word = searchTitle.split(' ')[0];
    await page.locator('#search-q').fill(word);
    // The index may trail the backfill's end by a moment (vespa-loader feeds as events arrive):
    // the person searches again until the message is there.
    for (const end = Date.now() + 30000; ; ) {
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.locator('#search-status[data-state="results"], #search-status[data-state="empty"], ' +
        '#search-status[data-state="failed"]').waitFor();
      const outcome = await page.locator('#search-status').getAttribute('data-state');
      if (outcome === 'results') break;
      if (Date.now() > end) {
        throw new Error('no hits: ' + await page.locator('#search-status').textContent());
      }
      await page.waitForTimeout(1000);
    }
    const first = page.locator('#search-results > li').first();
    assert.equal(await first.getAttribute('data-type'), 'email');
    assert.equal(await first.locator('.hit-title').textContent(), searchTitle);
    const marks = await first.locator('.hit-title mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === word.toLowerCase()),
      'title highlights: ' + JSON.stringify(marks));
  });
  await shot('2-search.png');

  page = await context.newPage(); // another tab, another user: its own sessionStorage
  const fayLog = record(page);
  await check("another user's page shows their own import, and its failure with the reason", async () => {
    await openLive(fayToken);
    console.log('READY fay');
    const fay = await follow(page, 'google', BACKFILL_MS);
    const end = fay[fay.length - 1];
    assert.equal(end.state, 'failed', brief(fay));
    assert.match(end.text, /Google: import failed: .*integration[_ ]revoked/);
    // Not "backfilling" any longer: the job's end says so, whatever mail arrived just before.
    assert.ok(['failed', 'ready'].includes(end.step), brief(fay));
    await page.locator('#state-google[data-state="failed"]').waitFor();
    assert.match(await page.locator('#state-google').textContent(), /revoked/i);
    await jump(page, fayLog);
    assertEachReadFollowsAnEvent(fayLog);
  });
  await shot('3-failed.png');

  console.log('LIVE PAGE OK: ' + checks + ' checks, screenshots in ' + screenshotDir);
} catch (e) {
  console.log('FAIL - ' + current + ': ' + (e && e.message ? e.message : e));
  await shot('failure.png').catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
