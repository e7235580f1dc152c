// Offline use. dist/tokensafe.html — the whole app in one file — opened straight from disk (file://)
// in a persistent profile: it says what differs for file pages, creates a vault, keeps an entry over
// a reload, and makes no request but the file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { AppPage, CHROMIUM_ARGS } from './lib/app.mjs';
import { PASS, addEntry, createVault, unlock } from './lib/vault.mjs';

const SINGLE_FILE = fileURLToPath(new URL('../../dist/tokensafe.html', import.meta.url));
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
