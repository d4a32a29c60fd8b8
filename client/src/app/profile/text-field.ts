import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

/** One labelled input with its hint and error tied to it for assistive technology. */
@Component({
  selector: 'app-text-field',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <label [for]="fieldId()">{{ label() }} <ng-content select="[fieldBadge]" /></label>
    <input
      [id]="fieldId()"
      [name]="fieldId()"
      [type]="type()"
      [formControl]="control()"
      [readOnly]="readonly()"
      [attr.autocomplete]="autocomplete()"
      [attr.aria-invalid]="error() ? 'true' : null"
      [attr.aria-describedby]="describedBy()"
    />
    @if (hint()) {
      <p class="hint" [id]="fieldId() + '-hint'">{{ hint() }}</p>
    }
    @if (error()) {
      <p class="field-error" [id]="fieldId() + '-error'">{{ error() }}</p>
    }
  `,
})
export class TextField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string>>();
  readonly type = input<'text' | 'email'>('text');
  readonly autocomplete = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly readonly = input(false);
  /** Ids of other elements that describe this field (a status badge). */
  readonly describedByExtra = input<string | null>(null);

  protected readonly describedBy = computed(() => {
    const ids = [
      this.hint() ? `${this.fieldId()}-hint` : null,
      this.error() ? `${this.fieldId()}-error` : null,
      this.describedByExtra(),
    ].filter((id): id is string => id !== null);
    return ids.length > 0 ? ids.join(' ') : null;
  });
}
