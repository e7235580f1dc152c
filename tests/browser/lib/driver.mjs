// One small driver for the app in any browser engine, so that a journey is written once and runs in
// Chromium (Playwright), Firefox (puppeteer-core over WebDriver BiDi) and WebKit (WebKitWebDriver +
// MiniBrowser). An engine module (lib/engines/<name>.mjs) supplies only raw input and page access:
//
//   launch({ profileDir, width, height }) → a tab with
//     version                         the browser's name and version, as the browser reports it
//     goto(url), reload(), close()
//     evaluate(fn, arg)                runs fn(arg) in the page and returns its (JSON) result
//     mouseMove(x, y), mouseDown(), mouseUp(), wheel(dy)   x, y in CSS pixels of the viewport
//     typeText(text)                   key presses for each character, Cyrillic included
//     press('Control+A')               a key, with modifiers held
//     download(trigger) → {name, path} the file the page saved while trigger() ran
//     chooseFile(path, trigger)        answers the file dialog that trigger() opens with path
//     screenshot(path)
//
// Everything else — finding a widget by its label or key in the seam (window.tokensafe), clicking
// its centre, waiting for what the app shows — is here, once, with the same method names as
// lib/app.mjs's AppPage, so lib/vault.mjs's steps (typeInto, createVault, unlock…) work unchanged.
import { mkdir } from 'node:fs/promises';
import { OUTPUT_DIR, heapContains, until } from './app.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const TIMEOUT = 20000;

// Launches `engine` with its own profile directory (its own IndexedDB, as another computer) and
// opens `url` in it; resolves once the app drew its first frame.
export async function openApp(engine, url, { profileDir, width = 1280, height = 900 } = {}) {
  if (!ENGINES.includes(engine)) throw new Error(`unknown engine ${engine}`);
  const { launch } = await import(`./engines/${engine}.mjs`);
  const tab = await launch({ profileDir, width, height });
  const app = new App(engine, tab);
  try {
    await tab.goto(url);
    await app.waitReady();
  } catch (e) {
    await tab.close().catch(() => {});
    throw e;
  }
  return app;
}

export class App {
  constructor(engine, tab) {
    this.engine = engine;
    this.tab = tab;
  }

  get version() { return this.tab.version; }

  evaluate(fn, arg) { return this.tab.evaluate(fn, arg); }
  items() { return this.evaluate(() => window.tokensafe.items()); }
  state() { return this.evaluate(() => window.tokensafe.state()); }
  frames() { return this.evaluate(() => window.tokensafe.frames()); }

  async waitReady() {
    await until(() => this.evaluate(() => !!(window.tokensafe && window.tokensafe.ready)), 'the first frame', 60000);
    await this.settle();
  }

  async reload() {
    await this.tab.reload();
    await this.waitReady();
  }

