// The credential kinds in a real browser: organisations with checked ИНН/УНП, one entry of each
// kind typed in, validation messages that refuse bad input, the deadline warnings, and a calendar
// file that parses and holds no secret.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AppPage, useBrowser, until } from './lib/app.mjs';
import { createVault, retype, saveEntry, typeInto, typedDate } from './lib/vault.mjs';

const env = useBrowser({ before, after });

const SECRETS = {
  exportGuid: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  accountingGuid: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  httpsPassword: 'Пароль-из-ЕИС-7731',
  participantGuid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  oaisToken: 'oais-system-token-aaaa-bbbb-cccc',
  tpsToken: 'tps-client-token-xxxx-yyyy-zzzz',
  genericSecret: 'generic-secret-42',
};

async function saveRefused(app, expectMessage) {
  const before = (await app.state()).revision;
  await app.click('Сохранить запись');
  await app.waitForState((s) => s.messageIsError && s.message === 'Запись не сохранена: исправьте отмеченные поля',
    'the refusal');
  if (expectMessage) await app.find({ label: expectMessage, kind: 'text' });
  assert.equal((await app.state()).revision, before, 'nothing saved');
}

async function newEntry(app, kindId, orgName) {
  await app.click({ key: 'tab-entries' });
  await app.click('Новая запись');
  await app.click({ key: `kind-${kindId}` });
  if (orgName) {
    await app.click({ key: 'entry-org' });
    const option = await until(async () => (await app.items()).find((i) => i.label === orgName &&
      i.key.startsWith('org-')), `the option ${orgName}`).catch(async (e) => {
      await app.screenshot('kinds-debug');
      console.log(JSON.stringify((await app.items()).filter((i) => i.kind !== 'text').map((i) => [i.key, i.label, i.y])));
      throw e;
    });
    await app.click({ key: option.key });
    await app.waitForValue({ key: 'entry-org' }, orgName);
  }
}

async function addOrganisation(app, name, country, badId, goodId, badMessage) {
  await app.click({ key: 'tab-organisations' });
  await app.click('Новая организация');
  await typeInto(app, 'org-name', name);
  if (country === 'BY') await app.click({ key: 'org-country-by' });
  await typeInto(app, 'org-tax-id', badId);
  await app.find({ label: badMessage, kind: 'text' });
  const before = (await app.state()).revision;
  await app.click('Сохранить организацию');
  await app.waitForState((s) => s.messageIsError, 'the refusal');
  assert.equal((await app.state()).revision, before);
  await retype(app, 'org-tax-id', goodId);
  await app.click('Сохранить организацию');
  await app.waitForState((s) => s.revision === before + 1 && !s.saving, 'the organisation saved');
}

const UCHET = 'ОАО «Минский завод» · Токен ОАИС: Uchet_1C-main';
const TPS = 'ОАО «Минский завод» · Токен TPSClient';

