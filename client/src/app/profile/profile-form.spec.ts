import { PROFILE_SHAPE } from 'profile-shape';
import { VALIDATION_CASES } from 'profile-shape/test/validation-cases';
import { createProfileForm, fieldErrorMessage, setServerError } from './profile-form';

function formFor(values: Record<string, string>) {
  const built = createProfileForm(PROFILE_SHAPE);
  built.form.patchValue({ email: 'ada@example.com', ...values });
  return built;
}

/** What the form's validators say about one input: accepted, or the rule they mark. */
function formVerdict(field: string, input: string): { accepts: true } | { rule: string } {
  const control = formFor({ [field]: input }).form.get(field);
  const rules = Object.keys(control?.errors ?? {});
  return rules.length === 0 ? { accepts: true } : { rule: rules[0] ?? '' };
}

describe('the shared validation cases, through the form\'s validators', () => {
  it.each(VALIDATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const expected = 'rule' in c.expected ? { rule: c.expected.rule } : { accepts: true };
    expect(formVerdict(c.field, c.input)).toEqual(expected);
  });
});

describe('profile form', () => {
  it('has one control per field of the shape, in its order', () => {
    const { form, fields } = createProfileForm(PROFILE_SHAPE);
    expect(fields.map((field) => field.key)).toEqual(Object.keys(PROFILE_SHAPE));
    expect(Object.keys(form.controls)).toEqual(Object.keys(PROFILE_SHAPE));
    expect(fields.map((field) => field.spec)).toEqual(Object.values(PROFILE_SHAPE));
  });

  it('is valid with empty names and a well-formed email', () => {
    expect(formFor({}).form.valid).toBe(true);
  });

  it('marks each broken rule on its control with the shared message naming the field', () => {
    const { form } = formFor({ firstName: 'x'.repeat(151), lastName: 'Love\tlace', email: 'ada' });
    expect(form.valid).toBe(false);
    const message = (key: 'firstName' | 'lastName' | 'email') => fieldErrorMessage(PROFILE_SHAPE[key], form.get(key)?.errors ?? null);
    expect(message('firstName')).toBe('First name can be at most 150 characters.');
    expect(message('lastName')).toBe('Last name cannot contain tabs, line breaks or other control characters.');
    expect(message('email')).toBe('Email must be an address like name@example.com.');
  });

  it('counts code points, as the API does: 150 emoji fit, 151 do not', () => {
    expect(formFor({ lastName: '😀'.repeat(150) }).form.valid).toBe(true);
    expect(formFor({ lastName: '😀'.repeat(151) }).form.valid).toBe(false);
  });

  it('shows the server message on its field until the user edits that field', () => {
    const { form } = formFor({ firstName: 'Ada', lastName: 'Lovelace', email: 'alan@example.com' });
    const email = form.get('email');
    if (!email) throw new Error('no email control');
    setServerError(email, 'That email address is already in use.');

    expect(form.invalid).toBe(true);
    expect(email.touched).toBe(true);
    expect(fieldErrorMessage(PROFILE_SHAPE.email, email.errors)).toBe('That email address is already in use.');

    email.setValue('ada@lovelace.org');
    expect(email.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('has no message for a valid control', () => {
    expect(fieldErrorMessage(PROFILE_SHAPE.firstName, null)).toBeNull();
  });
});
