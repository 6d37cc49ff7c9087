/** Types of ./start.mjs, for the unit test (test/unit/start.test.ts). */
export declare const MENTIONS_PAGE: string;
export declare const BROWSER_CANDIDATES: Record<string, string[]>;
export declare function extensionIdForPath(dir: string, platform?: string): string;
export declare function findBrowser(options?: {
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (file: string) => boolean;
}): string | null;
export declare function hasDisplay(options?: { env?: Record<string, string | undefined>; platform?: string }): boolean;
export declare function isBrandedChrome(browser: string): boolean;
export declare function launchArgs(options: { profileDir: string; extensionDir: string; startUrl: string }): string[];
export declare function manualInstructions(extensionDir: string): string;
