// A team folder on a real WebDAV server: Debian's Apache with mod_dav (scripts/dav_server.sh), serving
// the app and the folder from one origin, as the README's deployment section describes. Two browser
// profiles stand for two colleagues' computers. A creates a team with B's receiving code; B, after a
// wrong password, joins by the folder's address and gets A's entry; both change one entry offline
// and sync → both versions kept, the replaced one shown field by field; a tampered shard on the
// server is refused and the vault stays as it was; the server stopped → said in plain words, nothing
// lost, and the next round after it is back goes through. The page asks nothing of anyone but its
// own files and the team folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AppPage, CHROMIUM_ARGS, foreignRequests, until } from './lib/app.mjs';
import { addOrganisation, createVault, retype, saveEntry, typeInto } from './lib/vault.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DAV = join(ROOT, 'scripts/dav_server.sh');
const ORG = 'Ромашка';
// How the list names the shared entry: its organisation first, then its title (kinds::entryName).
const ENTRY = `${ORG} · Т-42`;
const LOGIN = 'anna';
const SERVER_PASS = 'dav-1';
const MSG = {
  created: 'Команда создана, файлы записаны на сервер. Коллеги присоединятся, вставив адрес папки.',
  joined: 'Вы присоединились к команде.',
  wrongLogin: 'Сервер команды не принял логин или пароль.',
  unreachable: 'Сервер команды недоступен. Изменения ждут в этом браузере и уйдут позже.',
};

const env = {};
const started = Date.now();
const mark = (what) => console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

function dav(...args) {
  execFileSync(DAV, args, { stdio: 'inherit' });
}

before(async () => {
  env.dir = await mkdtemp(join(tmpdir(), 'tokensafe-dav-'));
  env.port = 20000 + (process.pid % 20000);
  dav('start', env.dir, String(env.port), LOGIN, SERVER_PASS, join(ROOT, 'dist'));
  env.url = `http://127.0.0.1:${env.port}/`;
  env.folder = `${env.url}team/`;
  env.machines = [];
  for (const name of ['a', 'b']) {
    const dir = await mkdtemp(join(tmpdir(), `tokensafe-team-${name}-`));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    env.machines.push({ context, dir });
    env[name] = await AppPage.open(context, env.url);
  }
});

