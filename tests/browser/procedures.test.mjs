// The procedures in a real browser: every step's schematic drawn and saved as a screenshot, a run
// for an organisation clicked through (paused across a reload, the token typed at its step,
// finished into a vault entry, then renewed from that entry), presentation mode driven by the
// keyboard, the quiz scoring a right and a wrong answer, and the printable handout downloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppPage, OUTPUT_DIR, foreignRequests, useBrowser, until } from './lib/app.mjs';
import { addOrganisation, createVault, PASS, typeInto, typedDate, unlock } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const CONTENT = fileURLToPath(new URL('../../app/content/procedures/', import.meta.url));
const IDS = ['eis-export-token', 'eis-https-login', 'eis-participant-token-key', 'oais-system-token',
  'oais-tpsclient-token'];
const procedure = async (id) => JSON.parse(await readFile(`${CONTENT}${id}.json`, 'utf8'));

// Every label a screen shows, as the data file has it.
function screenLabels(screen) {
  const out = [screen.title];
  const walk = (e) => {
    if (typeof e === 'string') { out.push(e); return; }
    if (e.label) out.push(e.label);
    if (e.title) out.push(e.title);
    (e.columns ?? []).forEach((c) => out.push(c));
    (e.rows ?? []).forEach((r) => r.forEach(walk));
    (e.items ?? []).forEach(walk);
    (e.body ?? []).forEach(walk);
  };
  for (const key of ['menu', 'tabs', 'sidebar']) (screen[key] ?? []).forEach((i) => out.push(i.label));
  screen.body.forEach(walk);
  return out;
}

async function openProcedures(app) {
  await app.click({ key: 'open-procedures' }); // the home screen's card
  await app.waitForState((s) => s.screen === 'procedures', 'the procedures screen');
}

test('every step of every procedure has its schematic, with the portal labels, saved as a screenshot', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const app = await AppPage.open(context, env.url);
  await openProcedures(app);
  let shots = 0;
  for (const id of IDS) {
    const data = await procedure(id);
    await app.click({ key: `procedure-${id}` });
    await app.find({ label: data.title.ru, kind: 'text' });
    for (const [n, step] of data.steps.entries()) {
      if (n > 0) await app.click({ key: 'step-next' });
      await app.find({ label: `Шаг ${n + 1} из ${data.steps.length}`, kind: 'text' });
      const mock = await app.find({ key: `mockup-${step.id}` });
      assert.equal(mock.label, step.screen.title);
      // The seam reads back what the renderer laid out: every label of the screen is drawn.
      const drawn = mock.value.split(' | ');
      for (const label of screenLabels(step.screen)) {
        for (const word of label.split(/\s+/)) // long labels wrap onto several lines
          assert.ok(drawn.some((d) => d.split(/\s+/).includes(word)), `${id}/${step.id}: "${word}" of "${label}" drawn`);
      }
      await app.settle();
      const view = app.page.viewportSize();
      await app.page.screenshot({
        path: `${OUTPUT_DIR}/illustration-${id}-${String(n + 1).padStart(2, '0')}.png`,
        clip: { x: mock.x, y: mock.y, width: Math.min(mock.w, view.width - mock.x),
          height: Math.min(mock.h, view.height - mock.y) },
      });
      shots++;
    }
    assert.equal((await app.find({ key: 'step-next' })).disabled, true, 'the last step has no next');
  }
  assert.equal(shots, 58);
  assert.equal((await app.state()).vault, 'absent', 'reading needs no vault');
  await context.close();
});

// Ticks a step of the run on screen by its checkbox.
async function tick(app, stepId) {
  await app.click({ key: `run-step-${stepId}` });
}

async function progress(app, done, total) {
  await app.find({ label: `Выполнено ${done} из ${total}`, kind: 'text' });
}

