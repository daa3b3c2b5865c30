/**
 * Typing the fake against @types/office-js: each fake class implements `Subset` of its Excel
 * class, so member names and parameter types are the real ones, with Excel objects replaced by
 * their fakes.
 */
import type { FakeObject } from "./object";

type Fake<T> = T extends readonly (infer U)[]
  ? Fake<U>[]
  : T extends OfficeExtension.ClientObject
    ? FakeObject
    : T;
type FakeArgs<A extends readonly unknown[]> = { [I in keyof A]: Fake<A[I]> };
/** Members K of Excel class T, with their real names and parameter types; Excel objects become fakes. */
export type Subset<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: FakeArgs<A>) => Fake<R> : Fake<T[P]>;
};
