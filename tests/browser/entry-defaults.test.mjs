// What a new entry and a run start with, for a user with a Russian and a Belarusian organisation,
// on a 1366×768 window: the organisation of the portal's country (not «(без организации)», not
// whichever was added first), a pre-filled «TPSClient» replaced by what is typed, «Отмена» that
// drops the draft, and a run that says when its result will replace an existing entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, until, useBrowser } from './lib/app.mjs';
import { addOrganisation, createVault, saveEntry, typeInto, typedDate } from './lib/vault.mjs';

const env = useBrowser({ before, after });
const RU = 'ООО «Ромашка»', BY = 'ОАО «Минский завод»';
const REPLACES = 'Результат заменит значения в этой записи; прежние останутся в её истории. Чтобы не трогать её, выберите «В новую запись».';

async function newEntry(app, kindId) {
  await app.click({ key: 'tab-entries' });
  await app.click('Новая запись');
  await app.click({ key: `kind-${kindId}` });
}

test('a new entry and a run start on the organisation of the portal\'s country; «Отмена» drops a draft', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const app = await AppPage.open(context, env.url);
  await createVault(app);
  await addOrganisation(app, RU, 'RU', '7707083893');
  await addOrganisation(app, BY, 'BY', '200988541');

  // An OAIS token: the Belarusian organisation; the kind's «TPSClient» is replaced by what is typed.
  await newEntry(app, 'oais-tpsclient-token');
  await app.waitForValue({ key: 'entry-org' }, BY);
  await app.waitForValue({ key: 'field-systemName' }, 'TPSClient');
  await app.click({ key: 'field-systemName' });
  await app.type('Deklarant-Stat');
  await app.waitForValue({ key: 'field-systemName' }, 'Deklarant-Stat');
  await app.screenshot('entry-defaults-tpsclient');
  // «Отмена»: the draft is gone and nothing was saved.
  const before = await app.state();
  await app.click({ key: 'entry-cancel' });
  await app.settle();
  assert.equal(await app.has({ key: 'field-systemName' }), false, 'the draft is closed');
  assert.equal((await app.state()).revision, before.revision, 'nothing saved');

  // An EIS token: the Russian organisation.
  await newEntry(app, 'eis-export-token');
  await app.waitForValue({ key: 'entry-org' }, RU);
  await typeInto(app, 'field-guid', '3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  await typeInto(app, 'field-validUntil', typedDate(0, 12));
  await saveEntry(app);
  await app.screenshot('entry-defaults-eis-saved');

  // Runs: an OAIS procedure starts on the Belarusian organisation, though the Russian one came first.
  await app.click({ key: 'nav-procedures' });
  await app.click({ key: 'procedure-oais-system-token' });
  await app.click({ key: 'tab-run' });
  await app.waitForValue({ key: 'run-org' }, BY);
  await app.waitForValue({ key: 'run-target' }, 'В новую запись');
  assert.equal(await app.has({ label: REPLACES }), false);
  // An EIS one on the Russian organisation, whose token it would renew: said before it starts.
  await app.click({ key: 'procedure-eis-export-token' });
  await app.waitForValue({ key: 'run-org' }, RU);
  await until(async () => { const t = (await app.items()).find((i) => i.key === 'run-target');
    return t && t.value && t.value !== 'В новую запись'; }, 'the existing token as the target');
  await app.find({ label: REPLACES, kind: 'text' });
  await app.screenshot('entry-defaults-run-replaces');
  await app.click({ key: 'run-target' });
  await app.click({ key: 'run-target-new' });
  await app.waitForValue({ key: 'run-target' }, 'В новую запись');
  assert.equal(await app.has({ label: REPLACES }), false);
  await context.close();
});
