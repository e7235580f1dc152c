// WebKit for lib/driver.mjs: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser (the engine
// of Safari) through selenium-webdriver, under Xvfb. Each tab gets its own WebKitWebDriver process
// whose HOME (and XDG folders) is the profile directory: MiniBrowser keeps its website data there,
// and saves downloads there too (GLib's download folder falls back to HOME).
import { spawn } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Builder, By, Key, Origin } from 'selenium-webdriver';
import { until } from '../app.mjs';
import { awaitDownloadedFile, holdDialogCancel } from '../driver.mjs';

const DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEY = { Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Delete: Key.DELETE, Backspace: Key.BACK_SPACE,
  Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB, Home: Key.HOME, End: Key.END, PageUp: Key.PAGE_UP,
  PageDown: Key.PAGE_DOWN, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN, Space: ' ' };

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

export async function launch({ profileDir, width, height }) {
  if (!process.env.DISPLAY) throw new Error('WebKit\'s MiniBrowser needs an X display: run under xvfb-run');
  const env = { ...process.env, HOME: profileDir, XDG_DATA_HOME: join(profileDir, 'data'),
    XDG_CACHE_HOME: join(profileDir, 'cache'), XDG_CONFIG_HOME: join(profileDir, 'config') };
  for (const d of [env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.XDG_CONFIG_HOME]) await mkdir(d, { recursive: true });
  const port = await freePort();
  const server = spawn(DRIVER, [`--port=${port}`], { env, stdio: 'ignore' });
  const exited = new Promise((ok) => server.once('exit', ok));
  const stop = async () => { if (server.exitCode === null) { server.kill(); await exited; } };
  let driver;
  try {
    await until(async () => (await fetch(`http://127.0.0.1:${port}/status`).catch(() => null))?.ok, 'WebKitWebDriver to listen');
    driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
    // The window's toolbar takes part of it: size the window so that the page gets width × height.
    await driver.manage().window().setRect({ x: 0, y: 0, width, height });
    const inner = await driver.executeScript('return [innerWidth, innerHeight]');
    await driver.manage().window().setRect({ x: 0, y: 0, width: 2 * width - inner[0], height: 2 * height - inner[1] });
  } catch (e) {
    await driver?.quit().catch(() => {});
    await stop();
    throw e;
  }
  const caps = await driver.getCapabilities();
  const evaluate = (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg ?? null);
  let pointer = { x: 0, y: 0 };
  const at = () => ({ x: Math.round(pointer.x), y: Math.round(pointer.y), origin: Origin.VIEWPORT });
  return {
    version: `WebKitGTK ${caps.get('browserVersion')} (MiniBrowser)`,
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    async close() { await driver.quit().catch(() => {}); await stop(); },
    evaluate,
    async mouseMove(x, y) { pointer = { x, y }; await driver.actions().move(at()).perform(); },
    mouseDown: () => driver.actions().move(at()).press().perform(),
    mouseUp: () => driver.actions().move(at()).release().perform(),
    wheel: (dy) => driver.actions().scroll(Math.round(pointer.x), Math.round(pointer.y), 0, dy, Origin.VIEWPORT).perform(),
    typeText: (text) => driver.actions().sendKeys(text).perform(), // WebKit takes Cyrillic key actions as is
    async press(keys) {
      const parts = keys.split('+').map((k) => KEY[k] ?? k.toLowerCase());
      const key = parts.pop();
      let a = driver.actions();
      for (const m of parts) a = a.keyDown(m);
      a = a.sendKeys(key);
      for (const m of parts.reverse()) a = a.keyUp(m);
      await a.perform();
    },
    async download(trigger) {
      const dirs = [profileDir, join(profileDir, 'Downloads')];
      const before = new Set();
      for (const d of dirs) for (const n of await readdir(d).catch(() => [])) before.add(`${d}/${n}`);
      await trigger();
      return awaitDownloadedFile(dirs, before, readdir, stat);
    },
    // WebDriver classic chooses files by typing the path into the <input type=file>: the one the
    // app made and clicked for this dialog, still in the page while the dialog is "open".
    chooseFile: (path, trigger) => holdDialogCancel(evaluate, async () => {
      await trigger();
      const input = await until(async () => (await driver.findElements(By.css('input[type=file]')))[0], 'the file input');
      await input.sendKeys(path);
    }),
    async screenshot(path) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
  };
}
