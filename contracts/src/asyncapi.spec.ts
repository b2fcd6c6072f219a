// The committed contracts/asyncapi.yaml is valid AsyncAPI 3.0, generated from the
// registry and not behind it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asyncApiGenerateCommand, renderAsyncApiYaml } from '../scripts/asyncapi-yaml';
import { channelAddressOf } from './asyncapi/asyncapi-document';
import { deadLetterTopicOf } from './core/topics';
import { integrationEvents } from './registry';
import { allTopics } from './topics';

const committed = readFileSync(resolve(__dirname, '..', 'asyncapi.yaml'), 'utf8');

describe('contracts/asyncapi.yaml', () => {
  let parsed: Awaited<ReturnType<Parser['parse']>>;
  beforeAll(async () => {
    parsed = await new Parser().parse(committed);
  }, 30_000);

  it('parses as AsyncAPI without error diagnostics', () => {
    const errors = parsed.diagnostics.filter((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error));
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(parsed.document?.version()).toBe('3.0.0');
  });

  it('is what the registry generates today', () => {
    expect(committed, `contracts/asyncapi.yaml is out of date with the registry; run ${asyncApiGenerateCommand}`).toBe(renderAsyncApiYaml());
  });

  it('has a channel for every topic and its dead-letter topic', () => {
    const addresses =
      parsed.document
        ?.channels()
        .all()
        .map((channel) => channel.address()) ?? [];
    for (const topic of allTopics) {
      expect(addresses).toContain(channelAddressOf(integrationEvents, topic));
      expect(addresses).toContain(deadLetterTopicOf(channelAddressOf(integrationEvents, topic)));
    }
    // Delivered per organisation: one channel with an {organisation} parameter, never the declared topic itself.
    expect(addresses).toContain('wcc.municipality.to-care-provider.{organisation}.v1');
    expect(addresses).not.toContain('wcc.municipality.to-care-provider.v1');
    expect(addresses).toContain('wcc.employer-network.to-insurer.v1');
  });

  it('describes every registered event on its topic, with its schema and CloudEvents headers', () => {
    const document = parse(committed) as {
      channels: Record<string, { address: string; messages: Record<string, unknown> }>;
      components: { messages: Record<string, { name: string; payload: unknown; headers: { properties: Record<string, { const?: string }>; required: string[] } }> };
    };
    for (const definition of integrationEvents) {
      const message = Object.values(document.components.messages).find((candidate) => candidate.name === definition.type);
      expect(message, `${definition.type} has no message`).toBeDefined();
      expect(message?.payload).toEqual(JSON.parse(JSON.stringify(definition.schema)));
      expect(message?.headers.properties['ce_type']?.const).toBe(definition.type);
      expect(message?.headers.required).toEqual(expect.arrayContaining(['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_sequence', 'content-type']));
      for (const topic of definition.topics) {
        const channel = Object.values(document.channels).find((candidate) => candidate.address === channelAddressOf(integrationEvents, topic));
        expect(Object.keys(channel?.messages ?? {}), `${definition.type} on ${topic}`).toContain(`${definition.name}V${definition.version}`);
      }
    }
  });

  it('shows examples whose headers fit the CloudEvents header schema (the parser does not check this)', () => {
    const document = parse(committed) as { components: { messages: Record<string, { headers: object; examples?: { headers: unknown }[] }> } };
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    for (const [id, message] of Object.entries(document.components.messages)) {
      for (const example of message.examples ?? []) {
        const fits = ajv.validate(message.headers, example.headers);
        expect(fits, `${id}: ${ajv.errorsText()}`).toBe(true);
      }
    }
  });

  it('has a send operation by each producer for the events it publishes, on every topic it routes them to', () => {
    const operations = parsed.document?.operations().all() ?? [];
    for (const definition of integrationEvents) {
      const sending = operations.filter(
        (operation) =>
          operation.action() === 'send' &&
          operation
            .messages()
            .all()
            .some((message) => message.name() === definition.type),
      );
      expect(sending.map((operation) => operation.channels().all()[0]?.address()).sort()).toEqual(definition.topics.map((topic) => channelAddressOf(integrationEvents, topic)).sort());
      for (const operation of sending)
        expect(
          operation
            .tags()
            .all()
            .map((tag) => tag.name()),
        ).toEqual([definition.producer]);
    }
  });
});
