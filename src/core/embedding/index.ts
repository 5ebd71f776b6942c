export { HttpEmbedderBase, PREFLIGHT_ATTEMPTS, PREFLIGHT_BUDGET_MS, PROBE_TEXT, type CallOptions, type EmbedderProtocol, type HttpEmbedderConfig } from './http-embedder.js';
export {
  HttpStatusError,
  classifyHttpError,
  describeHttpError,
  fetchOk,
  httpErrorFrom,
  httpStatusOf,
  isInputTooLong,
  isTimeout,
  networkErrorCode,
  type FailureContext,
  type FailureHints,
} from './http-errors.js';
export { checkVectors, type VectorExpectation } from './vectors.js';
