// KeePass files in the page: a .kdbx written by kdbxweb (npm, with hash-wasm for Argon2) at test time
// is picked through the real file chooser; the KeePass module is not loaded until then; a wrong
// password is refused with its own message and changes nothing; the right one shows the preview
// (the file's format, its group offered as an organisation), and the import saves once. Then the
// vault is exported as a .kdbx (ChaCha20, Argon2id) through a real download and opened by Debian's
// keepassxc-cli, which must read every field and the expiry date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import kdbxweb from 'kdbxweb';
import { argon2d, argon2id } from 'hash-wasm';
import { AppPage, OUTPUT_DIR, foreignRequests, useBrowser } from './lib/app.mjs';
import { createVault, typeInto } from './lib/vault.mjs';

const KDBX_PASS = 'Пароль базы 2026';
const EXPORT_PASS = 'Экспорт в KeePass 2026!';
const GUID = '3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6';

const env = useBrowser({ before, after });

kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memory, iterations, length, parallelism, type) => {
  const hash = await (type === 0 ? argon2d : argon2id)({
    password: new Uint8Array(password), salt: new Uint8Array(salt), memorySize: memory,
    iterations, hashLength: length, parallelism, outputType: 'binary',
  });
  return hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength);
});

// KeePassXC's default format (KDBX 4.0, AES-256, Argon2d) with cheap parameters: one organisation's
// group holding an EIS token (its GUID as the password, an expiry date) and a plain login with history.
async function makeKdbx(file) {
  const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(KDBX_PASS)), 'Токены');
  db.setKdf(kdbxweb.Consts.KdfId.Argon2d);
  db.header.kdfParameters.set('M', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(1024 * 1024));
  db.header.kdfParameters.set('I', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(2));
  const org = db.createGroup(db.getDefaultGroup(), 'ООО «Ромашка»');
  const token = db.createEntry(org);
  token.fields.set('Title', 'Токен сервисов отдачи ЕИС');
  token.fields.set('Password', kdbxweb.ProtectedValue.fromString(GUID));
  token.times.expires = true;
  token.times.expiryTime = new Date('2027-03-01T12:00:00Z');
  const mail = db.createEntry(org);
  mail.fields.set('Title', 'Почта');
  mail.fields.set('UserName', 'anna');
  mail.fields.set('Password', kdbxweb.ProtectedValue.fromString('старый'));
  mail.pushHistory();
  mail.fields.set('Password', kdbxweb.ProtectedValue.fromString('новый-пароль'));
  mail.fields.set('Кабинет', 'https://lk.example');
  await writeFile(file, Buffer.from(await db.save()));
}

async function pressAtLeftEnd(app, key) {
  const item = await app.find({ key });
  const box = await app.page.locator('#canvas').boundingBox();
  const s = box.width / await app.page.evaluate(() => document.getElementById('canvas').clientWidth);
  await app.page.mouse.move(box.x + (item.x + 2) * s, box.y + item.cy * s);
  await app.settle(60);
  await app.page.mouse.down();
  await app.page.mouse.up();
  await app.settle();
}

function keepassxc(args, pass) {
  return execFileSync('keepassxc-cli', args, { input: `${pass}\n`, encoding: 'utf8' });
}

