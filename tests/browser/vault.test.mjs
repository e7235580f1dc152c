// The encrypted vault in a real browser: created and unlocked by typing, entries saved to
// IndexedDB, nothing readable left behind, two tabs that lose nothing, a tab closed mid-save.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppPage, heapContains, useBrowser, until, OUTPUT_DIR } from './lib/app.mjs';
import {
  PASS, addEntry, contains, createVault, dumpIndexedDb, openVault, retype, seedRecords, typeInto, unlock,
} from './lib/vault.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const TITLE = 'ЕИС — токен «сервисы отдачи»';

const env = useBrowser({ before, after });
before(async () => {
  await mkdir(OUTPUT_DIR, { recursive: true });
});

test('create, save, reload, refuse a wrong passphrase, unlock — and no secret left in storage, logs or heap', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const app = await AppPage.open(context, env.url);
  await openVault(app);
  assert.equal((await app.state()).vault, 'absent');
  await app.find('Забытую парольную фразу восстановить невозможно: без неё данные не расшифрует никто, включая разработчиков. Запишите её и храните отдельно от компьютера.');
  await typeInto(app, 'create-pass', PASS);
  await app.find({ label: 'Надёжность: сильная' });
  await typeInto(app, 'create-repeat', 'не та же фраза');
  await app.click('Создать хранилище');
  await app.waitForState((st) => st.message === 'Парольные фразы не совпадают', 'the mismatch');
  assert.equal((await app.state()).vault, 'absent');
  await retype(app, 'create-repeat', PASS);
  await app.click('Создать хранилище');
  await app.waitForState((st) => st.vault === 'unlocked' && st.revision === 1, 'the new vault');
  assert.notEqual((await app.state()).persistence, 'unknown', 'the persist() answer is shown');
  await addEntry(app, TITLE, SECRET);
  assert.equal((await app.state()).message, 'Сохранено');
  await app.find({ label: TITLE, kind: 'widget' });
  await app.screenshot('vault-entry');

  // IndexedDB holds ciphertext only; localStorage holds settings only; the console saw nothing.
  const records = await dumpIndexedDb(app.page);
  const head = records.find((r) => r.key === 'head');
  assert.ok(head && records.some((r) => r.key === head.slot), 'the head names the slot of the latest file');
  for (const r of records) {
    for (const s of [SECRET, PASS, TITLE, 'zakupki-admin']) {
      assert.equal(contains(r.bytes, s), false, `${s} in IndexedDB ${r.key}`);
      assert.equal(r.json.includes(s), false);
    }
  }
  const local = await app.page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)));
  for (const s of [SECRET, PASS]) assert.equal(local.includes(s), false, `${s} in localStorage`);
  for (const line of app.console) for (const s of [SECRET, PASS]) assert.equal(line.includes(s), false);
  assert.equal(app.page.url().includes(SECRET), false);

  // The stored file is exactly what docs/vault-format.md says: python3-nacl decrypts it alone.
  const current = records.find((r) => r.key === head.slot);
  const file = `${OUTPUT_DIR}/vault-from-browser.tsvault`;
  await writeFile(file, Buffer.from(current.bytes));
  const body = JSON.parse(execFileSync('/usr/bin/python3', [`${ROOT}tests/python/decrypt_vault.py`, file, PASS]).toString());
  assert.equal(body.entries[0].fields.secret, SECRET);
  assert.equal(body.entries[0].fields.title, TITLE);

  // While unlocked the secret is in memory (so the scan below can find it); locked, it is gone.
  assert.equal(await heapContains(app.page, SECRET), true, 'the scan finds the secret while unlocked');
  await app.click({ key: 'lock' });
  await app.waitForState((s) => s.vault === 'locked', 'the lock');
  await app.settle();
  assert.equal(await heapContains(app.page, SECRET), false, 'the secret is wiped from the wasm heap on lock');
  assert.equal(await heapContains(app.page, SECRET.slice(9, 27)), false, 'no part of it either');
  assert.equal(await heapContains(app.page, 'zakupki-admin'), false, 'nor the decrypted login');
  assert.equal(await heapContains(app.page, PASS), false, 'the passphrase is wiped from the wasm heap');

  await app.page.reload();
  await app.waitReady();
  await unlock(app, 'не та фраза совсем');
  const refused = await app.waitForState((s) => s.messageIsError, 'the refusal');
  assert.equal(refused.message, 'Неверная парольная фраза.');
  assert.equal(refused.vault, 'locked');
  assert.ok(refused.unlockRetryInMs > 0, 'a short wait before the next try');
  await app.screenshot('vault-wrong-passphrase');
  await typeInto(app, 'unlock-pass', PASS);
  await until(async () => !(await app.find('Открыть')).disabled, 'the retry delay to pass');
  await app.click('Открыть');
  await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 1, 'the unlocked vault');
  await app.click({ label: TITLE, kind: 'widget' });
  await app.waitForValue({ key: 'field-login' }, 'zakupki-admin');
  await context.close();
});

