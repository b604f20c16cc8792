/** Types of build-web.mjs for the tests and the bench (TypeScript). */
export declare const MAX_BYTES: number;
export declare const WEB_PAGE: string;
export declare function buildWebPage(out?: string): Promise<number>;