test('organisations and one entry of every kind, with validation, deadlines and a calendar file', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const app = await AppPage.open(context, env.url);
  await createVault(app);

  await addOrganisation(app, 'ООО «Ромашка»', 'RU', '7707083894', '7707083893',
    'ИНН: контрольные цифры не сходятся — проверьте, нет ли опечатки');
  await addOrganisation(app, 'ОАО «Минский завод»', 'BY', '20098854', '200988541',
    'УНП: 9 знаков — цифры (у ИП первые два знака могут быть буквами)');
  await app.screenshot('kinds-organisations');

  // EIS «сервисы отдачи»: the seeds' malformed example is refused, naming the rule.
  await newEntry(app, 'eis-export-token', 'ООО «Ромашка»');
  await typeInto(app, 'field-guid', 'kjsd-34m34-23m4i23-4238un-45-453f');
  await app.find({ label: 'Нужен GUID: 32 знака — цифры 0–9 и латинские буквы a–f — в группах 8-4-4-4-12, например 3f2504e0-4f89-11d3-9a0c-0305e82c3301', kind: 'text' });
  await saveRefused(app, 'Обязательное поле'); // and «Срок действия» is still empty
  await retype(app, 'field-guid', SECRETS.exportGuid);
  await typeInto(app, 'field-validUntil', '31.02.2027');
  await app.find({ label: 'Нужна существующая дата в виде ДД.ММ.ГГГГ, например 31.12.2026', kind: 'text' });
  await retype(app, 'field-validUntil', typedDate(20));
  // Its own reminders instead of the kind's: a bad list is refused, naming the rule.
  await typeInto(app, 'entry-lead-days', '7 дней');
  await app.find({ label: 'Перечислите через запятую до шести чисел дней от 0 до 366, например 30, 7, 1', kind: 'text' });
  await retype(app, 'entry-lead-days', '25, 3');
  await saveEntry(app);
  await app.find({ label: 'Истекает через 20 дн. (' + typedDate(20) + ')', kind: 'text' });
  await app.screenshot('kinds-eis-export-token');

  await newEntry(app, 'eis-accounting-token', 'ООО «Ромашка»');
  await typeInto(app, 'field-guid', SECRETS.accountingGuid);
  await typeInto(app, 'field-validUntil', typedDate(200));
  await saveEntry(app);

  await newEntry(app, 'eis-https-login', 'ООО «Ромашка»');
  await typeInto(app, 'field-login', 'bft-integration');
  await typeInto(app, 'field-password', SECRETS.httpsPassword);
  await app.click({ key: 'field-connectionType' });
  await app.click({ key: 'option-connectionType-5' });
  await saveEntry(app);
  await app.click({ key: 'tab-where' });
  await app.screenshot('kinds-eis-https-login');
  await app.click({ key: 'tab-data' });

  await newEntry(app, 'eis-participant-token-key', 'ООО «Ромашка»');
  await typeInto(app, 'field-guid', SECRETS.participantGuid);
  await typeInto(app, 'field-issuedOn', typedDate(-5));
  await saveEntry(app);

  await newEntry(app, 'oais-system-token', 'ОАО «Минский завод»');
  await typeInto(app, 'field-systemName', 'Система учёта');
  await app.find({ label: 'Только латинские буквы, цифры и символы - и _', kind: 'text' });
  await typeInto(app, 'field-techEmail', 'it@zavod');
  await app.find({ label: 'Нужен один адрес электронной почты вида имя@домен.by', kind: 'text' });
  await saveRefused(app);
  await retype(app, 'field-systemName', 'Uchet_1C-main');
  await retype(app, 'field-techEmail', 'it@zavod.by');
  await typeInto(app, 'field-token', SECRETS.oaisToken);
  await typeInto(app, 'field-issuedOn', typedDate(-80));
  await typeInto(app, 'field-validUntil', typedDate(-2)); // expired two days ago
  await saveEntry(app);

  // TPSClient: 3 months from issue; issued so that it expires in 4 days (inside the 5-day lead).
  await newEntry(app, 'oais-tpsclient-token', 'ОАО «Минский завод»');
  await app.waitForValue({ key: 'field-systemName' }, 'TPSClient');
  await typeInto(app, 'field-techEmail', 'customs@zavod.by');
  await typeInto(app, 'field-token', SECRETS.tpsToken);
  await typeInto(app, 'field-issuedOn', typedDate(4, -3));
  await saveEntry(app);
  await app.screenshot('kinds-oais-tpsclient-token');

  await newEntry(app, 'generic');
  await typeInto(app, 'field-title', 'Прочее: портал поставщика');
  await typeInto(app, 'field-secret', SECRETS.genericSecret);
  await saveEntry(app);
  assert.equal((await app.state()).entries, 7);

  // Sorted by expiry, the expired OAIS token comes first; Down moves to the next entry.
  await app.click({ key: 'sort' });
  await app.click({ key: 'sort-1' });
  const rows = () => app.items().then((items) => items.filter((i) => i.key.startsWith('entry-') &&
    i.key.length === 'entry-'.length + 32).sort((a, b) => a.y - b.y));
  const sorted = await rows();
  // Listed as organisation · kind, and the system's own name when the kind's does not say it.
  assert.equal(sorted[0].label, UCHET);
  assert.equal(sorted[1].label, TPS);
  await app.click({ key: sorted[0].key });
  await app.waitForValue({ key: 'field-systemName' }, 'Uchet_1C-main');
  await app.press('ArrowDown');
  await app.waitForValue({ key: 'field-systemName' }, 'TPSClient');
  // Filtered by kind, only the TPSClient token is listed.
  await app.click({ key: 'kind-filter' });
  await app.click({ key: 'kind-filter-oais-tpsclient-token' });
  assert.deepEqual((await rows()).map((r) => r.label), [TPS]);
  await app.click({ key: 'kind-filter' });
  await app.click({ key: 'kind-filter-all' });
  // The search ignores case, Cyrillic included, and looks at names, organisations and logins — never
  // at a secret, even one typed exactly.
  const listedAfter = async (text) => {
    await retype(app, 'entries-search', text);
    await app.settle();
    return (await rows()).map((r) => r.label);
  };
  assert.deepEqual(await listedAfter('tpsclient'), [TPS]);
  const ofTheFactory = await listedAfter('МИНСКИЙ ЗАВОД');
  assert.ok(ofTheFactory.includes(TPS) && ofTheFactory.length >= 2, `by organisation: ${ofTheFactory}`);
  assert.equal((await listedAfter('BFT-INTEGRATION')).length, 1, 'by login');
  assert.deepEqual(await listedAfter(SECRETS.tpsToken), []);
  assert.deepEqual(await listedAfter(SECRETS.httpsPassword.toLowerCase()), []);
  assert.equal((await listedAfter('')).length, 7);

  // The banner names what needs attention; the deadlines tab groups it by organisation.
  await app.find('Требуют внимания (истекают или истекли):');
  await app.click({ key: 'banner-deadlines' });
  await app.find({ label: 'ОАО «Минский завод»', kind: 'text' });
  await app.find({ label: 'Истёк ' + typedDate(-2) + ' (2 дн. назад)', kind: 'text' });
  const soon = (await app.items()).find((i) => i.kind === 'text' && i.label.startsWith('Истекает через '));
  assert.ok(soon, 'an entry expiring soon is listed');
  await app.screenshot('kinds-deadlines');

  // The calendar: one event per dated entry, an alarm per lead time, and no secret.
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click({ key: 'download-ics' })]);
  assert.equal(download.suggestedFilename(), 'tokensafe-deadlines.ics');
  const ics = await readFile(await download.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, 5, 'every entry with an expiry date but the undated generic one');
  assert.ok(ics.includes('TRIGGER:-P10D') && ics.includes('TRIGGER:-P30D'));
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  const unfolded = ics.replace(/\r\n /g, '');
  assert.ok(unfolded.includes('SUMMARY:Истекает: TPSClient — ОАО «Минский завод»'));
  for (const secret of [...Object.values(SECRETS), '7707083893', '200988541'])
    assert.equal(unfolded.includes(secret), false, `${secret} in the calendar`);
  await context.close();
});
