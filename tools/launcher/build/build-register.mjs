// Loaded with `node --import` before a compiled service (see build.ts): maps the workspace
// aliases (@gap/…) to the compiled files. GAP_BUILD_DIR names the build, as the launcher set it.
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const aliases = JSON.parse(readFileSync(join(process.env.GAP_BUILD_DIR, 'aliases.json'), 'utf8'));
register('./build-hooks.mjs', import.meta.url, { data: { aliases } });
