// The Modeler's element templates (.camunda/element-templates/) stay in step with the code:
// each validates against @camunda/element-templates-json-schema, there is exactly one per delegate
// class in src/main/java/io/openrma/ (any package), each names an existing delegate bean, and the service
// tasks of processes/*.bpmn that use a delegate carry its template and its settings.
//
//   node --test .ci/node/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const templatesDir = join(root, '.camunda/element-templates');
const delegatesDir = join(root, 'src/main/java/io/openrma');
const processesDir = join(root, 'processes');

const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const templates = readdirSync(templatesDir).filter((f) => f.endsWith('.json')).sort().flatMap((file) => {
  const content = JSON.parse(readFileSync(join(templatesDir, file), 'utf8'));
  return (Array.isArray(content) ? content : [content]).map((template) => ({ file, template, content }));
});

/**
 * Spring bean name of every JavaDelegate component: @Component("name") or the class name, decapitalised.
 * A delegate implements JavaDelegate or extends the shared StepDelegate; the abstract base itself is no bean.
 */
const delegateBeans = new Map(readdirSync(delegatesDir, { recursive: true }).filter((f) => /Delegate\.java$/.test(f))
  .filter((file) => !/abstract class/.test(readFileSync(join(delegatesDir, file), 'utf8'))).map((file) => {
  const source = readFileSync(join(delegatesDir, file), 'utf8');
  const className = basename(file).replace(/\.java$/, '');
  assert.match(source, new RegExp(`class ${className}\\b[^{]*(implements[^{]*JavaDelegate|extends StepDelegate)`),
    `${className} is not a JavaDelegate`);
  const component = source.match(/@Component(?:\(\s*(?:value\s*=\s*)?"([^"]+)"\s*\))?/);
  assert.ok(component, `${className} is not a @Component, so no delegateExpression can name it`);
  return [component[1] ?? className[0].toLowerCase() + className.slice(1), className];
}));

const delegateExpression = (template) => template.properties
  .filter((p) => p.binding?.type === 'property' && p.binding?.name === 'camunda:delegateExpression');
const beanOf = (expression) => expression?.match(/^\$\{(\w+)\}$/)?.[1];

test('there are templates and delegates to compare', () => {
  assert.ok(templates.length > 0, `no templates in ${templatesDir}`);
  assert.ok(delegateBeans.size > 0, `no *Delegate classes in ${delegatesDir}`);
});

test('the schema check itself rejects a broken template', () => {
  assert.equal(validate({ name: 'Broken', id: 'broken', properties: [] }), false, 'no appliesTo must fail');
  assert.equal(validate({ name: 'Broken', id: 'broken', appliesTo: ['bpmn:ServiceTask'],
    properties: [{ type: 'Hidden', value: 'x', binding: { type: 'camunda:noSuchBinding', name: 'x' } }] }), false,
  'an unknown binding type must fail');
});

for (const { file, content } of new Map(templates.map((t) => [t.file, t])).values()) {
  test(`${file} validates against @camunda/element-templates-json-schema`, () => {
    const valid = validate(content);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  });
}

for (const { file, template } of templates) {
  test(`${file}: ${template.name} is a Camunda 7 service task template with a hidden delegate`, () => {
    assert.equal(template.$schema,
      'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json');
    assert.deepEqual(template.appliesTo, ['bpmn:ServiceTask']);
    assert.ok(template.description?.length > 20, 'a description says what the step does');
    const bindings = delegateExpression(template);
    assert.equal(bindings.length, 1, 'exactly one camunda:delegateExpression binding');
    assert.equal(bindings[0].type, 'Hidden', 'the delegate expression is not for the analyst to edit');
    const bean = beanOf(bindings[0].value);
    assert.ok(delegateBeans.has(bean),
      `${bindings[0].value} names no delegate bean; beans: ${[...delegateBeans.keys()].join(', ')}`);
    assert.equal(template.id, 'io.openrma.' + delegateBeans.get(bean).replace(/Delegate$/, ''));
  });
}

test('exactly one template per delegate class, and template ids are unique', () => {
  const byBean = new Map();
  for (const { file, template } of templates) {
    const bean = beanOf(delegateExpression(template)[0]?.value);
    byBean.set(bean, [...(byBean.get(bean) ?? []), file]);
  }
  for (const [bean, className] of delegateBeans) {
    assert.equal(byBean.get(bean)?.length ?? 0, 1,
      `${className} needs exactly one template in .camunda/element-templates/, found: ${byBean.get(bean) ?? 'none'}`);
  }
  const ids = templates.map(({ template }) => `${template.id}@${template.version ?? ''}`);
  assert.equal(new Set(ids).size, ids.length, `duplicate template ids: ${ids.join(', ')}`);
});

test('every service task of processes/*.bpmn that calls a delegate is that delegate\'s templated task', async () => {
  const moddle = new BpmnModdle({ camunda: require('camunda-bpmn-moddle/resources/camunda.json') });
  const byBean = new Map(templates.map(({ template }) => [beanOf(delegateExpression(template)[0].value), template]));
  let checked = 0;
  for (const file of readdirSync(processesDir).filter((f) => f.endsWith('.bpmn'))) {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(join(processesDir, file), 'utf8'));
    assert.deepEqual(warnings.map((w) => w.message), [], `${file} parses cleanly`);
    for (const task of serviceTasks(rootElement)) {
      const bean = beanOf(task.delegateExpression);
      if (!bean) {
        continue;
      }
      checked++;
      const where = `${file} ${task.id}`;
      const template = byBean.get(bean);
      assert.ok(template, `${where}: no template for ${task.delegateExpression}`);
      assert.equal(task.modelerTemplate, template.id, `${where} carries camunda:modelerTemplate="${template.id}"`);
      assert.equal(Number(task.modelerTemplateVersion), template.version, `${where}: template version`);
      for (const property of template.properties.filter((p) => p.binding.type === 'property')) {
        const name = property.binding.name.replace(/^camunda:/, '');
        const actual = task[name] ?? (property.type === 'Boolean' ? false : undefined);
        assert.equal(actual, property.value, `${where}: ${property.binding.name} as in the template`);
      }
      for (const property of template.properties.filter((p) => p.binding.type === 'camunda:property')) {
        const values = (task.extensionElements?.values ?? []).filter((e) => e.$type === 'camunda:Properties')
          .flatMap((e) => e.values).filter((p) => p.name === property.binding.name).map((p) => p.value);
        assert.deepEqual(values, [property.value], `${where}: extension property ${property.binding.name}`);
      }
    }
  }
  assert.ok(checked > 0, 'no service task with a delegateExpression found');
});

function* serviceTasks(element) {
  for (const child of [...(element.rootElements ?? []), ...(element.flowElements ?? [])]) {
    if (child.$type === 'bpmn:ServiceTask') {
      yield child;
    }
    yield* serviceTasks(child);
  }
}
