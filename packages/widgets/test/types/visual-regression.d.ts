// @web/test-runner-visual-regression 0.10.0 re-exports a file without types (TOOLCHAIN.md pitfall 8).
export function visualDiff(element: Element, name: string): Promise<void>;
