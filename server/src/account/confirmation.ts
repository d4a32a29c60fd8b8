const MAX_CONFIRMATION_LENGTH = 254;

/**
 * Whether `typed` confirms deleting the account whose address is `email`: the same address, with
 * surrounding spaces and letter case ignored (an address is matched case-insensitively at Auth0).
 */
export function confirmsDeletion(typed: string, email: string): boolean {
  if (typed.length > MAX_CONFIRMATION_LENGTH || email === '') return false;
  return typed.trim().toLowerCase() === email.trim().toLowerCase();
}
