import { ParameterError } from '@tessera/core';

/**
 * Public mailbox providers: anyone can get an address there, so they can never identify the people of
 * one organization. Allowing one would let any stranger join.
 */
const GENERIC_EMAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'google.com',
  'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'live.com', 'live.co.uk', 'msn.com', 'passport.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aim.com',
  'protonmail.com', 'proton.me', 'pm.me', 'protonmail.ch',
  'gmx.com', 'gmx.net', 'gmx.de', 'web.de', 'mail.com', 'email.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru',
  'zoho.com', 'zohomail.com', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hey.com',
  'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'daum.net',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'libero.it', 'btinternet.com', 'comcast.net', 'verizon.net',
]);

// Labels of letters, digits and inner hyphens; at least two labels; an alphabetic TLD of 2+ letters.
const DOMAIN_PATTERN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const normaliseDomain = (domain: string): string => domain.trim().toLowerCase();

export const isGenericDomain = (domain: string): boolean => GENERIC_EMAIL_DOMAINS.has(normaliseDomain(domain));

/** Normalised, de-duplicated domains; 400 naming the first malformed or public domain. */
export const validateEmailDomains = (domains: readonly string[]): string[] => {
  const result: string[] = [];
  for (const raw of domains) {
    const domain = normaliseDomain(raw);
    if (!DOMAIN_PATTERN.test(domain)) {
      throw new ParameterError(`"${raw}" is not a valid e-mail domain: use a bare domain such as example.com`, { domain: raw });
    }
    if (GENERIC_EMAIL_DOMAINS.has(domain)) {
      throw new ParameterError(`"${domain}" is a public e-mail provider and cannot be an allowed domain`, { domain });
    }
    if (!result.includes(domain)) result.push(domain);
  }
  return result;
};

/** The domain part of an e-mail address, lower-cased; undefined when there is none. */
export const domainOfEmail = (email: string): string | undefined => {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return normaliseDomain(email.slice(at + 1));
};
