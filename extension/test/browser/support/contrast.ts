import type { Page } from 'playwright-core';

/** WCAG 2.x relative luminance of an sRGB colour given as 0–255 channels. */
function luminance([r, g, b]: readonly number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

function channels(cssColour: string): number[] {
  const match = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(cssColour);
  if (!match) throw new Error(`not an rgb() colour: ${cssColour}`);
  if (match[4] !== undefined && Number(match[4]) < 1) throw new Error(`translucent colour: ${cssColour}`);
  return match.slice(1, 4).map(Number);
}

/** WCAG contrast ratio (1–21) of two opaque computed colours such as "rgb(11, 91, 37)". */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(channels(foreground)), luminance(channels(background))].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

export interface ColourPair {
  element: string;
  text: string;
  color: string;
  background: string;
}

/**
 * The computed text colour and the nearest opaque background of every text-bearing element
 * inside the extension's shadow roots on `page` (badges, totals, panels, buttons).
 */
export function extensionColourPairs(page: Page): Promise<ColourPair[]> {
  return page.evaluate(() => {
    const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*, 0\)$/.test(colour);
    const backgroundOf = (element: Element): string => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (!transparent(colour)) return colour;
      }
      return getComputedStyle(document.body).backgroundColor.replace(/^rgba\(0, 0, 0, 0\)$/, 'rgb(255, 255, 255)');
    };
    const pairs = [];
    for (const host of Array.from(document.querySelectorAll('[data-spendprint-host]'))) {
      for (const element of Array.from(host.shadowRoot?.querySelectorAll('*') ?? [])) {
        const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
        if (!ownText) continue;
        pairs.push({ element: `${element.localName}.${element.className}`, text: element.textContent!.trim().slice(0, 40), color: getComputedStyle(element).color, background: backgroundOf(element) });
      }
    }
    return pairs;
  });
}
