import type { AccountExport } from './account.api';

export interface ExportFile {
  name: string;
  text: string;
}

/** Apollo's `__typename` bookkeeping is no part of the user's data; user_metadata is kept exactly as stored. */
function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '__typename')
      .map(([key, inner]) => [key, key === 'userMetadata' ? inner : withoutTypenames(inner)]),
  );
}

/** The export as a pretty-printed JSON file named after the day it was made (`my-account-data-2026-12-04.json`). */
export function exportFile(data: AccountExport): ExportFile {
  const day = data.exportedAt.slice(0, 10);
  return { name: `my-account-data-${day}.json`, text: `${JSON.stringify(withoutTypenames(data), null, 2)}\n` };
}

/** Hands the file to the browser as a download. */
export function saveFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
