// A bundle is untrusted input: anyone with a bundle passphrase, or with this computer's receiving
// code (it is public), can make one. Two browser profiles stand for two workstations. B's receiving
// code shows its check digits, and A sees the same digits beside the code it typed (computed here
// again by the Python reader written from docs/bundle-format.md). A later version of an entry A sends
// is shown field by field before it replaces B's; the sender's date and workstation read as the
// sender's claim, and a bundle sealed to B's code says anyone with the code could have made it. A
// bundle crafted outside the app lists the checklist run and the step picture it carries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUT_DIR, foreignRequests, until, useMachines } from './lib/app.mjs';
import { addEntry, createVault, retype, saveEntry, typeInto } from './lib/vault.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TITLE = 'Сервисы отдачи ЕИС';
const env = useMachines({ before, after });

const textStarting = (app, prefix, what) =>
  until(async () => (await app.items()).find((i) => i.kind === 'text' && i.label.startsWith(prefix)), what);

// The check digits of a receiving code, by tests/python/decrypt_bundle.py (docs/bundle-format.md only).
const checkDigitsOf = (code) =>
  execFileSync('/usr/bin/python3', [`${ROOT}tests/python/decrypt_bundle.py`, '--check-digits-of-code', code])
    .toString().trim();

// A seals the entry to B's receiving code and shows the bundle as text; returns the text.
async function sendToB(a, code, previous) {
  await a.click({ key: 'nav-transfer' });
  await a.click({ key: 'tab-export' });
  await a.click({ key: 'export-scope-entries' });
  const box = await a.find({ label: TITLE });
  if (!box.checked) await a.click({ key: box.key });
  await a.click({ key: 'export-by-code' });
  await retype(a, 'export-code', code);
  await a.find('Код верный.');
  await a.click('Показать текстом');
  return (await until(async () => (await a.items()).find((i) => i.key === 'export-text-value' && i.value &&
    i.value !== previous), 'the text form')).value;
}

async function paste(b, text) {
  await b.click({ key: 'nav-transfer' });
  await b.click({ key: 'tab-import' });
  await b.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await b.click({ key: 'import-text' });
  await b.press('Control+V');
  await b.waitForValue({ key: 'import-text' }, String(text.length));
  await b.click('Прочитать вставленный текст');
}

test('the receiving code\'s check digits match on both machines', async () => {
  const { a, b } = env;
  await createVault(a);
  await createVault(b);
  await b.click({ key: 'nav-transfer' });
  await b.click({ key: 'tab-import' });
  env.code = (await textStarting(b, 'TSR1-', 'B\'s receiving code')).label;
  const check = await textStarting(b, 'Контрольные цифры: ', 'the check digits beside B\'s code');
  const digits = checkDigitsOf(env.code);
  assert.match(digits, /^\d{5} \d{5} \d{5} \d{5}$/);
  assert.equal(check.label, `Контрольные цифры: ${digits}. Отправитель видит их рядом с введённым кодом: если по ` +
    'телефону цифры совпали, код дошёл без подмены.');
  await b.screenshot('bundle-preview-receiving-code');

  await a.click({ key: 'nav-transfer' });
  await a.click({ key: 'tab-export' });
  await a.click({ key: 'export-by-code' });
  await typeInto(a, 'export-code', env.code);
  await a.find({ kind: 'text', label: `Контрольные цифры кода: ${digits}. Сверьте их с получателем по телефону: ` +
    'у него на вкладке «Импорт» рядом с кодом должны быть те же цифры.' });
  await a.screenshot('bundle-preview-export-code');
  // Another computer's code shows other digits: what a swapped code would sound like on the phone.
  await a.click({ key: 'tab-import' });
  const own = (await textStarting(a, 'TSR1-', 'A\'s own code')).label;
  const ownCheck = await textStarting(a, 'Контрольные цифры: ', 'A\'s own check digits');
  assert.ok(ownCheck.label.startsWith(`Контрольные цифры: ${checkDigitsOf(own)}.`));
  assert.notEqual(checkDigitsOf(own), digits);
});

