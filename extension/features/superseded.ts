/**
 * A signal that aborts when a newer copy of the content script starts in the same page (after an
 * extension update or reload), so the old copy removes its badges and stops watching the page.
 * The announcement is a DOM event on the document, named after this extension. A page sees that
 * name and can dispatch it too, so the event alone proves nothing: a copy gives way only once its
 * own extension context has ended (`runtime.id` is gone then), which is always so for an old copy
 * when a newer one starts, and never for the live copy whatever the page dispatches.
 */
export function untilSuperseded(): AbortSignal {
  const controller = new AbortController();
  const started = `${browser.runtime.id}:spendprint:content-script-started`;
  document.dispatchEvent(new CustomEvent(started));
  // Listening only after announcing: every event heard from now on comes from a newer copy or the page.
  document.addEventListener(
    started,
    () => {
      if (!browser.runtime?.id) controller.abort();
    },
    { signal: controller.signal },
  );
  return controller.signal;
}
