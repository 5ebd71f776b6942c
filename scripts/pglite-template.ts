// Build step: makes the embedded store's pre-initialised data directory once per PGlite
// version (see createPglite), so a new store skips initdb. Does nothing when it exists.
import { writePgliteTemplate } from '../src/core/store/pglite-open.js';

console.log(`PGlite template: ${await writePgliteTemplate()}`);
