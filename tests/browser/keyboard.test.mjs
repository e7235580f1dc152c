// The keyboard alone (issues 18 and 22): with no mouse event at all, a new user creates a vault, adds
// an organisation and an entry, runs a procedure to its end, exports a bundle and locks — Tab /
// Shift+Tab to move (Shift+Tab from the app's first widget goes back to the page's button),
// Enter / Space to press, Esc to close a pop-up — and the focus ring is drawn where the keyboard is.
// Ctrl+F puts the keyboard in the entry search; after Ctrl+L it is in the passphrase field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppPage, useBrowser, until } from './lib/app.mjs';
import { PASS, typedDate } from './lib/vault.mjs';
import { focusedItem, tabTo, pressOn, typeKeys } from './lib/keyboard.mjs';

const env = useBrowser({ before, after });
const BUNDLE_PASS = 'Пакет для бухгалтерии 2027';
const CONTENT = fileURLToPath(new URL('../../app/content/procedures/', import.meta.url));

// Counts every mouse or pointer event the page receives: the journey must have none.
async function countMouse(app) {
  await app.page.evaluate(() => {
    window.__mouseEvents = 0;
    // Trusted events only: the app's own download is an anchor's click() from script.
    for (const t of ['mousedown', 'mouseup', 'mousemove', 'click', 'pointerdown', 'wheel'])
      window.addEventListener(t, (e) => { if (e.isTrusted) window.__mouseEvents += 1; }, true);
  });
}

// Pixels of the focus ring's colour (ui/theme.cpp, #0B4FB8) in a screenshot of the item's surroundings.
async function ringPixels(app, item) {
  const png = await app.page.screenshot({
    clip: { x: Math.max(0, item.x - 4), y: Math.max(0, item.y - 4), width: item.w + 8, height: item.h + 8 },
  });
  return app.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - 0x0b) < 24 && Math.abs(d[i + 1] - 0x4f) < 24 && Math.abs(d[i + 2] - 0xb8) < 24) n++;
    return n;
  }, png.toString('base64'));
}