test('two tabs editing the same vault lose no change', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const a = await AppPage.open(context, env.url);
  await createVault(a);
  const b = await AppPage.open(context, env.url);
  await unlock(b, PASS);
  await b.waitForState((s) => s.vault === 'unlocked', 'tab B unlocked');

  await addEntry(a, 'Запись из вкладки А', 'secret-a-1');
  await addEntry(b, 'Запись из вкладки Б', 'secret-b-1');
  for (const tab of [a, b]) {
    await tab.waitForState((s) => s.entries === 2 && s.revision === 3, 'both entries in every tab');
    await tab.find({ label: 'Запись из вкладки А', kind: 'widget' });
    await tab.find({ label: 'Запись из вкладки Б', kind: 'widget' });
  }
  await b.screenshot('vault-two-tabs');
  await context.close();
});

// A save writes without waiting to read which file is the latest when the page knows it; if
// another tab saved meanwhile and its word never arrived, that save must be undone, not committed.
test('a save that finds the vault saved elsewhere meanwhile is undone, and the change applied to the newer vault', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  // This tab never hears the other's announcement: it finds out only when its own save is refused.
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.BroadcastChannel; });
  const app = new AppPage(page);
  await page.goto(env.url);
  await app.waitReady();
  await createVault(app);
  await addEntry(app, 'Первая запись', 'secret-first');
  await app.waitForState((s) => s.revision === 2 && !s.saving, 'the first save');
  const headBefore = (await dumpIndexedDb(app.page)).find((r) => r.key === 'head');

  // Another tab saves revision 3, a real save of its own.
  const other = await AppPage.open(context, env.url);
  await unlock(other, PASS);
  await other.waitForState((s) => s.vault === 'unlocked', 'the other tab unlocked');
  await addEntry(other, 'Из другой вкладки', 'secret-other');
  await other.waitForState((s) => s.revision === 3 && !s.saving, "the other tab's save");
  await other.page.close();
  assert.equal((await app.state()).revision, 2, 'this tab has not heard of it');

  await app.click('Новая запись');
  await app.click({ key: 'kind-generic' });
  await typeInto(app, 'field-title', 'Вторая запись');
  await typeInto(app, 'field-secret', 'secret-second');
  await app.click('Сохранить запись');
  const s = await app.waitForState((st) => st.revision === 4 && !st.saving, 'the change saved over revision 3');
  assert.equal(s.entries, 3);
  const records = await dumpIndexedDb(app.page);
  const byKey = (k) => records.find((r) => r.key === k);
  const movedTo = headBefore.slot === 'slot-a' ? 'slot-b' : 'slot-a';
  assert.deepEqual([byKey('head').revision, byKey('head').slot], [4, headBefore.slot]);
  assert.equal(byKey(movedTo).revision, 3, "the other tab's file is kept as the one before");
  await app.click('Хранилище');
  for (const title of ['Первая запись', 'Из другой вкладки', 'Вторая запись']) await app.find({ label: title, kind: 'widget' });
  await context.close();
});

