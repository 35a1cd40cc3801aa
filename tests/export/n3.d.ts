/** The part of n3 (which ships no type declarations) the export tests use to read Turtle. */
declare module 'n3' {
  export interface Term {
    termType: string;
    value: string;
    language: string;
    datatype: { value: string };
  }
  export interface Quad {
    subject: Term;
    predicate: Term;
    object: Term;
  }
  export class Parser {
    constructor(options?: { format?: string; baseIRI?: string });
    parse(input: string): Quad[];
  }
}
