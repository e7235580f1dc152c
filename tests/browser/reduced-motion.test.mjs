// prefers-reduced-motion (issue 22): with the person's "reduce motion" choice, nothing on the page
// moves by itself — the text cursor stands still (so no frame is drawn while they read), the
// loader's bar has no transition — and the app follows the choice when it changes while it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowser } from './lib/app.mjs';

const env = useBrowser({ before, after });

// Frames drawn in `ms` of doing nothing.
async function framesWhileIdle(app, ms) {
  const start = await app.frames();
  await new Promise((r) => setTimeout(r, ms));
  return (await app.frames()) - start;
}

test('reduced motion: no blinking cursor, no loader transition; turning it off brings the blink back', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const app = await AppPage.open(context, env.url);
  assert.equal((await app.state()).reducedMotion, true);
  assert.equal(await app.page.evaluate(() => getComputedStyle(document.getElementById('loader-fill')).transitionDuration), '0s');

  // The keyboard in a text field: ImGui's cursor blinks by being redrawn every 0.4 s, unless asked not to.
  await app.click('Хранилище');
  await app.click({ key: 'create-pass' });
  await app.settle();
  assert.equal(await framesWhileIdle(app, 1300), 0, 'no frame drawn: the cursor does not blink');

  await app.page.emulateMedia({ reducedMotion: 'no-preference' });
  await app.waitForState((s) => s.reducedMotion === false, 'the change followed');
  assert.ok(await framesWhileIdle(app, 1300) >= 2, 'the cursor blinks again');
  assert.equal(await app.page.evaluate(() => getComputedStyle(document.getElementById('loader-fill')).transitionDuration), '0.15s');

  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await app.waitForState((s) => s.reducedMotion === true, 'the change followed back');
  await app.settle();
  assert.equal(await framesWhileIdle(app, 900), 0);
  await context.close();
});
