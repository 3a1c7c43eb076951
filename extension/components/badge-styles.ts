/** Styles inside each badge's shadow root; page CSS cannot reach them, nor they the page. */
export const BADGE_CSS = `
/* Zero-width host: the badge floats beside the price without widening the cell, so the page does
   not shift. !important: inside a shadow tree it also wins over the page's !important rules. */
:host {
  all: initial !important; display: inline-block !important; position: relative !important;
  width: 0 !important; height: 1em !important; vertical-align: baseline !important;
}
/* Floats are vertically centred on the host without a transform (cheaper to lay out and paint
   for hundreds of badges); the open one is raised above its neighbours by the host's z-index.
   content-visibility: the text of a drawn badge off-screen (badges are drawn a viewport ahead,
   see near-viewport.ts) is neither styled, laid out nor painted until it comes into view; it
   stays in the accessibility tree and the tab order (its aria-label is on the badge itself). */
.float {
  position: absolute; inset-inline-start: 6px; top: calc(50% - 10px); white-space: nowrap;
  content-visibility: auto; contain-intrinsic-size: auto 90px auto 20px;
}
* { box-sizing: border-box; }
.badge {
  font: 600 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  display: inline-block; height: 20px; white-space: nowrap;
  padding: 1px 7px; border-radius: 10px; border: 1px solid currentColor; cursor: pointer; margin: 0;
}
.badge[data-intensity]::before { content: attr(data-intensity); margin-inline-end: 3px; font-size: 9px; }
.badge[data-confidence]::after { content: attr(data-confidence); margin-inline-start: 4px; letter-spacing: -1px; font-size: 10px; }
.badge:focus-visible, button:focus-visible, input:focus-visible { outline: 2px solid #1a4fd6; outline-offset: 2px; }
.low { background: #e6f4ea; color: #0b5b25; }
.typical { background: #f1f3f4; color: #303336; }
.high { background: #fce8e6; color: #8c1111; }
.unable, .unavailable { background: #ffffff; color: #4d5156; border-style: dashed; font-weight: 500; }
.hint { font-size: 11px; margin-inline-start: 4px; }
.panel {
  position: absolute; z-index: 2147483647; top: calc(50% + 14px); inset-inline-start: 0;
  width: 330px; max-width: 90vw; padding: 10px 12px; background: #ffffff; color: #202124;
  border: 1px solid #80868b; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start; white-space: normal;
}
.panel h2 { font-size: 14px; margin: 0 0 6px; }
.panel dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
.panel dt { color: #4d5156; }
.panel dd { margin: 0; }
.panel ol, .panel ul { margin: 2px 0 8px; padding-inline-start: 18px; }
.panel button { font: inherit; padding: 2px 8px; border-radius: 6px; border: 1px solid #5f6368; background: #fff; color: #202124; cursor: pointer; }
.panel .actions { display: flex; flex-wrap: wrap; gap: 6px; }
.panel .status { color: #0b5b25; margin: 6px 0 0; }
.panel .error { color: #8c1111; margin: 6px 0 0; }
.hint-box { background: #e6f4ea; color: #0b5b25; border-radius: 6px; padding: 4px 6px; margin: 0 0 8px; }
.close { position: absolute; top: 4px; inset-inline-end: 6px; border: none !important; font-size: 16px !important; }
.total { background: #202124; color: #ffffff; border-color: #202124; }
.record { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483646;
  font: 600 13px/1.3 system-ui, sans-serif; display: flex; gap: 8px; align-items: center;
  background: #ffffff; color: #202124; border: 1px solid #5f6368; border-radius: 10px; padding: 8px 10px;
  box-shadow: 0 2px 10px rgba(0,0,0,.2); }
.record button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #0b5b25; background: #0b5b25; color: #fff; cursor: pointer; }
.record button[disabled] { opacity: .6; cursor: default; }
`;
