#!/usr/bin/env node
// The benchmarks behind scripts/bench.sh. Times are reported as ratios to a baseline measured in
// the same browser run (absolute times on SwiftShader are noisy and machine-bound).
import { mkdir, readFile, writeFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppPage, launchBrowser, serveDist, until } from '../tests/browser/lib/app.mjs';
import { seedRecords, typeInto } from '../tests/browser/lib/vault.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Every run is a first visit, and the pages the bench routes in (page.route) must not be answered by
// the app's service worker, which page.route cannot see.
const CONTEXT = { viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' };
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const metrics = [];
function record(name, value, unit, target, pass) {
  metrics.push({ name, value, unit, target, pass: pass === undefined ? null : pass });
}
const UNLOCKS = Number(process.env.BENCH_UNLOCKS ?? 5); // unlocks per vault size
const SAVES = Number(process.env.BENCH_SAVES ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// --- Payload -----------------------------------------------------------------------------------
async function sizeOf(paths) {
  let raw = 0, gz = 0;
  for (const p of paths) {
    const b = await readFile(`${ROOT}${p}`);
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}
const webFiles = (await readdir(`${ROOT}dist/web`)).map((f) => `dist/web/${f}`);
const parts = {
  wasm: ['dist/app.wasm'],
  js: ['dist/app.js'],
  'html + page files': ['dist/index.html', ...webFiles],
  'font (inside the wasm)': ['build-wasm/ui-font.ttf'],
};
for (const [name, paths] of Object.entries(parts)) {
  const s = await sizeOf(paths);
  record(`payload ${name}, raw`, round(s.raw / 1024, 1), 'KiB');
  record(`payload ${name}, gzip`, round(s.gz / 1024, 1), 'KiB');
}
const total = await sizeOf([...parts.wasm, ...parts.js, ...parts['html + page files']]);
record('payload total (wasm + js + html + font), gzip', round(total.gz / 1024, 1), 'KiB', '≤ 600 KB',
  total.gz <= 600 * 1000);
// The KeePass module: not part of the first frame, loaded the first time a .kdbx is opened or written.
const kdbxModule = await sizeOf(['dist/kdbx.js', 'dist/kdbx.wasm']);
record('KeePass module kdbx.js + kdbx.wasm (loaded on demand), gzip', round(kdbxModule.gz / 1024, 1), 'KiB');
// The single file (dist/tokensafe.html): everything above in one page, the wasm as base64.
const single = await sizeOf(['dist/tokensafe.html']);
record('single file tokensafe.html, raw', round(single.raw / 1024, 1), 'KiB');
record('single file tokensafe.html, gzip', round(single.gz / 1024, 1), 'KiB');
// What the page reads and compiles at start: the file without the KeePass module's two blocks, which
// wait there gzip'd (base64) until a .kdbx is opened or written.
{
  const html = (await readFile(`${ROOT}dist/tokensafe.html`, 'utf8'))
    .replace(/<script type="application\/gzip;base64" id="ts-kdbx-[a-z]+">[^<]*<\/script>\n?/g, '');
  const gz = gzipSync(Buffer.from(html), { level: 9 }).length;
  record('single file without the waiting KeePass module, gzip', round(gz / 1024, 1), 'KiB', '≤ 700 KB',
    gz <= 700 * 1000);
}

// --- Time to first frame, as a ratio to a blank WebGL2 page ------------------------------------
const BLANK = `<!doctype html><canvas id=c width=1280 height=800></canvas><script>
const gl = document.getElementById('c').getContext('webgl2');
requestAnimationFrame(() => { gl.clearColor(0.96, 0.97, 0.98, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  requestAnimationFrame(() => { window.firstFrame = performance.now(); }); });
</script>`;

const { server, url } = await serveDist();
const browser = await launchBrowser();
// BENCH_ONLY=mirror runs the screen-reader mirror's rows alone (with BENCH_BUILD: a native build
// directory holding ts_gen_vault, when build-bench is not there).
if (process.env.BENCH_ONLY === 'mirror') {
  try {
    await benchMirror(browser, url, process.env.BENCH_BUILD ?? `${ROOT}build-bench`);
  } finally {
    await browser.close();
    server.close();
  }
  await report();
  process.exit(0);
}
try {
  const appTimes = [], blankTimes = [];
  for (let i = 0; i < RUNS; i++) {
    {
      const ctx = await browser.newContext(CONTEXT);
      const page = await ctx.newPage();
      await page.route('**/__blank.html', (r) => r.fulfill({ contentType: 'text/html', body: BLANK }));
      await page.goto(`${url}__blank.html`);
      blankTimes.push(await until(() => page.evaluate(() => window.firstFrame), 'the blank page frame'));
      await ctx.close();
    }
    {
      const ctx = await browser.newContext(CONTEXT);
      const page = await ctx.newPage();
      await page.goto(url);
      appTimes.push(await until(() => page.evaluate(() => {
        const m = performance.getEntriesByName('ts-first-frame')[0];
        return m ? m.startTime : 0;
      }), 'the app first frame'));
      await ctx.close();
    }
  }
  // The single file opened from disk, the way a USB stick is used.
  const singleTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext(CONTEXT);
    const page = await ctx.newPage();
    await page.goto(pathToFileURL(`${ROOT}dist/tokensafe.html`).href);
    singleTimes.push(await until(() => page.evaluate(() => {
      const m = performance.getEntriesByName('ts-first-frame')[0];
      return m ? m.startTime : 0;
    }), 'the single file first frame'));
    await ctx.close();
  }
  const ratio = median(appTimes) / median(blankTimes);
  record('first frame after navigation (median ms)', round(median(appTimes), 0), 'ms');
  record('blank WebGL2 page first frame (median ms)', round(median(blankTimes), 0), 'ms');
  record('first frame / blank WebGL2 page', round(ratio), '×', '≤ 2×', ratio <= 2);
  const singleRatio = median(singleTimes) / median(blankTimes);
  record('single file (file://) first frame (median ms)', round(median(singleTimes), 0), 'ms');
  record('single file first frame / blank WebGL2 page', round(singleRatio), '×', '≤ 3×', singleRatio <= 3);

  // --- Frames in an idle second ----------------------------------------------------------------
  const ctx = await browser.newContext(CONTEXT);
  const app = await AppPage.open(ctx, url);
  const f0 = await app.frames();
  await app.page.waitForTimeout(2000);
  const idle = ((await app.frames()) - f0) / 2;
  record('frames rendered per idle second', idle, 'frames', '0', idle === 0);
  await ctx.close();

  await benchVault(browser, url);
  await benchMirror(browser, url, `${ROOT}build-bench`);
} finally {
  await browser.close();
  server.close();
}

// --- The vault: Argon2id against other implementations, unlock and save, heap ------------------
async function benchVault(browser, url) {
  const BUILD = `${ROOT}build-bench`;
  const PASS = 'bench-passphrase';
  const native = Number(execFileSync(`${BUILD}/ts_bench_argon2`, ['5']).toString());
  const files = {};
  for (const n of [1000, 10000]) {
    files[n] = `${ROOT}bench/vault-${n}.tsvault`;
    execFileSync(`${BUILD}/ts_gen_vault`, [String(n), PASS, files[n]]);
  }
  // The same 10,000 entries in a bundle, every fifth changed on its own: its import preview lists
  // 10,000 items, 2,000 of them conflicts with their field tables.
  const bundle10k = `${ROOT}bench/bundle-10000.tsb`;
  execFileSync(`${BUILD}/ts_gen_vault`, ['10000', PASS, bundle10k, 'bundle']);

  // Ours: a bare crypto_pwhash in the app's page (the baseline for unlock).
  const ctx = await browser.newContext(CONTEXT);
  const app = await AppPage.open(ctx, url);

  // The same Argon2id in libsodium-wrappers-sumo and hash-wasm, in a page of the same browser.
  const page = await ctx.newPage();
  await page.route('**/__nm/**', async (r) => {
    const path = new URL(r.request().url()).pathname.replace('/__nm/', '');
    r.fulfill({ body: await readFile(`${ROOT}node_modules/${path}`), contentType: 'text/javascript' });
  });
  await page.route('**/__bench.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html>
<script type="importmap">{"imports":{"libsodium-sumo":"/__nm/libsodium-sumo/dist/modules-sumo-esm/libsodium-sumo.mjs"}}</script>
<script src="/__nm/hash-wasm/dist/argon2.umd.min.js"></script>
<script type="module">
import sodium from '/__nm/libsodium-wrappers-sumo/dist/modules-sumo-esm/libsodium-wrappers.mjs';
const salt = new Uint8Array(16);
window.runSodium = async () => { await sodium.ready; const t0 = performance.now();
  sodium.crypto_pwhash(32, 'bench', salt, 3, 64 * 1024 * 1024, sodium.crypto_pwhash_ALG_ARGON2ID13);
  return performance.now() - t0; };
window.runHashWasm = async () => { const t0 = performance.now();
  await hashwasm.argon2id({ password: 'bench', salt, parallelism: 1, iterations: 3, memorySize: 65536,
    hashLength: 32, outputType: 'binary' });
  return performance.now() - t0; };
window.benchReady = true;
</script>` }));
  await page.goto(`${url}__bench.html`);
  await until(() => page.evaluate(() => window.benchReady), 'the bench page');
  // Interleaved, so that a drift in the machine's speed touches all three alike; the first run of
  // each warms up (and grows the memory).
  const oursRuns = [], sodiumRuns = [], hashRuns = [];
  for (let i = 0; i < 10; i++) {
    oursRuns.push(await app.page.evaluate(() => Module._ts_bench_pwhash_ms()));
    sodiumRuns.push(await page.evaluate(() => window.runSodium()));
    hashRuns.push(await page.evaluate(() => window.runHashWasm()));
  }
  for (const runs of [oursRuns, sodiumRuns, hashRuns]) runs.shift();
  const ours = median(oursRuns);

  // Export + import of 1,000 entries (a passphrase bundle: two Argon2id, one each way, and the merge)
  // in the app's page, against bare Argon2id runs interleaved with it in the same page.
  const xiRuns = [], xiPwhashRuns = [];
  await app.page.evaluate(() => Module._ts_bench_export_import_ms(1000)); // warm-up
  for (let i = 0; i < 5; i++) {
    xiRuns.push(await app.page.evaluate(() => Module._ts_bench_export_import_ms(1000)));
    xiPwhashRuns.push(await app.page.evaluate(() => Module._ts_bench_pwhash_ms()));
  }
  await ctx.close();
  record('Argon2id t=3 m=64 MiB, ours in the page (median ms)', round(ours, 0), 'ms');
  const rs = ours / median(sodiumRuns), rh = ours / median(hashRuns), rn = ours / native;
  // libsodium-wrappers-sumo runs the same libsodium Argon2 code compiled to wasm, so the target is
  // parity (measured 1.01–1.06×; wasm SIMD measured slower). hash-wasm is another implementation:
  // the target is a lead that held on two CPUs (0.43× and 0.67×).
  record('Argon2id ours / libsodium-wrappers-sumo', round(rs), '×', '≤ 1.1×', rs <= 1.1);
  record('Argon2id ours / hash-wasm', round(rh), '×', '≤ 0.8×', rh <= 0.8);
  record('Argon2id ours / native libsodium', round(rn), '×', '≤ 2×', rn <= 2);
  const xi = median(xiRuns), xiPwhash = median(xiPwhashRuns), rx = xi / (2 * xiPwhash);
  if ([...xiRuns, ...xiPwhashRuns].some((ms) => ms < 0)) { // the probe checks its result; -1: it failed
    record('export + import of 1,000 entries / two bare Argon2id (the probe failed)', 'failed', '×', '≤ 1.5×', false);
  } else {
    record(`export + import of 1,000 entries / two bare Argon2id (ms: ${round(xi, 0)} / ${round(xiPwhash, 0)})`,
      round(rx), '×', '≤ 1.5×', rx <= 1.5);
  }

  for (const n of [1000, 10000]) {
    const r = await unlockAndSave(browser, url, files[n], PASS, n === 1000, n === 10000 ? bundle10k : null);
    const ratio = r.unlockMs / r.pwhashMs;
    const target = n === 1000 ? 1.3 : 2;
    record(`unlock at ${n} entries (median of ${UNLOCKS}, ms)`, round(r.unlockMs, 0), 'ms');
    record(`unlock at ${n} entries / one bare Argon2id`, round(ratio), '×', `≤ ${target}×`, ratio <= target);
    if (r.saveMs !== undefined) {
      // The save as the session times it: applying the change, serializing, encrypting and the
      // transaction, to the commit. The click to the frame that shows it adds the frames around it.
      const sr = r.saveMs / r.putMs;
      record(`save one change at ${n} entries / one bare IndexedDB put (medians of ${SAVES}, ms: ${round(r.saveMs, 0)} / ${round(r.putMs, 0)})`,
        round(sr), '×', '≤ 3×', sr <= 3);
      record(`save one change at ${n} entries, from the click to the frame that shows it (ms)`, round(r.clickToSavedMs, 0), 'ms');
    }
    if (r.searchFrameMs !== undefined) {
      const fr = r.searchFrameMs / r.idleFrameMs;
      record(`search frame at 10,000 entries / idle frame (ms: ${round(r.searchFrameMs, 1)} / ${round(r.idleFrameMs, 1)})`,
        round(fr), '×', '≤ 2×', fr <= 2);
    }
    if (r.previewFrameMs !== undefined) {
      const pr = r.previewFrameMs / r.idleFrameMs;
      record(`import preview frame, 10,000 items / idle frame (ms: ${round(r.previewFrameMs, 1)} / ${round(r.idleFrameMs, 1)})`,
        round(pr), '×', '≤ 2×', pr <= 2);
    }
    if (n === 10000) record('wasm heap in use at 10,000 entries', round(r.heap / 1048576, 1), 'MiB', '≤ 64 MiB', r.heap <= 64 * 1048576);
  }
}

// Seeds IndexedDB with a generated vault, unlocks it by typing, and (optionally) saves one change.
async function unlockAndSave(browser, url, file, pass, alsoSave, bundleFile) {
  const bytes = await readFile(file);
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  await page.route('**/__vault.bin', (r) => r.fulfill({ body: bytes, contentType: 'application/octet-stream' }));
  await page.goto(url);
  await seedRecords(page, { 'slot-a': { revision: 1, bytes: '__vault.bin' }, head: { revision: 1, slot: 'slot-a' } });
  await page.reload();
  const app = new AppPage(page);
  await app.waitReady();
  // The first run also grows the wasm memory to Argon2's 64 MiB; unlocking later does not pay that.
  await page.evaluate(() => Module._ts_bench_pwhash_ms());
  const box = await page.locator('#canvas').boundingBox();
  const clickAt = (item) => page.mouse.click(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  // Resolves (with the page's time) at the first animation frame whose published state shows the
  // vault in `vault` and, when given, past revision `after` with nothing being saved.
  const stateBy = (vault, after = null) => page.evaluate(([v, a]) => new Promise((resolve) => {
    (function poll() {
      const st = window.tokensafe.state();
      if (st.vault === v && (a === null || (st.revision === a + 1 && !st.saving))) resolve(performance.now());
      else requestAnimationFrame(poll);
    })();
  }), [vault, after]);
  // This machine's speed drifts by tens of percent within a minute: each unlock is paired with a
  // bare Argon2id run just before it, and the medians of several pairs are compared.
  const unlockRuns = [], pwhashRuns = [];
  await app.click('Хранилище');
  for (let i = 0; i < UNLOCKS; i++) {
    if (i > 0) {
      await app.click({ key: 'lock' });
      await stateBy('locked');
      await app.settle();
    }
    pwhashRuns.push(await page.evaluate(() => Module._ts_bench_pwhash_ms()));
    await app.click({ key: 'unlock-pass' });
    await app.type(pass);
    await until(async () => (await app.items()).some((i) => i.key === 'unlock-pass' && i.length === pass.length), 'typing');
    await app.settle(); // a person reaches for the button after typing: the typing's frames are done
    const open = await app.find('Открыть');
    const t0 = await page.evaluate(() => performance.now());
    await clickAt(open);
    unlockRuns.push((await stateBy('unlocked')) - t0);
  }
  // The slowest frame among those drawn in the next half second (the app publishes each one's time).
  const slowestFrame = () => page.evaluate(() => new Promise((resolve) => {
    let max = 0, n = 0;
    (function sample() {
      max = Math.max(max, window.tokensafe.state().frameMs);
      if (++n < 30) requestAnimationFrame(sample); else resolve(max);
    })();
  }));
  const out = { unlockMs: median(unlockRuns), pwhashMs: median(pwhashRuns),
    heap: await page.evaluate(() => Module._ts_bench_heap_in_use()) };
  if (!alsoSave) { // 10,000 entries: a frame while searching against an ordinary frame
    await app.settle();
    const idle = [], search = [];
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(300 + i * 7, 600);
      idle.push(await slowestFrame());
    }
    await app.click({ key: 'entries-search' });
    const cdp = await app.cdp();
    for (const ch of 'Ромаш') {
      await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: ch });
      search.push(await slowestFrame());
    }
    out.idleFrameMs = median(idle);
    out.searchFrameMs = median(search);
  }
  if (bundleFile) { // the import preview of a bundle as large as the vault: pointing and scrolling
    await app.click({ key: 'nav-transfer' });
    await app.click({ key: 'tab-import' });
    const chooser = page.waitForEvent('filechooser');
    await app.click({ key: 'import-file' });
    await (await chooser).setFiles(bundleFile);
    // The button is enabled only once the app holds the typed text: wait for it, as the tests do.
    await typeInto(app, 'import-pass', pass);
    await app.click('Открыть пакет');
    await app.find('Новых: 0 · совпадают: 8000 · новее ваших: 0 · старее ваших: 0 · изменены с обеих сторон: 2000');
    await app.settle();
    const preview = [];
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(400 + i * 7, 400);
      await page.mouse.wheel(0, 600);
      preview.push(await slowestFrame());
    }
    out.previewFrameMs = median(preview);
  }
  if (alsoSave) {
    await app.settle();
    // The list is sorted by name: find the entry as a person would, by typing its name.
    const name = 'Токен «сервисы отдачи» — ООО «Ромашка» №0';
    await app.click({ key: 'entries-search' });
    await app.type(name);
    await until(async () => (await app.items()).some((i) => i.key === 'entries-search' && i.value === name), 'the search');
    // Several saves, each paired with a bare put of the same bytes in a transaction of its own.
    await page.evaluate(async () => {
      window.benchBytes = new Uint8Array(await (await fetch('__vault.bin')).arrayBuffer());
      window.benchDb = await new Promise((ok) => {
        const r = indexedDB.open('bench-put', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('s');
        r.onsuccess = () => ok(r.result);
      });
    });
    const barePut = () => page.evaluate(() => new Promise((ok) => {
      const t = performance.now();
      const tx = window.benchDb.transaction('s', 'readwrite');
      tx.objectStore('s').put(window.benchBytes, 'k');
      tx.oncomplete = () => ok(performance.now() - t);
    }));
    await barePut(); // the first opens the database's files
    const saveRuns = [], putRuns = [], clickRuns = [];
    for (let i = 0; i < SAVES; i++) {
      // The name is wider than the 330 px list, which cuts it off (the seam says clipped, and a click
      // refuses it): it is clicked in a narrow window, where the list is stacked at full width.
      await page.setViewportSize({ width: 700, height: CONTEXT.viewport.height });
      await app.settle();
      await app.click({ label: name, kind: 'widget' });
      await page.setViewportSize(CONTEXT.viewport);
      await app.settle();
      await app.click({ key: 'field-login' });
      await app.type('!');
      await until(async () => (await app.items()).some((it) => it.key === 'field-login' && it.value.endsWith('!'.repeat(i + 1))), 'typing');
      await app.settle(); // as above: the click comes after the typing's frames
      putRuns.push(await barePut());
      const before = (await app.state()).revision;
      const save = await app.find('Сохранить запись');
      const s0 = await page.evaluate(() => performance.now());
      await clickAt(save);
      clickRuns.push((await stateBy('unlocked', before)) - s0);
      saveRuns.push(await page.evaluate(() => window.tokensafe.state().lastSaveMs));
      await app.settle();
    }
    out.saveMs = median(saveRuns);
    out.putMs = median(putRuns);
    out.clickToSavedMs = median(clickRuns);
  }
  await ctx.close();
  return out;
}

// --- The screen-reader mirror ---------------------------------------------------------------------
// Frames while scrolling a list of 10,000 entries, with the mirror off and on (web/library_mirror.js
// updates its DOM after each drawn frame; the app times that update as mirrorMs). Off and on are
// alternated, several times each, so that a drift in the machine's speed touches both alike.
async function benchMirror(browser, url, buildDir) {
  const PASS = 'bench-passphrase';
  const file = `${ROOT}bench/vault-10000.tsvault`;
  await mkdir(`${ROOT}bench`, { recursive: true });
  execFileSync(`${buildDir}/ts_gen_vault`, ['10000', PASS, file]);
  const bytes = await readFile(file);
  const runs = { off: [], on: [], mirror: [] };
  for (let round = 0; round < 3; round++) {
    for (const on of [false, true]) {
      const ctx = await browser.newContext(CONTEXT);
      const page = await ctx.newPage();
      await page.route('**/__vault.bin', (r) => r.fulfill({ body: bytes, contentType: 'application/octet-stream' }));
      await page.goto(url);
      await seedRecords(page, { 'slot-a': { revision: 1, bytes: '__vault.bin' }, head: { revision: 1, slot: 'slot-a' } });
      await page.evaluate((v) => localStorage.setItem('tokensafe.screenReader', v), on ? '1' : '0');
      await page.reload();
      const app = new AppPage(page);
      await app.waitReady();
      await app.click('Хранилище');
      await typeInto(app, 'unlock-pass', PASS);
      await app.click('Открыть');
      await app.waitForState((s) => s.vault === 'unlocked', 'the vault unlocked');
      await app.settle();
      if (on !== ((await page.locator('#ts-a11y').count()) > 0)) throw new Error(`the mirror is not ${on ? 'on' : 'off'}`);
      const list = await app.find({ key: 'entries-list' }).catch(() => null);
      const at = list ? { x: list.x + list.w / 2, y: list.y + list.h / 2 } : { x: 200, y: 500 };
      for (let i = 0; i < 8; i++) {
        await page.mouse.move(at.x + i, at.y);
        await page.mouse.wheel(0, 400);
        // The slowest frame of the next 20, app and mirror together.
        const [frame, mirror] = await page.evaluate(() => new Promise((resolve) => {
          let worst = [0, 0], n = 0;
          (function sample() {
            const st = window.tokensafe.state();
            if (st.frameMs + st.mirrorMs > worst[0] + worst[1]) worst = [st.frameMs, st.mirrorMs];
            if (++n < 20) requestAnimationFrame(sample); else resolve(worst);
          })();
        }));
        runs[on ? 'on' : 'off'].push(frame + mirror);
        if (on) runs.mirror.push(mirror);
      }
      await ctx.close();
    }
  }
  const off = median(runs.off), on = median(runs.on), r = on / off;
  record(`frame while scrolling 10,000 entries, mirror on / off (medians, ms: ${round(on, 1)} / ${round(off, 1)})`,
    round(r), '×', '≤ 1.25×', r <= 1.25);
  // On a frame of a few ms the ratio is noisy; what a person could see is time added to a 16.7 ms
  // frame at 60 Hz.
  record('frame while scrolling 10,000 entries, mirror on − off (medians, ms)', round(on - off, 1), 'ms', '≤ 2 ms', on - off <= 2);
  // The mirror's own share of it.
  const m = median(runs.mirror);
  record('the mirror\'s own update per frame while scrolling (median ms)', round(m, 2), 'ms', '≤ 2 ms', m <= 2);
}

// --- Report ------------------------------------------------------------------------------------
async function report() {
  await writeFile(`${ROOT}bench/results.json`, JSON.stringify({ date: new Date().toISOString(), runs: RUNS, metrics }, null, 2));
  const w = Math.max(...metrics.map((m) => m.name.length));
  console.log(`${'metric'.padEnd(w)}  ${'value'.padStart(10)}  unit    target     result`);
  for (const m of metrics) {
    const res = m.pass === null ? '' : m.pass ? 'pass' : 'short';
    console.log(`${m.name.padEnd(w)}  ${String(m.value).padStart(10)}  ${m.unit.padEnd(6)}  ${(m.target ?? '').padEnd(9)}  ${res}`);
  }
  console.log('\nwritten to bench/results.json');
}
if (process.env.BENCH_ONLY !== 'mirror') await report();
