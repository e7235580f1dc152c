// The screen-reader mirror's expected accessibility trees (Playwright's ariaSnapshot, plain texts
// left out) of the main screens, as screen-reader.test.mjs reaches them: a vault with one EIS token
// open in its editor, the EIS token procedure's run tab, the transfer screen, the settings.
export const TREES = {
  vault: '',
  procedures: '',
  transfer: '',
  settings: '',
};
