import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { EditError, FrontMatterEditor } from '../../tools/authoring/editor.js';
import { applyEdits, editsConflict } from '../../tools/edits/text-edits.js';
import { parseFrontMatter, type FrontMatter } from '../../tools/model/frontmatter.js';
import type { TextEdit } from '../../tools/rules/rule.js';
import { lintInMemory } from '../helpers/memory.js';
import { count, deterministic, documentName, documentText, field, frontMatter, hostileString, lifecycleBody, lifecycleFrontMatter, markdown, reportCounts, settings, timeout } from './support.js';

/**
 * Property tests over the text-preserving front matter editor that the authoring commands and
 * `lint --fix` write with. For arbitrary front matter (any key order, comments, quoting, list
 * styles, a byte order mark, CRLF): an edit changes only the bytes of the field it is about, the
 * result reads back as the intended data with every other field as it was, and the body is
 * untouched. A front matter the editor cannot edit safely is refused with an EditError.
 */

const REFERENCE_FIELDS = ['replaces', 'replaced_by', 'supplements'];
const encoder = new TextEncoder();

const editedText = fc.tuple(fc.oneof(lifecycleFrontMatter, frontMatter), fc.oneof(lifecycleBody, markdown), fc.boolean(), fc.boolean(), fc.constantFrom('', '# a comment\n', 'key: value  # trailing\n'));
const listValue = fc.oneof(documentName, hostileString.filter((value) => value.trim() === value && value !== ''));

