import type { Page } from 'playwright-core';

export interface ContentScriptWorld {
  /** Evaluates an expression (awaiting a promise) in the extension's isolated world on the page. */
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Reaches the content script's isolated world through the DevTools protocol (Playwright only
 * evaluates in the page's main world). Call before navigating: it records the worlds as they appear.
 */
export async function contentScriptWorld(page: Page, extensionName = 'Spendprint'): Promise<ContentScriptWorld> {
  const cdp = await page.context().newCDPSession(page);
  const isolated: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    // Playwright has isolated worlds of its own; the extension's carries the extension's name.
    if (aux?.type === 'isolated' && context.name === extensionName) isolated.push(context.id);
  });
  await cdp.send('Runtime.enable');
  return {
    async evaluate(expression) {
      const deadline = Date.now() + 10_000;
      while (isolated.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const contextId = isolated.at(-1);
      if (contextId === undefined) throw new Error('the content script never ran on this page');
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
  };
}
