/**
 * The package's name and version, sent in the `User-Agent` header. Kept as
 * constants (not read from package.json at runtime) so every build format
 * works; test/client/client.test.ts ("version") keeps them equal to package.json.
 */
export const PACKAGE_NAME = "telnyx-typed";
export const VERSION = "0.1.0";
export const USER_AGENT = `${PACKAGE_NAME}/${VERSION}`;
