import type { z } from 'zod';

/** "httpIntake.port: must be 1024 or higher" — the field first, so a form can point at it. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        return `${issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ')}: unknown field`;
      }
      return `${path || 'input'}: ${issue.message}`;
    })
    .join('; ');
}
