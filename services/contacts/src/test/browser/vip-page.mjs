// Drives the VIP onboarding page in headless Chromium (Debian's, through playwright-core):
//   node vip-page.mjs <baseUrl> <token> <screenshotDir>
// The contacts service must run at <baseUrl> with at least 21 ranked candidates for the user of
// <token> and no saved selection. Prints "ok - <check>" per check and "VIP PAGE OK" at the end;
// exits 1 with "FAIL - <check>: <reason>" (and failure.png) on the first failed check.
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
