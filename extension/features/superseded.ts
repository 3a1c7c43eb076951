/**
 * A signal that aborts when a newer copy of the content script starts in the same page (after an
 * extension update or reload), so the old copy removes its badges and stops watching the page.
 * The announcement is a DOM event on the document, named after this extension.
 */
export function untilSuperseded(): AbortSignal {
  const controller = new AbortController();
  const started = `${browser.runtime.id}:spendprint:content-script-started`;
  document.dispatchEvent(new CustomEvent(started));
  // Listening only after announcing: every event heard from now on comes from a newer copy.
  document.addEventListener(started, () => controller.abort(), { signal: controller.signal });
  return controller.signal;
}