test('a run for an organisation: ticked, paused over a reload, the token typed at its step, saved into the vault, renewed from the entry', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  let app = await AppPage.open(context, env.url);
  const data = await procedure('eis-export-token');
  const total = data.steps.length;
  const tokenStep = data.steps.find((s) => (s.fills ?? []).includes('guid'));
  const guid = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
  const until1 = typedDate(0, 12);

  // Without a vault the run tab asks a new user to create one.
  await openProcedures(app);
  await app.click({ key: 'tab-run' });
  await app.find({ label: 'Чтобы выполнить инструкцию для организации и сохранить полученное, сначала создайте хранилище.', kind: 'text' });
  assert.equal((await app.find({ key: 'run-open-vault' })).label, 'Создать хранилище');
  await createVault(app);
  await addOrganisation(app, 'ООО «Ромашка»', 'RU', '7707083893');

  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'tab-run' });
  await app.waitForValue({ key: 'run-org' }, 'ООО «Ромашка»');
  await app.waitForValue({ key: 'run-target' }, 'В новую запись');
  let rev = (await app.state()).revision;
  await app.click({ key: 'run-start' });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the run saved');
  await progress(app, 0, total);

  // The steps before the token, one by one.
  const before = data.steps.slice(0, data.steps.indexOf(tokenStep));
  for (const [n, s] of before.entries()) {
    rev = (await app.state()).revision;
    await tick(app, s.id);
    await app.waitForState((st) => st.revision === rev + 1 && !st.saving, `step ${s.id} saved`);
    await progress(app, n + 1, total);
  }
  // The token step refuses to be ticked without valid values; nothing is saved.
  rev = (await app.state()).revision;
  await app.click({ key: `run-goto-${tokenStep.id}` });
  await typeInto(app, 'field-guid', 'kjsd-34m34-23m4i23-4238un-45-453f');
  await tick(app, tokenStep.id);
  await app.waitForState((s) => s.messageIsError && s.message === 'Шаг не отмечен: проверьте значения на этом шаге', 'the refusal');
  await app.find({ label: 'Нужен GUID: 32 знака — цифры 0–9 и латинские буквы a–f — в группах 8-4-4-4-12, например 3f2504e0-4f89-11d3-9a0c-0305e82c3301', kind: 'text' });
  await app.find({ label: 'Обязательное поле', kind: 'text' }); // «Срок действия» still empty
  assert.equal((await app.state()).revision, rev, 'nothing saved');
  await app.click({ key: 'field-guid' });
  await app.press('Control+A');
  await app.press('Delete');
  await typeInto(app, 'field-guid', guid);
  await typeInto(app, 'field-validUntil', until1);
  await app.click({ key: 'run-tick' });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the token step saved');
  await progress(app, before.length + 1, total);
  await app.screenshot('procedures-run-token-step');

  // Pause, close the page, come back: the run is where it was, with the token typed.
  await app.click({ key: 'run-pause' });
  await app.waitForState((s) => s.message === 'Выполнение сохранено в хранилище — продолжите, когда будете готовы' && !s.saving, 'the pause');
  await app.page.close();
  app = await AppPage.open(context, env.url);
  await unlock(app, PASS);
  await app.waitForState((s) => s.vault === 'unlocked', 'unlocked');
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'tab-run' });
  await app.find({ label: `Начато: ООО «Ромашка» — выполнено ${before.length + 1} из ${total}`, kind: 'text' });
  // A second run for the same organisation and system is refused while this one is open.
  assert.equal((await app.find({ key: 'run-start' })).disabled, true);
  await app.click({ key: 'run-resume-0' });
  await progress(app, before.length + 1, total);
  await app.click({ key: `run-goto-${tokenStep.id}` });
  const guidField = await app.find({ key: 'field-guid' });
  assert.equal(guidField.length, guid.length, 'the token typed before the pause is back (as a length: it is secret)');

  for (const s of data.steps.slice(before.length + 1)) {
    rev = (await app.state()).revision;
    await tick(app, s.id);
    await app.waitForState((st) => st.revision === rev + 1 && !st.saving, `step ${s.id} saved`);
  }
  await progress(app, total, total);
  rev = (await app.state()).revision;
  await app.click({ key: 'run-finish' });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === 1, 'the credential saved');
  await app.find({ label: 'Завершённые', kind: 'text' });
  await app.click({ key: 'run-open-entry' });
  await app.waitForState((s) => s.screen === 'vault', 'the vault');
  await app.waitForValue({ key: 'field-validUntil' }, until1);
  assert.equal((await app.find({ key: 'field-guid' })).length, guid.length);
  await app.waitForValue({ key: 'entry-org' }, 'ООО «Ромашка»');
  await app.screenshot('procedures-run-saved-entry');

  // A year later: "how do I renew this?" opens the procedure for this organisation and entry.
  await app.click({ key: 'entry-how-to' });
  await app.waitForState((s) => s.screen === 'procedures', 'the procedure');
  await until(async () => {
    const target = (await app.items()).find((i) => i.key === 'run-target');
    return target && target.value && target.value !== 'В новую запись';
  }, 'the entry it came from as the target');
  // "A new entry" can be chosen instead, and the entry again.
  await app.click({ key: 'run-target' });
  await app.click({ key: 'run-target-new' });
  await app.waitForValue({ key: 'run-target' }, 'В новую запись');
  await app.click({ key: 'run-target' });
  const option = await until(async () => (await app.items()).find((i) => i.key.startsWith('run-target-') &&
    i.key !== 'run-target-new'), 'the entry in the list');
  await app.click({ key: option.key });
  await until(async () => {
    const target = (await app.items()).find((i) => i.key === 'run-target');
    return target && target.value && target.value !== 'В новую запись';
  }, 'the entry chosen again');
  rev = (await app.state()).revision;
  await app.click({ key: 'run-start' });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the second run');
  const guid2 = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
  const until2 = typedDate(0, 24);
  for (const s of data.steps) {
    if (s === tokenStep) {
      await app.click({ key: `run-goto-${s.id}` });
      await app.click({ key: 'field-guid' });
      await app.press('Control+A');
      await app.press('Delete');
      await typeInto(app, 'field-guid', guid2);
      await typeInto(app, 'field-validUntil', until2);
    }
    rev = (await app.state()).revision;
    await tick(app, s.id);
    await app.waitForState((st) => st.revision === rev + 1 && !st.saving, `step ${s.id} saved again`);
  }
  rev = (await app.state()).revision;
  await app.click({ key: 'run-finish' });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the renewal saved');
  assert.equal((await app.state()).entries, 1, 'a new version of the same entry, not a second entry');
  await app.click({ key: 'run-open-entry' });
  await app.waitForValue({ key: 'field-validUntil' }, until2);
  await app.find({ key: 'tab-history', label: 'История изменений (1)' });
  // A whole working session after the reload — unlock, a run, a renewal — asked the network for nothing.
  assert.deepEqual(foreignRequests(app, env.url), []);
  await context.close();
});