test('a whole journey with the keyboard alone: vault, organisation, entry, a procedure run to the end, lock', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 760 } });
  const app = await AppPage.open(context, env.url);
  await countMouse(app);
  const data = JSON.parse(await readFile(`${CONTENT}eis-export-token.json`, 'utf8'));

  // The page's first stop is its own button (the screen-reader mirror); the next Tab enters the app.
  await app.press('Tab');
  assert.equal(await app.page.evaluate(() => document.activeElement.id), 'ts-a11y-toggle');
  await app.press('Tab');
  await app.settle();
  const first = await focusedItem(app);
  assert.ok(first, 'Tab from the page button puts the keyboard on the app\'s first widget');
  assert.ok(await ringPixels(app, first) > 20, 'the focus ring is drawn around it');
  // Shift+Tab from there leaves the app for the page's button (the ring goes), and Tab comes back
  // to the same first widget.
  await app.press('Shift+Tab');
  assert.equal(await app.page.evaluate(() => document.activeElement.id), 'ts-a11y-toggle');
  await until(async () => (await focusedItem(app)) === null, 'no ring in the app while the page has the keyboard');
  await app.press('Tab');
  assert.equal((await until(() => focusedItem(app), 'the keyboard back in the app')).key, first.key);

  // Create the vault.
  await tabTo(app, 'open-vault');
  await pressOn(app, 'Enter');
  await app.waitForState((s) => s.screen === 'vault', 'the vault screen');
  await tabTo(app, 'create-pass');
  await typeKeys(app, PASS);
  await app.press('Tab');
  await typeKeys(app, PASS);
  await tabTo(app, 'create-vault');
  await pressOn(app, 'Enter');
  await app.waitForState((s) => s.vault === 'unlocked' && !s.saving, 'the new vault');

  // An organisation, on the organisations tab.
  await tabTo(app, 'tab-organisations');
  await pressOn(app, 'Space');
  await tabTo(app, 'org-new');
  await pressOn(app, 'Enter');
  await tabTo(app, 'org-name');
  await typeKeys(app, 'ООО «Ромашка»');
  await tabTo(app, 'org-tax-id');
  await typeKeys(app, '7707083893');
  let rev = (await app.state()).revision;
  await tabTo(app, 'org-save');
  await pressOn(app, 'Enter');
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the organisation saved');

  // An entry: the kind chooser opens, Esc closes it, it opens again and a kind is chosen with arrows.
  await tabTo(app, 'tab-entries');
  await pressOn(app, 'Space');
  await tabTo(app, 'entry-new');
  await pressOn(app, 'Enter');
  await app.find({ key: 'kind-generic' });
  await app.press('Escape');
  await app.settle();
  assert.equal(await app.has({ key: 'kind-generic' }), false, 'Esc closes the kind chooser');
  await pressOn(app, 'Enter'); // the keyboard is still on «Новая запись»
  await app.find({ key: 'kind-generic' });
  await tabTo(app, 'kind-generic', 'ArrowDown');
  await pressOn(app, 'Enter');
  await tabTo(app, 'field-title');
  await typeKeys(app, 'Учётка ЕИС');
  await tabTo(app, 'field-secret');
  await typeKeys(app, 'секрет-42');
  rev = (await app.state()).revision;
  await tabTo(app, 'entry-save');
  await pressOn(app, 'Enter');
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === 1, 'the entry saved');

  // Ctrl+F: the keyboard lands in the search field, and what is typed filters the list.
  await tabTo(app, 'nav-home');
  await app.press('Control+f');
  await app.settle();
  assert.equal((await focusedItem(app))?.key, 'entries-search');
  await typeKeys(app, 'ЕИС');
  await app.waitForValue({ key: 'entries-search' }, 'ЕИС');

  // A procedure run, every step ticked with Space, finished with Enter.
  await tabTo(app, 'nav-procedures');
  await pressOn(app, 'Enter');
  await tabTo(app, `procedure-${data.id ?? 'eis-export-token'}`);
  await pressOn(app, 'Enter');
  await tabTo(app, 'tab-run');
  await pressOn(app, 'Space');
  await app.waitForValue({ key: 'run-org' }, 'ООО «Ромашка»');
  rev = (await app.state()).revision;
  await tabTo(app, 'run-start');
  await pressOn(app, 'Enter');
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the run saved');
  for (const s of data.steps) {
    if ((s.fills ?? []).length) {
      await tabTo(app, `run-goto-${s.id}`);
      await pressOn(app, 'Enter');
      await tabTo(app, 'field-guid');
      await typeKeys(app, '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
      await tabTo(app, 'field-validUntil');
      await typeKeys(app, typedDate(0, 12));
    }
    rev = (await app.state()).revision;
    await tabTo(app, `run-step-${s.id}`);
    await pressOn(app, 'Space');
    await app.waitForState((st) => st.revision === rev + 1 && !st.saving, `step ${s.id} ticked`);
  }
  rev = (await app.state()).revision;
  await tabTo(app, 'run-finish');
  await pressOn(app, 'Enter');
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === 2, 'the token saved');

  // Export a bundle of the whole vault under a passphrase: a radio, two fields, the button; the
  // file is downloaded.
  await tabTo(app, 'nav-transfer');
  await pressOn(app, 'Enter');
  await tabTo(app, 'tab-export');
  await pressOn(app, 'Space');
  await tabTo(app, 'export-by-pass');
  await pressOn(app, 'Space');
  await tabTo(app, 'export-pass');
  await typeKeys(app, BUNDLE_PASS);
  await tabTo(app, 'export-repeat');
  await typeKeys(app, BUNDLE_PASS);
  await tabTo(app, 'export-file');
  const downloaded = app.page.waitForEvent('download');
  await pressOn(app, 'Enter');
  const download = await downloaded;
  assert.match(download.suggestedFilename(), /^tokensafe-\d{4}-\d{2}-\d{2}\.tsb$/);
  await app.waitForState((s) => s.message.startsWith('Пакет зашифрован и скачан'), 'the export');

  // Ctrl+L locks; the keyboard is then in the passphrase field, so what is typed is not lost.
  await app.press('Control+l');
  await app.waitForState((s) => s.vault === 'locked', 'the lock');
  await app.settle();
  assert.equal((await focusedItem(app))?.key, 'unlock-pass');
  await typeKeys(app, PASS);
  await app.press('Enter');
  await app.waitForState((s) => s.vault === 'unlocked', 'unlocked again, typed straight after Ctrl+L');
  await app.screenshot('keyboard-journey');

  assert.equal(await app.page.evaluate(() => window.__mouseEvents), 0, 'no mouse event at all');
  await context.close();
});
