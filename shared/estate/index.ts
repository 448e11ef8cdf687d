// The estate's public face: read snapshots, merge them, derive the environment, audit.
export { parseSnapshot, validateSnapshot, MAX_SNAPSHOT_CHARS } from './readSnapshot.js';
export { mergeSnapshots } from './merge.js';
export { environmentFromSnapshot, owaImSettings, exchangeVersionOf, sfbVersionOf, windowsVersionOf } from './environment.js';
export { estateBindings, estateHosts, type EstateBindings, type EstateHost, type HostCertificate, type EvaluationPlan } from './bindings.js';
export { auditEstate, type AuditOptions } from './audit.js';
export type * from './auditTypes.js';
export type * from './snapshot.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, EXCHANGE_SERVICES } from './snapshot.js';