after(async () => {
  for (const m of env.machines ?? []) {
    await m.context.close();
    await rm(m.dir, { recursive: true, force: true });
  }
  if (env.dir) {
    dav('stop', env.dir);
    await rm(env.dir, { recursive: true, force: true });
  }
  console.log(`team.test.mjs: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

// The tab keeps where it was scrolled to (the create form, last time): a person scrolls back up.
async function openTeamTab(app) {
  await app.click({ key: 'nav-transfer' });
  await app.click({ key: 'tab-team' });
  const tab = await app.find({ key: 'tab-team' });
  await app.page.mouse.move(tab.cx, tab.cy + 200);
  await app.page.mouse.wheel(0, -5000);
  await app.settle();
}

// A long text (an address, a receiving code) pasted rather than typed, as people do.
async function pasteInto(app, key, text) {
  await app.click({ key });
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await app.press('Control+V');
  await until(async () => (await app.items()).find((i) => i.key === key && i.value?.includes(text)), `${key} to take the paste`);
}

async function addTeamEntry(app, title, login) {
  await app.click({ key: 'nav-vault' });
  await app.click({ key: 'tab-entries' });
  await app.click('Новая запись');
  await app.click({ key: 'kind-generic' });
  await typeInto(app, 'field-title', title);
  await typeInto(app, 'field-login', login);
  await typeInto(app, 'field-secret', 's1');
  await app.click({ key: 'entry-org' });
  await app.click({ label: ORG, kind: 'widget' });
  await app.waitForValue({ key: 'entry-org' }, ORG);
  await saveEntry(app);
}

async function openEntry(app, title) {
  await app.click({ key: 'nav-vault' });
  await app.click({ key: 'tab-entries' });
  await app.click(title);
}

async function editLogin(app, title, login) {
  await openEntry(app, title);
  await retype(app, 'field-login', login);
  await saveEntry(app);
}

async function syncNow(app) {
  await openTeamTab(app);
  await app.click({ key: 'team-0-sync' });
}

// Waits for the team's status after a round: «Синхронизировано …» and no team error shown.
async function synced(app, what) {
  await app.settle();
  await until(async () => {
    const items = await app.items();
    return items.some((i) => i.label === 'Синхронизировано только что') &&
      !items.some((i) => i.label === 'Синхронизация…' || i.label === MSG.unreachable);
  }, what);
}

async function receivingCode(app) {
  await app.click({ key: 'nav-transfer' });
  await app.click({ key: 'tab-import' });
  const item = await until(async () => (await app.items()).find((i) => i.kind === 'text' && /^TSR1-/.test(i.label)),
    'the receiving code');
  return item.label;
}

test('two colleagues share an organisation through Apache mod_dav: create, join, conflict, tamper, outage', async () => {
  const { a, b } = env;
  try {
    await journey(a, b);
  } catch (e) {
    await a.screenshot('team-failed-a');
    await b.screenshot('team-failed-b');
    throw e;
  }
});

async function journey(a, b) {
  await createVault(a);
  await createVault(b);
  const codeB = await receivingCode(b);
  mark('two vaults');

  await a.click({ key: 'nav-vault' });
  await addOrganisation(a, ORG, 'RU', '7707083893');
  await addTeamEntry(a, 'Т-42', 'l1');

  // A creates the team with B's code.
  await openTeamTab(a);
  await typeInto(a, 'team-name', 'T1');
  await a.click({ label: ORG, kind: 'widget' });
  await pasteInto(a, 'team-folder', env.folder);
  await typeInto(a, 'team-login', LOGIN);
  await typeInto(a, 'team-password', SERVER_PASS);
  await typeInto(a, 'team-my-name', 'Ann');
  await pasteInto(a, 'team-codes', `${codeB} Bob`);
  await a.click({ key: 'team-create' });
  await a.find(MSG.created);
  mark('team created');
  await a.find('Bob (ещё не присоединился)');
  await a.screenshot('team-created');
  const files = await readdir(join(env.dir, 'team'));
  assert.ok(files.includes('manifest.tst') && files.some((f) => /^shard-[0-9a-f]\.tst$/.test(f)), files.join());

  // B: a wrong password first, then the right one.
  await openTeamTab(b);
  await pasteInto(b, 'join-folder', env.folder);
  await typeInto(b, 'join-login', LOGIN);
  await typeInto(b, 'join-password', 'wrong');
  const revisionB = (await b.state()).revision;
  await b.click({ key: 'team-join' });
  await b.find(MSG.wrongLogin);
  assert.equal((await b.state()).revision, revisionB, 'a refused join changes nothing');
  await retype(b, 'join-password', SERVER_PASS);
  await b.click({ key: 'team-join' });
  await b.find(MSG.joined);
  mark('B joined');
  await b.find('Ann');
  await b.click({ key: 'nav-vault' });
  await b.click({ key: 'tab-entries' });
  await b.find({ label: ENTRY, kind: 'widget' });

  // Both change the entry offline; each save waits; back online, both versions are kept.
  for (const m of env.machines) await m.context.setOffline(true);
  await editLogin(a, ENTRY, 'la');
  await editLogin(b, ENTRY, 'lb');
  await openTeamTab(a);
  await a.find(MSG.unreachable);
  await a.find('Изменений ждут отправки: 1');
  for (const m of env.machines) await m.context.setOffline(false);
  await syncNow(a);
  await synced(a, 'A synced after reconnecting');
  await syncNow(b);
  await synced(b, 'B synced after reconnecting');
  await syncNow(a);
  await synced(a, 'A synced again');
  const loginOf = async (app) => {
    await openEntry(app, ENTRY);
    return (await app.find({ key: 'field-login' })).value;
  };
  const [la, lb] = [await loginOf(a), await loginOf(b)];
  assert.equal(la, lb, 'both end with the same current version');
  const other = la === 'la' ? 'lb' : 'la';
  await b.find({ label: other, kind: 'text' }); // the replaced version, in the field-by-field table
  await b.find('Заменённая версия (в истории)');
  await b.screenshot('team-conflict');
  mark('conflict');

  // A tampered shard: refused, A's vault untouched.
  const shard = (await readdir(join(env.dir, 'team'))).find((f) => f.startsWith('shard-'));
  const path = join(env.dir, 'team', shard);
  const bytes = await readFile(path);
  bytes[bytes.length - 80] ^= 1;
  await writeFile(path, bytes);
  const revisionA = (await a.state()).revision;
  await syncNow(a);
  await a.find('Подпись файла команды не сходится: файл изменили после записи. Он не принят, ваши данные не тронуты.');
  assert.equal((await a.state()).revision, revisionA, 'nothing written locally');
  assert.equal(await loginOf(a), la);
  bytes[bytes.length - 80] ^= 1;
  await writeFile(path, bytes);

  mark('tampered');
  // The server stops: the round says so, nothing is lost; back up, the waiting change goes out.
  dav('stop', env.dir);
  await editLogin(a, ENTRY, 'lc');
  await openTeamTab(a);
  await a.find(MSG.unreachable);
  await a.find('Изменений ждут отправки: 1');
  dav('start', env.dir, String(env.port), LOGIN, SERVER_PASS, join(ROOT, 'dist'));
  await syncNow(a);
  await synced(a, 'A synced after the outage');
  assert.equal(await a.has('Изменений ждут отправки: 1'), false);
  await syncNow(b);
  await synced(b, 'B synced after the outage');
  assert.equal(await loginOf(b), 'lc');

  mark('outage');
  // Nothing but the app's own files and the team folder.
  for (const app of [a, b]) {
    const foreign = foreignRequests(app, env.url).filter((r) => !r.startsWith(env.folder));
    assert.deepEqual(foreign, []);
  }
}
