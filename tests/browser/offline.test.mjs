// Offline use. dist/tokensafe.html — the whole app in one file — opened straight from disk (file://)
// in a persistent profile: it says what differs for file pages, creates a vault, keeps an entry over
// a reload, and makes no request but the file itself. Served over http, the service worker keeps the
// app's files: with the network off it reloads and works; a new build is announced and applied only
// when the user clicks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { AppPage, CHROMIUM_ARGS, launchBrowser, until } from './lib/app.mjs';
import { PASS, addEntry, createVault, unlock } from './lib/vault.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SINGLE_FILE = `${DIST}tokensafe.html`;
const FILE_NOTE = 'Страница открыта из файла (file://). Её хранилище отдельно от хранилища сайта, и не всякий ' +
  'браузер хранит данные страниц из файлов надёжно: очистка данных браузера удалит и его. Делайте резервные ' +
  'копии пакетами на экране «Перенос».';

test('the single file opened from disk: a vault made, an entry kept over a reload, no request but the file', async () => {
  const html = await readFile(SINGLE_FILE, 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'none'/);
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'/);

  const dir = await mkdtemp(join(tmpdir(), 'tokensafe-file-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
  });
  try {
    const url = pathToFileURL(SINGLE_FILE).href;
    const violations = [];
    context.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
    const app = await AppPage.open(context, url);
    assert.equal((await app.state()).filePage, true);

    // Creating a vault, the page says what differs from disk.
    await app.click('Хранилище');
    await app.waitForState((s) => s.screen === 'vault' && s.vault !== 'loading', 'the vault screen');
    await app.findScrolling(FILE_NOTE); // on the create form
    await createVault(app);
    await addEntry(app, 'Почта на флешке', 'usb-secret-1');
    await app.find({ label: 'Почта на флешке', kind: 'widget' });
    // ... and beside the storage's persistence in the settings.
    await app.click('Настройки');
    await app.page.mouse.move(640, 400);
    await app.page.mouse.wheel(0, 2000); // to the storage section at the end of the settings
    await app.settle();
    const note = await app.find(FILE_NOTE);
    assert.ok(note.y > 0 && note.y + note.h < 860, 'the note in the storage settings is on screen');
    await app.screenshot('single-file-settings');

    await app.page.reload();
    await app.waitReady();
    assert.equal((await app.state()).vault, 'locked');
    await unlock(app, PASS);
    await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 1, 'the vault unlocked after the reload');
    await app.find({ label: 'Почта на флешке', kind: 'widget' });
    await app.screenshot('single-file-after-reload');

    const others = app.requests.filter((r) => r !== url);
    assert.deepEqual(others, [], 'no request but the file itself');
    assert.ok(app.requests.length >= 2, 'the file was loaded twice (first visit and reload)');
    assert.deepEqual(violations, [], 'nothing was refused by the CSP');
    // Emscripten's GLFW calls preventDefault in Chromium's passive wheel listener: its words, not ours.
    assert.deepEqual(app.console.filter((l) => /^(error|pageerror)/.test(l) && !/passive event listener/.test(l)), []);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('served: after the first visit the app reloads and works offline; a new version waits for the user', async () => {
  // A copy of dist/ to serve, so the test can publish a "new build" without touching the real one.
  const root = await mkdtemp(join(tmpdir(), 'tokensafe-site-'));
  await cp(DIST, root, { recursive: true });
  const server = await startServer({ root, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const app = await AppPage.open(context, url);
    assert.equal((await app.state()).filePage, false);
    // The first visit installs the worker, which caches the files; it announces nothing.
    await until(() => app.page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker in control');

    await context.setOffline(true);
    app.requests.length = 0;
    await app.page.reload();
    await app.waitReady();
    await createVault(app);
    await addEntry(app, 'Без сети', 'offline-secret-1');
    await app.page.reload();
    await app.waitReady();
    await unlock(app, PASS);
    await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 1, 'the vault unlocked offline');
    await app.find({ label: 'Без сети', kind: 'widget' });
    for (const r of app.requests) assert.equal(new URL(r).origin, new URL(url).origin, `request to another origin: ${r}`);
    assert.equal((await app.state()).updateReady, false);
    await context.setOffline(false);

    // A new build appears on the server: the next visit finds it, the app announces it — and waits.
    const sw = await readFile(join(root, 'sw.js'), 'utf8');
    await writeFile(join(root, 'sw.js'), sw.replace(/const BUILD = '([^']*)'/, "const BUILD = '$1-next'"));
    await app.page.reload();
    await app.waitReady();
    const s = await app.waitForState((st) => st.updateReady, 'the new version announced');
    assert.equal(s.message, 'Доступна новая версия Сейфа токенов.');
    let navigations = 0;
    app.page.on('framenavigated', (f) => { if (f === app.page.mainFrame()) navigations++; });
    await app.page.waitForTimeout(1500);
    assert.equal(navigations, 0, 'the new version is not applied by itself');
    await app.screenshot('update-offered');

    // A click that reloads the page: press it as app.click does, without waiting for the UI to settle.
    const button = await app.find('Перезагрузить с новой версией');
    await app.page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
    await app.settle(60);
    await app.page.mouse.down();
    await app.page.mouse.up();
    await until(() => navigations > 0, 'the reload into the new version');
    await app.waitReady();
    assert.equal((await app.state()).updateReady, false);
    // The vault written before the update opens in it.
    await unlock(app, PASS);
    await app.waitForState((st) => st.vault === 'unlocked' && st.entries === 1, 'the vault in the new version');
    assert.deepEqual(app.console.filter((l) => /^(error|pageerror)/.test(l)), []);
    await context.close();
  } finally {
    await browser.close();
    server.close();
    await rm(root, { recursive: true, force: true });
  }
});
