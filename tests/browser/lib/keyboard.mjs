// Helpers for tests that use the keyboard alone: where ImGui's keyboard focus is (read through the
// seam), Tab until it reaches a widget, press a key there, type text as key events.
import { until } from './app.mjs';

// The widget the keyboard is on (its focus ring shows), or the text field being edited.
export async function focusedItem(app) {
  return (await app.items()).find((i) => i.focused) ?? null;
}

// Presses `key` (Tab by default; ArrowDown in a list) until the keyboard is on the widget with this
// stable key. Fails after `max` presses: the widget cannot be reached that way.
export async function tabTo(app, key, press = 'Tab', max = 150) {
  for (let n = 0; n <= max; n++) {
    const f = await focusedItem(app);
    if (f && f.key === key) return f;
    const frames = await app.frames();
    await app.page.keyboard.press(press);
    await until(async () => (await app.frames()) !== frames, `a frame after ${press}`);
    await app.settle(40);
  }
  throw new Error(`${press} never reached ${key}; the keyboard is on ${JSON.stringify(await focusedItem(app))}`);
}

// Presses a key on the focused widget and waits for the UI to settle.
export async function pressOn(app, key) {
  await app.page.keyboard.press(key);
  await app.settle();
}

// Types as a keyboard does, one character event each (Cyrillic included: lib/app.mjs, type()).
export async function typeKeys(app, text) {
  await app.type(text);
  await app.settle();
}
