export * from './organisation';
export * from './petitions';
export * from './outbox';
export * from './staff';
export * from './answers';
export * from './calls';
export * from './open311';
export * from './gdpr';
