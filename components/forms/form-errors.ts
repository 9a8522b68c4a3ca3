/**
 * What a form still shows of its last submit's errors: each submit starts
 * over (the form calls restart() and resets its mutation, so no earlier error
 * survives next to the new ones), and editing a field clears that field's
 * error. Paths are the server's issue paths ("customer.name",
 * "lines.0.unitPriceCents", "skus.1.ean"); "lines.*" stands for a list and
 * everything in it (a removed line shifts the others).
 */
import { useState } from "react";
import type { TrpcErrorLike } from "@/components/ui/error-text";

/** Whether an issue at `path` is about a field edited since the submit. */
export function isEdited(path: string, edited: readonly string[]): boolean {
  return edited.some((e) => (e.endsWith(".*") ? path === e.slice(0, -2) || path.startsWith(e.slice(0, -1)) : path === e));
}

/** Issues by path, less those of edited fields. */
export function remainingIssues<T>(issues: Readonly<Record<string, T>>, edited: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(issues).filter(([path]) => !isEdited(path, edited)));
}

/**
 * The server's error less what edits have cleared: its zod issues of edited
 * fields, or the whole domain error once the field it names (params.field,
 * a bare name such as "ean") was edited. An error about no field stays until
 * the next submit.
 */
export function remainingError<E extends TrpcErrorLike>(error: E | null | undefined, edited: readonly string[]): E | null {
  if (!error) return null;
  const issues = error.data?.zodIssues;
  if (issues?.length) {
    const left = issues.filter((i) => !isEdited(i.path, edited));
    if (left.length === issues.length) return error;
    return left.length > 0 ? { ...error, data: { ...error.data, zodIssues: left } } : null;
  }
  const field = error.data?.params?.field;
  if (typeof field === "string" && edited.some((e) => e === field || e.endsWith(`.${field}`))) return null;
  return error;
}

/** The fields edited since the last submit. */
export function useEdits() {
  const [edited, setEdited] = useState<readonly string[]>([]);
  return {
    edited,
    /** Fields just changed: their errors go. */
    touch: (...paths: string[]) => setEdited((list) => [...list, ...paths]),
    /** A new submit: the errors shown next are only its own. */
    restart: () => setEdited([]),
  };
}
