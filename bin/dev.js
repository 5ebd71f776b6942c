#!/usr/bin/env node
// Development entry: runs the compiled output in development mode (stack traces, no manifest).
// Keep `npx tsc --watch` running beside it; oclif's tsx dev mode can silently run a stale dist/.
import { execute } from '@oclif/core';

await execute({ development: true, dir: import.meta.url });
