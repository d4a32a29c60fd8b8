// A real Prometheus (Debian's /usr/bin/prometheus) for tests: scrapes the given targets every
// second on a free port, with its storage in a temporary folder; asked through its HTTP API.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from 'test-support';

const PROMETHEUS = '/usr/bin/prometheus';

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface TestPrometheus {
  url: string;
  /** An instant query, evaluated now. */
  query(expression: string): Promise<Sample[]>;
  /** Polls `expression` until `done(samples)` holds; answers the last samples. */
  waitFor(expression: string, done: (samples: Sample[]) => boolean, timeoutMs?: number): Promise<Sample[]>;
  close(): Promise<void>;
}

interface QueryAnswer {
  status: string;
  error?: string;
  data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

function configFile(targets: string[]): string {
  const quoted = targets.map((target) => `'${target}'`).join(', ');
  return `global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\nscrape_configs:\n  - job_name: profile-api\n    static_configs:\n      - targets: [${quoted}]\n`;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ready = await fetch(`${url}/-/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`prometheus did not become ready:\n${output()}`);
}

/** `targets` are host:port pairs serving /metrics. */
export async function startPrometheus(targets: string[]): Promise<TestPrometheus> {
  const folder = mkdtempSync(join(tmpdir(), 'prometheus-'));
  writeFileSync(join(folder, 'prometheus.yml'), configFile(targets));
  const port = await freePort();
  const child = spawn(
    PROMETHEUS,
    [`--config.file=${join(folder, 'prometheus.yml')}`, `--storage.tsdb.path=${join(folder, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const query = async (expression: string): Promise<Sample[]> => {
    const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: expression })}`);
    const answer = (await response.json()) as QueryAnswer;
    if (answer.status !== 'success' || !answer.data) throw new Error(`query ${expression} failed: ${answer.error ?? response.status}`);
    return answer.data.result.map((sample) => ({ labels: sample.metric, value: Number(sample.value[1]) }));
  };
  return {
    url,
    query,
    async waitFor(expression, done, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const samples = await query(expression);
        if (done(samples)) return samples;
        if (Date.now() > deadline) throw new Error(`${expression} never met the condition; last: ${JSON.stringify(samples)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    close: stop,
  };
}
