/**
 * Layout checks for the extension's own pages (popup, full comparison).
 */
import type { Page } from '@playwright/test';

/** Opens every collapsible part of the comparison view, so checks see expanded content too. */
export async function expandEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    for (const button of document.querySelectorAll<HTMLButtonElement>('main button[aria-expanded="false"]')) button.click();
  });
}

/**
 * Everything that scrolls or sticks out sideways: the page itself, any inner
 * scroll box wider than its box (a hidden sideways scroll, like the old Diff
 * column), and any visible element whose right edge leaves the viewport.
 * Empty when the page reads without sideways scrolling.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.visually-hidden, [hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (/(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} scrolls sideways by ${el.scrollWidth - el.clientWidth}px`);
      }
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > root.clientWidth + 1) problems.push(`${name(el)} ends at ${Math.round(box.right)}px`);
    }
    return problems.slice(0, 10);
  });
}
