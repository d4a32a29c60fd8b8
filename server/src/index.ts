export { loadConfig, type Config } from './config';
export { startServer, type RunningServer, type StartOptions } from './server';
