// Writes forms/inspect-return.form: one block of fields per returned line, for as many lines as a
// return can have (CreateReturnRequest allows 50). Blocks beyond the return's own lines are hidden,
// and hidden fields are neither validated nor submitted.
//
// Why not a form-js dynamic list bound to inspectionLines: Tasklist 7.24 disables "Complete" as soon
// as a field inside a dynamic list changes (it counts form-js's per-list error container as an error
// even when it is empty), so such a form can never be completed. InspectionInTasklistBrowserTest shows
// this form working in the real Tasklist.
//
//   node .ci/node/generate-inspection-form.mjs            (write)
//   node .ci/node/generate-inspection-form.mjs --check    (exit 1 when the committed form differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_LINES = 50;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const target = join(root, 'forms/inspect-return.form');

// The labels are ItemCondition.label() and Disposition.label() in Java; InspectionFormTest keeps them equal.
const CONDITIONS = [
  ['New, unopened', 'NEW'],
  ['Opened, as new', 'OPENED'],
  ['Used', 'USED'],
  ['Damaged', 'DAMAGED'],
  ['Wrong item', 'WRONG_ITEM'],
  ['Missing', 'MISSING']
];
const DISPOSITIONS = [
  ['Restock', 'RESTOCK'],
  ['Refurbish', 'REFURBISH'],
  ['Scrap', 'SCRAP'],
  ['Return to customer', 'RETURN_TO_CUSTOMER']
];

const values = (pairs) => pairs.map(([label, value]) => ({ label, value }));

/** The fields of slot n (1-based) read the n-th entry of the Json variable inspectionLines. */
function slot(n) {
  const line = `inspectionLines[${n}]`;
  const row = `Line${n}Grade`;
  return {
    id: `Line${n}`,
    type: 'group',
    label: '',
    showOutline: true,
    conditional: { hide: `=count(inspectionLines) < ${n}` },
    components: [
      {
        id: `Line${n}Item`,
        type: 'text',
        text: `**Line {{${line}.lineNo}}: {{${line}.quantityReturned}} x {{${line}.description}}** `
          + `({{${line}.sku}}), customer's reason: {{${line}.reason}}`
      },
      {
        id: `Line${n}Received`,
        type: 'number',
        key: `line${n}Received`,
        label: 'Units received',
        description: `0 to {{${line}.quantityReturned}}`,
        validate: { required: true, min: 0, max: `=${line}.quantityReturned` },
        layout: { row, columns: 3 }
      },
      {
        id: `Line${n}Condition`,
        type: 'select',
        key: `line${n}Condition`,
        label: 'Condition',
        values: values(CONDITIONS),
        validate: { required: true },
        layout: { row, columns: 5 }
      },
      {
        id: `Line${n}Disposition`,
        type: 'select',
        key: `line${n}Disposition`,
        label: 'What happens to it',
        values: values(DISPOSITIONS),
        validate: { required: true },
        layout: { row, columns: 4 }
      },
      {
        id: `Line${n}Notes`,
        type: 'textfield',
        key: `line${n}Notes`,
        label: 'Notes (optional)',
        validate: { maxLength: 1000 },
        layout: { row, columns: 4 }
      }
    ]
  };
}

function inspectionForm() {
  return {
    id: 'inspect-return',
    type: 'default',
    executionPlatform: 'Camunda Platform',
    executionPlatformVersion: '7.24.0',
    exporter: { name: 'OpenRMA .ci/node/generate-inspection-form.mjs', version: '1' },
    schemaVersion: 16,
    components: [
      {
        id: 'Heading',
        type: 'text',
        text: '## Inspect return {{rmaNumber}}\n\nCustomer: **{{pii_customerName}}**. Grade every line: how many units arrived, their condition and what '
          + 'happens to them. Items graded *wrong item* or *missing* are not refunded; a missing item has 0 units '
          + 'received.'
      },
      {
        id: 'ReturnSummary',
        type: 'text',
        text: '{{returnSummary}}'
      },
      ...Array.from({ length: MAX_LINES }, (_, i) => slot(i + 1))
    ]
  };
}

const text = JSON.stringify(inspectionForm(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('forms/inspect-return.form differs from .ci/node/generate-inspection-form.mjs: '
      + 'change the generator and run it (node .ci/node/generate-inspection-form.mjs)');
    process.exit(1);
  }
  console.log('forms/inspect-return.form is what the generator writes');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${MAX_LINES} line slots)`);
}
