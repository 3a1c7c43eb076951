import { describe, expect, it } from 'vitest';
import { joinCharacterStrings } from './dns-txt';
import { domainOfEmail, normaliseDomain } from './domain-name';
import { allowedExtensionRedirect } from './redirect-uri';

const EXTENSION = 'chrome-extension://nidfkibjbnhbiheknhcnkeijcbfdbcbm';

describe('SSO helpers', () => {
  it('normalises domains and refuses what is not one', () => {
    expect(normaliseDomain(' Example.COM. ')).toBe('example.com');
    expect(normaliseDomain('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
    for (const bad of ['com', 'a..b', '-a.com', 'a-.com', 'a_b.com', 'a.com/x', 'a.1']) {
      expect(normaliseDomain(bad), bad).toBeNull();
    }
    expect(domainOfEmail('Ann@Sub.Example.com')).toBe('sub.example.com');
    expect(domainOfEmail('no-at-sign')).toBeNull();
  });

  it('joins TXT character-strings', () => {
    expect(joinCharacterStrings('"spendprint-verification=" "abc"')).toBe(
      'spendprint-verification=abc',
    );
    expect(joinCharacterStrings('"with \\"quote\\""')).toBe('with "quote"');
    expect(joinCharacterStrings('bare')).toBe('bare');
  });

  it('allows only the configured extension redirect', () => {
    const ok = 'https://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org/';
    expect(allowedExtensionRedirect(ok, EXTENSION)).toBe(ok);
    expect(allowedExtensionRedirect(`${ok}callback`, EXTENSION)).toBe(`${ok}callback`);
    for (const bad of [
      'https://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org',
      'https://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org:444/',
      'https://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org/#x',
      'https://NIDFKIBJBNHBIHEKNHCNKEIJCBFDBCBM.chromiumapp.org/',
      'https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.chromiumapp.org/',
      'javascript:alert(1)',
    ]) {
      expect(allowedExtensionRedirect(bad, EXTENSION), bad).toBeNull();
    }
    expect(allowedExtensionRedirect(ok, 'moz-extension://x')).toBeNull();
  });
});
