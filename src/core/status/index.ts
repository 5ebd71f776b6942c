export { readStatus } from './read-status.js';
export type * from './status-types.js';
