#!/usr/bin/env node
// The `tenure` CLI: TypeScript sources loaded through tsx in this process.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { register } = await import('tsx/esm/api');
register();
const here = path.dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(path.join(here, '../src/cli/main.ts')).href);
