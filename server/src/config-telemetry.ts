import { z } from 'zod';

/** Where and how spans are exported (OTLP over HTTP, JSON). */
export interface TracingSettings {
  /** The full OTLP/HTTP traces URL, e.g. `http://collector:4318/v1/traces`. */
  endpoint: string;
  /** Sent with every export (e.g. a vendor's API key): never logged. */
  headers: Record<string, string>;
  sampler: SamplerName;
  /** The ratio of the `*traceidratio` samplers (0..1); unused by the others. */
  samplerRatio: number;
  serviceName: string;
  /** `OTEL_RESOURCE_ATTRIBUTES`, decoded. */
  resourceAttributes: Record<string, string>;
}

export const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
export type SamplerName = (typeof SAMPLERS)[number];

/** The sampler when OTEL_TRACES_SAMPLER is not set: 1 trace in 20, and whatever an incoming `traceparent` says. */
const DEFAULT_SAMPLER: SamplerName = 'parentbased_traceidratio';
const DEFAULT_SAMPLER_RATIO = 0.05;
/** OTLP/HTTP's default port on this machine, used when only OTEL_TRACES_EXPORTER=otlp is given. */
const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

const empty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(empty, schema.optional());
const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'expected an http(s) URL such as "http://localhost:4318"');

/** The OTEL_* variables this API reads (the OpenTelemetry spec's names) and METRICS_PORT. */
export const telemetryEnvShape = {
  METRICS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  OTEL_SDK_DISABLED: optional(z.enum(['true', 'false'])),
  OTEL_TRACES_EXPORTER: optional(z.enum(['otlp', 'none'], { error: 'expected "otlp" or "none" (only OTLP over HTTP is built in)' })),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(httpUrl),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional(httpUrl),
  OTEL_EXPORTER_OTLP_PROTOCOL: optional(z.literal('http/json', { error: 'only "http/json" is built in (every OTLP/HTTP receiver accepts it)' })),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: optional(z.literal('http/json', { error: 'only "http/json" is built in (every OTLP/HTTP receiver accepts it)' })),
  OTEL_EXPORTER_OTLP_HEADERS: optional(z.string()),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: optional(z.string()),
  OTEL_TRACES_SAMPLER: optional(z.enum(SAMPLERS, { error: `expected one of ${SAMPLERS.join(', ')}` })),
  OTEL_TRACES_SAMPLER_ARG: optional(z.coerce.number().min(0).max(1, 'expected a ratio between 0 and 1')),
  OTEL_SERVICE_NAME: optional(z.string().trim()),
  OTEL_RESOURCE_ATTRIBUTES: optional(z.string()),
};

type TelemetryEnv = z.infer<z.ZodObject<typeof telemetryEnvShape>>;

/** `key1=value1,key2=value2` (values percent-encoded), the format of the OTLP header and resource variables. */
function keyValueList(variable: string, value: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of (value ?? '').split(',')) {
    if (item.trim() === '') continue;
    const at = item.indexOf('=');
    const key = at > 0 ? item.slice(0, at).trim() : '';
    if (!key) throw new Error(`${variable}: "${item.split('=')[0]?.trim() ?? ''}" is not a key=value pair`);
    try {
      pairs[key] = decodeURIComponent(item.slice(at + 1).trim());
    } catch {
      throw new Error(`${variable}: the value of "${key}" is not percent-encoded properly`);
    }
  }
  return pairs;
}

function tracesEndpoint(env: TelemetryEnv): string | null {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT ?? (env.OTEL_TRACES_EXPORTER === 'otlp' ? DEFAULT_OTLP_ENDPOINT : null);
  return base === null ? null : `${base.replace(/\/+$/, '')}/v1/traces`;
}

/** Tracing is on only when an OTLP endpoint (or OTEL_TRACES_EXPORTER=otlp) is given, and not disabled. */
export function tracingSettings(env: TelemetryEnv): TracingSettings | null {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return null;
  const endpoint = tracesEndpoint(env);
  if (endpoint === null) return null;
  const headersVariable = env.OTEL_EXPORTER_OTLP_TRACES_HEADERS === undefined ? 'OTEL_EXPORTER_OTLP_HEADERS' : 'OTEL_EXPORTER_OTLP_TRACES_HEADERS';
  const resourceAttributes = keyValueList('OTEL_RESOURCE_ATTRIBUTES', env.OTEL_RESOURCE_ATTRIBUTES);
  return {
    endpoint,
    headers: keyValueList(headersVariable, env.OTEL_EXPORTER_OTLP_TRACES_HEADERS ?? env.OTEL_EXPORTER_OTLP_HEADERS),
    sampler: env.OTEL_TRACES_SAMPLER ?? DEFAULT_SAMPLER,
    samplerRatio: env.OTEL_TRACES_SAMPLER_ARG ?? (env.OTEL_TRACES_SAMPLER === undefined ? DEFAULT_SAMPLER_RATIO : 1),
    serviceName: env.OTEL_SERVICE_NAME || resourceAttributes['service.name'] || 'profile-api',
    resourceAttributes,
  };
}

/** The Prometheus endpoint's port; null (no endpoint, nothing counted) when METRICS_PORT is not set. */
export function metricsSettings(env: TelemetryEnv): { port: number } | null {
  return env.METRICS_PORT === undefined ? null : { port: env.METRICS_PORT };
}
