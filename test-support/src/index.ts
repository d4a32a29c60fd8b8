// Support shared by the server's tests and the bench (one module, so neither reaches into the other):
// a real redis-server, the app's committed GraphQL operations, a seed with many generated users.
// Jest's start/stop/reset hooks are test-support/hooks (use-running.ts), which the bench never loads.
export * from './redis-server';
export * from './app-operations';
export * from './bench-seed';
