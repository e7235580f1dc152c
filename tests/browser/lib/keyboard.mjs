// Helpers for tests that use the keyboard alone: where ImGui's keyboard focus is (read through the
// seam), Tab until it reaches a widget, press a key there, type text as key events.
import { until } from './app.mjs';

// The widget the keyboard is on (its focus ring shows), or the text field being edited.
export async function focusedItem(app) {
  return (await app.items()).find((i) => i.focused) ?? null;
}

// Moves the keyboard to the widget with this stable key: with Tab, or Shift+Tab when the widget is
// drawn before the one the keyboard is on (the seam lists widgets in drawing order, which is Tab's
// order), or with `press` when given (ArrowDown in a list). After each press it waits for the focus
// to move, read from the seam, not for a fixed time. Fails after `max` presses: the widget cannot be
// reached that way.
export async function tabTo(app, key, press = null, max = 150) {
  for (let n = 0; n <= max; n++) {
    const items = await app.items();
    const f = items.find((i) => i.focused) ?? null;
    if (f && f.key === key) return f;
    let k = press;
    if (!k) {
      const at = f ? items.indexOf(f) : -1, to = items.findIndex((i) => i.key === key && !i.disabled);
      k = at >= 0 && to >= 0 && to < at ? 'Shift+Tab' : 'Tab';
    }
    const frames = await app.frames();
    await app.page.keyboard.press(k);
    // The focus moves within a frame or two of the press; a press that moves nothing (one widget
    // only) is let go after a few frames.
    await until(async () => {
      const now = (await app.items()).find((i) => i.focused) ?? null;
      return (now?.key ?? null) !== (f?.key ?? null) || (now === null && f === null && (await app.frames()) > frames) ||
        (await app.frames()) > frames + 4;
    }, `the focus to move after ${k}`);
  }
  throw new Error(`${press ?? 'Tab'} never reached ${key}; the keyboard is on ${JSON.stringify(await focusedItem(app))}`);
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
