/** Removes every storage.session key that starts with `prefix` (one per tab, one per period…). */
export async function removeSessionKeys(prefix: string): Promise<void> {
  const keys = Object.keys(await browser.storage.session.get(null)).filter((key) =>
    key.startsWith(prefix),
  );
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
