// Helpers that let browser tests read like a user's steps: open the app, find a widget by its
// label, click it with the mouse, type with the keyboard, wait for what the app shows.
// Everything acts through real input; the app is read only through window.tokensafe.
import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OUTPUT_DIR = process.env.TS_TEST_OUTPUT ?? `${ROOT}test-output`;

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--disable-features=Translate,MediaRouter,OptimizationHints',
];

const TIMEOUT = 20000;

// Every file the served app may load: nothing else, and nothing from another origin, ever.
export const OWN_FILES = new Set(['/', '/app.js', '/app.wasm', '/web/loader.js', '/web/seam.js', '/web/style.css',
  '/web/manifest.webmanifest', '/web/icon.svg', '/sw.js', '/kdbx.js', '/kdbx.wasm']);

// The requests `app` made that are not for the app's own files at `url` (blob: URLs the app makes
// itself for downloads are local, not requests to anyone).
export function foreignRequests(app, url) {
  const origin = new URL(url).origin;
  return app.requests.filter((r) => {
    if (r.startsWith(`blob:${origin}/`)) return false;
    const u = new URL(r);
    return u.origin !== origin || !OWN_FILES.has(u.pathname);
  });
}

export async function serveDist() {
  const server = await startServer({ port: 0 });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// One server and one browser for a test file; `env.url` and `env.browser` are set before its tests.
export function useBrowser(hooks) {
  const env = {};
  hooks.before(async () => {
    ({ server: env.server, url: env.url } = await serveDist());
    env.browser = await launchBrowser();
  });
  hooks.after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// Workstations for tests between machines: each its own browser with its own profile directory
// (its own IndexedDB), as on another computer. `env.a`, `env.b` (the names given) and `env.url` are
// set before the file's tests; `env.machine(name)` adds another; all are closed and removed after.
export function useMachines(hooks, names = ['a', 'b']) {
  const env = {};
  const machines = [];
  env.machine = async (name) => {
    const dir = await mkdtemp(join(tmpdir(), `tokensafe-${name}-`));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    machines.push({ context, dir });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    return AppPage.open(context, env.url);
  };
  hooks.before(async () => {
    ({ server: env.server, url: env.url } = await serveDist());
    for (const name of names) env[name] = await env.machine(name);
  });
  hooks.after(async () => {
    for (const m of machines) {
      await m.context.close();
      await rm(m.dir, { recursive: true, force: true });
    }
    env.server?.close();
  });
  return env;
}

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

// Polls fn until it returns a truthy value; fails with `what` after the timeout.
export async function until(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Whether the app's wasm heap holds `text` (UTF-8) anywhere: the check that a secret was wiped.
export function heapContains(page, text) {
  return page.evaluate((t) => {
    const needle = new TextEncoder().encode(t);
    const heap = Module.HEAPU8;
    outer: for (let i = heap.indexOf(needle[0]); i !== -1 && i <= heap.length - needle.length; i = heap.indexOf(needle[0], i + 1)) {
      for (let k = 1; k < needle.length; k++) if (heap[i + k] !== needle[k]) continue outer;
      return true;
    }
    return false;
  }, text);
}

export class AppPage {
  constructor(page) {
    this.page = page;
    this.requests = [];
    this.console = [];
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('console', (m) => this.console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => this.console.push(`pageerror: ${e.message}`));
  }

  // Opens the app in a new page of `context` and waits for its first frame.
  static async open(context, url) {
    const app = new AppPage(await context.newPage());
    await app.page.goto(url);
    await app.waitReady();
    return app;
  }

  async waitReady() {
    await until(() => this.page.evaluate(() => window.tokensafe && window.tokensafe.ready), 'the first frame');
    await this.settle();
  }

  items() { return this.page.evaluate(() => window.tokensafe.items()); }
  state() { return this.page.evaluate(() => window.tokensafe.state()); }
  frames() { return this.page.evaluate(() => window.tokensafe.frames()); }

  // Waits until no frame has been drawn for a while: the UI has settled after the last input.
  async settle(quietMs = 150) {
    let last = await this.frames();
    let since = Date.now();
    await until(async () => {
      const now = await this.frames();
      if (now !== last) { last = now; since = Date.now(); }
      return Date.now() - since >= quietMs;
    }, 'the UI to settle');
  }

  // A widget or text by what the user reads on it ({label}) or by its stable key ({key}).
  async find(query, { timeout = TIMEOUT } = {}) {
    const q = typeof query === 'string' ? { label: query } : query;
    return until(async () => (await this.items()).find((i) =>
      (q.label === undefined || i.label === q.label) && (q.key === undefined || i.key === q.key) &&
      (q.kind === undefined || i.kind === q.kind)), `an item ${JSON.stringify(q)}`, timeout);
  }

  async has(query) {
    const q = typeof query === 'string' ? { label: query } : query;
    return (await this.items()).some((i) => (q.label === undefined || i.label === q.label) &&
      (q.key === undefined || i.key === q.key));
  }

  // Finds an item, scrolling down with the mouse wheel when it is not on screen yet or is cut off
  // by its window's edge — as a person scrolls a long form to reach a field. The wheel turns where
  // the pointer is: over the cut-off item itself when part of it shows, else where it last was.
  // Fails when the item is still missing or cut off after 20 turns: a click on it could land on
  // whatever covers the hidden part.
  async findScrolling(query) {
    let item = await this.find(query, { timeout: 1500 }).catch(() => null);
    for (let i = 0; i < 20 && (!item || item.clipped); i++) {
      if (item) await this.page.mouse.move(item.cx, item.cy);
      await this.page.mouse.wheel(0, item ? 120 : 240);
      await this.settle();
      item = await this.find(query, { timeout: 300 }).catch(() => null);
    }
    if (!item) return this.find(query, { timeout: 1 }); // fails, naming the item
    if (item.clipped) throw new Error(`${JSON.stringify(query)} is still cut off by its window after scrolling`);
    return item;
  }

  // Clicks the middle of the part of a widget that shows, with the mouse, as a person would.
  async click(query) {
    const item = await this.findScrolling(query);
    if (item.disabled) throw new Error(`cannot click disabled ${JSON.stringify(query)}`);
    const box = await this.page.locator('#canvas').boundingBox();
    const cssWidth = await this.page.evaluate(() => document.getElementById('canvas').clientWidth);
    const s = box.width / cssWidth;
    // Like a hand: the pointer arrives, then presses. ImGui needs a frame of hover before a press
    // for widgets that allow overlap (tabs), as a person's hand always gives it.
    await this.page.mouse.move(box.x + item.cx * s, box.y + item.cy * s);
    await this.settle(60);
    await this.page.mouse.down();
    await this.page.mouse.up();
    await this.settle();
    return item;
  }

  // Types text character by character as keyboard input. Playwright's insertText never reaches
  // GLFW, so each character goes as a real key 'char' event — what a Russian keyboard layout sends.
  async type(text) {
    const cdp = await this.cdp();
    for (const ch of text) await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: ch });
  }

  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  async cdp() {
    if (!this._cdp) this._cdp = await this.page.context().newCDPSession(this.page);
    return this._cdp;
  }

  // Waits until the text field with this label (or key) holds exactly `value`.
  async waitForValue(query, value) {
    const q = typeof query === 'string' ? { label: query } : query;
    return until(async () => {
      const item = (await this.items()).find((i) => (q.label === undefined || i.label === q.label) &&
        (q.key === undefined || i.key === q.key) && i.value !== undefined);
      return item && item.value === value ? item : null;
    }, `field ${JSON.stringify(q)} to hold ${JSON.stringify(value)}`);
  }

  async waitForState(pred, what) {
    return until(async () => { const s = await this.state(); return pred(s) ? s : null; }, what);
  }

  async screenshot(name) {
    await mkdir(OUTPUT_DIR, { recursive: true });
    const path = `${OUTPUT_DIR}/${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
