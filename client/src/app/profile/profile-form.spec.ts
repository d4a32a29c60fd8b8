import { createProfileForm, fieldErrorMessage, setServerError } from './profile-form';

describe('profile form', () => {
  it('is valid with empty names and a well-formed email', () => {
    const form = createProfileForm();
    form.setValue({ firstName: '', lastName: '', email: 'ada@example.com' });
    expect(form.valid).toBe(true);
  });

  it('marks each broken rule on its control with the matching message', () => {
    const form = createProfileForm();
    form.setValue({ firstName: 'x'.repeat(151), lastName: 'Love\tlace', email: 'ada' });
    expect(form.valid).toBe(false);
    expect(fieldErrorMessage('firstName', form.controls.firstName.errors)).toBe('First name can be at most 150 characters.');
    expect(fieldErrorMessage('lastName', form.controls.lastName.errors)).toBe(
      'Last name cannot contain tabs, line breaks or other control characters.',
    );
    expect(fieldErrorMessage('email', form.controls.email.errors)).toBe('Enter an email address like name@example.com.');
  });

  it('shows the server message on its field until the user edits that field', () => {
    const form = createProfileForm();
    form.setValue({ firstName: 'Ada', lastName: 'Lovelace', email: 'alan@example.com' });
    setServerError(form, 'email', 'That email address is already in use.');

    expect(form.invalid).toBe(true);
    expect(form.controls.email.touched).toBe(true);
    expect(fieldErrorMessage('email', form.controls.email.errors)).toBe('That email address is already in use.');

    form.controls.email.setValue('ada@lovelace.org');
    expect(form.controls.email.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('has no message for a valid control', () => {
    expect(fieldErrorMessage('firstName', null)).toBeNull();
  });
});
