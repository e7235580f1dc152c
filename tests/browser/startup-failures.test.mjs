// Never a blank screen: a browser without WebGL2, or app files that fail to load, get a clear
// message in the page, in Russian and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveDist, until, OUTPUT_DIR } from './lib/app.mjs';
import { mkdir } from 'node:fs/promises';

let server, url;
before(async () => {
  ({ server, url } = await serveDist());
  await mkdir(OUTPUT_DIR, { recursive: true });
});
after(() => server?.close());

async function fatalOf(page) {
  await until(() => page.evaluate(() => document.documentElement.dataset.fatal), 'the start-up message');
  return page.evaluate(() => ({
    kind: document.documentElement.dataset.fatal,
    visible: !document.getElementById('fatal').hidden,
    loaderHidden: document.getElementById('loader').hidden,
    ru: document.getElementById('fatal-ru').textContent,
    en: document.getElementById('fatal-en').textContent,
  }));
}

test('a browser too old for the wasm the app is built as shows the message, not a blank page', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // An engine without bulk memory or sign extension refuses modules that use them.
    await page.addInitScript(() => { WebAssembly.validate = () => false; });
    await page.goto(url);
    const f = await fatalOf(page);
    assert.equal(f.kind, 'no-wasm');
    assert.ok(f.visible && f.loaderHidden);
    assert.match(f.ru, /слишком стар/);
    assert.match(f.en, /too old/);
  } finally {
    await browser.close();
  }
});

test('a browser without WebGL2 shows the message, not a blank page', async () => {
  const browser = await launchBrowser(['--disable-3d-apis']);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const f = await fatalOf(page);
    assert.equal(f.kind, 'no-webgl2');
    assert.ok(f.visible && f.loaderHidden);
    assert.match(f.ru, /WebGL2/);
    assert.match(f.ru, /аппаратное ускорение/);
    assert.match(f.en, /hardware acceleration/);
    await page.screenshot({ path: `${OUTPUT_DIR}/startup-no-webgl2.png` });
  } finally {
    await browser.close();
  }
});

test('a wasm file that fails to load shows the message with the reason', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.route('**/app.wasm', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(url);
    const f = await fatalOf(page);
    assert.equal(f.kind, 'load-failed');
    assert.ok(f.visible && f.loaderHidden);
    assert.match(f.ru, /Не удалось загрузить файлы приложения \(app\.wasm: HTTP 404\)/);
    assert.match(f.en, /failed to load/);
    await page.screenshot({ path: `${OUTPUT_DIR}/startup-load-failed.png` });
  } finally {
    await browser.close();
  }
});

test('a corrupt wasm file shows the message', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.route('**/app.wasm', (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }));
    await page.goto(url);
    const f = await fatalOf(page);
    assert.equal(f.kind, 'load-failed');
    assert.ok(f.visible);
  } finally {
    await browser.close();
  }
});

test('while loading, the page shows a progress indicator', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // Hold the wasm back so the loader can be seen, then let it through.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/app.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(url);
    const shown = await page.evaluate(() => ({
      loader: !document.getElementById('loader').hidden,
      text: document.getElementById('loader-text').textContent,
    }));
    assert.equal(shown.loader, true);
    assert.match(shown.text, /Загрузка/);
    await page.screenshot({ path: `${OUTPUT_DIR}/startup-loading.png` });
    release();
    await until(() => page.evaluate(() => window.tokensafe.ready), 'the first frame');
    await until(() => page.evaluate(() => document.getElementById('loader').hidden), 'the loader to hide');
  } finally {
    await browser.close();
  }
});
