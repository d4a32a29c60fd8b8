import { FormControl, FormGroup, type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { fieldProblem, ruleMessage, type FieldRule, type FieldSpec } from 'profile-shape';
import type { FormShape } from './profile-shape.token';

/** One control per field of the shape, each a plain string ('' = no value). */
export type ProfileForm = FormGroup<Record<string, FormControl<string>>>;

/** A field as the template shows it: its key (also the input id), its spec and its control. */
export interface FormField {
  readonly key: string;
  readonly spec: FieldSpec;
  readonly control: FormControl<string>;
}

/** The key a message from the server is stored under, next to the rule problems. */
const SERVER_ERROR = 'server';

/** The shared rules (the same code the API runs) as a validator: `{ [rule]: true }` when broken. */
function shapeValidator(spec: FieldSpec): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const rule = fieldProblem(spec, control.value ?? '');
    return rule ? { [rule]: true } : null;
  };
}

/** The form and its fields, in the shape's order. */
export function createProfileForm(shape: FormShape): { form: ProfileForm; fields: readonly FormField[] } {
  const fields = Object.entries(shape).map(([key, spec]) => ({
    key,
    spec,
    control: new FormControl('', { nonNullable: true, validators: shapeValidator(spec) }),
  }));
  const form: ProfileForm = new FormGroup(Object.fromEntries(fields.map((field) => [field.key, field.control])));
  return { form, fields };
}

/** Puts the server's message on the field; the next edit re-runs the validators and clears it. */
export function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...control.errors, [SERVER_ERROR]: message });
  control.markAsTouched();
}

/** The one message to show under a field, or null (server message first, then the rules). */
export function fieldErrorMessage(spec: FieldSpec, errors: ValidationErrors | null): string | null {
  if (!errors) return null;
  const server: unknown = errors[SERVER_ERROR];
  if (typeof server === 'string') return server;
  const rule = Object.keys(errors)[0] as FieldRule | undefined;
  return rule ? ruleMessage(spec, rule) : null;
}
