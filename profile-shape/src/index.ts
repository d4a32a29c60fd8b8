export * from './shape';
export * from './text';
export * from './email';
export * from './validate';
export * from './metadata';
export * from './error-codes';