test('a vault stored the earlier way opens, and its first save moves it into the two slots, keeping the file before', async () => {
  const fixture = Array.from(await readFile(`${ROOT}tests/fixtures/vault-v1.tsvault`));
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const app = await AppPage.open(context, env.url);
  // As an earlier version of the app left it: "current" and "previous".
  // Records carry the revision the file itself holds (2): a page refuses a record that disagrees.
  await seedRecords(app.page, { current: { revision: 2, bytes: fixture }, previous: { revision: 1, bytes: fixture } });
  await app.page.reload();
  await app.waitReady();
  await unlock(app, 'формат 1: проверка миграции');
  await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 3 && s.revision === 2, 'the old vault');

  await addEntry(app, 'Первая запись после перехода', 'secret-after-1');
  await app.waitForState((s) => s.revision === 3 && !s.saving, 'the first save');
  let records = await dumpIndexedDb(app.page);
  const byKey = (k) => records.find((r) => r.key === k);
  assert.deepEqual(records.map((r) => r.key).sort(), ['head', 'slot-a', 'slot-b']);
  assert.deepEqual([byKey('head').revision, byKey('head').slot], [3, 'slot-b']);
  assert.equal(byKey('slot-a').revision, 2);
  assert.deepEqual(byKey('slot-a').bytes, fixture, 'the file before the save is kept byte for byte');
  assert.equal(byKey('slot-b').revision, 3);

  // The next save goes into the other slot; the one it replaces stays.
  await addEntry(app, 'Вторая запись после перехода', 'secret-after-2');
  await app.waitForState((s) => s.revision === 4 && !s.saving, 'the second save');
  records = await dumpIndexedDb(app.page);
  assert.deepEqual([byKey('head').revision, byKey('head').slot], [4, 'slot-a']);
  assert.deepEqual([byKey('slot-a').revision, byKey('slot-b').revision], [4, 3]);

  await app.page.reload();
  await app.waitReady();
  await unlock(app, 'формат 1: проверка миграции');
  await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 5 && s.revision === 4, 'everything after reload');
  await context.close();
});

test('a damaged latest file opens the one before it, and the next save replaces the damaged one, keeping that', async () => {
  const fixture = Array.from(await readFile(`${ROOT}tests/fixtures/vault-v1.tsvault`));
  const damaged = fixture.slice();
  damaged[damaged.length - 5] ^= 0x01; // inside the encrypted body: its tag no longer matches
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const app = await AppPage.open(context, env.url);
  await seedRecords(app.page, { 'slot-a': { revision: 2, bytes: fixture }, 'slot-b': { revision: 3, bytes: damaged },
    head: { revision: 3, slot: 'slot-b' } });
  await app.page.reload();
  await app.waitReady();
  await unlock(app, 'формат 1: проверка миграции');
  const opened = await app.waitForState((s) => s.vault === 'unlocked', 'the vault');
  assert.equal(opened.message, 'Последнее сохранение повреждено; открыта предыдущая версия хранилища. Следующее сохранение заменит повреждённую.');
  assert.equal(opened.entries, 3);
  await addEntry(app, 'Запись после повреждения', 'secret-after-damage');
  await app.waitForState((s) => s.revision === 4 && !s.saving, 'the save');
  const records = await dumpIndexedDb(app.page);
  const byKey = (k) => records.find((r) => r.key === k);
  assert.deepEqual([byKey('head').revision, byKey('head').slot], [4, 'slot-b'], 'written over the damaged file');
  assert.deepEqual(byKey('slot-a').bytes, fixture, 'the good file before it is kept');
  await context.close();
});

test('a page closed during a save reopens with a consistent vault', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const app = await AppPage.open(context, env.url);
  await createVault(app);
  await addEntry(app, 'Сохранена до закрытия', 'secret-kept');
  await app.click('Новая запись');
  await app.click({ key: 'kind-generic' });
  await typeInto(app, 'field-title', 'Сохраняется при закрытии');
  await app.click('Сохранить запись');
  await app.page.close(); // no waiting: the save may or may not have committed

  const again = await AppPage.open(context, env.url);
  await unlock(again, PASS);
  const s = await again.waitForState((st) => st.vault === 'unlocked', 'the reopened vault');
  assert.ok(s.entries === 1 || s.entries === 2, `entries: ${s.entries}`);
  // The list holds exactly what was committed: the first entry, and the second when its save was.
  const kept = 'Сохранена до закрытия', closing = 'Сохраняется при закрытии';
  await again.find({ label: kept, kind: 'widget' });
  const listed = (await again.items()).filter((i) => i.kind === 'widget' && (i.label === kept || i.label === closing));
  assert.deepEqual(listed.map((i) => i.label).sort(), s.entries === 2 ? [kept, closing].sort() : [kept]);
  await context.close();
});

