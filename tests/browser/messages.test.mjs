// A message belongs to the screen and the action that caused it (core/status_line.h): a finished
// run's «Готово… Открыть запись» is not offered on another procedure's run tab, an export's or an
// import's own confirmation is not replaced by the «Сохранено» of the save it caused, and
// «Календарь сроков скачан» does not linger once the user has gone elsewhere. On a 1366×768
// office laptop's window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage, useBrowser } from './lib/app.mjs';
import { addOrganisation, createVault, typeInto, typedDate } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const CONTENT = fileURLToPath(new URL('../../app/content/procedures/', import.meta.url));
const READY = 'Готово';
const RUN_FINISHED = 'Готово: результат сохранён в хранилище';

// Waits for the save under way to end, then for the frames after it: what the status bar says then
// is what the user reads.
async function afterSave(app, revision) {
  await app.waitForState((s) => s.revision === revision && !s.saving, `revision ${revision} saved`);
  await app.settle(300);
  return app.state();
}

// One page for the file's tests, with a vault and an organisation, made by the first test to run.
let app, made;
function vaultPage() {
  made ??= (async () => {
    const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    app = await AppPage.open(context, env.url);
    await createVault(app);
    await addOrganisation(app, 'ООО «Ромашка»', 'RU', '7707083893');
  })();
  return made;
}

test('a finished run says so on its own procedure\'s run tab only, and its «Готово» outlives the save it caused', async () => {
  await vaultPage();
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'procedure-eis-export-token' });
  await app.click({ key: 'tab-run' });
  let rev = (await app.state()).revision;
  await app.click({ key: 'run-start' });
  await afterSave(app, rev + 1);
  // Every step in order, ticked from the list.
  const data = JSON.parse(await readFile(`${CONTENT}eis-export-token.json`, 'utf8'));
  for (const { id: step, fills } of data.steps) {
    if (fills) { // the token's step: its values first
      assert.deepEqual(fills, ['guid', 'validUntil']);
      await app.click({ key: `run-goto-${step}` });
      await typeInto(app, 'field-guid', '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
      await typeInto(app, 'field-validUntil', typedDate(0, 12));
    }
    rev = (await app.state()).revision;
    await app.click({ key: `run-step-${step}` });
    await afterSave(app, rev + 1);
  }
  rev = (await app.state()).revision;
  await app.click({ key: 'run-finish' });
  let s = await afterSave(app, rev + 1);
  assert.equal(s.entries, 1);
  assert.equal(s.message, RUN_FINISHED, 'the run\'s own word, not the «Сохранено» of its save');
  await app.find({ key: 'run-open-entry' });
  await app.screenshot('messages-run-finished');

  // Another procedure's run tab: nothing was finished there.
  await app.click({ key: 'procedure-eis-https-login' });
  await app.find({ key: 'run-start' });
  await app.settle();
  assert.equal(await app.has({ key: 'run-open-entry' }), false, 'no «Открыть запись» on another procedure');
  s = await app.state();
  assert.equal(s.message, READY, 'nor its «Готово» in the status bar');
  await app.screenshot('messages-other-procedure');

  // Back on the procedure that was finished, the entry it wrote is still offered.
  await app.click({ key: 'procedure-eis-export-token' });
  await app.click({ key: 'run-open-entry' });
  await app.waitForState((st) => st.screen === 'vault', 'the vault');
  await app.find({ key: 'field-guid' });
});

test('«Календарь сроков скачан» is said on the deadlines tab and gone once the user leaves it', async () => {
  await vaultPage();
  await app.click({ key: 'nav-vault' });
  await app.click({ key: 'tab-deadlines' });
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click({ key: 'download-ics' })]);
  assert.equal(download.suggestedFilename(), 'tokensafe-deadlines.ics');
  await app.waitForState((s) => s.message.startsWith('Календарь сроков скачан'), 'the calendar message');
  await app.click({ key: 'tab-entries' });
  await app.settle();
  assert.equal((await app.state()).message, READY, 'not on the entries tab');
  await app.click({ key: 'tab-deadlines' });
  await app.settle();
  assert.equal((await app.state()).message, READY, 'nor back on the deadlines tab: it was news then');

  await Promise.all([app.page.waitForEvent('download'), app.click({ key: 'download-ics' })]);
  await app.waitForState((s) => s.message.startsWith('Календарь сроков скачан'), 'the calendar message again');
  await app.click({ key: 'nav-procedures' });
  await app.settle();
  assert.equal((await app.state()).message, READY, 'not on another screen');
});

test('an export\'s «Проверьте папку загрузок» and an import\'s confirmation are not replaced by «Сохранено»', async () => {
  await vaultPage();
  const pass = 'Пакет для Бреста 2026';
  await app.click({ key: 'nav-transfer' });
  await app.click({ key: 'tab-export' });
  await app.click({ key: 'export-scope-all' });
  await app.click({ key: 'export-by-pass' });
  await typeInto(app, 'export-pass', pass);
  await typeInto(app, 'export-repeat', pass);
  let rev = (await app.state()).revision;
  const downloaded = app.page.waitForEvent('download');
  await app.click({ key: 'export-file' });
  await downloaded;
  // The whole vault under a passphrase is a backup: its date is saved in the vault.
  let s = await afterSave(app, rev + 1);
  assert.equal(s.message, 'Пакет зашифрован и скачан. Проверьте папку загрузок.');
  await app.screenshot('messages-export-downloaded');

  await app.click({ key: 'tab-import' });
  const chooser = app.page.waitForEvent('filechooser');
  await app.click({ key: 'import-file' });
  await (await chooser).setFiles(join(FIXTURES, 'keepassxc-export.csv'));
  await app.find({ key: 'import-confirm' });
  // The import tab's first visit made the vault's receiving key: a save of its own, before.
  rev = (await app.waitForState((st) => !st.saving, 'no save under way')).revision;
  await app.click({ key: 'import-confirm' });
  s = await afterSave(app, rev + 1);
  assert.equal(s.message, 'Импорт записан в хранилище.');
  assert.ok(s.entries > 1);
});
