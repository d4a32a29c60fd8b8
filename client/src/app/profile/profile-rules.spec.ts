import { emailLockedReason, emailProblem, nameProblem, ruleMessage } from './profile-rules';

describe('nameProblem', () => {
  it('accepts an empty name, which clears it', () => {
    expect(nameProblem('')).toBeNull();
    expect(nameProblem('   ')).toBeNull();
  });

  it('accepts 150 characters after trimming and rejects 151', () => {
    expect(nameProblem(`  ${'a'.repeat(150)}  `)).toBeNull();
    expect(nameProblem('a'.repeat(151))).toBe('tooLong');
  });

  it('counts accented and non-Latin names like any other', () => {
    expect(nameProblem('Zoë Ångström')).toBeNull();
    expect(nameProblem('李小龍')).toBeNull();
  });

  it('rejects tabs, new lines, NUL and C1 control characters', () => {
    for (const bad of ['Ada\tL', 'Ada\nL', 'A\u0000', 'A\u007f', 'A\u0085']) {
      expect(nameProblem(bad)).toBe('controlCharacters');
    }
  });
});

describe('emailProblem', () => {
  it('accepts an ordinary address, ignoring surrounding spaces', () => {
    expect(emailProblem(' ada.lovelace+maths@example.co.uk ')).toBeNull();
  });

  it('requires an address', () => {
    expect(emailProblem('  ')).toBe('emailRequired');
  });

  it('rejects addresses without an @, without a dotted domain or with spaces', () => {
    for (const bad of ['ada.example.com', 'ada@localhost', 'ada @example.com', '@example.com', 'ada@example.']) {
      expect(emailProblem(bad)).toBe('emailShape');
    }
  });

  it('allows a 64-character local part and rejects 65', () => {
    expect(emailProblem(`${'a'.repeat(64)}@example.com`)).toBeNull();
    expect(emailProblem(`${'a'.repeat(65)}@example.com`)).toBe('emailLocalTooLong');
  });

  it('rejects addresses over 254 characters', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(63)}.com`;
    expect(emailProblem(`ada@${domain}`)).toBe('emailTooLong');
  });
});

describe('ruleMessage', () => {
  it('names the field and the limit', () => {
    expect(ruleMessage('firstName', 'tooLong')).toBe('First name can be at most 150 characters.');
    expect(ruleMessage('lastName', 'controlCharacters')).toMatch(/^Last name cannot contain/);
    expect(ruleMessage('email', 'emailLocalTooLong')).toMatch(/before the @ can be at most 64/);
  });
});

describe('emailLockedReason', () => {
  it('tells a Google user where the address can be changed', () => {
    expect(emailLockedReason('google-oauth2')).toBe(
      'Your email comes from your Google account and can only be changed there.',
    );
  });
});
