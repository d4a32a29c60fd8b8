import type { Settings } from '../lib/results';

/** What every scenario gets from the orchestrator. */
export interface RunContext {
  settings: Settings;
  tenantUrl: string;
  tenantPid: number;
  userIds: string[];
  /** One valid access token per user, same order as userIds. */
  tokens: string[];
}
