/** Email domains as SSO routes them: lowercase ASCII (punycode), no trailing dot. Pure. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$`);

export function normaliseDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/\.$/, '');
  return domain.length <= 253 && DOMAIN.test(domain) ? domain : null;
}

export function domainOfEmail(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? normaliseDomain(email.slice(at + 1)) : null;
}

export const VERIFICATION_PREFIX = 'spendprint-verification=';

export function verificationRecord(domain: string, token: string) {
  return {
    recordType: 'TXT' as const,
    recordName: `_spendprint.${domain}`,
    recordValue: `${VERIFICATION_PREFIX}${token}`,
  };
}
