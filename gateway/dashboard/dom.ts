// A tiny element builder, so views read as the markup they make. Text is always set as text, never as HTML.

export type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | null>;

const nodes = (children: Child[]): (Node | string)[] =>
  children.flatMap((child) => (child === null || child === undefined || child === false ? [] : [typeof child === 'number' ? String(child) : child]));

/** `h('td', { class: 'measure', 'data-value': 0.12 }, '12 %')`; false, null and undefined attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...nodes(children));
  return element;
}

/** Replaces everything inside `container`. */
export function show(container: Element, ...children: Child[]): void {
  container.replaceChildren(...nodes(children));
}

/** Adds a click handler and returns the element, to wire buttons where they are made. */
export function onClick<E extends HTMLElement>(element: E, handler: () => void): E {
  element.addEventListener('click', handler);
  return element;
}
