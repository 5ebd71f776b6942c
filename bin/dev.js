#!/usr/bin/env node
// Development entry: runs the compiled output in development mode (stack traces, no manifest).
// Keep `npx tsc --watch` running beside it; oclif's tsx dev mode can silently run a stale dist/.
import { rmSync } from 'node:fs';
import { execute } from '@oclif/core';

// `npm run build` writes oclif.manifest.json so the built CLI skips importing every command;
// under `tsc --watch` it would go stale, so development runs without it.
rmSync(new URL('../oclif.manifest.json', import.meta.url), { force: true });

await execute({ development: true, dir: import.meta.url });
