// Filled in by the integration harness: prepares the migrated template database once per run.
export default async function setup(): Promise<void> {}
