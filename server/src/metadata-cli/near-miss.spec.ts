import { editDistance, nearMissOf } from './near-miss';

describe('nearMissOf', () => {
  it.each([
    ['FirstName', 'firstName'],
    ['firstname', 'firstName'],
    ['first-name', 'firstName'],
    ['First_Name', 'firstName'],
    ['fristName', 'firstName'],
    ['lastNmae', 'lastName'],
    ['last-name', 'lastName'],
    ['LASTNAME', 'lastName'],
    ['surname_', undefined],
    ['theme', undefined],
    ['newsletter', undefined],
    ['name', undefined],
  ])('maps %s to %s', (key, expected) => {
    expect(nearMissOf(key)).toBe(expected);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('lastName', 'lastNmae')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early past the bound', () => {
    expect(editDistance('firstName', 'newsletter', 2)).toBe(3);
  });
});
