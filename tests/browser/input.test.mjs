// Text input: Cyrillic typed on the keyboard arrives exactly, and Ctrl+V / Ctrl+C / Ctrl+X work
// with the browser clipboard. Uses the settings screen's workstation name, a real, saved field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowser } from './lib/app.mjs';

const env = useBrowser({ before, after });

const FIELD = 'Название рабочего места';

async function openSettings(context) {
  const app = await AppPage.open(context, env.url);
  await app.click('Настройки');
  await app.waitForState((s) => s.screen === 'settings', 'the settings screen');
  return app;
}

test('Cyrillic typed with the keyboard arrives exactly, is saved and survives a reload', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 750 } });
  const app = await openSettings(context);
  const text = 'Бухгалтерия — ПК №3, «Ёлка» ёж';
  await app.click({ label: FIELD, key: 'workstation' });
  await app.type(text);
  await app.waitForValue({ key: 'workstation' }, text);
  await app.press('Enter'); // a setting applies as soon as it is given: the field left with Enter
  const s = await app.waitForState((st) => st.message === 'Настройки сохранены', 'the saved message');
  assert.equal(s.messageIsError, false);
  await app.screenshot('settings-typed');

  await app.page.reload();
  await app.waitReady();
  await app.click('Настройки');
  await app.waitForValue({ key: 'workstation' }, text);
  await context.close();
});

test('an invalid workstation name gets a specific message and is not applied', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 750 } });
  const app = await openSettings(context);
  await app.click({ key: 'workstation' });
  await app.type('Ж'.repeat(65));
  await app.waitForValue({ key: 'workstation' }, 'Ж'.repeat(65));
  await app.find('Название рабочего места: не длиннее 64 символов');
  await app.press('Enter');
  await app.settle();
  assert.notEqual((await app.state()).message, 'Настройки сохранены', 'an invalid name is not applied');
  await app.click({ key: 'workstation' });
  await app.press('End');
  await app.press('Backspace');
  await app.waitForValue({ key: 'workstation' }, 'Ж'.repeat(64));
  await app.settle();
  assert.equal(await app.has('Название рабочего места: не длиннее 64 символов'), false);
  await app.press('Enter');
  await app.waitForState((st) => st.message === 'Настройки сохранены', 'the valid name applied');
  await context.close();
});

test('Ctrl+V pastes, Ctrl+C copies and Ctrl+X cuts through the browser clipboard', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 750 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  const app = await openSettings(context);
  const pasted = 'Отдел закупок — ПК «Север» №12';
  // Put text on the system clipboard, as another program would.
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), pasted);

  await app.click({ key: 'workstation' });
  await app.press('Control+V');
  await app.waitForValue({ key: 'workstation' }, pasted);

  await app.press('Control+A');
  await app.press('Control+C');
  await app.settle();
  assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), pasted);

  await app.type(' ');            // typing over the selection replaces it
  await app.waitForValue({ key: 'workstation' }, ' ');
  await app.type('ПК-1');
  await app.press('Control+A');
  await app.press('Control+X');
  await app.waitForValue({ key: 'workstation' }, '');
  await app.settle();
  assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), ' ПК-1');

  await app.press('Control+V');
  await app.waitForValue({ key: 'workstation' }, ' ПК-1');
  await context.close();
});
