/**
 * Registers a class under a tag unless the tag is taken: loading both the bundle and a define module
 * (or one twice) must not throw. Only the modules in src/define/ call it.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
