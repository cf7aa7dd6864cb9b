/** `T` without `readonly`: for building the generator's read-only data (`CommandSpec`, `FlagSpec`, ...) a field at a time. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
