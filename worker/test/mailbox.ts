import { bearer } from './fixtures';
import { call, json } from './http';

/** The link token in the newest mail to `to`, read from the dev mailbox with an admin's token. */
export async function mailedToken(adminToken: string, to: string): Promise<string> {
  const { messages } = await json<{ messages: { to: string; body: string }[] }>(
    await call('/api/v1/dev/mailbox', { headers: bearer(adminToken) }),
  );
  const body = messages.find((m) => m.to === to)?.body ?? '';
  return /token=([A-Za-z0-9_-]+)/.exec(body)![1]!;
}
