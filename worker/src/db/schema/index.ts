export * from './tenants';
export * from './users';
export * from './memberships';
export * from './teams';
export * from './sessions';
export * from './login-attempts';
export * from './access-log';
export * from './audit-log';