  close() { return this.tab.close(); }

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
    return until(async () => (await this.items()).find((i) => matches(i, q)), `an item ${JSON.stringify(q)}`, timeout);
  }

  async has(query) {
    const q = typeof query === 'string' ? { label: query } : query;
    return (await this.items()).some((i) => matches(i, q));
  }

  // The canvas's place on the page and the factor from the app's CSS pixels to the page's.
  async canvasBox() {
    return this.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { x: r.left, y: r.top, s: r.width / c.clientWidth };
    });
  }

  // Finds an item, scrolling down with the mouse wheel while it is not on screen or cut off by its
  // window's edge, as a person scrolls a long form (lib/app.mjs's findScrolling, in any engine).
  async findScrolling(query) {
    let item = await this.find(query, { timeout: 1500 }).catch(() => null);
    for (let i = 0; i < 20 && (!item || item.clipped); i++) {
      if (item) await this.mouseTo(item.cx, item.cy);
      await this.tab.wheel(item ? 120 : 240);
      await this.settle();
      item = await this.find(query, { timeout: 300 }).catch(() => null);
    }
    if (!item) return this.find(query, { timeout: 1 }); // fails, naming the item
    if (item.clipped) throw new Error(`${JSON.stringify(query)} is still cut off by its window after scrolling`);
    return item;
  }

  async mouseTo(x, y) {
    const box = await this.canvasBox();
    await this.tab.mouseMove(box.x + x * box.s, box.y + y * box.s);
  }

  // Clicks the middle of the part of a widget that shows: the pointer arrives, a frame of hover, the press.
  async click(query) {
    const item = await this.findScrolling(query);
    if (item.disabled) throw new Error(`cannot click disabled ${JSON.stringify(query)}`);
    await this.mouseTo(item.cx, item.cy);
    await this.settle(60);
    await this.tab.mouseDown();
    await this.tab.mouseUp();
    await this.settle();
    return item;
  }

  type(text) { return this.tab.typeText(text); }
  press(keys) { return this.tab.press(keys); }

  // Waits until the text field with this label (or key) holds exactly `value`.
  async waitForValue(query, value) {
    const q = typeof query === 'string' ? { label: query } : query;
    return until(async () => {
      const item = (await this.items()).find((i) => matches(i, q) && i.value !== undefined);
      return item && item.value === value ? item : null;
    }, `field ${JSON.stringify(q)} to hold ${JSON.stringify(value)}`);
  }

  async waitForState(pred, what) {
    return until(async () => { const s = await this.state(); return pred(s) ? s : null; }, what);
  }

  // Clicks the widget that saves a file and returns {name, path} of what the browser saved.
  download(query) { return this.tab.download(() => this.click(query)); }

  // Clicks the widget that opens the file dialog and chooses `path` in it.
  chooseFile(query, path) { return this.tab.chooseFile(path, () => this.click(query)); }

  // Whether the wasm heap holds `text` (UTF-8) anywhere: a scan of Module.HEAPU8, read only.
  heapContains(text) { return heapContains(this, text); }

  async screenshot(name) {
    await mkdir(OUTPUT_DIR, { recursive: true });
    const path = `${OUTPUT_DIR}/${name}.png`;
    await this.tab.screenshot(path);
    return path;
  }
}

function matches(item, q) {
  return (q.label === undefined || item.label === q.label) && (q.key === undefined || item.key === q.key) &&
    (q.kind === undefined || item.kind === q.kind);
}

// WebDriver (BiDi and classic) answers a page's file dialog itself at once — no dialog can show in
// automation — so the page first gets the input's `cancel` event and only then, when the test sets
// the files, `change`. A person's dialog stays open until they choose. This stands in for that open
// dialog: the one `cancel` that comes while the test is about to choose a file is held back from the
// page. It touches no app state; Chromium (Playwright intercepts the dialog) does not need it.
export async function holdDialogCancel(evaluate, during) {
  await evaluate(() => {
    const hold = (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') {
        e.stopImmediatePropagation();
        window.removeEventListener('cancel', hold, true);
      }
    };
    window.__tsHeldCancel = hold;
    window.addEventListener('cancel', hold, true);
  });
  try {
    return await during();
  } finally {
    await evaluate(() => window.removeEventListener('cancel', window.__tsHeldCancel, true)).catch(() => {});
  }
}

// Waits for a new, complete file in one of `dirs` (none of `before`); the browsers write a
// temporary name first (.part, .download) and rename it when done.
export async function awaitDownloadedFile(dirs, before, readdir, stat) {
  const path = await until(async () => {
    for (const dir of dirs) {
      const names = await readdir(dir).catch(() => []);
      for (const name of names) {
        const full = `${dir}/${name}`;
        if (before.has(full) || name.startsWith('.') || /\.(part|download|wkdownload|crdownload)$/.test(name)) continue;
        const st = await stat(full).catch(() => null);
        if (st && st.isFile() && st.size > 0) return full;
      }
    }
    return null;
  }, 'the download', TIMEOUT);
  return { name: path.slice(path.lastIndexOf('/') + 1), path };
}
