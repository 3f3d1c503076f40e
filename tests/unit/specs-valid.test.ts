// Every spec we ship must pass the OpenAPI validator and load into the model;
// a failure names the file and the validator's reason.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate, compileErrors } from '@readme/openapi-parser';
import { loadApi } from '../../src/openapi/load.node.ts';

const dir = 'openapi';
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('specs in openapi/', () => {
  it('has the three seed APIs', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['aimlapi.yaml', 'melancholy.yaml', 'melious.yaml']));
  });

  for (const file of files) {
    it(`${file} is valid OpenAPI`, async () => {
      const result = await validate(join(dir, file));
      if (!result.valid) expect.fail(`${join(dir, file)}: ${compileErrors(result)}`);
      const api = await loadApi(join(dir, file));
      expect(api.operations.length, `${file} has no operations`).toBeGreaterThan(0);
    });
  }
});
