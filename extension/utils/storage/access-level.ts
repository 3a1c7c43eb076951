type RestrictableArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * Keeps extension storage out of content scripts' reach: storage.session (the access token;
 * Chrome's default, made explicit) and storage.local (the refresh token; content scripts could
 * read it by default). Content scripts ask the background for the settings they need instead.
 */
export async function restrictStorageToExtensionPages(): Promise<void> {
  for (const area of [browser.storage.session, browser.storage.local] as RestrictableArea[]) {
    await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
}
