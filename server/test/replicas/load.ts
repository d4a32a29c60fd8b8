import { gql, ME } from '../support/graphql';

export interface LoadRun {
  /** Stops issuing and waits for the requests in flight. */
  stop(): Promise<LoadReport>;
}

export interface LoadReport {
  requests: number;
  /** Answers that were not a 200 with the profile (status and first error code). */
  failures: string[];
  slowestMs: number;
}

/** `me` for `tokens` round-robin over the APIs `targets()` returns at each request, by `workers` loops. */
export function startMeLoad(targets: () => string[], tokens: string[], workers = 6): LoadRun {
  let running = true;
  let next = 0;
  const report: LoadReport = { requests: 0, failures: [], slowestMs: 0 };
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      const i = next++;
      const apis = targets();
      const started = Date.now();
      try {
        const result = await gql(apis[i % apis.length]!, ME, { token: tokens[i % tokens.length]! });
        if (result.status !== 200 || !result.body.data?.me) {
          report.failures.push(`${result.status} ${String(result.body.errors?.[0]?.extensions?.code)}`);
        }
      } catch (error) {
        report.failures.push(`connection: ${(error as Error).message}`);
      }
      report.requests += 1;
      report.slowestMs = Math.max(report.slowestMs, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return report;
    },
  };
}
