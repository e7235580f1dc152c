// A new user's passphrase and the main screens at the two window sizes people have: the rules are
// shown before anything is typed, a weak passphrase («1234567890») is refused without the button
// moving, a wrong one typed in the other keyboard layout is said to be so; entries are named
// organisation + kind and fit their column; the banner opens the entry; the security settings are
// in sight at 1366×768. Screenshots of each screen at 1366×768 and 1920×1080 go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, until, useBrowser } from './lib/app.mjs';
import { PASS, addOrganisation, openVault, saveEntry, typeInto, typedDate } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const ORG = 'ООО «Ромашка-Север»';
const NAME = `${ORG} · Токен сервисов отдачи`;

// Not on screen, or cut by its window or the page: what a person could not read or click.
function assertInSight(item, viewport, what) {
  assert.ok(item, `${what} is drawn`);
  assert.equal(item.clipped, false, `${what} is not cut off`);
  assert.ok(item.y >= 0 && item.y + item.h <= viewport.height, `${what} is within the window (y ${item.y})`);
}

async function screens(app, size) {
  await app.click({ key: 'nav-home' });
  await app.screenshot(`screens-home-${size}`);
  await app.click({ key: 'nav-vault' });
  await app.click({ key: 'tab-entries' });
  await app.screenshot(`screens-entries-${size}`);
  await app.click({ key: 'tab-deadlines' });
  await app.screenshot(`screens-deadlines-${size}`);
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'procedure-eis-export-token' });
  await app.click({ key: 'tab-run' });
  await app.screenshot(`screens-run-${size}`);
  await app.click({ key: 'nav-transfer' });
  await app.screenshot(`screens-transfer-${size}`);
  await app.click({ key: 'nav-settings' });
  await app.screenshot(`screens-settings-${size}`);
}

// A vault with one organisation and its data-output token expiring in five days.
async function setUp(app) {
  await openVault(app);
  await typeInto(app, 'create-pass', PASS);
  await typeInto(app, 'create-repeat', PASS);
  await app.click('Создать хранилище');
  await app.waitForState((s) => s.vault === 'unlocked', 'the new vault');
  await addOrganisation(app, ORG, 'RU', '7707083893');
  await app.click({ key: 'tab-entries' });
  await app.click('Новая запись');
  await app.click({ key: 'kind-eis-export-token' });
  await typeInto(app, 'field-guid', '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  await typeInto(app, 'field-validUntil', typedDate(5));
  await saveEntry(app);
}

test('passphrase rules up front, weak refused, layout hint; the screens at 1366×768 and 1920×1080', async () => {
  const viewport = { width: 1366, height: 768 };
  const context = await env.browser.newContext({ viewport });
  const app = await AppPage.open(context, env.url);
  await openVault(app);
  await app.find({ kind: 'text', label: 'Не меньше 10 символов, надёжность — хотя бы «средняя». Проще всего запомнить несколько слов и число.' });
  await typeInto(app, 'create-pass', '1234567890');
  await app.find({ label: 'Надёжность: слабая' });
  await typeInto(app, 'create-repeat', '1234567890');
  const button = await app.find({ key: 'create-vault' });
  await app.click({ key: 'create-vault' });
  await app.find({ label: 'Парольная фраза слишком простая: добавьте слов, цифр или знаков, пока надёжность не станет хотя бы «средняя»' });
  assert.equal((await app.state()).vault, 'absent', 'no vault made with a weak passphrase');
  assert.equal((await app.find({ key: 'create-vault' })).y, button.y, 'the button stays where it was');
  await app.screenshot('screens-create-weak-1366');
  await app.page.reload();
  await app.waitReady();
  await setUp(app);

  // Locked, then the passphrase typed with the English layout on.
  await app.press('Control+l');
  await app.waitForState((s) => s.vault === 'locked', 'locked');
  await app.type('Cbybq-nhfrnjh 42 tltn');
  await app.press('Enter');
  await app.find({ label: 'Похоже, русская фраза набрана в английской раскладке: переключите раскладку (Alt+Shift или Win+Пробел) и введите снова.' });
  await app.screenshot('screens-unlock-layout-1366');
  await typeInto(app, 'unlock-pass', PASS);
  await until(async () => !(await app.find({ key: 'unlock' })).disabled, 'another try allowed', 10000);
  await app.click({ key: 'unlock' });
  await app.waitForState((s) => s.vault === 'unlocked', 'unlocked');

  // The entry is named organisation + kind, whole in its column; the banner's line opens it.
  await app.click({ key: 'tab-entries' });
  const row = await app.find({ label: NAME, kind: 'widget' });
  assertInSight(row, viewport, 'the entry row');
  // The list column's edge is dragged wider with the mouse.
  const edge = await app.find({ key: 'entries-splitter' });
  const box = await app.page.locator('#canvas').boundingBox();
  await app.page.mouse.move(box.x + edge.cx, box.y + edge.cy);
  await app.page.mouse.down();
  await app.page.mouse.move(box.x + edge.cx + 60, box.y + edge.cy, { steps: 4 });
  await app.page.mouse.move(box.x + edge.cx + 120, box.y + edge.cy, { steps: 4 });
  await app.page.mouse.up();
  await until(async () => Number((await app.find({ key: 'entries-splitter' })).value) >= Number(edge.value) + 100,
    'the list column wider');
  const banner = await app.find({ label: `${NAME} — Истекает через 5 дн. (${typedDate(5)})` });
  await app.click({ key: 'tab-organisations' });
  await app.click({ key: banner.key });
  await app.waitForValue({ key: 'field-validUntil' }, typedDate(5));
  await app.find({ key: 'entry-how-to' }); // «Как получить или обновить?» beside the entry

  await screens(app, '1366');
  assertInSight(await app.find({ label: 'Сменить парольную фразу', kind: 'text' }), viewport, '«Сменить парольную фразу»');
  assertInSight(await app.find({ key: 'backup-reminder-90' }), viewport, 'the last backup reminder choice');

  // The same vault in a 1920×1080 window: no second vault to make.
  const wide = { width: 1920, height: 1080 };
  await app.page.setViewportSize(wide);
  await app.settle();
  await app.click({ key: 'nav-vault' });
  await app.click({ key: 'tab-entries' });
  assertInSight(await app.find({ label: NAME, kind: 'widget' }), wide, 'the entry row');
  await screens(app, '1920');
  assertInSight(await app.find({ label: 'Сменить парольную фразу', kind: 'text' }), wide, '«Сменить парольную фразу»');
  await context.close();
});
