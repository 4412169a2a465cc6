import { describe, expect, it } from 'vitest';
import { domainOfEmail, isGenericDomain, validateEmailDomains } from './email-domain-rules.js';
import { likeSubstring } from './member-repository.js';

describe('email domain rules', () => {
  it('normalises and de-duplicates valid domains', () => {
    expect(validateEmailDomains([' Acme.COM ', 'acme.com', 'eu.acme.co.uk', 'xn--bcher-kva.example'])).toEqual([
      'acme.com',
      'eu.acme.co.uk',
      'xn--bcher-kva.example',
    ]);
    expect(validateEmailDomains([])).toEqual([]);
  });

  it('rejects public providers and malformed domains with ParameterError', () => {
    for (const d of ['gmail.com', 'GMAIL.COM', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'proton.me']) {
      expect(() => validateEmailDomains([d])).toThrow(expect.objectContaining({ name: 'ParameterError', statusCode: 400 }));
      expect(isGenericDomain(d)).toBe(true);
    }
    for (const d of ['', 'com', 'a@b.com', 'a..com', 'a-.com', 'a.c', 'a.123', 'with space.com', '*.acme.com']) {
      expect(() => validateEmailDomains([d])).toThrow(expect.objectContaining({ name: 'ParameterError' }));
    }
  });

  it('takes the domain of an e-mail address', () => {
    expect(domainOfEmail('Ada@Acme.COM')).toBe('acme.com');
    expect(domainOfEmail('"a@b"@acme.com')).toBe('acme.com');
    expect(domainOfEmail('nodomain@')).toBeUndefined();
    expect(domainOfEmail('plain')).toBeUndefined();
  });

  it('escapes LIKE metacharacters', () => {
    expect(likeSubstring('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
