// psl ships types (types/index.d.ts) but its package "exports" map does not point TypeScript at
// them under the project's module resolution; this declares the one function used.
declare module 'psl' {
  interface ParsedDomain {
    input: string;
    tld: string | null;
    sld: string | null;
    domain: string | null;
    subdomain: string | null;
    listed: boolean;
  }
  interface ErrorResult {
    input: string;
    error: { code: string; message: string };
  }
  const psl: { parse(domain: string): ParsedDomain | ErrorResult };
  export default psl;
}
