import { LineIndex } from './positions.js';

/**
 * The first syntax error of a JSON text, in JSON's terms (the parser of the configuration is
 * YAML's, which reads JSON too but words its errors for YAML), or undefined when it is valid JSON.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let index = 0;
  const open: { char: string; offset: number }[] = [];
  const fail = (message: string, offset = index): never => {
    throw Object.assign(new Error(message), { offset });
  };
  const space = (): void => {
    while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++;
  };
  const end = (what: string): string => {
    const last = open[open.length - 1];
    return last ? `the file ends before the \`${last.char}\` ${at(last.offset)} is closed` : `the file ends where ${what} was expected`;
  };
  const points = new LineIndex(text);
  const at = (offset: number): string => {
    const point = points.point(offset);
    return `at ${point.line}:${point.column}`;
  };
  const shown = (): string => {
    const char = text[index] as string;
    return /[\u0000-\u001f]/.test(char) ? `a control character (U+${char.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})` : `\`${char}\``;
  };
  const string = (): void => {
    const start = index++;
    while (index < text.length) {
      const char = text[index] as string;
      if (char === '"') {
        index++;
        return;
      }
      if (char === '\\') {
        const next = text[index + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail('`\\u` is followed by four hexadecimal digits in a JSON string');
          index += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2;
        else fail(`\`\\${next ?? ''}\` is not an escape of JSON (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        continue;
      }
      if (char.charCodeAt(0) < 0x20) fail(`${shown()} inside a string: write it as an escape, or close the string ${at(start)} with \`"\``);
      index++;
    }
    fail(`the file ends inside the string that starts ${at(start)}`, start);
  };
  const value = (): void => {
    space();
    if (index >= text.length) fail(end('a value'));
    const char = text[index] as string;
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      open.push({ char, offset: index });
      index++;
      space();
      if (text[index] === close) {
        index++;
        open.pop();
        return;
      }
      for (;;) {
        space();
        if (char === '{') {
          if (index >= text.length) fail(end('a key'));
          if (text[index] !== '"') fail(`expected a key in double quotes, found ${shown()}`);
          string();
          space();
          if (index >= text.length) fail(end('`:`'));
          if (text[index] !== ':') fail(`expected \`:\` after the key, found ${shown()}`);
          index++;
        }
        value();
        space();
        if (index >= text.length) fail(end(`\`,\` or \`${close}\``));
        if (text[index] === ',') {
          index++;
          space();
          if (text[index] === close) fail(`a \`,\` before \`${close}\`: JSON allows no comma after the last entry`, index - 1);
          continue;
        }
        if (text[index] === close) {
          index++;
          open.pop();
          return;
        }
        fail(`expected \`,\` or \`${close}\` after ${char === '{' ? 'the value' : 'the entry'}, found ${shown()}`);
      }
    }
    if (char === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index, index + 400));
    if (literal && !/^[\w.]/.test(text.slice(index + literal[0].length, index + literal[0].length + 1))) {
      index += literal[0].length;
      return;
    }
    if (char === '/' && (text[index + 1] === '/' || text[index + 1] === '*')) fail('comments are not JSON: remove them, or use a YAML configuration');
    if (char === "'") fail('strings in JSON are in double quotes');
    fail(`expected a value (text in double quotes, a number, true, false, null, \`{\` or \`[\`), found ${shown()}`);
  };
  try {
    if (text.trim() === '') return undefined;
    value();
    space();
    if (index < text.length) fail(`${shown()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    const offset = (error as { offset?: number }).offset;
    if (typeof offset !== 'number') throw error;
    return { offset: Math.min(offset, Math.max(0, text.length - 1)), message: (error as Error).message };
  }
}
