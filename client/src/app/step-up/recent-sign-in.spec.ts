import { maxAgeText, signInAgeProblem } from './recent-sign-in';

describe('signInAgeProblem', () => {
  const now = 1_800_000_000;

  it('accepts a sign-in within the age, with up to 60 s of clock skew', () => {
    expect(signInAgeProblem({ auth_time: now - 300 }, 300, now)).toBeNull();
    expect(signInAgeProblem({ auth_time: now - 360 }, 300, now)).toBeNull();
    expect(signInAgeProblem({ auth_time: now + 30 }, 300, now)).toBeNull();
  });

  it('refuses an older sign-in and a token without a numeric auth_time', () => {
    expect(signInAgeProblem({ auth_time: now - 361 }, 300, now)).toBe('tooOld');
    expect(signInAgeProblem({}, 300, now)).toBe('noAuthTime');
    expect(signInAgeProblem({ auth_time: Number.NaN }, 300, now)).toBe('noAuthTime');
    expect(signInAgeProblem(null, 300, now)).toBe('noAuthTime');
  });
});

describe('maxAgeText', () => {
  it('says whole minutes as minutes, anything else as seconds', () => {
    expect(maxAgeText(300)).toBe('5 minutes');
    expect(maxAgeText(60)).toBe('1 minute');
    expect(maxAgeText(90)).toBe('90 seconds');
    expect(maxAgeText(1)).toBe('1 second');
    expect(maxAgeText(0)).toBe('0 seconds');
  });
});
