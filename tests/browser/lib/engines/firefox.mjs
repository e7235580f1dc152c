// Firefox for lib/driver.mjs: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi.
// Headed, under Xvfb (scripts/test.sh runs the engines under xvfb-run): headless Firefox finds no
// GL driver here and the app needs WebGL2. Downloads go to a folder of the profile without asking;
// puppeteer's default pref that dismisses file dialogs is turned off (the driver answers the dialog).
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { awaitDownloadedFile, holdDialogCancel } from '../driver.mjs';

// puppeteer's key names for the few Playwright-style names the journeys press ('Control+A').
const KEY = { A: 'a', C: 'c', V: 'v', L: 'l', Space: ' ' };

export async function launch({ profileDir, width, height }) {
  if (!process.env.DISPLAY) throw new Error('Firefox runs headed and needs an X display: run under xvfb-run');
  const downloads = join(profileDir, 'downloads');
  await mkdir(downloads, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: false,
    userDataDir: profileDir,
    defaultViewport: { width, height },
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'remote.bidi.dismiss_file_pickers.enabled': false,
    },
  });
  const page = (await browser.pages())[0] ?? await browser.newPage();
  await page.setViewport({ width, height }); // the first tab is not given defaultViewport
  const evaluate = (fn, arg) => page.evaluate(fn, arg);
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    close: () => browser.close(),
    evaluate,
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    wheel: (dy) => page.mouse.wheel({ deltaY: dy }),
    typeText: (text) => page.keyboard.type(text), // BiDi key actions carry any character as is
    async press(keys) {
      const parts = keys.split('+').map((k) => KEY[k] ?? k);
      const key = parts.pop();
      for (const m of parts) await page.keyboard.down(m);
      await page.keyboard.press(key);
      for (const m of parts.reverse()) await page.keyboard.up(m);
    },
    async download(trigger) {
      const before = new Set((await readdir(downloads)).map((n) => `${downloads}/${n}`));
      await trigger();
      return awaitDownloadedFile([downloads], before, readdir, stat);
    },
    chooseFile: (path, trigger) => holdDialogCancel(evaluate, async () => {
      const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 20000 }), trigger()]);
      await chooser.accept([path]);
    }),
    screenshot: (path) => page.screenshot({ path }),
  };
}
