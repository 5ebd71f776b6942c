#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// PGlite is PostgreSQL compiled to WebAssembly. V8 recompiles its hot functions with the
// optimising tier in background threads: for a command that runs seconds, that costs more
// CPU than it saves and ~90 MB of peak memory. The baseline tier keeps queries as fast; only
// large HNSW builds in the embedded store are slower. Set before anything compiles WASM.
if (process.env.BBJ_WASM_OPTIMIZE !== '1') setFlagsFromString('--liftoff-only');

const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });
