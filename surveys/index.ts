// Public API of surveys/ for the server. The client imports surveys/browser.ts (no node: modules).
export * from './browser.ts';
export { questionnaireHash } from './hash.ts';
