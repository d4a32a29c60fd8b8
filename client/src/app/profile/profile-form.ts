import { FormControl, FormGroup, type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { emailProblem, nameProblem, ruleMessage, type ProfileField, type RuleProblem } from './profile-rules';

export type ProfileForm = FormGroup<{
  firstName: FormControl<string>;
  lastName: FormControl<string>;
  email: FormControl<string>;
}>;

/** The key a message from the server is stored under, next to the rule problems. */
const SERVER_ERROR = 'server';

function ruleValidator(check: (value: string) => RuleProblem | null): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const problem = check(control.value ?? '');
    return problem ? { [problem]: true } : null;
  };
}

export function createProfileForm(): ProfileForm {
  return new FormGroup({
    firstName: new FormControl('', { nonNullable: true, validators: ruleValidator(nameProblem) }),
    lastName: new FormControl('', { nonNullable: true, validators: ruleValidator(nameProblem) }),
    email: new FormControl('', { nonNullable: true, validators: ruleValidator(emailProblem) }),
  });
}

/** Puts the server's message on the field; the next edit re-runs the validators and clears it. */
export function setServerError(form: ProfileForm, field: ProfileField, message: string): void {
  const control = form.controls[field];
  control.setErrors({ ...control.errors, [SERVER_ERROR]: message });
  control.markAsTouched();
}

/** The one message to show under a field, or null (server message first, then the rules). */
export function fieldErrorMessage(field: ProfileField, errors: ValidationErrors | null): string | null {
  if (!errors) return null;
  const server: unknown = errors[SERVER_ERROR];
  if (typeof server === 'string') return server;
  const problem = Object.keys(errors)[0] as RuleProblem | undefined;
  return problem ? ruleMessage(field, problem) : null;
}
