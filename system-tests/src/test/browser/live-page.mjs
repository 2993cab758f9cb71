// The VIP page live, against the whole system (VipPageLiveSystemIT starts it and acts on it):
//   node live-page.mjs <origin> <livToken> <fayToken> <searchWord> <screenshotDir>
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

const [origin, livToken, fayToken, searchWord, screenshotDir] = process.argv.slice(2);
if (!origin || !livToken || !fayToken || !searchWord || !screenshotDir) {
  console.error('usage: node live-page.mjs <origin> <livToken> <fayToken> <searchWord> <screenshotDir>');
  process.exit(2);
}
const pageUrl = origin.replace(/\/$/, '') + '/vip/index.html';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const BACKFILL_MS = 120000;

mkdirSync(screenshotDir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'live-page-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args,
  viewport: { width: 1280, height: 1000 },
});
context.setDefaultTimeout(20000);
let page = context.pages()[0] ?? (await context.newPage());
let current = 'start';
let checks = 0;

async function check(name, body) {
  current = name;
  await body();
  checks += 1;
  console.log('ok - ' + name);
}

const shot = (name) => page.screenshot({ path: join(screenshotDir, name), fullPage: true });

// What the page did, in the order the browser reported it: its requests and the live events it
// acted on (the page logs each at debug level).
function record(tab) {
  const log = [];
  tab.on('request', (r) => {
    const url = new URL(r.url());
    log.push({ kind: 'request', at: Date.now(), what: r.method() + ' ' + url.pathname });
  });
  tab.on('console', (m) => {
    if (m.type() === 'debug' && m.text().startsWith('live event')) {
      log.push({ kind: 'event', at: Date.now(), what: m.text().split(' ')[2] });
    }
  });
  return log;
}

// Samples a provider's progress row until its job ends (or the time is up): each distinct
// (state, percent) the page showed, in order.
async function follow(tab, provider, limit) {
  const seen = [];
  const row = tab.locator('#backfill > li[data-provider="' + provider + '"]');
  for (const end = Date.now() + limit; Date.now() < end; ) {
    if (await row.count()) {
      const state = await row.getAttribute('data-state');
      const percent = Number(await row.getAttribute('data-percent'));
      const last = seen[seen.length - 1];
      if (!last || last.state !== state || last.percent !== percent) seen.push({ state, percent });
      if (state === 'completed' || state === 'failed') return seen;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no end of the ' + provider + ' import within ' + limit + ' ms: ' + JSON.stringify(seen));
}

async function openLive(token) {
  await page.goto(pageUrl + '#token=' + encodeURIComponent(token));
  await page.locator('#live[data-state="live"]').waitFor();
}

try {
  const log = record(page);

  await check('the page opens its live stream with a ticket', async () => {
    await openLive(livToken);
    assert.match(await page.locator('#step').textContent(), /No mailbox is connected/);
    const asked = log.filter((e) => e.kind === 'request').map((e) => e.what);
    assert.ok(asked.includes('POST /v1/stream-tickets'), asked.join(', '));
    assert.ok(asked.includes('GET /v1/stream'), asked.join(', '));
  });
  console.log('READY liv');

  let seen;
  await check('during the backfill the Google import shows rising progress', async () => {
    seen = await follow(page, 'google', BACKFILL_MS);
    const running = seen.filter((s) => s.state === 'running').map((s) => s.percent);
    assert.equal(seen[seen.length - 1].state, 'completed', JSON.stringify(seen));
    assert.ok(running.length >= 2, 'progress seen: ' + JSON.stringify(seen));
    assert.deepEqual([...running].sort((a, b) => a - b), running, 'rising: ' + JSON.stringify(seen));
    assert.ok(running[running.length - 1] > running[0], 'rising: ' + JSON.stringify(seen));
    assert.match(await page.locator('#backfill > li[data-provider="google"]').textContent(),
      /Google: import done, [\d,]+ items/);
  });
  await shot('1-backfilled.png');

  await check('then the ranked candidates appear, each with a name or an address', async () => {
    await page.locator('#step[data-step="ready"]').waitFor();
    await page.locator('#candidates > li').nth(2).waitFor();
    const shownBy = await page.locator('#candidates > li .name').evaluateAll(
      (names) => names.map((n) => n.dataset.shownBy + ': ' + n.textContent));
    assert.deepEqual(shownBy.filter((s) => !/^(name|address): /.test(s)), [], shownBy.join('\n'));
  });

  await check('no request was asked on a timer: each re-read follows a live event', async () => {
    // Quiet for a while after the end: a poller would ask again in this window.
    await page.waitForTimeout(5000);
    const requests = log.filter((e) => e.kind === 'request');
    const tickets = requests.filter((e) => e.what === 'POST /v1/stream-tickets').length;
    const streams = requests.filter((e) => e.what === 'GET /v1/stream').length;
    assert.ok(tickets === streams && tickets <= 2, 'tickets ' + tickets + ', streams ' + streams);
    // After the first reads, a read of the candidates, the status or the mailboxes comes only
    // after a live event that the page had not already answered with one.
    const reads = ['GET /onboarding/vips', 'GET /onboarding/vips/status', 'GET /v1/integrations'];
    for (const read of reads) {
      let first = true;
      let told = false;
      for (const entry of log) {
        if (entry.kind === 'event') {
          told = true;
        } else if (entry.what === read) {
          assert.ok(first || told, read + ' asked with no live event before it:\n' +
            log.map((e) => e.at + ' ' + e.kind + ' ' + e.what).join('\n'));
          first = false;
          told = false;
        }
      }
    }
    const lastAt = log[log.length - 1].at;
    const quiet = log.filter((e) => e.kind === 'event').length;
    console.log('# ' + requests.length + ' requests, ' + quiet + ' live events, last activity ' +
      (Date.now() - lastAt) + ' ms ago; progress seen ' + JSON.stringify(seen));
  });

  await check('a search returns hits, highlighted, as text', async () => {
    await page.locator('#search-q').fill(searchWord);
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
    assert.match(await first.textContent(), new RegExp(searchWord, 'i'));
    assert.ok((await page.locator('#search-results mark').count()) > 0);
  });
  await shot('2-search.png');

  page = await context.newPage(); // another tab, another user: its own sessionStorage
  await check("another user's page shows their own import, and its failure with the reason", async () => {
    await openLive(fayToken);
    console.log('READY fay');
    const fay = await follow(page, 'google', BACKFILL_MS);
    assert.equal(fay[fay.length - 1].state, 'failed', JSON.stringify(fay));
    assert.match(await page.locator('#backfill > li[data-provider="google"]').textContent(),
      /Google: import failed: .*integration[_ ]revoked/);
    await page.locator('#state-google[data-state="failed"]').waitFor();
    assert.match(await page.locator('#state-google').textContent(), /revoked/i);
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
