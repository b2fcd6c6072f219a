// Renders the registry's AsyncAPI document as the YAML committed in
// contracts/asyncapi.yaml. Shared by the generator and the up-to-date test, so both
// produce byte-identical text.
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from '../src/asyncapi/asyncapi-document';
import { integrationEvents } from '../src/registry';
import { topics } from '../src/topics';

export const asyncApiGenerateCommand = 'node -r @swc-node/register contracts/scripts/generate-asyncapi.ts';

export function renderAsyncApiYaml(): string {
  const document = buildAsyncApiDocument({ events: integrationEvents, topics });
  const header = `# Generated from the integration event registry by contracts/scripts/generate-asyncapi.ts.\n# Do not edit: change the declarations in contracts/src and run\n#   ${asyncApiGenerateCommand}\n`;
  return header + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
