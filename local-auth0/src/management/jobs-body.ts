import { invalidBody } from '../http/errors';

export interface ExportField { name: string; export_as?: string }
export interface ExportRequest {
  connection_id?: string;
  format: 'json' | 'csv';
  limit?: number;
  fields?: ExportField[];
}

const ALLOWED = new Set(['connection_id', 'format', 'limit', 'fields']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseField(value: unknown, index: number): ExportField {
  if (!isObject(value) || typeof value.name !== 'string' || value.name === '') {
    throw invalidBody(`'Missing required property: name' on property fields[${index}].`);
  }
  const extra = Object.keys(value).filter((k) => k !== 'name' && k !== 'export_as');
  if (extra.length) throw invalidBody(`'Additional properties not allowed: ${extra.join(',')}' on property fields[${index}].`);
  if (value.export_as !== undefined && typeof value.export_as !== 'string') {
    throw invalidBody(`'Expected type string but found type ${typeof value.export_as}' on property fields[${index}].export_as.`);
  }
  return value.export_as === undefined ? { name: value.name } : { name: value.name, export_as: value.export_as };
}

/** Validates a `POST /api/v2/jobs/users-exports` body the way Auth0 words its refusals. */
export function parseExportRequest(body: unknown): ExportRequest {
  if (!isObject(body)) throw invalidBody(`'Expected type object but found type ${typeof body}'.`);
  const extra = Object.keys(body).filter((k) => !ALLOWED.has(k));
  if (extra.length) throw invalidBody(`'Additional properties not allowed: ${extra.join(',')}'.`);
  const { connection_id: connectionId, format = 'csv', limit, fields } = body;
  if (format !== 'json' && format !== 'csv') throw invalidBody(`'No enum match for: ${JSON.stringify(format)}' on property format.`);
  if (connectionId !== undefined && typeof connectionId !== 'string') throw invalidBody(`'Expected type string' on property connection_id.`);
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) {
    throw invalidBody(`'Expected a positive integer' on property limit.`);
  }
  if (fields !== undefined && !Array.isArray(fields)) throw invalidBody(`'Expected type array' on property fields.`);
  return {
    format,
    ...(connectionId === undefined ? {} : { connection_id: connectionId }),
    ...(limit === undefined ? {} : { limit }),
    ...(fields === undefined ? {} : { fields: fields.map(parseField) }),
  };
}
