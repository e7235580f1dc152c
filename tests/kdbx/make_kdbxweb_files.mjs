// Writes KDBX 3.1, 4.0 and 4.1 files with kdbxweb (npm, with hash-wasm for Argon2) into OUT_DIR, plus
// the key files they use, for tests/native/kdbx_interop/test_kdbx_kdbxweb.cpp. Run at test time by
// ctest (the "kdbxweb writes the KeePass test files" fixture); nothing here is committed output.
//
// usage: node tests/kdbx/make_kdbxweb_files.mjs OUT_DIR
// Every file holds the same database (content() below); the C++ test checks what TokenSafe reads
// against the same values. Argon2 parameters are small (1 MiB, 2 passes) so the suite stays quick.
import kdbxweb from 'kdbxweb';
import { argon2d, argon2id } from 'hash-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: make_kdbxweb_files.mjs OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

// kdbxweb hands memory in KiB; type 0 = Argon2d, 2 = Argon2id.
kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memory, iterations, length, parallelism, type, version) => {
  if (version !== 0x13) throw new Error('hash-wasm does Argon2 version 0x13 only');
  const fn = type === 0 ? argon2d : argon2id;
  const hash = await fn({
    password: new Uint8Array(password), salt: new Uint8Array(salt), memorySize: memory,
    iterations, hashLength: length, parallelism, outputType: 'binary',
  });
  return hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength);
});

const PASSWORD = 'Пароль базы: проверка 2024!';
const at = (iso) => new Date(iso);
const pngBytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const textBytes = new TextEncoder().encode('Инструкция: ключ выдан 01.03.2025\n');

async function content(db) {
  db.meta.name = 'Токены организаций';
  const root = db.getDefaultGroup();
  const org = db.createGroup(root, 'ООО «Ромашка»');
  const e = db.createEntry(org);
  const set = (entry, title, password) => {
    entry.fields.set('Title', title);
    entry.fields.set('UserName', 'romashka-eis');
    entry.fields.set('Password', kdbxweb.ProtectedValue.fromString(password));
    entry.fields.set('URL', 'https://zakupki.gov.ru/');
    entry.fields.set('Notes', 'Первая строка\nвторая строка');
    entry.fields.set('ИНН', '7707083893');
    entry.fields.set('Токен', kdbxweb.ProtectedValue.fromString('3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6'));
  };
  set(e, 'Сервисы отдачи (старый)', 'old-secret-1');
  e.times.creationTime = at('2024-01-15T09:30:00Z');
  e.times.lastModTime = at('2024-01-15T09:30:00Z');
  e.times.expires = false;
  e.pushHistory();
  e.fields.set('Password', kdbxweb.ProtectedValue.fromString('old-secret-2'));
  e.times.lastModTime = at('2024-06-01T10:00:00Z');
  e.pushHistory();
  set(e, 'Сервисы отдачи', 'текущий-секрет');
  e.times.lastModTime = at('2025-02-01T08:00:00Z');
  e.times.expires = true;
  e.times.expiryTime = at('2027-03-01T12:00:00Z');
  e.binaries.set('scan.png', await db.createBinary(pngBytes.buffer.slice(0)));
  e.binaries.set('readme.txt', await db.createBinary(textBytes.buffer.slice(textBytes.byteOffset, textBytes.byteOffset + textBytes.byteLength)));

  const sub = db.createGroup(org, 'ОАИС');
  const t = db.createEntry(sub);
  t.fields.set('Title', 'TPSClient');
  t.fields.set('UserName', 'tps');
  t.fields.set('Password', kdbxweb.ProtectedValue.fromString(''));
  t.times.creationTime = at('2023-12-31T23:59:59Z');
  t.times.lastModTime = at('2023-12-31T23:59:59Z');
  t.times.expires = false;
}

function setArgon2(db, kdfId, iterations = 2, memory = 1024 * 1024, parallelism = 2) {
  db.setKdf(kdfId);
  const p = db.header.kdfParameters;
  const V = kdbxweb.VarDictionary.ValueType;
  p.set('I', V.UInt64, kdbxweb.Int64.from(iterations));
  p.set('M', V.UInt64, kdbxweb.Int64.from(memory));
  p.set('P', V.UInt32, parallelism);
}

async function make(name, { version = 4, minor, cipher = 'Aes', kdf = 'Argon2d', password = PASSWORD, keyFile = null, rounds }) {
  const creds = new kdbxweb.Credentials(password === null ? null : kdbxweb.ProtectedValue.fromString(password), keyFile);
  await creds.ready;
  const db = kdbxweb.Kdbx.create(creds, 'x');
  db.setVersion(version);
  if (version === 4) {
    if (kdf === 'Aes') {
      db.setKdf(kdbxweb.Consts.KdfId.Aes);
      db.header.kdfParameters.set('R', kdbxweb.VarDictionary.ValueType.UInt64, kdbxweb.Int64.from(rounds ?? 1000));
    } else {
      setArgon2(db, kdbxweb.Consts.KdfId[kdf]);
    }
    if (minor !== undefined) db.header.versionMinor = minor;
  } else {
    db.header.keyEncryptionRounds = rounds ?? 1000;
  }
  db.header.dataCipherUuid = new kdbxweb.KdbxUuid(kdbxweb.Consts.CipherId[cipher]);
  await content(db);
  const bytes = await db.save();
  writeFileSync(join(out, name), Buffer.from(bytes));
}

const keyV1 = await kdbxweb.Credentials.createRandomKeyFile(1);
const keyV2 = await kdbxweb.Credentials.createRandomKeyFile(2);
const keyRaw32 = kdbxweb.CryptoEngine.random(32);
const keyHex64 = new TextEncoder().encode(Buffer.from(kdbxweb.CryptoEngine.random(32)).toString('hex'));
const keyOther = new TextEncoder().encode('any file at all can be a key file: its SHA-256 is the key\n');
for (const [n, b] of [['key-v1.key', keyV1], ['key-v2.keyx', keyV2], ['key-raw32.key', keyRaw32],
                      ['key-hex64.key', keyHex64], ['key-other.txt', keyOther]])
  writeFileSync(join(out, n), b);

await make('k40-aes-argon2d.kdbx', {});
await make('k41-chacha20-argon2id.kdbx', { minor: 1, cipher: 'ChaCha20', kdf: 'Argon2id' });
await make('k40-aes-aeskdf.kdbx', { kdf: 'Aes', rounds: 6000 });
await make('k41-chacha20-argon2d.kdbx', { minor: 1, cipher: 'ChaCha20' });
await make('k31-aes-aeskdf.kdbx', { version: 3, rounds: 6000 });
await make('k40-key-v1-only.kdbx', { password: null, keyFile: keyV1 });
await make('k40-pw-key-v2.kdbx', { keyFile: keyV2, cipher: 'ChaCha20' });
await make('k40-pw-key-raw32.kdbx', { keyFile: keyRaw32, kdf: 'Argon2id' });
await make('k40-pw-key-hex64.kdbx', { keyFile: keyHex64 });
await make('k41-pw-key-other.kdbx', { minor: 1, keyFile: keyOther });
await make('k31-pw-key-v2.kdbx', { version: 3, keyFile: keyV2 });
console.log(`kdbxweb ${kdbxweb.Consts ? '2.1.1' : '?'}: wrote 11 files into ${out}`);
