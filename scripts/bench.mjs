#!/usr/bin/env node
// The benchmarks behind scripts/bench.sh. Times are reported as ratios to a baseline measured in
// the same browser run (absolute times on SwiftShader are noisy and machine-bound).
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { AppPage, launchBrowser, serveDist, until } from '../tests/browser/lib/app.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const metrics = [];
function record(name, value, unit, target, pass) {
  metrics.push({ name, value, unit, target, pass: pass === undefined ? null : pass });
}
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

// --- Time to first frame, as a ratio to a blank WebGL2 page ------------------------------------
const BLANK = `<!doctype html><canvas id=c width=1280 height=800></canvas><script>
const gl = document.getElementById('c').getContext('webgl2');
requestAnimationFrame(() => { gl.clearColor(0.96, 0.97, 0.98, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  requestAnimationFrame(() => { window.firstFrame = performance.now(); }); });
</script>`;

const { server, url } = await serveDist();
const browser = await launchBrowser();
try {
  const appTimes = [], blankTimes = [];
  for (let i = 0; i < RUNS; i++) {
    {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.route('**/__blank.html', (r) => r.fulfill({ contentType: 'text/html', body: BLANK }));
      await page.goto(`${url}__blank.html`);
      blankTimes.push(await until(() => page.evaluate(() => window.firstFrame), 'the blank page frame'));
      await ctx.close();
    }
    {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(url);
      appTimes.push(await until(() => page.evaluate(() => {
        const m = performance.getEntriesByName('ts-first-frame')[0];
        return m ? m.startTime : 0;
      }), 'the app first frame'));
      await ctx.close();
    }
  }
  const ratio = median(appTimes) / median(blankTimes);
  record('first frame after navigation (median ms)', round(median(appTimes), 0), 'ms');
  record('blank WebGL2 page first frame (median ms)', round(median(blankTimes), 0), 'ms');
  record('first frame / blank WebGL2 page', round(ratio), '×', '≤ 3×', ratio <= 3);

  // --- Frames in an idle second ----------------------------------------------------------------
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = await AppPage.open(ctx, url);
  const f0 = await app.frames();
  await app.page.waitForTimeout(2000);
  const idle = ((await app.frames()) - f0) / 2;
  record('frames rendered per idle second', idle, 'frames', '0', idle === 0);
  await ctx.close();
} finally {
  await browser.close();
  server.close();
}

// --- Report ------------------------------------------------------------------------------------
await writeFile(`${ROOT}bench/results.json`, JSON.stringify({ date: new Date().toISOString(), runs: RUNS, metrics }, null, 2));
const w = Math.max(...metrics.map((m) => m.name.length));
console.log(`${'metric'.padEnd(w)}  ${'value'.padStart(10)}  unit    target     result`);
for (const m of metrics) {
  const res = m.pass === null ? '' : m.pass ? 'pass' : 'short';
  console.log(`${m.name.padEnd(w)}  ${String(m.value).padStart(10)}  ${m.unit.padEnd(6)}  ${(m.target ?? '').padEnd(9)}  ${res}`);
}
console.log('\nwritten to bench/results.json');