test('presentation mode: a room is shown a procedure step by step with the keyboard, before any vault exists', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1600, height: 900 } });
  const app = await AppPage.open(context, env.url);
  const data = await procedure('oais-tpsclient-token');
  await openProcedures(app);
  await app.click({ key: 'procedure-oais-tpsclient-token' });
  await app.click({ key: 'present' });
  await app.waitForState((s) => s.presenting === 'oais-tpsclient-token' && s.slide === 0, 'the title slide');
  await app.find({ label: data.title.ru, kind: 'text' });
  const slide = (n) => app.waitForState((s) => s.slide === n, `slide ${n}`);
  await app.press('ArrowRight');
  await slide(1);
  await app.press('Space');
  await slide(2);
  await app.press('PageDown'); // a presenter's clicker sends PageDown / PageUp
  await slide(3);
  await app.find({ label: data.steps[2].title.ru, kind: 'text' });
  await app.find({ key: `mockup-present-${data.steps[2].id}` });
  await app.screenshot('procedures-presentation');
  await app.press('PageUp');
  await slide(2);
  await app.press('ArrowLeft');
  await slide(1);
  await app.press('End');
  await slide(data.steps.length);
  await app.press('ArrowRight'); // stays on the last slide
  await app.settle();
  assert.equal((await app.state()).slide, data.steps.length);
  await app.press('Home');
  await slide(0);
  await app.press('Escape');
  await app.waitForState((s) => s.presenting === '', 'presentation left');
  const state = await app.state();
  assert.equal(state.vault, 'absent', 'no vault was needed');
  assert.equal(state.screen, 'procedures');
  await context.close();
});

test('the quiz scores a right and a wrong answer and explains the right one', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const app = await AppPage.open(context, env.url);
  const data = await procedure('oais-system-token');
  await openProcedures(app);
  await app.click({ key: 'procedure-oais-system-token' });
  await app.click({ key: 'tab-quiz' });
  const total = data.quiz.length;
  await app.find({ label: `Правильных ответов: 0 из 0 (всего вопросов: ${total})`, kind: 'text' });
  const [q1, q2] = data.quiz;
  await app.click({ key: `quiz-1-${q1.answer + 1}` });
  await app.click({ key: 'quiz-answer-1' });
  await app.find({ label: 'Верно.', kind: 'text' });
  await app.find({ label: q1.explain.ru, kind: 'text' });
  const wrong = q2.answer === 0 ? 1 : 0;
  await app.click({ key: `quiz-2-${wrong + 1}` });
  await app.click({ key: 'quiz-answer-2' });
  await app.find({ label: `Неверно. Правильный ответ: ${q2.options[q2.answer].ru}`, kind: 'text' });
  await app.find({ label: q2.explain.ru, kind: 'text' });
  await app.find({ label: `Правильных ответов: 1 из 2 (всего вопросов: ${total})`, kind: 'text' });
  assert.equal((await app.find({ key: `quiz-2-${q2.answer + 1}` })).disabled, true, 'an answer is final');
  await app.screenshot('procedures-quiz');
  await app.click({ key: 'quiz-reset' });
  await app.find({ label: `Правильных ответов: 0 из 0 (всего вопросов: ${total})`, kind: 'text' });
  await context.close();
});

