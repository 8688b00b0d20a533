/** Exit codes: 0 clean, 1 findings, 2 usage, configuration or internal failure. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
