export * from './organisation';
export * from './petitions';
export * from './outbox';
export * from './staff';
export * from './answers';