const t0 = Date.now();
const lap = (what) => console.log(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

test('a .kdbx opens through the import preview, and the vault goes back out as a .kdbx KeePassXC reads', async () => {
  const file = join(OUTPUT_DIR, 'kdbxweb-import.kdbx');
  await makeKdbx(file);
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const app = await AppPage.open(ctx, env.url);
  await createVault(app);
  const kdbxLoads = () => app.requests.filter((r) => /\/kdbx\.(js|wasm)$/.test(r)).length;
  assert.equal(kdbxLoads(), 0, 'the KeePass module is not part of the first frame');

  await app.click({ key: 'nav-transfer' });
  await app.click({ key: 'tab-import' });
  const chooser = app.page.waitForEvent('filechooser');
  await app.click({ key: 'import-file' });
  await (await chooser).setFiles(file);
  await app.find('Это база KeePass. Введите её пароль и, если база защищена файлом-ключом, выберите его.');
  // Opening the import tab the first time gave the vault its receiving key pair: one save, before anything else.
  const rev0 = (await app.waitForState((s) => !s.saving && s.revision === 2, 'the key pair saved')).revision;

  await typeInto(app, 'import-kdbx-pass', 'не тот пароль');
  await app.click({ key: 'import-kdbx-open' });
  await app.waitForState((s) => s.messageIsError && s.message === 'Неверный пароль или файл-ключ базы KeePass.',
    'the wrong password refused');
  assert.equal((await app.state()).revision, rev0, 'nothing saved');
  assert.equal(kdbxLoads(), 2, 'kdbx.js and kdbx.wasm loaded on the first open');

  await typeInto(app, 'import-kdbx-pass', KDBX_PASS);
  await app.click({ key: 'import-kdbx-open' });
  await app.find('Формат KDBX 4.0, шифрование AES-256, защита пароля Argon2d');
  await app.find('Новых: 2 · совпадают: 0 · новее ваших: 0 · старее ваших: 0 · изменены с обеих сторон: 0');
  const offer = await app.find({ key: 'import-kdbx-orgs' });
  assert.equal(offer.checked, false, 'groups are offered as organisations, not made unasked');
  await app.click({ key: 'import-kdbx-orgs' });
  await app.find('Новых: 3 · совпадают: 0 · новее ваших: 0 · старее ваших: 0 · изменены с обеих сторон: 0');
  assert.equal((await app.state()).revision, rev0, 'nothing written before the user confirms');
  lap('preview');
  await app.screenshot('kdbx-import-preview');
  await app.click('Импортировать');
  await app.waitForState((s) => s.revision === rev0 + 1 && !s.saving && s.entries === 2, 'the import, in one save');

  await app.click({ key: 'tab-export' });
  await app.click({ key: 'export-format-kdbx' });
  await app.click({ key: 'export-kdbx-chacha' });
  // The parameters are on screen; the test drags them to their least (a press at a slider's left end)
  // so the page's and keepassxc-cli's Argon2 stay quick.
  await app.find('Argon2id: проходов — 3, память — 64 МиБ, потоков — 2 (KeePassXC по умолчанию берёт 64 МиБ).');
  for (const key of ['export-kdbx-passes', 'export-kdbx-memory']) await pressAtLeftEnd(app, key);
  await app.find('Argon2id: проходов — 1, память — 1 МиБ, потоков — 2 (KeePassXC по умолчанию берёт 64 МиБ).');
  await typeInto(app, 'export-pass', EXPORT_PASS);
  await typeInto(app, 'export-repeat', EXPORT_PASS);
  await app.screenshot('kdbx-export');
  const downloaded = app.page.waitForEvent('download');
  await app.click({ key: 'export-kdbx' });
  const download = await downloaded;
  assert.match(download.suggestedFilename(), /^tokensafe-\d{4}-\d{2}-\d{2}\.kdbx$/);
  const out = join(OUTPUT_DIR, 'tokensafe-export.kdbx');
  await download.saveAs(out);
  await app.waitForState((s) => s.message.startsWith('База KeePass записана и скачана'), 'the export');
  lap('export');
  assert.equal((await readFile(out)).includes(Buffer.from('новый-пароль')), false, 'no secret in clear');

  const list = keepassxc(['ls', '-R', '-f', '-q', out], EXPORT_PASS);
  assert.match(list, /ООО «Ромашка»\/Почта/);
  const mail = keepassxc(['show', '-q', '-s', '-a', 'UserName', '-a', 'Password', out, 'ООО «Ромашка»/Почта'], EXPORT_PASS);
  assert.equal(mail, 'anna\nновый-пароль\n');
  const xml = keepassxc(['export', '-q', '--format', 'xml', out], EXPORT_PASS);
  // KeePassXC writes KDBX 4 times in its XML too: base64 of int64 LE seconds since 0001-01-01 UTC.
  const expiry = Buffer.alloc(8);
  expiry.writeBigInt64LE(BigInt(Date.UTC(2027, 2, 1) / 1000 + 62135596800));
  assert.match(xml, new RegExp(`<ExpiryTime>${expiry.toString('base64')}</ExpiryTime>\\s*<Expires>True</Expires>`));
  assert.match(xml, new RegExp(GUID));
  assert.match(xml, />старый<\/Value>/, 'the history came along');
  lap('keepassxc-cli');
  assert.deepEqual(foreignRequests(app, env.url), []);
  await ctx.close();
});
