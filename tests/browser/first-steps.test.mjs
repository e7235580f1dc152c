// A new user's first minutes, on a 1366×768 office laptop: the home screen says where to start
// (create the vault, not "open" one they do not have), names the procedures as the navigation does,
// and the transfer screen and a run's tab ask for a vault to be created rather than opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowser } from './lib/app.mjs';
import { createVault } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const START_HERE = 'С чего начать: создайте хранилище — придумайте парольную фразу, которой будут зашифрованы ваши токены и пароли.';

test('with no vault, home, transfer and a run lead to creating one; once it exists, to opening it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const app = await AppPage.open(context, env.url);
  await app.waitForState((s) => s.vault === 'absent', 'the vault looked for');
  await app.find({ label: START_HERE, kind: 'text' });
  assert.equal((await app.find({ key: 'open-vault' })).label, 'Создать хранилище');
  // One name for the procedures: the card's title is the navigation's.
  assert.equal((await app.find({ key: 'nav-procedures' })).label, 'Инструкции');
  await app.find({ label: 'Инструкции', kind: 'text' });
  assert.equal(await app.has({ label: 'Процедуры' }), false);
  // Every kind the entry form offers is named among what TokenSafe knows (the generic one too).
  await app.find({ label: 'Любые другие логины, пароли и ключи — как простая запись с названием и заметками', kind: 'text' });
  await app.screenshot('first-steps-home-1366');

  await app.click({ key: 'nav-transfer' });
  await app.find({ label: 'Сначала создайте хранилище: экспорт и импорт работают с его записями. Пакет с другого компьютера принимают так же — создайте хранилище здесь, затем откройте «Импорт».', kind: 'text' });
  assert.equal((await app.find({ key: 'transfer-open-vault' })).label, 'Создать хранилище');
  await app.screenshot('first-steps-transfer-1366');
  await app.click({ key: 'transfer-open-vault' });
  await app.find({ key: 'create-pass' }); // the form that creates it

  await createVault(app);
  await app.click({ key: 'nav-home' });
  assert.equal((await app.find({ key: 'open-vault' })).label, 'Открыть хранилище');
  assert.equal(await app.has({ label: START_HERE }), false, 'no "where to start" once there is a vault');
  await context.close();
});
