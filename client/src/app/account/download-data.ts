import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { accountErrorMessage } from './account-error';
import { AccountApi } from './account.api';
import { exportFile, saveFile } from './export-file';

type DownloadState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string };

/** "Download my data": the export from the API, saved as a JSON file. */
@Component({
  selector: 'app-download-data',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="account-section" aria-labelledby="download-title">
      <h2 id="download-title">Your data</h2>
      <p class="hint">A JSON file with everything the identity service holds about you: profile, metadata, sign-in identities and activity.</p>
      <button type="button" data-testid="download-data" [disabled]="state().kind === 'working'" (click)="download()">
        {{ state().kind === 'working' ? 'Preparing…' : 'Download my data' }}
      </button>
      <p class="status" role="status" aria-live="polite">
        @if (state(); as s) {
          @if (s.kind === 'done') { Saved {{ s.name }}. }
        }
      </p>
      @if (state(); as s) {
        @if (s.kind === 'failed') { <p class="alert" role="alert">{{ s.message }}</p> }
      }
    </section>
  `,
})
export class DownloadData {
  private readonly api = inject(AccountApi);
  protected readonly state = signal<DownloadState>({ kind: 'idle' });

  protected download(): void {
    if (this.state().kind === 'working') return;
    this.state.set({ kind: 'working' });
    this.api.exportData().subscribe({
      next: (data) => {
        const file = exportFile(data);
        saveFile(file);
        this.state.set({ kind: 'done', name: file.name });
      },
      error: (error: unknown) => this.state.set({ kind: 'failed', message: accountErrorMessage(error) }),
    });
  }
}
