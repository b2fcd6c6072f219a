// Writes contracts/asyncapi.yaml from the integration event registry.
//   node -r @swc-node/register contracts/scripts/generate-asyncapi.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderAsyncApiYaml } from './asyncapi-yaml';

const file = resolve(__dirname, '..', 'asyncapi.yaml');
writeFileSync(file, renderAsyncApiYaml());
console.log(`wrote ${file}`);
