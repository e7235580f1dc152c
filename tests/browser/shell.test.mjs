// The app shell: loads, draws Russian text, switches language and remembers it, stays idle,
// loads nothing but its own files, and stays crisp and clickable at every pixel ratio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowser, foreignRequests } from './lib/app.mjs';

const env = useBrowser({ before, after });

test('the app loads with its first screen in Russian', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = await AppPage.open(context, env.url);
  const state = await app.state();
  assert.equal(state.screen, 'home');
  assert.equal(state.language, 'ru');
  assert.equal(state.locked, true);
  await app.find({ label: 'Сейф токенов', kind: 'text' });
  await app.find('Токены и пароли для ЕИС и ОАИС — зашифрованы, с напоминаниями о сроках и пошаговыми инструкциями.');
  await app.find('ЕИС — «Уникальный токен-ключ» участника закупок, на 1 год');
  // The three areas of the product, each open for use; with no vault yet, the first step is to create one.
  await app.waitForState((s) => s.vault === 'absent', 'the vault looked for');
  await app.find({ label: 'С чего начать: создайте хранилище — придумайте парольную фразу, которой будут зашифрованы ваши токены и пароли.', kind: 'text' });
  assert.equal((await app.find('Создать хранилище')).disabled, false);
  assert.equal((await app.find('Открыть инструкции')).disabled, false);
  assert.equal((await app.find('Экспорт и импорт')).disabled, false);
  assert.equal(await app.page.locator('#loader').isHidden(), true);
  assert.deepEqual(app.console.filter((l) => /^(error|pageerror)/.test(l)), []);
  await app.screenshot('home-ru');
  await context.close();
});

test('switching language by clicking changes the labels and survives a reload', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = await AppPage.open(context, env.url);
  await app.click('English');
  const s = await app.waitForState((st) => st.language === 'en', 'English');
  assert.equal(s.message, 'Interface language: English');
  await app.find('Settings');
  await app.find('Create the vault');
  assert.equal(await app.has('Настройки'), false);
  await app.screenshot('home-en');

  await app.page.reload();
  await app.waitReady();
  assert.equal((await app.state()).language, 'en');
  await app.find({ label: 'TokenSafe', kind: 'text' });

  await app.click('Русский');
  await app.waitForState((st) => st.language === 'ru', 'Russian');
  await app.find('Настройки');
  await context.close();
});

test('an idle second renders no frames; input and resizing wake it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = await AppPage.open(context, env.url);
  const before = await app.frames();
  await app.page.waitForTimeout(1000);
  assert.equal(await app.frames(), before, 'no frames while idle');

  await app.page.mouse.move(300, 300);
  await app.page.mouse.move(320, 310);
  await app.settle();
  const afterMove = await app.frames();
  assert.ok(afterMove > before, 'mouse movement draws frames');

  const langBefore = await app.find({ key: 'lang-en' });
  await app.page.setViewportSize({ width: 900, height: 700 });
  await app.settle();
  assert.ok((await app.frames()) > afterMove, 'a resize draws frames');
  const langAfter = await app.find({ key: 'lang-en' });
  assert.ok(langAfter.x < langBefore.x - 300, 'the layout follows the new width');
  const canvas = await app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height };
  });
  assert.deepEqual(canvas, { w: 900, h: 700 });
  await context.close();
});

test('the page requests nothing but its own files', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = await AppPage.open(context, env.url);
  await app.click('Настройки');
  await app.click('English');
  await app.settle();
  assert.ok(app.requests.length >= 5);
  assert.deepEqual(foreignRequests(app, env.url), []);
  await context.close();
});

for (const dpr of [1, 1.5, 2]) {
  test(`crisp and clickable at devicePixelRatio ${dpr}`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: dpr });
    const app = await AppPage.open(context, env.url);
    const canvas = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
    });
    assert.equal(canvas.dpr, dpr);
    assert.equal(canvas.w, Math.round(canvas.cw * dpr), 'the backing store is CSS size × DPR');
    assert.equal(canvas.h, Math.round(canvas.ch * dpr));
    // Widget rectangles stay in CSS pixels, so a click at the centre lands.
    await app.click('Настройки');
    await app.waitForState((s) => s.screen === 'settings', 'the settings screen');
    await app.screenshot(`settings-dpr-${dpr}`);
    await context.close();
  });
}