test('history keeps each saved version; the passphrase changes; copy clears on lock; Ctrl+L locks', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  const app = await AppPage.open(context, env.url);
  await createVault(app);
  await addEntry(app, 'Логин БФТ', 'first-secret');

  // Change the login and save: the old version goes to the history, with its time.
  await app.click({ key: 'field-login' });
  await app.press('Control+A');
  await app.type('new-login');
  await app.waitForValue({ key: 'field-login' }, 'new-login');
  await app.click('Сохранить запись');
  await app.waitForState((s) => s.revision === 3 && !s.saving, 'the second version');
  await app.click({ key: 'tab-history' });
  const version = await app.find({ key: 'history-view-0' });
  assert.equal(version.label, 'Просмотреть');
  const stamp = (await app.items()).find((i) => i.kind === 'text' && i.label.startsWith('Версия от '));
  assert.match(stamp.label, /^Версия от \d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  await app.click({ key: 'history-view-0' });
  await app.find({ label: 'Логин: zakupki-admin', kind: 'text' }); // the old login, shown read-only
  await app.screenshot('vault-history');
  await app.click({ key: 'history-restore-0' });
  await app.waitForState((s) => s.revision === 4 && !s.saving, 'the restore');
  await app.click({ key: 'tab-data' });
  await app.waitForValue({ key: 'field-login' }, 'zakupki-admin');

  // Change the passphrase in the settings.
  await app.click('Настройки');
  await typeInto(app, 'change-current', PASS);
  await typeInto(app, 'change-new', 'Новая фраза для сейфа 2026');
  await typeInto(app, 'change-repeat', 'Новая фраза для сейфа 2026');
  await app.click({ key: 'change-pass' });
  await app.waitForState((s) => s.message === 'Парольная фраза изменена', 'the passphrase change');

  // Copy the secret: it is on the clipboard; locking clears it (if it is still ours).
  await app.click('Хранилище');
  await app.click({ key: 'copy-secret' });
  await app.waitForState((s) => s.message.startsWith('Скопировано.'), 'the copy');
  assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), 'first-secret');

  // Ctrl+L locks from anywhere; the old passphrase no longer opens the vault, the new one does.
  await app.press('Control+L');
  await app.waitForState((s) => s.vault === 'locked', 'the Ctrl+L lock');
  await app.waitForState((s) => s.message === 'Буфер обмена очищен', 'the clipboard cleared on lock');
  assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), '');
  await unlock(app, PASS);
  await app.waitForState((s) => s.message === 'Неверная парольная фраза.', 'the old passphrase refused');
  await until(async () => (await app.state()).unlockRetryInMs === 0, 'the retry delay');
  await typeInto(app, 'unlock-pass', 'Новая фраза для сейфа 2026');
  await app.click('Открыть');
  await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 1, 'unlocked with the new passphrase');
  await context.close();
});

test('a write the browser refuses is reported with its reason, changes nothing, and can be retried', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  // A browser whose storage is full: IndexedDB puts fail while window.__failPuts > 0.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__failPuts > 0) {
        window.__failPuts--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  const app = await AppPage.open(context, env.url);
  await createVault(app);
  await addEntry(app, 'Токен ОАИС', 'oais-secret-1');
  await app.page.evaluate(() => { window.__failPuts = 1; });
  await app.click({ key: 'field-title' });
  await app.type(' TPSClient');
  await app.waitForValue({ key: 'field-title' }, 'Токен ОАИС TPSClient');
  await app.click('Сохранить запись');
  const s = await app.waitForState((st) => st.messageIsError, 'the refusal');
  assert.equal(s.message, 'Не сохранено: браузер отказал в записи (QuotaExceededError: The quota has been exceeded.)');
  assert.equal(s.revision, 2, 'nothing was written');
  await app.screenshot('vault-save-refused');
  // The edit is still on screen; saving again once the browser accepts works.
  await app.waitForValue({ key: 'field-title' }, 'Токен ОАИС TPSClient');
  await app.click('Сохранить запись');
  await app.waitForState((st) => st.revision === 3 && st.message === 'Сохранено', 'the retry');
  await context.close();
});
