import { Registry } from 'prom-client';
import { hotCounter, hotHistogram } from './hot-metrics';

describe('hash-free metric children', () => {
  it('exposes a histogram in the Prometheus text format: cumulative buckets, +Inf, sum and count', async () => {
    const registry = new Registry();
    const child = hotHistogram(registry, 'x_seconds', 'help', ['route'], [0.1, 1])('/a');
    for (const value of [0.05, 0.1, 0.5, 7]) child.observe(value);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE x_seconds histogram');
    expect(text).toContain('x_seconds_bucket{route="/a",le="0.1"} 2');
    expect(text).toContain('x_seconds_bucket{route="/a",le="1"} 3');
    expect(text).toContain('x_seconds_bucket{route="/a",le="+Inf"} 4');
    expect(text).toContain('x_seconds_sum{route="/a"} 7.65');
    expect(text).toContain('x_seconds_count{route="/a"} 4');
  });

  it('copies each counter child into prom-client at every scrape, without counting twice', async () => {
    const registry = new Registry();
    const bind = hotCounter(registry, 'y_total', 'help', ['result']);
    const hit = bind('hit');
    bind('miss');
    hit.inc();
    hit.inc();
    expect(await registry.metrics()).toContain('y_total{result="hit"} 2');
    hit.inc();
    const text = await registry.metrics();
    expect(text).toContain('y_total{result="hit"} 3');
    expect(text).not.toContain('result="miss"');
  });
});
