// Chromium for lib/driver.mjs: Debian's chromium through Playwright, launched as lib/app.mjs does,
// with a persistent profile. Cyrillic is typed as CDP 'char' key events (Playwright's insertText
// never reaches GLFW); downloads and the file dialog go through Playwright's own events.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../app.mjs';

export async function launch({ profileDir, width, height }) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? await context.newPage();
  let cdp = null;
  let saved = 0;
  return {
    version: `Chromium ${context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]))}`,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    close: () => context.close(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    wheel: (dy) => page.mouse.wheel(0, dy),
    async typeText(text) {
      cdp ??= await context.newCDPSession(page);
      for (const ch of text) await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: ch });
    },
    press: (keys) => page.keyboard.press(keys),
    async download(trigger) {
      const downloaded = page.waitForEvent('download');
      await trigger();
      const d = await downloaded;
      const path = join(profileDir, `download-${++saved}-${d.suggestedFilename()}`);
      await d.saveAs(path);
      return { name: d.suggestedFilename(), path };
    },
    async chooseFile(path, trigger) {
      const chooser = page.waitForEvent('filechooser');
      await trigger();
      await (await chooser).setFiles(path);
    },
    screenshot: (path) => page.screenshot({ path }),
  };
}
