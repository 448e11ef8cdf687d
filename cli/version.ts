// The CLI's version, as `certbench --version` prints it. Kept equal to package.json's by a test
// (test/cli/version.test.ts): the bundle must not read package.json at run time.
export const VERSION = '0.1.0';
