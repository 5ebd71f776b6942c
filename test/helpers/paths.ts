import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Tests run from dist/test/**; the repository root is found relative to this compiled file.
const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (holds package.json). */
export const repoRoot = path.resolve(here, '..', '..', '..');
/** The shared corpora beside the checkout (`../shared/corpora`). */
export const corporaDir = path.resolve(repoRoot, '..', 'shared', 'corpora');
/** Committed small fixtures (`test/fixtures`, read from the source tree, not dist). */
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
