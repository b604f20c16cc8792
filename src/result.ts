import type { Warning } from "./model/schema.js";

/** What every stage returns: a value and the warnings gathered while producing it. */
export interface Result<T> {
  readonly value: T;
  readonly warnings: readonly Warning[];
}

/** A result with no warnings. */
export function success<T>(value: T): Result<T> {
  return { value, warnings: [] };
}

/** Applies `fn` to the value, keeping the warnings. */
export function map<T, U>(result: Result<T>, fn: (value: T) => U): Result<U> {
  return { value: fn(result.value), warnings: result.warnings };
}

/** Chains a stage that itself returns a result; warnings are concatenated in order. */
export function flatMap<T, U>(result: Result<T>, fn: (value: T) => Result<U>): Result<U> {
  const next = fn(result.value);
  return { value: next.value, warnings: [...result.warnings, ...next.warnings] };
}

/** Joins a list of results into a result of a list. */
export function combine<T>(results: readonly Result<T>[]): Result<T[]> {
  return {
    value: results.map((r) => r.value),
    warnings: results.flatMap((r) => r.warnings),
  };
}
