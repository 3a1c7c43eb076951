/**
 * Least privilege: no host permissions at install. The content script is registered at run
 * time for exactly the origins the user granted (optional_host_permissions), and re-registered
 * whenever that set changes.
 */
export const CONTENT_SCRIPT_ID = 'spendprint-line-items';
const CONTENT_SCRIPT_FILE = '/content-script.js';

export function siteOrigins(origins: readonly string[] | undefined): string[] {
  return (origins ?? []).filter((origin) => /^https?:\/\//.test(origin) || origin.startsWith('*://'));
}

export async function syncContentScriptRegistration(): Promise<string[]> {
  const granted = siteOrigins((await browser.permissions.getAll()).origins);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      // allFrames: ERP and procurement suites often show their lines inside an iframe. A frame
      // gets the script only when its own origin is granted too.
      { id: CONTENT_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches: granted, allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}

/**
 * After an update or reload, pages already open still hold the old copy of the content script,
 * cut off from the extension: its badges could no longer answer. The new copy is injected into
 * them, and the old one, seeing it start, removes its badges and stops (superseded.ts).
 */
export async function injectIntoOpenPages(granted: readonly string[]): Promise<void> {
  if (granted.length === 0) return;
  const tabs = await browser.tabs.query({ url: [...granted] });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined),
    ),
  );
}
