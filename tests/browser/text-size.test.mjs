// Text size (issue 22): 100–200 % from the settings screen, kept for the browser, applied by building
// the fonts at the new size (atlas size = drawn size: crisp, not a scaled bitmap) and relaying out
// every screen, on which nothing runs off its window's side or is drawn over another widget at
// 1366×768. Screenshots of each main screen at 150 % and 200 % go to test-output/
// (text-size-<percent>-<screen>.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowser } from './lib/app.mjs';
import { PASS, addEntry, addOrganisation, createVault, unlock } from './lib/vault.mjs';

const env = useBrowser({ before, after });

const SCREENS = [
  ['home', async (app) => app.click({ key: 'nav-home' })],
  ['vault', async (app) => app.click({ key: 'nav-vault' })], // the entry open in its editor
  ['procedures', async (app) => {
    await app.click({ key: 'nav-procedures' });
    await app.click({ key: 'procedure-eis-export-token' });
    // The procedure's tabs may be below the fold: the wheel turns over the procedure, as a hand does.
    const title = await app.find({ key: 'procedure-eis-export-token' });
    await app.page.mouse.move(1366 - 200, title.cy);
    await app.click({ key: 'tab-run' });
  }],
  ['transfer', async (app) => app.click({ key: 'nav-transfer' })],
  ['settings', async (app) => app.click({ key: 'nav-settings' })],
];

// Each main screen at the current size: a screenshot, and whatever runs past its window's side.
async function visitScreens(app, percent) {
  const cut = [];
  for (const [name, go] of SCREENS) {
    await go(app);
    await app.settle();
    await app.screenshot(`text-size-${percent}-${name}`);
    const items = await app.items();
    for (const i of items)
      if (i.cutAtSide) cut.push(`${percent} % ${name}: ${i.kind} ${JSON.stringify(i.key || i.label)} in ${i.window}`);
    // Widgets of one window drawn over each other (a row that did not wrap).
    const widgets = items.filter((i) => i.kind !== 'text' && i.id && !i.clipped && i.w > 0 && i.h > 0);
    for (const [n, a] of widgets.entries())
      for (const b of widgets.slice(n + 1))
        if (a.wid === b.wid && Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 &&
            Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1)
          cut.push(`${percent} % ${name}: ${JSON.stringify(a.key || a.label)} over ${JSON.stringify(b.key || b.label)}`);
  }
  return cut;
}

async function chooseSize(app, percent) {
  await app.click({ key: 'nav-settings' });
  await app.click({ key: `text-size-${percent}` });
  const px = 16 * percent / 100;
  await app.waitForState((s) => s.textPx.atlas === px && s.textPx.drawn === px, `fonts built at ${px} px`);
  await app.settle();
}

test('text size 150 % and 200 %: fonts rebuilt at the size, kept over a reload, every main screen laid out without cut-off or overlapping widgets', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const app = await AppPage.open(context, env.url);
  assert.deepEqual((await app.state()).textPx, { atlas: 16, drawn: 16 });
  const nav100 = await app.find({ key: 'nav-settings' });
  // A vault with an organisation and an entry: the screens have something to show.
  await createVault(app);
  await addOrganisation(app, 'ООО «Ромашка и партнёры»', 'RU', '7707083893');
  await app.click({ key: 'tab-entries' });
  await addEntry(app, 'Учётка ЕИС для закупок', 'секрет-42');

  await chooseSize(app, 150);
  const nav150 = await app.find({ key: 'nav-settings' });
  assert.ok(nav150.h >= nav100.h * 1.4 && nav150.w >= nav100.w * 1.4, 'buttons grew with their text');
  assert.equal(JSON.parse(await app.page.evaluate(() => localStorage.getItem('tokensafe.settings'))).textSizePercent, 150);
  assert.equal((await app.find({ key: 'text-size-150' })).checked, true, 'the chosen size is shown as chosen');
  await app.page.reload();
  await app.waitReady();
  assert.deepEqual((await app.state()).textPx, { atlas: 24, drawn: 24 }, 'kept for the browser');
  await unlock(app, PASS);
  await app.waitForState((s) => s.vault === 'unlocked', 'the vault unlocked at 150 %');
  await app.click({ key: 'tab-entries' });
  await app.click({ label: 'ООО «Ромашка и партнёры» · Учётка ЕИС для закупок', kind: 'widget' });

  const cut = await visitScreens(app, 150);
  await chooseSize(app, 200);
  cut.push(...await visitScreens(app, 200));
  assert.deepEqual(cut, [], 'nothing cut off at the side or drawn over another at 1366×768');
  await context.close();
});
