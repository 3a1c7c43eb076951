import type { Env } from '../../env';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Where mail leaves the Worker. In local mode there is none: the dev mailbox shows the outbox. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * A transactional-mail HTTP API taking `{from, to, subject, text}` as JSON with a bearer token
 * (Resend's `POST /emails` has this shape; most providers offer an equivalent endpoint).
 */
export function httpMailSender(url: string, token: string, from: string): MailSender {
  return {
    async send(mail) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from, to: mail.to, subject: mail.subject, text: mail.text }),
      });
      if (!response.ok) throw new Error(`mail provider answered ${response.status}`);
    },
  };
}

export function mailSenderFor(env: Env): MailSender | null {
  if (!env.MAIL_API_URL || !env.MAIL_API_TOKEN || !env.MAIL_FROM) return null;
  return httpMailSender(env.MAIL_API_URL, env.MAIL_API_TOKEN, env.MAIL_FROM);
}
