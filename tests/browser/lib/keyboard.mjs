// Helpers for tests that use the keyboard alone: where ImGui's keyboard focus is (read through the
// seam), Tab until it reaches a widget, press a key there, type text as key events.

// The widget the keyboard is on (its focus ring shows), or the text field being edited.
export async function focusedItem(app) {
  return (await app.items()).find((i) => i.focused) ?? null;
}

// Where the keyboard is (its widget's key, or null) and whether `target` is drawn before it, read in
// the page: only these few values cross to the test, not every widget of the screen.
function where(app, target) {
  return app.page.evaluate((t) => {
    const items = window.tokensafe.items();
    const at = items.findIndex((i) => i.focused);
    const to = items.findIndex((i) => i.key === t && !i.disabled);
    return { key: at >= 0 ? items[at].key : null, back: at >= 0 && to >= 0 && to < at, frames: window.tokensafe.frames() };
  }, target);
}

// Resolves, from the page's own frame loop, once the keyboard has left the widget keyed `from` — or
// after a few frames in which it did not (a press that moves nothing: one widget only).
function focusMoved(app, from, frames) {
  return app.page.evaluate(([f, n]) => new Promise((resolve, reject) => {
    const start = performance.now();
    (function poll() {
      const now = window.tokensafe.items().find((i) => i.focused);
      const key = now ? now.key : null;
      if (key !== f || window.tokensafe.frames() > n + 3) resolve(key);
      else if (performance.now() - start > 20000) reject(new Error('the focus did not move'));
      else requestAnimationFrame(poll);
    })();
  }), [from, frames]);
}

// Moves the keyboard to the widget with this stable key: with Tab, or Shift+Tab when the widget is
// drawn before the one the keyboard is on (the seam lists widgets in drawing order, which is Tab's
// order), or with `press` when given (ArrowDown in a list). After each press it waits for the focus
// to move, watched in the page, never for a fixed time. Fails after `max` presses: the widget cannot
// be reached that way.
export async function tabTo(app, key, press = null, max = 150) {
  for (let n = 0; n <= max; n++) {
    const w = await where(app, key);
    if (w.key === key) return focusedItem(app);
    const k = press ?? (w.back ? 'Shift+Tab' : 'Tab');
    await app.page.keyboard.press(k);
    await focusMoved(app, w.key, w.frames);
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
