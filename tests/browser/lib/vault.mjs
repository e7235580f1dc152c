// Steps on the vault screens shared by the browser tests: typing into a field, creating and
// unlocking a vault, adding an entry — each through real clicks and key presses.
import assert from 'node:assert/strict';
import { until } from './app.mjs';

export const PASS = 'Синий-трактор 42 едет';

// Clicks a field and types; waits until the app holds the text (or, for a secret, its length).
export async function typeInto(app, key, text) {
  await app.click({ key });
  await app.type(text);
  await until(async () => {
    const item = (await app.items()).find((i) => i.key === key);
    return item && (item.value === text || item.length === Buffer.byteLength(text));
  }, `field ${key} to take the typed text`);
}

// Replaces a field's text: select all, then type over it.
export async function retype(app, key, text) {
  await app.click({ key });
  await app.press('Control+A');
  await app.press('Delete');
  await typeInto(app, key, text);
}

export async function openVault(app) {
  await app.click('Хранилище');
  await app.waitForState((s) => s.screen === 'vault' && s.vault !== 'loading', 'the vault screen');
}

export async function createVault(app, pass = PASS) {
  await openVault(app);
  assert.equal((await app.state()).vault, 'absent');
  await typeInto(app, 'create-pass', pass);
  await typeInto(app, 'create-repeat', pass);
  await app.click('Создать хранилище');
  await app.waitForState((s) => s.vault === 'unlocked' && s.revision === 1, 'the new vault');
}

export async function unlock(app, pass) {
  await openVault(app);
  await typeInto(app, 'unlock-pass', pass);
  await app.click('Открыть');
}

// Saves the entry open in the editor and waits for the new revision.
export async function saveEntry(app) {
  const before = (await app.state()).revision;
  await app.click('Сохранить запись');
  await app.waitForState((s) => s.revision === before + 1 && !s.saving, 'the entry to be saved');
}

// A generic entry with a title, a login and a secret.
export async function addEntry(app, title, secret, login = 'zakupki-admin') {
  await app.click('Новая запись');
  await app.click({ key: 'kind-generic' });
  await typeInto(app, 'field-title', title);
  await typeInto(app, 'field-login', login);
  await typeInto(app, 'field-secret', secret);
  await saveEntry(app);
}

// A date `days` from today, as typed in Russia and Belarus (ДД.ММ.ГГГГ), in the browser's zone.
export function typedDate(days, months = 0) {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setMonth(d.getMonth() + months);
  d.setDate(d.getDate() + days);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

// An organisation with a valid ИНН (RU) or УНП (BY), on the vault's organisations tab.
export async function addOrganisation(app, name, country, taxId) {
  await app.click({ key: 'tab-organisations' });
  await app.click('Новая организация');
  await typeInto(app, 'org-name', name);
  if (country === 'BY') await app.click({ key: 'org-country-by' });
  await typeInto(app, 'org-tax-id', taxId);
  const before = (await app.state()).revision;
  await app.click('Сохранить организацию');
  await app.waitForState((s) => s.revision === before + 1 && !s.saving, 'the organisation saved');
}

// Seeds the origin's IndexedDB (where web/library_vault_store.js keeps the vault) with records
// {key: value}. A record's `bytes` is an array of byte values, or the address of a file the page
// fetches (a multi-megabyte array is slow to pass into the page).
export async function seedRecords(page, records) {
  await page.evaluate(async (recs) => {
    const values = {};
    for (const [key, v] of Object.entries(recs)) {
      if (v.bytes === undefined) { values[key] = v; continue; }
      const bytes = typeof v.bytes === 'string' ? await (await fetch(v.bytes)).arrayBuffer() : v.bytes;
      values[key] = { ...v, bytes: new Uint8Array(bytes) };
    }
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('tokensafe', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('vault');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    await new Promise((ok) => {
      const tx = db.transaction('vault', 'readwrite');
      for (const [key, v] of Object.entries(values)) tx.objectStore('vault').put(v, key);
      tx.oncomplete = ok;
    });
    db.close();
  }, records);
}

// Everything the origin keeps in IndexedDB, as plain arrays of bytes (read only: to check what the
// app stored).
export function dumpIndexedDb(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open(info.name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const name of db.objectStoreNames) {
        const tx = db.transaction(name, 'readonly');
        const all = await new Promise((ok) => { const r = tx.objectStore(name).getAll(); r.onsuccess = () => ok(r.result); });
        const keys = await new Promise((ok) => { const r = tx.objectStore(name).getAllKeys(); r.onsuccess = () => ok(r.result); });
        all.forEach((v, i) => out.push({ db: info.name, store: name, key: keys[i], revision: v.revision,
          slot: v.slot, bytes: v.bytes ? Array.from(v.bytes) : [],
          json: JSON.stringify(v, (k, x) => (x instanceof Uint8Array ? Array.from(x) : x)) }));
      }
      db.close();
    }
    return out;
  });
}

export function contains(haystack, needle) {
  return Buffer.from(haystack).indexOf(Buffer.from(needle, 'utf8')) !== -1;
}
