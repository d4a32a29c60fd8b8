import { Counter, type Registry } from 'prom-client';

/**
 * Counters and a histogram for the request path whose recording is plain arithmetic on a bound
 * child (no label hashing, no validation, no allocation); prom-client reads them when scraped.
 * prom-client's own `child.inc()` / `child.observe()` hash and validate the labels on every call
 * (about 0.4 µs and 1.3 µs, several times a request).
 */
export interface CounterChild {
  inc(): void;
}

export interface HistogramChild {
  observe(value: number): void;
}

type Labels = Record<string, string>;

function labelsOf(names: readonly string[], values: readonly string[]): Labels {
  return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
}

/** A prom-client counter whose children count in plain numbers, copied into it at each scrape. */
export function hotCounter(registry: Registry, name: string, help: string, labelNames: readonly string[]): (...values: string[]) => CounterChild {
  const children: { labels: Labels; count: number }[] = [];
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const child of children) if (child.count > 0) this.inc(child.labels, child.count);
    },
  });
  return (...values) => {
    const child = { labels: labelsOf(labelNames, values), count: 0 };
    children.push(child);
    return { inc: () => void (child.count += 1) };
  };
}

interface Series {
  labels: Labels;
  /** counts[i]: observations <= buckets[i]; the last one is +Inf. */
  counts: Float64Array;
  sum: number;
}

/** A histogram in the Prometheus text format, registered as a prom-client metric. */
export function hotHistogram(registry: Registry, name: string, help: string, labelNames: readonly string[], buckets: readonly number[]): (...values: string[]) => HistogramChild {
  const all: Series[] = [];
  registry.registerMetric({
    name,
    get: async () => ({
      name,
      help,
      type: 'histogram',
      aggregator: 'sum',
      values: all.flatMap((series) => {
        let cumulative = 0;
        const bucketValues = [...buckets, Number.POSITIVE_INFINITY].map((le, index) => {
          cumulative += series.counts[index] ?? 0;
          return { labels: { ...series.labels, le: le === Number.POSITIVE_INFINITY ? '+Inf' : le }, value: cumulative, metricName: `${name}_bucket` };
        });
        return [
          ...bucketValues,
          { labels: series.labels, value: series.sum, metricName: `${name}_sum` },
          { labels: series.labels, value: cumulative, metricName: `${name}_count` },
        ];
      }),
    }),
  } as unknown as Parameters<Registry['registerMetric']>[0]);
  return (...values) => {
    const series: Series = { labels: labelsOf(labelNames, values), counts: new Float64Array(buckets.length + 1), sum: 0 };
    all.push(series);
    return {
      observe(value) {
        let index = 0;
        while (index < buckets.length && value > buckets[index]!) index += 1;
        series.counts[index]! += 1;
        series.sum += value;
      },
    };
  };
}