test('a later version is shown field by field, under the sender\'s claim and the warning, before it is taken', async () => {
  const { a, b, code } = env;
  await a.click({ key: 'nav-settings' });
  await typeInto(a, 'workstation', 'Бухгалтерия-1');
  await a.press('Enter'); // applied when the field is left, like every setting
  await a.waitForState((s) => s.message === 'Настройки сохранены', 'the workstation saved');
  await a.click({ key: 'nav-vault' });
  await addEntry(a, TITLE, 'секрет-1', 'login-1');
  const first = await sendToB(a, code);
  await paste(b, first);
  await b.find('Новых: 1 · совпадают: 0 · новее ваших: 0 · старее ваших: 0 · изменены с обеих сторон: 0');
  let rev = (await b.state()).revision;
  await b.click('Импортировать');
  await b.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === 1, 'the first import');

  // A renews the login and the secret and sends the entry again.
  await a.click({ key: 'nav-vault' });
  await a.click(TITLE);
  await retype(a, 'field-login', 'login-2');
  await retype(a, 'field-secret', 'секрет-22');
  await saveEntry(a);
  const second = await sendToB(a, code, first);
  await paste(b, second);
  await b.find('Новых: 0 · совпадают: 0 · новее ваших: 1 · старее ваших: 0 · изменены с обеих сторон: 0');
  const newer = await b.find({ kind: 'widget', label: `${TITLE} — новее вашей: будет обновлена` });
  assert.equal(newer.checked, true, 'a newer entry is taken unless unticked');
  // Field by field, as for a conflict: the login on both sides, the secrets by their length only.
  await b.find({ kind: 'text', label: 'login-1' });
  await b.find({ kind: 'text', label: 'login-2' });
  await b.find({ kind: 'text', label: '•••• (8)' });
  await b.find({ kind: 'text', label: '•••• (9)' });
  assert.equal(await b.has('секрет-1'), false, 'secrets are masked');
  assert.equal(await b.has('секрет-22'), false);
  const made = await textStarting(b, 'По словам отправителя, ', 'the sender\'s claim');
  assert.match(made.label, /^По словам отправителя, пакет создан \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} на рабочем месте «Бухгалтерия-1»\. Это ничем не подтверждено: так может написать любой\.$/);
  await b.find({ kind: 'text', label: 'Пакет зашифрован для кода получения этого компьютера. Код не секретный: ' +
    'такой пакет мог сделать любой, у кого есть этот код. Проверьте всё, что будет изменено, прежде чем импортировать.' });
  await b.screenshot('bundle-preview-newer');
  rev = (await b.state()).revision;
  await b.click('Импортировать');
  await b.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === 1, 'the later version taken');
  await b.click({ key: 'nav-vault' });
  await b.click(TITLE);
  assert.equal((await b.find({ key: 'field-login' })).value, 'login-2');
});

test('a bundle crafted with B\'s code lists the checklist run and the step picture it carries', async () => {
  const { b, code } = env;
  const payload = JSON.stringify({
    schema: 1,
    organisations: [{ id: 'org-forged', name: 'ООО «Подделка»', country: 'RU', taxId: '7707083893' }],
    entries: [],
    runs: [{ id: 'run-forged', procedure: 'eis-export-token', system: 'ЕИС', org: 'org-forged', done: [],
      values: {}, startedAt: 1709294400000, updatedAt: 1709294400000 }],
    attachments: [{ procedure: 'eis-export-token', step: 'sign-in-eis', jpeg: '/9j/4AAQ', width: 4, height: 4,
      addedAt: 1709294400000 }],
  });
  const file = join(OUTPUT_DIR, 'bundle-preview-crafted.txt');
  execFileSync(`${ROOT}build/ts_make_bundle`, ['recipient-text', file, code, payload]);
  const text = execFileSync('cat', [file]).toString();
  const before = await b.state();
  await paste(b, text);
  await b.find('Прохождений чек-листов: 1 (будет добавлено: 1) · снимков к шагам: 1 (будет добавлено: 1)');
  await b.find({ kind: 'text', label: 'Организация: ООО «Подделка» — новая' });
  await b.find({ kind: 'text', label: 'Прохождение чек-листа «Получить токен ЕИС для сервисов отдачи и ввести его в РИС» ' +
    '— ООО «Подделка» (не завершено) — будет добавлено' });
  await b.find({ kind: 'text', label: 'Снимок к шагу 1 «Войдите в ЛК Заказчика ЕИС как администратор» процедуры ' +
    '«Получить токен ЕИС для сервисов отдачи и ввести его в РИС» — будет добавлено' });
  await textStarting(b, 'По словам отправителя, пакет создан ', 'the claimed date');
  await b.screenshot('bundle-preview-crafted');
  await b.click({ key: 'import-cancel' });
  await b.waitForState((s) => s.message === 'Импорт отменён: хранилище не изменилось.', 'the cancel');
  assert.equal((await b.state()).revision, before.revision, 'nothing written');
  assert.deepEqual(foreignRequests(b, env.url), []);
});
