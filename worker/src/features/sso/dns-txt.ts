/** TXT lookups through DNS-over-HTTPS (the JSON API of Cloudflare and Google resolvers). */
export const DEFAULT_DOH_RESOLVER = 'https://cloudflare-dns.com/dns-query';
const TXT = 16;
const NOERROR = 0;
const TIMEOUT_MS = 5_000;

interface DohAnswer {
  type?: unknown;
  data?: unknown;
}

export async function lookupTxt(resolverUrl: string, name: string): Promise<string[]> {
  const url = new URL(resolverUrl);
  url.searchParams.set('name', name);
  url.searchParams.set('type', 'TXT');
  const response = await fetch(url, {
    headers: { accept: 'application/dns-json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`resolver answered ${response.status}`);
  const body = (await response.json()) as { Status?: unknown; Answer?: unknown };
  if (body.Status !== NOERROR || !Array.isArray(body.Answer)) return [];
  return (body.Answer as DohAnswer[])
    .filter((answer) => answer.type === TXT && typeof answer.data === 'string')
    .map((answer) => joinCharacterStrings(answer.data as string));
}

/**
 * A TXT record's data arrives as one or more quoted character-strings (`"abc" "def"`), which
 * together form the value; unquoted data is taken as it is. Pure.
 */
export function joinCharacterStrings(data: string): string {
  const parts = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    match[1]!.replace(/\\(.)/g, '$1'),
  );
  return parts.length > 0 ? parts.join('') : data.trim();
}
