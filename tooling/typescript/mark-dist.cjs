#!/usr/bin/env node
// Post-build step shared by every package: marks dist/esm as ESM and dist/cjs as CommonJS so
// Node picks the right loader for each half of the dual build.
const fs = require('node:fs');
const path = require('node:path');

const dist = path.resolve(process.cwd(), 'dist');
fs.writeFileSync(path.join(dist, 'esm', 'package.json'), '{"type":"module"}\n');
fs.writeFileSync(path.join(dist, 'cjs', 'package.json'), '{"type":"commonjs"}\n');
