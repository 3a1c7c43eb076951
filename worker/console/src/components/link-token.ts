/**
 * The `token` of an emailed link (?token=…), read once; it is then removed from the address bar
 * and history so it is not left behind in the browser.
 */
export function takeLinkToken(): string {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? '';
  if (token) {
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search);
  }
  return token;
}
