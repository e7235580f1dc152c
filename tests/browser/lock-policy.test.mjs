// The idle lock in a real browser, without waiting ten minutes: Playwright's fake clock, installed
// before the page loads, stands in for performance.now(), Date.now(), setTimeout and
// requestAnimationFrame, which is everything the app reads time from (emscripten_get_now is
// performance.now(), emscripten_date_now is Date.now(); core/lock_policy.h counts on the former).
// The vault is created and unlocked by typing; the clock is then moved, not the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, heapContains, useBrowser } from './lib/app.mjs';
import { PASS, addEntry, createVault, unlock } from './lib/vault.mjs';

const SECRET = 'b5d8a3e1-0c44-4f7e-9a21-6f1d2e3c4b5a';
const LOGIN = 'idle-lock-login';

const env = useBrowser({ before, after });

test('an idle vault locks after the idle limit (10 minutes by default), not before, and leaves no secret in the heap', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.clock.install(); // before the app loads: it must read the fake performance.now()
  const app = new AppPage(page);
  await page.goto(env.url);
  await app.waitReady();
  assert.equal(await page.evaluate(() => typeof performance.now === 'function' && !/native code/.test(String(performance.now))),
    true, 'the page runs on the fake clock');

  await createVault(app);
  await addEntry(app, 'Токен для проверки блокировки', SECRET, LOGIN);
  await app.click({ key: 'lock' });
  await app.waitForState((s) => s.vault === 'locked', 'the lock by the button');
  await unlock(app, PASS); // through real typing: the last input is now
  await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 1, 'the unlocked vault');
  await app.click({ label: 'Токен для проверки блокировки', kind: 'widget' });
  await app.waitForValue({ key: 'field-login' }, LOGIN);
  assert.equal(await heapContains(page, LOGIN), true, 'the scan finds the decrypted login while unlocked');

  // A minute short of the limit: the test's own steps since the last click take real time too, and
  // the fake clock follows real time between jumps. The exact boundary is tests/native's.
  await page.clock.fastForward(540_000);
  await app.settle();
  assert.equal((await app.state()).vault, 'unlocked', 'not locked before the idle limit');

  await page.clock.fastForward(65_000); // past the limit whatever real time went by
  const locked = await app.waitForState((s) => s.vault === 'locked', 'the idle lock');
  assert.equal(locked.locked, true);
  assert.equal(locked.message, 'Хранилище заблокировано');
  await app.settle();
  assert.equal(await heapContains(page, SECRET), false, 'the secret is wiped from the wasm heap');
  assert.equal(await heapContains(page, LOGIN), false, 'so is the decrypted login');
  assert.equal(await heapContains(page, PASS), false, 'and the passphrase');
  await app.screenshot('idle-locked');
  await context.close();
});
