/**
 * The extension's launchWebAuthFlow redirect URI: `https://<extension-id>.chromiumapp.org/`
 * of the configured extension only, with no query, fragment, credentials or port. Pure.
 */
export function allowedExtensionRedirect(
  candidate: string,
  extensionOrigin: string,
): string | null {
  const extensionId = /^chrome-extension:\/\/([a-p]{32})$/.exec(extensionOrigin)?.[1];
  if (!extensionId) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  const exact =
    url.protocol === 'https:' &&
    url.hostname === `${extensionId}.chromiumapp.org` &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    /^\/[A-Za-z0-9/_-]*$/.test(url.pathname);
  return exact && candidate === url.href ? url.href : null;
}

/** The allow-listed redirect URI with the hand-off code, or an OAuth-style error, as its query. */
export function extensionRedirectWith(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
