/**
 * Builders of real standards documents for tests that need many variants. Fixtures on disk
 * (test/fixtures) are preferred; these build the same shape in temporary repositories.
 */
export interface DocumentFields {
  title?: string;
  type?: string;
  status?: string;
  track?: string;
  [field: string]: string | string[] | undefined;
}

export const STANDARD_BODY = `
# {title}

## Introduction

This standard describes {topic} for clouds that follow the SCS standards.

## Terminology

Provider
: The operator of a cloud.

## Motivation

Users rely on {topic} behaving the same way on every compliant cloud.

## Requirements

A compliant cloud MUST offer {topic} as described here.

## Conformance Tests

A test script checks every requirement of this standard.
`;

export function frontMatter(fields: DocumentFields): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(`${key}:`);
      for (const item of value) lines.push(`  - ${item}`);
    } else lines.push(`${key}: ${value}`);
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

/** A Standard with every required and recommended section. */
export function standard(fields: DocumentFields, topic = 'flavor naming'): string {
  const all = { title: 'Flavor Naming', type: 'Standard', status: 'Draft', track: 'IaaS', ...fields };
  return frontMatter(all) + STANDARD_BODY.replaceAll('{title}', all.title).replaceAll('{topic}', topic);
}

export function supplement(fields: DocumentFields & { supplements: string[] }): string {
  const all = { title: '"Implementation Notes"', type: 'Supplement', track: 'IaaS', ...fields };
  return `${frontMatter(all)}\n# Implementation Notes\n\nHints for implementers.\n`;
}
