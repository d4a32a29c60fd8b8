/**
 * The ONE email rule of the product. Addresses are ASCII only (RFC 5321 without SMTPUTF8): a
 * local part or domain holding non-ASCII letters is refused, so a Cyrillic `а` cannot pass for a
 * Latin `a`. An internationalised domain is accepted in its ASCII (`xn--…`) form, which shows
 * what it really is.
 */
export type EmailRule = 'emailNotAscii' | 'emailShape' | 'emailLocalTooLong' | 'emailDomain';

export const EMAIL_LOCAL_MAX_LENGTH = 64;

// eslint-disable-next-line no-control-regex -- the ASCII range is the point
const NON_ASCII = /[^\u0000-\u007f]/;
// A dot-atom local part (RFC 5322 atext, dots between atoms), one @, and two or more dotted
// labels of letters, digits and inner hyphens.
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const EMAIL_PATTERN = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+${LABEL}$`, 'i');

export const DOMAIN_LABEL_MAX_LENGTH = 63;

/** A host name (RFC 1035): labels of at most 63 characters, and a top-level domain that is not all digits (so no IP address). */
function isDomainName(domain: string): boolean {
  const labels = domain.split('.');
  return labels.every((label) => label.length <= DOMAIN_LABEL_MAX_LENGTH) && !/^\d+$/.test(labels.at(-1) ?? '');
}

/** The first email rule a trimmed, lower-cased address breaks, or null. */
export function emailProblem(email: string): EmailRule | null {
  if (NON_ASCII.test(email)) return 'emailNotAscii';
  if (!EMAIL_PATTERN.test(email)) return 'emailShape';
  if (email.lastIndexOf('@') > EMAIL_LOCAL_MAX_LENGTH) return 'emailLocalTooLong';
  if (!isDomainName(email.slice(email.lastIndexOf('@') + 1))) return 'emailDomain';
  return null;
}
