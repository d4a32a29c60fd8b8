import { repairField } from './field-repair';
import { patchApplied, planRepair } from './plan';
import { METADATA_FIELDS } from './shape-keys';

const firstName = METADATA_FIELDS.find((f) => f.key === 'firstName')!;

describe('repairField', () => {
  it('moves the first declared alias with a value to an empty canonical key and deletes the aliases', () => {
    expect(repairField({ firstName: ' ', first_name: 'Ann', firstNAme: 'Ann' }, firstName)).toEqual({
      changes: { firstName: 'Ann', firstNAme: null, first_name: null },
      conflict: false,
    });
  });

  it('deletes an alias that agrees with the canonical key, or holds nothing', () => {
    expect(repairField({ firstName: 'Ann', firstNAme: 'Ann', first_name: '' }, firstName)).toEqual({ changes: { firstNAme: null, first_name: null }, conflict: false });
  });

  it('leaves a conflict alone without prefer, and settles it either way with prefer', () => {
    const stored = { firstName: 'Ann', firstNAme: 'Annie' };
    expect(repairField(stored, firstName)).toEqual({ changes: {}, conflict: true });
    expect(repairField(stored, firstName, 'canonical')).toEqual({ changes: { firstNAme: null }, conflict: true });
    expect(repairField(stored, firstName, 'alias')).toEqual({ changes: { firstNAme: null, firstName: 'Annie' }, conflict: true });
  });

  it('treats two disagreeing aliases under an empty canonical key as a conflict', () => {
    expect(repairField({ firstNAme: 'Al', first_name: 'Alan' }, firstName).conflict).toBe(true);
    expect(repairField({ firstNAme: 'Al', first_name: 'Alan' }, firstName, 'canonical').changes).toEqual({ firstName: 'Al', firstNAme: null, first_name: null });
  });

  it('changes nothing when no alias is present', () => {
    expect(repairField({ firstName: 'Ann', FirstName: 'x' }, firstName)).toEqual({ changes: {}, conflict: false });
  });
});

describe('planRepair', () => {
  it('sends one PATCH per drifted user with only canonical keys and declared aliases in it', () => {
    const plan = planRepair([
      { user_id: 'a', user_metadata: { lastname: 'Lee', theme: 'dark', FirstName: 'x' } },
      { user_id: 'b', user_metadata: { firstName: 'Bo', lastName: 'Ng' } },
      { user_id: 'c', user_metadata: { firstName: 'Cy', first_name: 'Cyrus', last_name: 'Ro' } },
    ]);
    expect(plan.patches).toEqual([
      { userId: 'a', userMetadata: { lastname: null, lastName: 'Lee' } },
      { userId: 'c', userMetadata: { last_name: null, lastName: 'Ro' } },
    ]);
    expect(plan.conflicts).toEqual([{ userId: 'c', fields: ['firstName'] }]);
  });

  it('lists no conflicts once prefer decides them', () => {
    expect(planRepair([{ user_id: 'c', user_metadata: { firstName: 'Cy', first_name: 'Cyrus' } }], 'alias')).toEqual({
      patches: [{ userId: 'c', userMetadata: { first_name: null, firstName: 'Cyrus' } }],
      conflicts: [],
    });
  });
});

describe('patchApplied', () => {
  const patch = { userId: 'a', userMetadata: { lastname: null, lastName: 'Lee' } };
  it('is true when the written values are there and the deleted keys gone', () => {
    expect(patchApplied({ lastName: 'Lee', theme: 'dark' }, patch)).toBe(true);
    expect(patchApplied({ lastName: 'Lee', lastname: 'Lee' }, patch)).toBe(false);
    expect(patchApplied({ lastName: 'Leo' }, patch)).toBe(false);
  });
});
