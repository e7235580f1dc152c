// Emscripten JS library: the screen-reader mirror (app/platform/screen_reader.h).
//
// The app draws on one canvas, which a screen reader cannot read. After each frame the app hands
// over what it drew (the test seam's records: label, stable key, role, states, rectangle); while
// the mirror is on, an invisible DOM tree shadows those records, one element per widget, laid over
// the canvas where the widget is (for magnifiers), with the ARIA role, name and states. It is
// updated only when a frame was drawn, and incrementally: elements are kept by the widget's stable
// key and touched only where something changed.
//
// Focus goes both ways. ImGui's keyboard focus moves the DOM focus to the mirrored element; focusing
// or activating a mirrored element (a screen reader's cursor, its "click") asks the app to move
// ImGui's focus there and to press Space or Enter through ImGui's input queue — the same path the
// keyboard takes, so no action has a second way in. Typing needs nothing of its own: GLFW listens
// for keys on the window, so keys typed in a mirrored field reach the ImGui field that has the focus.
//
// Secrets never enter the DOM: a secret field is an empty password box described by its length, and
// nothing typed into any mirrored field is let into the DOM (beforeinput is refused).
//
// A real button, first in the page's Tab order, turns the mirror on and off; the choice is kept in
// localStorage (a setting, not a secret).