test('the printable handout downloads as one HTML page with every step and its schematic', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const app = await AppPage.open(context, env.url);
  const data = await procedure('eis-participant-token-key');
  await openProcedures(app);
  await app.click({ key: 'procedure-eis-participant-token-key' });
  const downloaded = app.page.waitForEvent('download');
  await app.click({ key: 'print' });
  const download = await downloaded;
  assert.equal(download.suggestedFilename(), 'eis-participant-token-key.ru.html');
  const html = await readFile(await download.path(), 'utf8');
  assert.match(html, /^<!doctype html>/i);
  assert.ok(!/<script/i.test(html), 'no script in the handout');
  assert.ok(!/(src|href)="https?:/i.test(html), 'nothing loaded from elsewhere');
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const s of data.steps) assert.ok(html.includes(esc(s.title.ru)), `step ${s.id} in the handout`);
  assert.equal((html.match(/<svg/g) ?? []).length, data.steps.length, 'one schematic per step');
  await app.find({ label: 'Памятка скачана: откройте файл в браузере и напечатайте или сохраните в PDF', kind: 'text' });
  // The handout itself, as a trainer would open it.
  const saved = `${OUTPUT_DIR}/procedures-handout.html`;
  await download.saveAs(saved);
  const page = await context.newPage();
  await page.goto(`file://${saved}`);
  await page.screenshot({ path: `${OUTPUT_DIR}/procedures-handout.png`, fullPage: false });
  await context.close();
});

test('an organisation attaches its own screenshot to a step: kept encrypted in the vault, shown, removed', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1700, height: 1000 } });
  let app = await AppPage.open(context, env.url);
  const data = await procedure('oais-tpsclient-token');
  const step = data.steps[1];
  await openProcedures(app);
  await app.click({ key: 'procedure-oais-tpsclient-token' });
  await app.click({ key: 'step-next' });
  await app.find({ label: 'Свой снимок экрана к шагу можно прикрепить, когда хранилище открыто.', kind: 'text' });
  const screenshot = `${OUTPUT_DIR}/procedures-attach-source.png`;
  await app.page.screenshot({ path: screenshot }); // a real PNG, 1700×1000
  const notPicture = `${OUTPUT_DIR}/procedures-attach-not-a-picture.png`;
  await writeFile(notPicture, 'this is text, not a PNG');
  await createVault(app);

  const pick = async (path) => {
    const chooser = app.page.waitForEvent('filechooser');
    await app.click({ key: `attach-${step.id}` });
    await (await chooser).setFiles(path);
  };
  await app.click({ key: 'nav-procedures' }); // the screen kept its place: the same step
  await app.find({ label: `Шаг 2 из ${data.steps.length}`, kind: 'text' });
  let rev = (await app.state()).revision;
  await pick(notPicture);
  await app.waitForState((s) => s.messageIsError &&
    s.message === 'Это не картинка PNG или JPEG (procedures-attach-not-a-picture.png)', 'the refusal');
  assert.equal((await app.state()).revision, rev, 'nothing saved');

  await pick(screenshot);
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the picture saved');
  const shown = await app.find({ key: `picture-${step.id}` });
  assert.equal(shown.value, '1600x941', 'shrunk to fit 1600 pixels');
  await app.screenshot('procedures-attached-picture');

  // Still there after a reload and unlock: it lives in the vault.
  await app.page.close();
  app = await AppPage.open(context, env.url);
  await unlock(app, PASS);
  await app.waitForState((s) => s.vault === 'unlocked', 'unlocked');
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'procedure-oais-tpsclient-token' });
  await app.click({ key: 'step-next' });
  await app.waitForValue({ key: `picture-${step.id}` }, '1600x941');
  rev = (await app.state()).revision;
  await app.click({ key: `detach-${step.id}` });
  await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the picture removed');
  assert.equal(await app.has({ key: `picture-${step.id}` }), false);
  await context.close();
});
