/** Russian counts have two more plural forms than English: a key with `_one` needs `_few` and `_many` there too. */
type RussianPlurals<T> = { [K in keyof T as K extends `${infer Base}_one` ? `${Base}_few` | `${Base}_many` : never]: string };

/** The Russian file of a domain fills exactly its English file's keys, with the extra plural forms. */
export type RussianOf<T> = { -readonly [K in keyof T]: T[K] extends string ? string : RussianOf<T[K]> } & RussianPlurals<T>;
