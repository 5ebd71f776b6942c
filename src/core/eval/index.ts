export { evaluate } from './run-eval.js';
export { matchesExpectation } from './expectation.js';
export { parseQuestionSet, type Question } from './question-set.js';
export * from './eval-types.js';
