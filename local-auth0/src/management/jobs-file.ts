import { gzipSync } from 'node:zlib';
import type { StoredUser } from '../state/types';
import type { ExportField, ExportRequest } from './jobs-body';
import { userView } from './user-view';

/** Auth0's export without `fields`: a predefined set (a subset is enough here). */
const DEFAULT_FIELDS: ExportField[] = ['user_id', 'email', 'email_verified', 'name', 'created_at', 'updated_at'].map((name) => ({ name }));

/** `user_metadata.country` reads a nested value; `user_metadata` the whole object. */
function valueAt(view: Record<string, unknown>, path: string): unknown {
  let value: unknown = view;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function exportRow(user: StoredUser, fields: ExportField[]): Record<string, unknown> {
  const view = userView(user);
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = valueAt(view, field.name);
    if (value !== undefined) row[field.export_as ?? field.name] = value;
  }
  return row;
}

function csvCell(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The gzipped file a completed export job points to: NDJSON (`json`) or CSV with a header line. */
export function buildExportFile(users: readonly StoredUser[], request: ExportRequest): Buffer {
  const fields = request.fields?.length ? request.fields : DEFAULT_FIELDS;
  const selected = users.filter((u) => !request.connection_id || u.connection === request.connection_id);
  const limited = request.limit === undefined ? selected : selected.slice(0, request.limit);
  const rows = limited.map((u) => exportRow(u, fields));
  const text =
    request.format === 'json'
      ? rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '')
      : [fields.map((f) => csvCell(f.export_as ?? f.name)).join(','), ...rows.map((row) => fields.map((f) => csvCell(row[f.export_as ?? f.name])).join(','))].join('\n') + '\n';
  return gzipSync(text);
}
