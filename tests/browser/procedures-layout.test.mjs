// How a procedure reads in a small window: each new step opens at its top, its heading in view (the
// pane kept the last step's scroll), and a quiz's answers wrap at the panel's edge instead of being
// cut off there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppPage, useBrowser } from './lib/app.mjs';
import { addOrganisation, createVault } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const CONTENT = fileURLToPath(new URL('../../app/content/procedures/', import.meta.url));
const IDS = ['eis-export-token', 'eis-https-login', 'eis-participant-token-key', 'oais-system-token',
  'oais-tpsclient-token'];
const procedure = async (id) => JSON.parse(await readFile(`${CONTENT}${id}.json`, 'utf8'));
const text = async (app, label) => app.find({ label, kind: 'text' });

// Turns the mouse wheel over `item` until `label` (a text in the same pane) is above `top`: the
// pane is scrolled past its heading.
async function scrollPast(app, item, label, top) {
  await app.page.mouse.move(item.cx, item.cy);
  for (let i = 0; i < 10; i++) {
    await app.page.mouse.wheel(0, 240);
    await app.settle();
    const heading = (await app.items()).find((x) => x.kind === 'text' && x.label === label);
    if (!heading || heading.y + heading.h <= top) return;
  }
  throw new Error(`the pane did not scroll past "${label}"`);
}

test('a run\'s step pane and the steps tab open each new step at its top, at 1366×768', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const app = await AppPage.open(context, env.url);
  const data = await procedure('eis-export-token');
  const [first, second, third] = data.steps;
  const total = data.steps.length;

  // The steps tab (no vault needed): scrolled down on step 1, «Далее» shows step 2 from its top.
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'procedure-eis-export-token' });
  const next = await app.find({ key: 'step-next' });
  const title1 = await text(app, first.title.ru);
  await scrollPast(app, title1, first.title.ru, next.y + next.h);
  await app.click({ key: 'step-next' });
  const title2 = await text(app, second.title.ru);
  assert.ok(title2.y >= next.y + next.h, `step 2's heading in view (at ${title2.y}, the pane starts below ${next.y + next.h})`);

  // A run: the step pane scrolled down on step 1; ticking it shows step 2 from its top.
  await createVault(app);
  await addOrganisation(app, 'ООО «Ромашка»', 'RU', '7707083893');
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'tab-run' });
  let rev = (await app.state()).revision;
  await app.click({ key: 'run-start' });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the run saved');
  const bar = await text(app, `Выполнено 0 из ${total}`);
  const paneTop = bar.y + bar.h;
  const heading1 = await text(app, first.title.ru);
  assert.ok(heading1.y >= paneTop);
  await scrollPast(app, heading1, `Шаг 1 из ${total}`, paneTop);
  await app.screenshot('procedures-layout-step-scrolled');
  rev = (await app.state()).revision;
  await app.click({ key: `run-step-${first.id}` });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'step 1 saved');
  const counter = await text(app, `Шаг 2 из ${total}`);
  const heading2 = await text(app, second.title.ru);
  assert.ok(counter.y >= paneTop && heading2.y >= paneTop,
    `step 2 opens at its top (its heading at ${heading2.y}, the pane starts at ${paneTop})`);
  await app.screenshot('procedures-layout-next-step');

  // Chosen from the list after scrolling down again: the same.
  await scrollPast(app, heading2, `Шаг 2 из ${total}`, paneTop);
  await app.click({ key: `run-goto-${third.id}` });
  const heading3 = await text(app, third.title.ru);
  assert.ok(heading3.y >= paneTop, `step 3 opens at its top (its heading at ${heading3.y})`);
  await context.close();
});

// Every answer of every quiz, in Russian and in English, in a window half a 1920-pixel screen wide:
// each wraps within the panel (the whole of it inside the part that shows, nothing cut at the side).
test('quiz answers wrap at the panel\'s edge in a half-screen window, in both languages', async () => {
  const context = await env.browser.newContext({ viewport: { width: 960, height: 900 } });
  const app = await AppPage.open(context, env.url);
  await app.click({ key: 'nav-procedures' });
  for (const [lang, key] of [['ru', 'lang-ru'], ['en', 'lang-en']]) {
    if (lang === 'en') await app.click({ key });
    for (const id of IDS) {
      const data = await procedure(id);
      await app.click({ key: `procedure-${id}` });
      await app.click({ key: 'tab-quiz' });
      const seen = new Map();
      const expected = data.quiz.reduce((n, q) => n + q.options.length, 0);
      const quiz = await app.find({ key: 'quiz-1-1' });
      await app.page.mouse.move(quiz.cx, quiz.cy);
      for (let turn = 0; turn < 40 && seen.size < expected; turn++) {
        for (const i of await app.items())
          if (/^quiz-\d+-\d+$/.test(i.key) && !i.clipped) seen.set(i.key, i);
        await app.page.mouse.wheel(0, 300);
        await app.settle();
      }
      assert.equal(seen.size, expected, `${id}: every answer seen`);
      for (const [k, item] of seen) {
        const [, q, o] = k.match(/^quiz-(\d+)-(\d+)$/);
        assert.equal(item.label, data.quiz[q - 1].options[o - 1][lang], `${id} ${k}`);
        assert.ok(item.x + item.w <= 960, `${id} ${k} (${lang}) ends inside the window: ${item.x} + ${item.w}`);
        assert.ok(Math.abs(item.cx - (item.x + item.w / 2)) < 1, `${id} ${k} (${lang}) is not cut at the side`);
      }
      if (id === 'eis-participant-token-key') await app.screenshot(`procedures-layout-quiz-${lang}`);
      // Back to the top for the next procedure's quiz.
      await app.page.mouse.wheel(0, -20000);
      await app.settle();
    }
  }
  await context.close();
});
