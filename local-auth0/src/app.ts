import express, { type Express } from 'express';
import { controlsRouter } from './controls';
import { corsForWebOrigins } from './http/cors';
import { errorHandler, ManagementApiError } from './http/errors';
import { Instrumentation } from './http/instrument';
import type { TokenBucket } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { emailVerificationRouter } from './mail/email-verification';
import type { TenantMailer } from './mail/mailer';
import { exportDownloadRouter } from './management/jobs-router';
import { ExportJobs } from './management/jobs-store';
import { managementRouter } from './management/router';
import { browserRouter } from './oidc/browser';
import { tokenRouter } from './oidc/token';
import { userinfoRouter } from './oidc/userinfo';
import { wellKnownRouter } from './oidc/wellknown';
import { changePasswordHandler } from './password-reset/change-password';
import { resetPageRouter } from './password-reset/reset-page';
import type { Tenant } from './tenant';

export interface AppDeps { tenant: Tenant; bucket: TokenBucket; log: (line: string) => void; mailer: TenantMailer }

export function buildApp({ tenant, bucket, log, mailer }: AppDeps): Express {
  const inst = new Instrumentation();
  const jobs = new ExportJobs(tenant);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(log));
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(['/oauth/token', '/oauth/revoke', '/userinfo'], corsForWebOrigins(tenant));
  app.use(wellKnownRouter(tenant, inst));
  app.use(tokenRouter(tenant, inst));
  app.use(userinfoRouter(tenant, inst));
  app.use(browserRouter(tenant, inst));
  app.post('/dbconnections/change_password', ...inst.route('POST /dbconnections/change_password'), changePasswordHandler({ tenant, mailer }));
  app.use(resetPageRouter(tenant));
  app.use(emailVerificationRouter(tenant));
  app.use('/api/v2', managementRouter(tenant, inst, bucket, jobs, mailer));
  app.use(exportDownloadRouter(jobs, inst));
  app.use('/__local', controlsRouter({ tenant, inst, bucket }));
  app.use(() => {
    throw new ManagementApiError(404, 'Not Found', 'not_found');
  });
  app.use(errorHandler(log));
  return app;
}