mergeInto(LibraryManager.library, {
  $TsMirror: {
    STORAGE_KEY: 'tokensafe.screenReader',
    texts: null,
    on: false,
    toggle: null,
    root: null,
    polite: null,
    assertive: null,
    nodes: null, // key -> element (made in build(): a library object's values are copied as text)
    lastItems: '',
    lastMessage: '',
    lastMessageFrame: '',
    ownFocus: false, // the mirror itself is moving the DOM focus: not a request from the user
    serial: 0,

    init: function () {
      if (TsMirror.toggle) return;
      var doc = document;
      var toggle = doc.createElement('button');
      toggle.type = 'button';
      toggle.id = 'ts-a11y-toggle';
      toggle.className = 'ts-a11y-toggle';
      toggle.addEventListener('click', function () { TsMirror.setOn(!TsMirror.on, true); });
      doc.body.insertBefore(toggle, doc.body.firstChild);
      TsMirror.toggle = toggle;
      var on = false;
      try { on = window.localStorage.getItem(TsMirror.STORAGE_KEY) === '1'; } catch (e) {}
      TsMirror.setOn(on, false);
    },

    // GLFW takes every key on the window and keeps Tab from the browser. Until the user is in the
    // app, Tab must reach the page's own button first; while it has the focus, Enter and Space are
    // its own (ImGui must not press a widget too). So this listener comes before GLFW's (it is
    // added when app.js loads, GLFW's when main() runs) and may stop a key from reaching it.
    early: function () {
      window.addEventListener('keydown', TsMirror.onKeyFirst, true);
      window.addEventListener('keyup', TsMirror.onKeyFirst, true);
    },

    onKeyFirst: function (e) {
      if (!TsMirror.toggle || TsMirror.toggle.hidden) return;
      var active = document.activeElement;
      var onToggle = active === TsMirror.toggle;
      var outside = !active || active === document.body || active === document.documentElement;
      if (e.key === 'Tab' && (outside || (onToggle && e.shiftKey))) {
        e.stopImmediatePropagation(); // the browser's own Tab: to the button, or out of the page
        return;
      }
      if (onToggle && e.key === 'Tab') {
        // Into the app: the canvas (or the mirror, which follows ImGui's focus) takes the keys.
        if (e.type === 'keydown') document.getElementById('canvas').focus();
        return;
      }
      if (onToggle && (e.key === 'Enter' || e.key === ' ')) e.stopImmediatePropagation();
      // Shift+Tab on the app's first widget leaves the app for the page's button before it, as it
      // leaves the first control of any part of a page (GLFW would keep it: ImGui wraps to the last).
      if (e.key === 'Tab' && e.shiftKey && e.type === 'keydown' && TsMirror.atAppStart()) {
        e.preventDefault();
        e.stopImmediatePropagation();
        TsMirror.toggle.focus();
        Module['_ts_mirror_request'](0, 0, 3); // the app hides its ring: the next Tab in starts there
      }
    },

    // Whether the app's keyboard focus is on the first widget it drew (the seam lists them in
    // drawing order, which is Tab's).
    atAppStart: function () {
      var seam = window.tokensafe;
      if (!seam || !seam.ready) return false;
      var items = seam.items();
      for (var i = 0; i < items.length; i++) {
        var it = items[i];
        if (it.kind === 'text' || !it.id || it.disabled) continue;
        return !!it.focused;
      }
      return false;
    },

    setOn: function (on, save) {
      TsMirror.on = on;
      if (save) {
        try { window.localStorage.setItem(TsMirror.STORAGE_KEY, on ? '1' : '0'); } catch (e) {}
      }
      TsMirror.label();
      if (on) {
        TsMirror.build();
        TsMirror.lastItems = '';
        // What the last frame drew, as the read-only seam keeps it; later frames update it.
        if (window.tokensafe && window.tokensafe.ready) TsMirror.update(window.tokensafe.items(), window.tokensafe.state());
      } else if (TsMirror.root) {
        TsMirror.root.remove();
        TsMirror.root = TsMirror.polite = TsMirror.assertive = null;
        TsMirror.nodes = null;
        TsMirror.lastMessage = '';
      }
    },

    label: function () {
      var t = TsMirror.toggle;
      if (!t || !TsMirror.texts) return;
      t.textContent = TsMirror.on ? TsMirror.texts.disable : TsMirror.texts.enable;
      t.setAttribute('aria-pressed', TsMirror.on ? 'true' : 'false');
      t.hidden = false;
    },

    build: function () {
      if (TsMirror.root) return;
      TsMirror.nodes = new Map();
      var root = document.createElement('div');
      root.id = 'ts-a11y';
      root.className = 'ts-a11y';
      root.setAttribute('role', 'region');
      if (TsMirror.texts) root.setAttribute('aria-label', TsMirror.texts.region);
      root.addEventListener('focusin', TsMirror.onFocus);
      root.addEventListener('click', TsMirror.onClick);
      root.addEventListener('beforeinput', function (e) { e.preventDefault(); });
      root.addEventListener('input', function (e) { e.target.value = e.target._tsValue || ''; });
      var polite = document.createElement('div');
      polite.className = 'ts-a11y-live';
      polite.setAttribute('role', 'status');
      polite.setAttribute('aria-live', 'polite');
      var assertive = document.createElement('div');
      assertive.className = 'ts-a11y-live';
      assertive.setAttribute('role', 'alert');
      assertive.setAttribute('aria-live', 'assertive');
      var main = document.createElement('div');
      main.className = 'ts-a11y-main';
      root.appendChild(main);
      root.appendChild(polite);
      root.appendChild(assertive);
      TsMirror.toggle.insertAdjacentElement('afterend', root);
      TsMirror.root = root;
      TsMirror.main = main;
      TsMirror.polite = polite;
      TsMirror.assertive = assertive;
    },

    // The item an element mirrors, and what a request for it looks like.
    request: function (el, press) {
      var it = el && el._tsItem;
      if (!it || !it.id || !it.wid) return;
      Module['_ts_mirror_request'](it.id, it.wid, press);
    },
    owner: function (target) {
      for (var el = target; el && el !== TsMirror.root; el = el.parentElement) if (el._tsItem) return el;
      return null;
    },
    onFocus: function (e) {
      if (TsMirror.ownFocus) return;
      var el = TsMirror.owner(e.target);
      if (!el) return;
      var it = el._tsItem;
      // A text field is ready for typing once it has the focus, as Tab leaves it in ImGui.
      TsMirror.request(el, it.role === 'textbox' && !it.focused ? 2 : 0);
    },
    onClick: function (e) {
      var el = TsMirror.owner(e.target);
      if (!el || el._tsItem.disabled) return;
      e.preventDefault();
      TsMirror.request(el, el._tsItem.role === 'textbox' ? 2 : 1);
    },

    make: function (it) {
      var el;
      if (it.role === 'textbox') {
        el = document.createElement('input');
        el.type = it.length !== undefined ? 'password' : 'text';
        el.autocomplete = 'off';
        el.spellcheck = false;
      } else {
        el = document.createElement('div');
      }
      el.id = 'ts-a11y-' + (++TsMirror.serial);
      el._tsProps = {};
      return el;
    },

    set: function (el, name, value) {
      var p = el._tsProps;
      if (p[name] === value) return;
      p[name] = value;
      if (name === 'text') { el.textContent = value; return; }
      if (name === 'value') { el.value = value; el._tsValue = value; return; }
      if (name === 'style') { el.style.cssText = value; return; }
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    },

    // What the element should say and be, from the record.
    render: function (el, it, describedBy) {
      var role = it.role;
      var S = TsMirror.set;
      var interactive = !!it.id;
      S(el, 'style', 'left:' + it.x + 'px;top:' + it.y + 'px;width:' + Math.max(1, it.w) + 'px;height:' + Math.max(1, it.h) + 'px');
      var aria = {
        button: 'button', checkbox: 'checkbox', radio: 'radio', combobox: 'combobox', tab: 'tab',
        option: 'option', heading: 'heading', progressbar: 'progressbar',
      }[role] || null;
      if (role !== 'textbox') S(el, 'role', aria);
      S(el, 'tabindex', interactive ? '-1' : null);
      if (role === 'textbox') {
        S(el, 'aria-label', it.label);
        if (it.length !== undefined) {
          S(el, 'value', '');
          S(el, 'aria-description', TsMirror.texts ? TsMirror.texts.secret.replace('{n}', String(it.chars)) : null);
        } else {
          S(el, 'value', it.value || '');
        }
        S(el, 'aria-invalid', describedBy ? 'true' : null);
        S(el, 'aria-describedby', describedBy || null);
        S(el, 'disabled', it.disabled ? '' : null);
      } else if (role === 'combobox') {
        S(el, 'aria-label', it.label);
        S(el, 'text', it.value || '');
        S(el, 'aria-expanded', it.expanded ? 'true' : 'false');
      } else {
        S(el, 'text', it.label);
      }
      if (role === 'checkbox' || role === 'radio') S(el, 'aria-checked', it.checked ? 'true' : 'false');
      if (role === 'tab' || role === 'option') S(el, 'aria-selected', it.selected ? 'true' : 'false');
      if (role === 'heading') S(el, 'aria-level', String(it.level || 2));
      if (role === 'progressbar') {
        S(el, 'aria-label', it.label);
        S(el, 'aria-valuemin', it.progress >= 0 ? '0' : null);
        S(el, 'aria-valuemax', it.progress >= 0 ? '100' : null);
        S(el, 'aria-valuenow', it.progress >= 0 ? String(Math.round(it.progress * 100)) : null);
      }
      if (role !== 'textbox') S(el, 'aria-disabled', it.disabled && interactive ? 'true' : null);
      el._tsItem = it;
    },

    // A group element (dialog, tablist, listbox) kept like the widgets, by a key of its own.
    group: function (key, role, label, seen) {
      var g = TsMirror.nodes.get(key);
      if (!g) {
        g = document.createElement('div');
        g._tsProps = {};
        g.id = 'ts-a11y-' + (++TsMirror.serial);
        TsMirror.nodes.set(key, g);
      }
      TsMirror.set(g, 'role', role);
      if (role === 'dialog') TsMirror.set(g, 'aria-label', label || null);
      TsMirror.set(g, 'class', 'ts-a11y-group');
      g._tsKids = [];
      seen.add(key);
      return g;
    },

    // Makes `parent`'s children exactly `kids`, in order, moving only what is out of place.
    place: function (parent, kids) {
      var at = parent.firstChild;
      for (var i = 0; i < kids.length; i++) {
        var k = kids[i];
        if (k === at) { at = at.nextSibling; continue; }
        parent.insertBefore(k, at);
      }
      while (at) { var next = at.nextSibling; parent.removeChild(at); at = next; }
    },

    update: function (items, state) {
      var seen = new Set();
      var count = Object.create(null);
      var top = [];
      var groups = Object.create(null); // dialog id -> group element
      var runKey = null, run = null;   // the tablist or listbox being filled
      var runs = Object.create(null);  // each tablist or listbox of this frame, by its key
      var lastField = null;            // the text field an error message right after it describes
      var focusEl = null;
      for (var i = 0; i < items.length; i++) {
        var it = items[i];
        if (it.kind === 'window' || !it.role) continue;
        if (it.role === 'text' && !it.label) continue;
        var base = it.key || (it.role + '|' + it.window + '|' + it.label);
        var n = (count[base] = (count[base] || 0) + 1);
        var key = n === 1 ? base : base + '#' + n;
        var el = TsMirror.nodes.get(key);
        if (!el || el._tsRole !== it.role) {
          el = TsMirror.make(it);
          el._tsRole = it.role;
          TsMirror.nodes.set(key, el);
        }
        seen.add(key);
        if (it.role === 'error' && lastField) {
          lastField.describedBy = el.id;
        }
        var container = top;
        if (it.dialog) {
          var d = groups[it.dialog];
          if (!d) {
            d = groups[it.dialog] = TsMirror.group('dialog:' + it.dialog, 'dialog', '', seen);
            top.push(d);
          }
          if (it.role === 'heading' && !d._tsProps['aria-label']) TsMirror.set(d, 'aria-label', it.label);
          container = d._tsKids;
        }
        if (it.role === 'tab' || it.role === 'option') {
          var want = it.role === 'tab' ? 'tablist' : 'listbox';
          var rk = want + ':' + it.wid;
          if (runKey !== rk || !run) {
            runKey = rk;
            // ImGui draws the chosen tab's content right after that tab, before the tabs after it:
            // those join the tab list already placed before the content, which then follows it.
            run = runs[rk];
            if (!run) {
              run = runs[rk] = TsMirror.group(rk, want, '', seen);
              container.push(run);
            }
          }
          run._tsKids.push(el);
        } else {
          runKey = null;
          run = null;
          container.push(el);
        }
        var rec = { el: el, it: it, describedBy: null };
        // A field's message comes under it, after the buttons beside it (a secret's «Показать»,
        // «Копировать»); another field or a heading ends what it can describe.
        if (it.role === 'textbox') lastField = rec;
        else if (it.role !== 'error' && it.role !== 'text' && it.role !== 'button') lastField = null;
        el._tsRec = rec;
        if (it.focused && it.id) focusEl = el;
      }
      // Render after the pass: an error message further down describes a field above it.
      TsMirror.nodes.forEach(function (el, key) {
        if (!seen.has(key)) { TsMirror.nodes.delete(key); el.remove(); return; }
        if (el._tsKids) TsMirror.place(el, el._tsKids);
        else if (el._tsRec) { TsMirror.render(el, el._tsRec.it, el._tsRec.describedBy); el._tsRec = null; }
      });
      TsMirror.place(TsMirror.main, top);
      TsMirror.announce(state);
      if (focusEl && document.activeElement !== focusEl && document.activeElement !== TsMirror.toggle) {
        TsMirror.ownFocus = true;
        focusEl.focus({ preventScroll: true });
        TsMirror.ownFocus = false;
      }
    },

    // Status and save messages politely; errors at once. Each message once, when it appears.
    announce: function (state) {
      var text = state.message || '';
      if (text === TsMirror.lastMessage) return;
      TsMirror.lastMessage = text;
      var to = state.messageIsError ? TsMirror.assertive : TsMirror.polite;
      var other = state.messageIsError ? TsMirror.polite : TsMirror.assertive;
      other.textContent = '';
      to.textContent = text;
    },

    frame: function (itemsPtr, statePtr) {
      if (!TsMirror.on) return;
      var json = UTF8ToString(itemsPtr);
      var state = JSON.parse(UTF8ToString(statePtr));
      if (json === TsMirror.lastItems) { TsMirror.announce(state); return; }
      TsMirror.lastItems = json;
      TsMirror.update(JSON.parse(json), state);
    },
  },

  $TsMirror__postset: 'TsMirror.early();',

  ts_mirror_texts__deps: ['$TsMirror'],
  ts_mirror_texts: function (jsonPtr) {
    TsMirror.texts = JSON.parse(UTF8ToString(jsonPtr));
    TsMirror.init();
    TsMirror.label();
    if (TsMirror.root) TsMirror.root.setAttribute('aria-label', TsMirror.texts.region);
  },

  ts_mirror_frame__deps: ['$TsMirror'],
  ts_mirror_frame: function (itemsPtr, statePtr) {
    TsMirror.frame(itemsPtr, statePtr);
  },
});
