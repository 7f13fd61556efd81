/**
 * Checks API answers against the OpenAPI document the app serves, with a real JSON Schema
 * validator (ajv, draft 2020-12 as OpenAPI 3.1 uses): the response schema of the operation's path
 * template and status code must exist and accept the body. Records which operations were exercised.
 */
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/env.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => void;

interface OpenApiDocument {
  servers: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

export class Contract {
  readonly exercised = new Set<string>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: { template: string; pattern: RegExp }[];

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'openapi');
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** The document's path template of a request path such as /api/v1/agencies/x. */
  templateOf(path: string): string {
    const base = this.document.servers[0].url;
    const local = new URL(path, 'http://x').pathname.slice(base.length);
    const found = this.templates.find((t) => t.pattern.test(local));
    assert.ok(found, `no operation in the OpenAPI document for ${path}`);
    return found.template;
  }

  /** Asserts that `body` is a valid `status` answer of GET `path` for `mediaType`. */
  check(path: string, status: number, body: unknown, mediaType = 'application/json') {
    const template = this.templateOf(path);
    const responses = this.document.paths[template].get.responses;
    assert.ok(responses[String(status)], `${template} does not document status ${status}`);
    const pointer = ['paths', template, 'get', 'responses', String(status), 'content', mediaType]
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.ajv.getSchema(`openapi#/${pointer}/schema`);
    assert.ok(validate, `${template} ${status} has no ${mediaType} schema`);
    if (!validate(body))
      assert.fail(
        `${path} ${status}: ${this.ajv.errorsText(validate.errors, { separator: '\n' })}`,
      );
    this.exercised.add(`${template} ${status}`);
  }
}

/** GETs `path` from the app, checks a JSON answer against the contract, returns status and body. */
export async function getJson(
  app: Hono<AppEnv>,
  contract: Contract,
  path: string,
  headers: Record<string, string> = {},
) {
  const res = await app.request(path, { headers });
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the fields the contract just validated
  const body: any = await res.json();
  contract.check(path, res.status, body);
  return { status: res.status, body, headers: res.headers };
}
