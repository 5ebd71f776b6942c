// The module a parse thread runs (`new Worker(builtinParseWorker)`): the built-in plugins, serving
// the host's jobs. Third-party parsers are not loaded here; their sources are parsed in the run's thread.
import { serveParseThread } from '../core/pipeline/parse-thread-worker.js';
import { builtinRegistry } from './builtins.js';

serveParseThread(builtinRegistry());