const operation = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key: field, value: hostileString }),
  fc.record({ op: fc.constant('setList' as const), key: fc.constantFrom(...REFERENCE_FIELDS), values: fc.array(listValue, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('addToList' as const), key: fc.constantFrom(...REFERENCE_FIELDS), value: listValue }),
  fc.record({ op: fc.constant('remove' as const), key: field }),
  fc.record({ op: fc.constant('renameReference' as const), from: documentName, to: documentName }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function topLevelRanges(text: string, fm: FrontMatter): Map<string, [number, number][]> {
  const ranges = new Map<string, [number, number][]>();
  for (const pair of fm.map?.items ?? []) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const value = pair.value as { range?: [number, number, number] } | null;
    if (!key?.range) continue;
    const start = fm.contentStart + key.range[0];
    const end = fm.contentStart + (value?.range?.[1] ?? key.range[1]);
    const name = String(key.value);
    ranges.set(name, [...(ranges.get(name) ?? []), [start, Math.min(end, text.length)]]);
  }
  return ranges;
}

function apply(editor: FrontMatterEditor, operation: Operation): void {
  if (operation.op === 'set') editor.set(operation.key, operation.value);
  else if (operation.op === 'setList') editor.setList(operation.key, operation.values);
  else if (operation.op === 'addToList') editor.addToList(operation.key, operation.value);
  else if (operation.op === 'remove') editor.remove(operation.key);
  else editor.renameReference(operation.from, operation.to);
}

/** The fields an operation may change. */
function touchedKeys(operation: Operation): string[] {
  return operation.op === 'renameReference' ? REFERENCE_FIELDS : [operation.key];
}

function withoutKeys(data: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}

function body(text: string, fm: FrontMatter): string {
  return text.replace(/^\ufeff/, '').slice(fm.range.end);
}

afterAll(() => reportCounts('editor'));

describe('fuzz: front matter edits change only the intended bytes', () => {
  test('set, setList, addToList, remove and renameReference on arbitrary front matter', () => {
    fc.assert(
      fc.property(editedText, operation, ([yaml, markdownBody, bom, crlf, extra], operation) => {
        const original = documentText(`${extra}${yaml}`, markdownBody, bom, crlf);
        const before = parseFrontMatter(original.replace(/^\ufeff/, ''));
        fc.pre(before.usable && before.problems.length === 0);
        count('editor operations');
        const outcome = deterministic(() => {
          const editor = new FrontMatterEditor(original);
          try {
            apply(editor, operation);
            return { text: editor.text, refused: false };
          } catch (error) {
            if (error instanceof EditError) return { text: original, refused: true };
            throw error;
          }
        });
        if (outcome.refused) return;
        const text = outcome.text;
        expect(text.startsWith('\ufeff')).toBe(bom);
        const after = parseFrontMatter(text.replace(/^\ufeff/, ''));
        // Removing the only field leaves an empty block (or only comments): no usable front matter.
        const emptied = operation.op === 'remove' && Object.keys(before.data).length === 1 && after.problems.every((problem) => problem.kind === 'empty' || problem.kind === 'not-mapping');
        expect(after.usable || emptied, after.problems.map((problem) => problem.message).join('\n')).toBe(true);
        expect(body(text, after)).toBe(body(original, before));
        // Every other field reads back as it was.
        const keys = touchedKeys(operation);
        expect(withoutKeys(after.data, keys)).toEqual(withoutKeys(before.data, keys));
        // The field itself holds what was asked for.
        if (operation.op === 'set') expect(after.data[operation.key]).toBe(operation.value);
        if (operation.op === 'setList') expect(after.data[operation.key]).toEqual(operation.values);
        if (operation.op === 'addToList') {
          const list = after.data[operation.key];
          expect(Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? item.trim() : item)) : list).toContain(operation.value);
        }
        if (operation.op === 'remove') expect(Object.hasOwn(after.data, operation.key)).toBe(false);
        // The bytes of every other field are untouched: the text outside the edited field's
        // lines is the same before and after.
        const ranges = topLevelRanges(original.replace(/^\ufeff/, ''), before);
        const stripped = text.replace(/^\ufeff/, '');
        for (const [key, spans] of ranges) {
          if (keys.includes(key)) continue;
          for (const [start, end] of spans) expect(stripped, key).toContain(original.replace(/^\ufeff/, '').slice(start, end));
        }
        if (crlf) expect(stripped.slice(0, after.range.end).replace(/\r\n/g, '')).not.toContain('\n');
      }),
      settings(),
    );
  }, timeout());

  test('lint --fix: each fix stays in the front matter, keeps the body and changes only its field', () => {
    const fixable = fc.tuple(
      documentName,
      fc.tuple(lifecycleFrontMatter, fc.constantFrom('', 'replaces: scs-0100-v1-a.md\n', 'stabilized_at: 2023-01-01\n', 'deprecated_at: 2023-1-1\n', 'supplements: scs-0100-v1-a.md # c\n', "replaced_by: 'scs-0100-v2-a.md'\n")),
      lifecycleBody,
      fc.boolean(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(fixable, { minLength: 1, maxLength: 5 }), (docs) => {
        count('fixes');
        const files = new Map<string, Uint8Array>();
        for (const [name, [yaml, more], markdownBody, bom, crlf] of docs) files.set(name, encoder.encode(documentText(`${more}${yaml}`, markdownBody, bom, crlf)));
        const linted = lintInMemory(files);
        expect(linted.failures).toEqual([]);
        for (const result of linted.results) {
          const doc = linted.documents.find((candidate) => candidate.source.path === result.filePath);
          if (!doc) continue;
          const fixes = result.messages.flatMap((message) => (message.fix ? [{ ruleId: message.ruleId, edits: message.fix }] : []));
          const chosen: TextEdit[] = [];
          for (const fix of fixes) {
            for (const edit of fix.edits) {
              expect(edit.range.start).toBeGreaterThanOrEqual(doc.frontMatter.contentStart);
              expect(edit.range.end).toBeLessThanOrEqual(doc.frontMatter.range.end);
            }
            const fixed = applyEdits(doc.source.text, fix.edits);
            const after = parseFrontMatter(fixed);
            expect(after.usable).toBe(true);
            expect(body(fixed, after)).toBe(body(doc.source.text, doc.frontMatter));
            const keys = fix.ruleId === 'front-matter-date-quoting' ? [] : REFERENCE_FIELDS;
            expect(withoutKeys(after.data, keys)).toEqual(withoutKeys(doc.frontMatter.data, keys));
            if (!fix.edits.some((edit) => chosen.some((other) => editsConflict(edit, other)))) chosen.push(...fix.edits);
          }
          // All fixes that do not touch each other, applied together, still read back.
          const all = parseFrontMatter(applyEdits(doc.source.text, chosen));
          expect(chosen.length === 0 || all.usable).toBe(true);
        }
      }),
      settings(),
    );
  }, timeout());
});
