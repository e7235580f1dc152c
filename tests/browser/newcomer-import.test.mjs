// A KeePassXC export as an accountant's office keeps it: an EIS token with a username and its expiry
// written in the notes, under a group named after the organisation. The preview shows the date read
// from the notes for correcting, offers the organisation (unticked), counts entries and
// organisations as the export does, and lets an entry be unticked; the imported token keeps the
// username in sight, its corrected date, and the organisation; its date field has a month grid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, until, useBrowser } from './lib/app.mjs';
import { createVault, retype } from './lib/vault.mjs';

const env = useBrowser({ before, after });

const CSV = '"Group","Title","Username","Password","URL","Notes"\n' +
  '"Root/ООО Ромашка/ЕИС","Токен сервисов отдачи","romashka-ris","3F2504E0-4F89-11D3-9A0C-0305E82C3301","",' +
  '"Срок действия: 31.12.2025"\n' +
  '"Root/Почта","Почта склада","sklad","Пароль-склада-1","",""\n';

test('a KeePassXC EIS token keeps its username, its date from the notes is checked, its organisation offered', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tokensafe-kpx-'));
  const file = join(dir, 'export.csv');
  await writeFile(file, CSV);
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const app = await AppPage.open(context, env.url);
    await createVault(app);
    await app.click({ key: 'nav-transfer' });
    await app.click({ key: 'tab-import' });
    const chooser = app.page.waitForEvent('filechooser');
    await app.click({ key: 'import-file' });
    await (await chooser).setFiles(file);

    await app.find({ kind: 'text', label: 'Узнано токенов и логинов ЕИС и ОАИС: 1 · пропущено (карты, документы, ключи SSH): 0 · из корзины не взято: 0' });
    await app.find({ kind: 'text', label: 'В пакете записей: 2, организаций: 0. Из них новых для этого хранилища: записей 2, организаций 0.' });
    const date = '«Срок действия» — дата взята из заметок, проверьте:';
    await app.waitForValue({ label: date }, '31.12.2025');
    const offer = await app.find({ label: 'ООО Ромашка — создать организацию (ИНН или УНП укажете потом) и отнести к ней записей: 1' });
    assert.equal(offer.checked, false, 'offered, not applied');
    await app.screenshot('newcomer-import-preview');

    // The user corrects the date and takes the organisation.
    const field = await app.find({ label: date, kind: 'widget' });
    await retype(app, field.key, '30.12.2025');
    await app.click({ key: offer.key });
    await until(async () => (await app.find({ key: offer.key })).checked, 'the offer ticked');
    await app.find({ kind: 'text', label: 'В пакете записей: 2, организаций: 1. Из них новых для этого хранилища: записей 2, организаций 1.' });
    // The mail entry is not wanted here: unticked, it is left out.
    const mail = await app.find({ kind: 'widget', label: 'Почта склада — новая' });
    assert.equal(mail.checked, true);
    await app.click({ key: mail.key });
    await app.find({ kind: 'text', label: 'Снятые отметки: эти записи (1) не будут импортированы.' });
    const before = await app.state();
    await app.click('Импортировать');
    await app.waitForState((s) => s.revision === before.revision + 1 && !s.saving, 'the import saved');
    assert.equal((await app.state()).entries, 1, 'the unticked entry left out');

    await app.click({ key: 'nav-vault' });
    await app.click({ key: 'tab-entries' });
    const row = await until(async () => (await app.items()).find((i) => i.key?.startsWith('entry-') && i.kind !== 'text' &&
      i.label.includes('Токен сервисов отдачи')), 'the entry in the list');
    await app.click({ key: row.key });
    await app.find('Токен ЕИС для сервисов отдачи (РИС)'); // the kind, not «Другие учётные данные»
    await app.waitForValue({ key: 'field-validUntil' }, '30.12.2025');
    await app.find({ kind: 'text', label: 'Логин: romashka-ris' });
    await app.waitForValue({ key: 'entry-org' }, 'ООО Ромашка');
    await app.screenshot('newcomer-import-entry');

    // The date picker opens on the field's month; a day is written as it would be typed.
    await app.click({ key: 'pick-validUntil' });
    await app.find({ kind: 'text', label: 'Декабрь 2025' });
    await app.click({ key: 'pick-next' });
    await app.find({ kind: 'text', label: 'Январь 2026' });
    await app.screenshot('newcomer-date-picker');
    await app.click({ key: 'pick-day-15' });
    await app.waitForValue({ key: 'field-validUntil' }, '15.01.2026');
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
