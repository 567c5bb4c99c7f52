// forms/inspect-return.form is generated: a hand edit would be lost the next time someone runs
// the generator, so the committed form must be exactly what the generator writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const generator = join(dirname(fileURLToPath(import.meta.url)), '..', 'generate-inspection-form.mjs');

test('forms/inspect-return.form is what .ci/node/generate-inspection-form.mjs writes', () => {
  const run = spawnSync(process.execPath, [generator, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
