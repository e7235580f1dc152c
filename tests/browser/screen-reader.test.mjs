// The screen-reader mirror (issue 22, web/library_mirror.js): the page's first control turns it on
// and the choice is kept; the mirror's accessibility tree (Playwright's ariaSnapshot, what a screen
// reader is given) matches the screen; focus goes both ways; a press in the mirror acts through
// ImGui; a refused value marks its field invalid with the message as its description; a save is
// announced politely; axe-core finds no serious or critical violation; no secret reaches the DOM.
// The vault (an entry open in its editor), a procedure's run tab, the transfer and the settings
// screens, each reached through the mirror, match their trees and pass axe too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AppPage, OUTPUT_DIR, useBrowser, until } from './lib/app.mjs';
import { TREES } from './screen-reader-trees.mjs';
import { PASS, typedDate } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BAD_GUID = 'kjsd-34m34-23m4i23';
const GUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

// The tree without its plain texts (their wording belongs to other work): roles, names and states.
async function tree(app) {
  const s = await app.page.locator('#ts-a11y').ariaSnapshot();
  return s.split('\n').filter((l) => !/^\s*- text: /.test(l)).join('\n');
}

async function axeViolations(app) {
  // Evaluated from the test (the page's CSP rightly refuses an inline script tag), once per page.
  if (!await app.page.evaluate(() => !!window.axe)) await app.page.evaluate(await readFile(AXE, 'utf8'));
  const result = await app.page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// What the app sees as focused (the seam), and the DOM's focused element.
const seamFocus = async (app) => (await app.items()).find((i) => i.focused) ?? null;
const domFocus = (app) => app.page.evaluate(() => {
  const e = document.activeElement;
  return { id: e.id, name: e.getAttribute('aria-label') ?? e.textContent, role: e.getAttribute('role') ?? e.type };
});

// A mirrored control by its role and accessible name.
const control = (app, role, name) => app.page.locator('#ts-a11y').getByRole(role, { name, exact: true });

test('the mirror: switched on from the keyboard and kept, its tree, focus both ways, presses through ImGui, validation, live region, axe, no secret in the DOM', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  let app = await AppPage.open(context, env.url);
  assert.equal(await app.page.locator('#ts-a11y').count(), 0, 'off until asked for');

  // The first Tab stop, with its name from the string table; Enter turns the mirror on.
  await app.press('Tab');
  assert.deepEqual(await domFocus(app), { id: 'ts-a11y-toggle', name: 'Включить режим для экранного диктора', role: 'button' });
  await app.press('Enter');
  await app.settle();
  assert.equal(await app.page.evaluate(() => localStorage.getItem('tokensafe.screenReader')), '1');
  assert.equal(await app.page.locator('#ts-a11y-toggle').textContent(), 'Выключить режим для экранного диктора');
  assert.equal(await tree(app), [
    '- region "Сейф токенов":',
    '  - radio "Главная" [checked]',
    '  - radio "Хранилище"',
    '  - radio "Инструкции"',
    '  - radio "Перенос"',
    '  - radio "Настройки"',
    '  - radio "Русский" [checked]',
    '  - radio "English"',
    '  - heading "Сейф токенов" [level=1]',
    '  - \'heading "С чего начать: создайте хранилище — придумайте парольную фразу, которой будут зашифрованы ваши токены и пароли." [level=2]\'',
    '  - heading "Хранилище" [level=2]',
    '  - button "Создать хранилище"',
    '  - heading "Инструкции" [level=2]',
    '  - button "Открыть инструкции"',
    '  - heading "Перенос" [level=2]',
    '  - button "Экспорт и импорт"',
    '  - heading "Какие учётные данные знает Сейф" [level=2]',
    '  - status: Готово',
    '  - alert',
  ].join('\n'));
  assert.deepEqual(await axeViolations(app), [], 'axe-core on the home screen with the mirror on');

  // Kept for the browser: after a reload the mirror is on at once.
  await app.page.reload();
  await app.waitReady();
  await until(() => app.page.locator('#ts-a11y').count(), 'the mirror after a reload');

  // ImGui's focus moves the DOM focus: Tab (into the app) lands on the mirrored first widget.
  await app.press('Tab');
  await app.press('Tab');
  await app.settle();
  const first = await seamFocus(app);
  assert.ok(first);
  assert.deepEqual(await domFocus(app), { id: (await domFocus(app)).id, name: first.label, role: first.role });
  // ...and the reverse: a screen reader moving to a mirrored control moves ImGui's focus there;
  // its "click" presses it through ImGui's keyboard path.
  // With no vault yet, the vault card's button says «Создать хранилище».
  await control(app, 'button', 'Создать хранилище').focus();
  await until(async () => (await seamFocus(app))?.key === 'open-vault', 'ImGui focus on «Создать хранилище»');
  await control(app, 'button', 'Создать хранилище').dispatchEvent('click');
  await app.waitForState((s) => s.screen === 'vault', 'the vault screen, opened from the mirror');

  // A passphrase typed into the mirrored field reaches ImGui's field (Cyrillic included) and never
  // the DOM: the mirror says only its length.
  await control(app, 'textbox', 'Парольная фраза').focus();
  await until(async () => (await seamFocus(app))?.key === 'create-pass', 'the passphrase field active');
  await app.type(PASS);
  await until(async () => (await app.find({ key: 'create-pass' })).length === Buffer.byteLength(PASS), 'the typed passphrase');
  const pass = control(app, 'textbox', 'Парольная фраза');
  await until(async () => (await pass.getAttribute('aria-description')) === `скрыто, символов: ${[...PASS].length}`, 'the length described');
  assert.equal(await pass.getAttribute('type'), 'password');
  await control(app, 'textbox', 'Повторите парольную фразу').focus();
  await until(async () => (await seamFocus(app))?.key === 'create-repeat', 'the repeat field active');
  await app.type(PASS);
  await app.settle();
  await control(app, 'button', 'Создать хранилище').dispatchEvent('click');
  await app.waitForState((s) => s.vault === 'unlocked' && !s.saving, 'the vault created from the mirror');

  // An entry whose GUID is refused: the field is invalid, described by the message under it.
  await control(app, 'button', 'Новая запись').dispatchEvent('click');
  const kind = await app.find({ key: 'kind-eis-export-token' });
  assert.match(await tree(app), /- dialog/, 'the kind chooser is a dialog');
  await app.page.locator('#ts-a11y').getByRole('dialog').getByRole('button', { name: kind.label }).dispatchEvent('click');
  const guidItem = await app.find({ key: 'field-guid' });
  const guid = control(app, 'textbox', guidItem.label);
  await guid.focus();
  await until(async () => (await seamFocus(app))?.key === 'field-guid', 'the GUID field active');
  await app.type(BAD_GUID);
  await until(async () => (await guid.getAttribute('aria-invalid')) === 'true', 'the GUID marked invalid');
  const describedBy = await guid.getAttribute('aria-describedby');
  const message = await app.page.locator(`[id="${describedBy}"]`).textContent();
  assert.match(message, /GUID/, 'the description is the validation message');
  assert.ok((await app.items()).some((i) => i.kind === 'text' && i.label === message), 'as the app shows it');
  // Fixed: valid, no longer invalid; saved: said in the polite live region.
  await app.press('Control+a');
  await app.press('Delete');
  await app.type(GUID);
  await until(async () => (await guid.getAttribute('aria-invalid')) === null, 'the GUID accepted');
  const outer = await app.page.evaluate(() => document.documentElement.outerHTML +
    [...document.querySelectorAll('input')].map((i) => i.value).join('|'));
  for (const secret of [GUID, GUID.slice(0, 13), PASS, PASS.slice(0, 8), BAD_GUID])
    assert.equal(outer.includes(secret), false, `${secret} is in the DOM`);
  const until1 = await app.find({ key: 'field-validUntil' });
  await control(app, 'textbox', until1.label).focus();
  await until(async () => (await seamFocus(app))?.key === 'field-validUntil', 'the date field active');
  await app.type(typedDate(0, 12));
  await app.settle();
  const rev = (await app.state()).revision;
  await control(app, 'button', 'Сохранить запись').dispatchEvent('click');
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the entry saved from the mirror');
  await until(async () => (await app.page.locator('#ts-a11y [role=status]').textContent()) === 'Сохранено', 'the save announced');
  assert.deepEqual(await axeViolations(app), [], 'axe-core on the vault screen with the mirror on');
  await app.screenshot('screen-reader-vault');

  // Each main screen, reached through the mirror: its tree (dates written as ДД.ММ.ГГГГ, since they
  // follow today's) against the expected one in screen-reader-trees.mjs, and axe-core on it. The
  // trees are also written to test-output/aria-<screen>.txt to read.
  const goTo = async (key) => {
    const item = await app.find({ key });
    await control(app, item.role, item.label).dispatchEvent('click');
  };
  for (const [screen, go] of [
    ['vault', async () => {}], // where the entry was saved, open in its editor
    ['procedures', async () => {
      await goTo('nav-procedures');
      await goTo('procedure-eis-export-token');
      await goTo('tab-run');
      await until(async () => (await app.find({ key: 'tab-run' })).selected, 'the run tab chosen');
    }],
    ['transfer', async () => { await goTo('nav-transfer'); await app.find({ key: 'tab-export' }); }],
    ['settings', async () => { await goTo('nav-settings'); await app.find({ key: 'text-size-100' }); }],
  ]) {
    await go();
    await app.waitForState((s) => s.screen === screen, `the ${screen} screen`);
    await app.settle();
    const got = (await tree(app)).replace(/\d{2}\.\d{2}\.\d{4}/g, 'ДД.ММ.ГГГГ');
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(`${OUTPUT_DIR}/aria-${screen}.txt`, `${got}\n`);
    assert.equal(got, TREES[screen], `the ${screen} screen's tree`);
    assert.deepEqual(await axeViolations(app), [], `axe-core on the ${screen} screen with the mirror on`);
  }

  // Off again from its button: the mirror is removed and stays off.
  await app.page.locator('#ts-a11y-toggle').focus();
  await app.press('Enter');
  assert.equal(await app.page.locator('#ts-a11y').count(), 0);
  assert.equal(await app.page.evaluate(() => localStorage.getItem('tokensafe.screenReader')), '0');
  await context.close();
});
