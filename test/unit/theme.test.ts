// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTheme, resolveCardTheme, resolvePageTheme } from '@/lib/theme';

/** A fresh document whose <html> carries `attributes`. */
function page(attributes: Record<string, string>): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  for (const [name, value] of Object.entries(attributes)) doc.documentElement.setAttribute(name, value);
  return doc;
}

describe('detectTheme', () => {
  it.each<[string, Record<string, string>, boolean, 'light' | 'dark']>([
    // GitHub, explicit modes: the page wins over the system.
    ['GitHub light on a dark system', { 'data-color-mode': 'light', 'data-light-theme': 'light', 'data-dark-theme': 'dark' }, true, 'light'],
    ['GitHub dark on a light system', { 'data-color-mode': 'dark', 'data-light-theme': 'light', 'data-dark-theme': 'dark' }, false, 'dark'],
    ['GitHub dark dimmed', { 'data-color-mode': 'dark', 'data-dark-theme': 'dark_dimmed' }, false, 'dark'],
    ['GitHub dark high contrast', { 'data-color-mode': 'dark', 'data-dark-theme': 'dark_high_contrast' }, false, 'dark'],
    ['GitHub light high contrast', { 'data-color-mode': 'light', 'data-light-theme': 'light_high_contrast' }, true, 'light'],
    // GitHub auto: the system decides which slot, the slot's theme decides.
    ['GitHub auto, light system', { 'data-color-mode': 'auto', 'data-light-theme': 'light', 'data-dark-theme': 'dark_dimmed' }, false, 'light'],
    ['GitHub auto, dark system', { 'data-color-mode': 'auto', 'data-light-theme': 'light', 'data-dark-theme': 'dark_dimmed' }, true, 'dark'],
    ['GitHub auto, dark system, dark colorblind', { 'data-color-mode': 'auto', 'data-dark-theme': 'dark_colorblind' }, true, 'dark'],
    // Single-theme setting: a dark theme chosen for the "light" slot.
    ['GitHub light mode with a dark theme named', { 'data-color-mode': 'light', 'data-light-theme': 'dark_dimmed' }, false, 'dark'],
    ['GitHub dark mode with a light theme named', { 'data-color-mode': 'dark', 'data-dark-theme': 'light' }, true, 'light'],
    // Mode without theme names, or an unknown name: the mode decides.
    ['GitHub dark mode, no theme names', { 'data-color-mode': 'dark' }, false, 'dark'],
    ['GitHub light mode, unknown theme name', { 'data-color-mode': 'light', 'data-light-theme': 'solarized' }, true, 'light'],
    ['GitHub mode in capitals', { 'data-color-mode': 'DARK' }, false, 'dark'],
    // Not GitHub.
    ['no hints, light system', {}, false, 'light'],
    ['no hints, dark system', {}, true, 'dark'],
    ['unknown data-color-mode falls through to the system', { 'data-color-mode': 'sepia' }, true, 'dark'],
    ['docs site data-theme=dark on a light system', { 'data-theme': 'dark' }, false, 'dark'],
    ['docs site data-theme=light on a dark system', { 'data-theme': 'light' }, true, 'light'],
    ['docs site data-theme=auto follows the system', { 'data-theme': 'auto' }, true, 'dark'],
    ['GitHub wins over data-theme', { 'data-color-mode': 'light', 'data-theme': 'dark' }, true, 'light'],
  ])('%s', (_name, attributes, prefersDark, expected) => {
    expect(detectTheme(page(attributes), prefersDark)).toBe(expected);
  });

  it('follows the system when there is no document element', () => {
    expect(detectTheme({ documentElement: null }, true)).toBe('dark');
    expect(detectTheme({ documentElement: null }, false)).toBe('light');
  });

  it('reads the live document', () => {
    document.documentElement.setAttribute('data-color-mode', 'dark');
    expect(detectTheme(document, false)).toBe('dark');
    document.documentElement.removeAttribute('data-color-mode');
    expect(detectTheme(document, false)).toBe('light');
  });
});

describe('the theme setting', () => {
  const darkPage = { documentElement: { getAttribute: (name: string) => (name === 'data-color-mode' ? 'dark' : null) } };
  it('card: auto follows the page, light and dark are forced', () => {
    expect(resolveCardTheme('auto', darkPage, false)).toBe('dark');
    expect(resolveCardTheme('light', darkPage, true)).toBe('light');
    expect(resolveCardTheme('dark', { documentElement: null }, false)).toBe('dark');
  });
  it('extension pages: auto follows the system', () => {
    expect(resolvePageTheme('auto', true)).toBe('dark');
    expect(resolvePageTheme('auto', false)).toBe('light');
    expect(resolvePageTheme('dark', false)).toBe('dark');
    expect(resolvePageTheme('light', true)).toBe('light');
  });
});
