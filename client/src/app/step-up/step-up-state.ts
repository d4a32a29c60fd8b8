import type { AppState } from '@auth0/auth0-angular';

/** The not-secret form value an action needs to run again, by field name. */
export type PendingValue = Readonly<Record<string, string>>;

/** What the app keeps in `appState` across the step-up sign-in (auth0-spa-js holds it in sessionStorage). */
export interface StepUpAppState extends AppState {
  target: string;
  /** `sub`: the user who asked; the action resumes only for the same user. */
  stepUp: { action: string; value: PendingValue; maxAgeSeconds: number; sub: string };
}

/** Bounds for what comes back from storage: a value of a few short form fields, nothing more. */
const MAX_FIELDS = 10;
const MAX_FIELD_LENGTH = 1_000;

function isPendingValue(value: unknown): value is PendingValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_FIELDS && entries.every(([, field]) => typeof field === 'string' && field.length <= MAX_FIELD_LENGTH);
}

/** The step-up left pending for `action` in an appState, or null (another action, a plain sign-in, a malformed state). */
export function pendingStepUpOf(appState: unknown, action: string): StepUpAppState['stepUp'] | null {
  const stepUp = (appState as Partial<StepUpAppState> | null | undefined)?.stepUp;
  if (typeof stepUp !== 'object' || stepUp === null || stepUp.action !== action) return null;
  const { value, maxAgeSeconds, sub } = stepUp;
  if (!isPendingValue(value) || typeof sub !== 'string' || sub === '') return null;
  if (typeof maxAgeSeconds !== 'number' || !Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0) return null;
  return { action, value: { ...value }, maxAgeSeconds, sub };
}
