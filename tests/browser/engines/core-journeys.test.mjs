// The core journeys in every engine people open TokenSafe in: Chromium (Chrome, Yandex Browser),
// Firefox and WebKit (Safari's engine), each written once over lib/driver.mjs. Per engine: a vault
// made with a Cyrillic passphrase, an EIS token refused then saved, kept over a reload and unlocked,
// and wiped from the heap on lock; a procedure run to the end into the vault; a bundle exported in
// one profile and imported into the single file opened from disk (file://) in another.
// Firefox and WebKit run headed: scripts/test.sh runs this file under xvfb-run. TS_ENGINES
// (e.g. "firefox,webkit") picks engines; each journey's name starts with its engine.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveDist, until } from '../lib/app.mjs';
import { ENGINES, openApp } from '../lib/driver.mjs';
import { PASS, addOrganisation, createVault, retype, saveEntry, typeInto, typedDate, unlock } from '../lib/vault.mjs';

const SINGLE_FILE = fileURLToPath(new URL('../../../dist/tokensafe.html', import.meta.url));
const PROCEDURE = fileURLToPath(new URL('../../../app/content/procedures/eis-export-token.json', import.meta.url));
const PASS_B = 'Зелёный-самокат 17 стоит';
const BUNDLE_PASS = 'Пакет для Бреста 2026';
const GUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7'; // unlike the example GUID, in no text of the app
const RUN_GUID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
const BAD_GUID = 'kjsd-34m34-23m4i23-4238un-45-453f'; // the malformed example in the portal's own docs
const GUID_RULE = 'Нужен GUID: 32 знака — цифры 0–9 и латинские буквы a–f — в группах 8-4-4-4-12, например 3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const FILE_NOTE = 'Страница открыта из файла (file://). Её хранилище отдельно от хранилища сайта, и не всякий ' +
  'браузер хранит данные страниц из файлов надёжно: очистка данных браузера удалит и его. Делайте резервные ' +
  'копии пакетами на экране «Перенос».';

// What the app shows of navigator.storage.persist() for the served page (state().persistence; the
// settings say it in words). Chromium without a person's engagement answers no. Firefox asks the
// person in a prompt by the address bar and answers only when they choose: until then the app says
// it is not known yet. WebKitGTK has no persist() at all.
const PERSISTENCE = { chromium: 'not-persistent', firefox: 'unknown', webkit: 'unsupported' };

const selected = (process.env.TS_ENGINES ?? ENGINES.join(',')).split(',').filter(Boolean);
let server;
let url;
const open = []; // {app, dir}: closed after all journeys

after(async () => {
  for (const { app, dir } of open) {
    await app.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
  server?.close();
});

// A workstation: the engine with its own profile directory, at `address` (the served app by default).
async function workstation(engine, name, address) {
  if (!server) ({ server, url } = await serveDist());
  const dir = await mkdtemp(join(tmpdir(), `tokensafe-${engine}-${name}-`));
  const app = await openApp(engine, address ?? url, { profileDir: dir }).catch(async (e) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });
  open.push({ app, dir });
  return app;
}

// Whether the page's IndexedDB holds `text` (UTF-8) anywhere, read raw.
function storedAnywhere(app, text) {
  return app.evaluate(async (t) => {
    const needle = Array.from(new TextEncoder().encode(t));
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('tokensafe');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise((ok) => {
      const r = db.transaction('vault', 'readonly').objectStore('vault').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    const json = JSON.stringify(all, (k, x) => (x instanceof Uint8Array ? Array.from(x) : x));
    if (json.includes(t)) return true;
    const has = (bytes) => bytes.some((_, i) => needle.every((b, k) => bytes[i + k] === b));
    return all.some((v) => v && v.bytes instanceof Uint8Array && has(Array.from(v.bytes)));
  }, text);
}

// A journey as a test named with its engine; when it fails, what each of its pages showed is kept
// (a screenshot and the seam's state) in test-output/ to see why.
function journey(engine, id, name, fn) {
  test(`${engine}: ${name}`, async () => {
    const pages = [];
    try {
      await fn(pages);
    } catch (e) {
      for (const [i, app] of pages.entries()) {
        await app.screenshot(`engines-${engine}-${id}-failed-${i}`).catch(() => {});
        console.log(`${engine} page ${i} at the failure: ${JSON.stringify(await app.state().catch(() => null))}`);
      }
      throw e;
    }
  });
}

// The vault unlocked with `pass`, made first if this profile has none (a journey run on its own).
async function unlocked(app, pass) {
  const { vault } = await app.waitForState((s) => s.vault !== 'loading', 'the vault read');
  if (vault === 'absent') await createVault(app, pass);
  if ((await app.state()).vault === 'unlocked') return;
  await unlock(app, pass);
  await app.waitForState((s) => s.vault === 'unlocked', 'the vault unlocked');
}

for (const engine of selected) {
  const env = {}; // the engine's first workstation, shared by its journeys in order

  journey(engine, 'vault', 'a vault with a Cyrillic passphrase, an EIS token refused then saved, kept over a reload, wiped from the heap on lock', async (pages) => {
    const app = env.a = await workstation(engine, 'a');
    pages.push(app);
    console.log(`engine ${engine}: ${app.version}`);
    await createVault(app, PASS); // the Cyrillic passphrase typed twice, key by key
    const st = await app.waitForState((s) => s.persistence === PERSISTENCE[engine],
      `the storage shown as ${PERSISTENCE[engine]}`).catch(async () => app.state());
    assert.equal(st.persistence, PERSISTENCE[engine], 'what the app says of the storage');
    assert.equal(st.filePage, false);

    // A token of the EIS export services kind: the malformed GUID is refused, naming the rule.
    await app.click('Новая запись');
    await app.click({ key: 'kind-eis-export-token' });
    await typeInto(app, 'field-guid', BAD_GUID);
    await app.find({ label: GUID_RULE, kind: 'text' });
    const rev = (await app.state()).revision;
    await app.click('Сохранить запись');
    await app.waitForState((s) => s.messageIsError && s.message === 'Запись не сохранена: исправьте отмеченные поля', 'the refusal');
    assert.equal((await app.state()).revision, rev, 'nothing saved');
    assert.equal((await app.state()).entries, 0);
    await retype(app, 'field-guid', GUID);
    const validUntil = typedDate(0, 12);
    await typeInto(app, 'field-validUntil', validUntil);
    await saveEntry(app);
    assert.equal((await app.state()).entries, 1);
    assert.equal(await storedAnywhere(app, 'TSVAULT'), true, 'the scan finds the vault file\'s magic');
    for (const s of [GUID, PASS]) assert.equal(await storedAnywhere(app, s), false, `${s} is not in IndexedDB in clear`);

    await app.reload();
    await app.waitForState((s) => s.vault === 'locked', 'the vault read back, locked'); // 'loading' first
    await unlock(app, 'не та фраза совсем');
    await app.waitForState((s) => s.messageIsError && s.message === 'Неверная парольная фраза.', 'the wrong passphrase refused');
    await retype(app, 'unlock-pass', PASS);
    await until(async () => !(await app.find('Открыть')).disabled, 'the retry delay to pass');
    await app.click('Открыть');
    await app.waitForState((s) => s.vault === 'unlocked' && s.entries === 1, 'the vault unlocked after the reload');
    const entry = await until(async () => (await app.items()).find((i) => /^entry-[0-9a-f]/.test(i.key)), 'the entry in the list');
    await app.click({ key: entry.key });
    await app.waitForValue({ key: 'field-validUntil' }, validUntil);
    assert.equal((await app.find({ key: 'field-guid' })).length, GUID.length, 'the token is back (shown by its length)');

    assert.equal(await app.heapContains(GUID), true, 'the scan finds the token while unlocked');
    await app.click({ key: 'lock' });
    await app.waitForState((s) => s.vault === 'locked', 'the lock');
    await app.settle();
    assert.equal(await app.heapContains(GUID), false, 'the token is wiped from the wasm heap on lock');
    assert.equal(await app.heapContains(GUID.slice(9, 27)), false, 'no part of it either');
    assert.equal(await app.heapContains(PASS), false, 'the passphrase is wiped from the wasm heap');
    await app.screenshot(`engines-${engine}-locked`);
  });

  journey(engine, 'procedure', 'a procedure run for an organisation, ticked to the end, saved into the vault', async (pages) => {
    const app = env.a ??= await workstation(engine, 'a');
    pages.push(app);
    await unlocked(app, PASS);
    const entries = (await app.state()).entries;
    await addOrganisation(app, 'ООО «Ромашка»', 'RU', '7707083893');

    const data = JSON.parse(await readFile(PROCEDURE, 'utf8'));
    const total = data.steps.length;
    const validUntil = typedDate(0, 24);
    await app.click({ key: 'nav-procedures' });
    await app.click({ key: 'procedure-eis-export-token' });
    await app.click({ key: 'tab-run' });
    await app.waitForValue({ key: 'run-org' }, 'ООО «Ромашка»');
    await app.waitForValue({ key: 'run-target' }, 'В новую запись');
    let rev = (await app.state()).revision;
    await app.click({ key: 'run-start' });
    await app.waitForState((s) => s.revision === rev + 1 && !s.saving, 'the run saved');
    for (const [n, step] of data.steps.entries()) {
      if ((step.fills ?? []).includes('guid')) {
        await app.click({ key: `run-goto-${step.id}` });
        await typeInto(app, 'field-guid', RUN_GUID);
        await typeInto(app, 'field-validUntil', validUntil);
      }
      rev = (await app.state()).revision;
      await app.click({ key: `run-step-${step.id}` });
      await app.waitForState((s) => s.revision === rev + 1 && !s.saving, `step ${step.id} saved`);
      await app.find({ label: `Выполнено ${n + 1} из ${total}`, kind: 'text' });
    }
    rev = (await app.state()).revision;
    await app.click({ key: 'run-finish' });
    await app.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === entries + 1, 'the credential saved');
    await app.click({ key: 'run-open-entry' });
    await app.waitForState((s) => s.screen === 'vault', 'the vault');
    await app.waitForValue({ key: 'field-validUntil' }, validUntil);
    await app.waitForValue({ key: 'entry-org' }, 'ООО «Ромашка»');
    assert.equal((await app.find({ key: 'field-guid' })).length, RUN_GUID.length);
  });

  journey(engine, 'bundle', 'a bundle exported in one profile is imported into the single file opened from disk in another', async (pages) => {
    const a = env.a ??= await workstation(engine, 'a');
    pages.push(a);
    await unlocked(a, PASS);
    const sent = (await a.state()).entries;
    await a.click({ key: 'nav-transfer' });
    await a.click({ key: 'tab-export' });
    await a.click({ key: 'export-scope-all' });
    await a.click({ key: 'export-by-pass' });
    await typeInto(a, 'export-pass', BUNDLE_PASS);
    await typeInto(a, 'export-repeat', BUNDLE_PASS);
    const rev0 = (await a.state()).revision;
    const file = await a.download('Скачать файл .tsb');
    assert.match(file.name, /^tokensafe-\d{4}-\d{2}-\d{2}\.tsb$/);
    // The whole vault with history under a passphrase is a backup: the vault notes when it was made.
    await a.waitForState((s) => s.revision === rev0 + 1 && !s.saving, 'the backup noted');
    const bytes = await readFile(file.path);
    assert.equal(bytes.subarray(0, 8).toString('latin1'), 'TSBUNDLE');
    for (const s of [GUID, 'Ромашка']) assert.equal(bytes.includes(Buffer.from(s)), false, `${s} is not in the file in clear`);

    // Another computer, with the app as one file from a USB stick.
    const b = await workstation(engine, 'b', pathToFileURL(SINGLE_FILE).href);
    pages.push(b);
    assert.equal((await b.state()).filePage, true);
    await b.click('Хранилище');
    await b.waitForState((s) => s.screen === 'vault' && s.vault === 'absent', 'the create form');
    await b.findScrolling(FILE_NOTE); // what differs for a page from disk, said on the create form
    await createVault(b, PASS_B);
    await b.click({ key: 'nav-transfer' });
    await b.click({ key: 'tab-import' });
    const rev = (await b.waitForState((s) => !s.saving && s.revision === 2, 'the receiving key pair saved')).revision;
    await b.chooseFile({ key: 'import-file' }, file.path);
    await typeInto(b, 'import-pass', BUNDLE_PASS);
    await b.click('Открыть пакет');
    const counts = await until(async () => (await b.items()).find((i) => i.kind === 'text' && i.label.startsWith('Новых: ')), 'the preview');
    assert.match(counts.label, / изменены с обеих сторон: 0$/);
    assert.equal((await b.state()).revision, rev, 'nothing written before the user confirms');
    await b.click('Импортировать');
    await b.waitForState((s) => s.revision === rev + 1 && !s.saving && s.entries === sent, 'the import, in one save');

    // Kept by the file page's storage over a reload.
    await b.reload();
    await unlock(b, PASS_B);
    await b.waitForState((s) => s.vault === 'unlocked' && s.entries === sent, 'the imported vault after a reload');
    await b.screenshot(`engines-${engine}-file-page`);
  });
}
